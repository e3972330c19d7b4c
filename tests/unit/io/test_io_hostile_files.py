"""Issue 12 items 4 and 6: hostile and broken files give a preview or a sentence, within bounded time and
memory. The dangerous files are read in a child process with a 1.5 GB address-space limit, so a
regression fails this test instead of taking the test run (or the window) down."""

from __future__ import annotations

import io
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from ukom_desktop.io import limits
from ukom_desktop.io.participant_rows import parse_participant_rows
from ukom_desktop.io.spreadsheet_reader import SpreadsheetError, read_table

HEADER = ["No", "NIP", "Nama", "Jabatan", "Unit Kerja", "No HP"]
NIP_1, NIP_2 = "198609262015051001", "199001012015032002"


def _read_in_child(path: Path) -> str:
    """read_table(path) in a child with limited memory; 'ok', the sentence, or the way it died."""
    code = textwrap.dedent(f"""
        import resource, sys
        resource.setrlimit(resource.RLIMIT_AS, (1536 * 1024 * 1024, 1536 * 1024 * 1024))
        from ukom_desktop.io.spreadsheet_reader import SpreadsheetError, read_table
        try:
            read_table({str(path)!r})
        except SpreadsheetError as exc:
            print("SENTENCE:" + str(exc))
        else:
            print("SENTENCE:ok")
    """)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, f"the reader died (exit {result.returncode}): {result.stderr[-800:]}"
    return result.stdout.split("SENTENCE:", 1)[1].strip()


def test_a_value_in_cell_xfd1048576_is_refused_with_a_sentence(tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    sheet.append([1, NIP_1, "Budi", "Analis", "Dinas A", "0812"])
    sheet["XFD1048576"] = "x"
    path = tmp_path / "jauh.xlsx"
    workbook.save(path)
    assert path.stat().st_size < 10_000
    sentence = _read_in_child(path)
    assert "batasnya 100.000 baris dan 200 kolom" in sentence and "XFD" in sentence


def test_a_zip_bomb_workbook_is_refused_before_unpacking(tmp_path: Path) -> None:
    workbook = Workbook()
    workbook.active.append(HEADER)
    buffer = io.BytesIO()
    workbook.save(buffer)
    path = tmp_path / "bom.xlsx"
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source, zipfile.ZipFile(
        path, "w", zipfile.ZIP_DEFLATED
    ) as target:
        for info in source.infolist():
            target.writestr(info, source.read(info))
        target.writestr("xl/media/image1.bin", b"\0" * (64 * 1024 * 1024))
    assert path.stat().st_size < 1_000_000
    sentence = _read_in_child(path)
    assert "terlalu besar setelah dibuka" in sentence


def test_rows_beyond_the_limit_are_a_sentence(tmp_path: Path) -> None:
    path = tmp_path / "panjang.csv"
    path.write_text("NIP;Nama\n" + "1;a\n" * (limits.MAX_ROWS + 5), encoding="utf-8")
    with pytest.raises(SpreadsheetError, match="batasnya 100.000 baris"):
        read_table(path)


def test_a_csv_field_over_131072_characters_is_a_sentence(tmp_path: Path) -> None:
    path = tmp_path / "kutip.csv"
    path.write_text(f"NIP;Nama\n{NIP_1};\"{'a' * 140_000}\n", encoding="utf-8")
    with pytest.raises(SpreadsheetError, match=r"lebih panjang dari 131\.072 karakter"):
        read_table(path)


def test_an_unclosed_quote_rejects_the_row_that_swallowed_the_next_line(tmp_path: Path) -> None:
    path = tmp_path / "kutip.csv"
    path.write_text(
        "NIP;Nama;Unit Kerja\n"
        f"{NIP_1};\"Budi Santoso;Dinas A\n"
        f"{NIP_2};Siti Aminah;Dinas B\n",
        encoding="utf-8",
    )
    preview = parse_participant_rows(read_table(path))
    assert preview.ok_count + preview.warning_count == 0
    assert preview.rejected_count == 1
    (verdict,) = preview.rows
    assert verdict.row_number == 2
    assert any("Tanda kutip" in reason and "baris 2-3" in reason for reason in verdict.errors)


def test_hidden_characters_are_removed_from_names_with_a_note(tmp_path: Path) -> None:
    path = tmp_path / "tersembunyi.csv"
    path.write_text(
        "NIP;Nama;Unit Kerja\n"
        f"{NIP_1};Bu\u200bdi \u202eotnaS\u202c;Dinas\x1b A\x07\n"
        f"{NIP_2};Siti\x0c Aminah;Dinas B\n",
        encoding="utf-8",
    )
    preview = parse_participant_rows(read_table(path))
    names = [row.record.name for row in preview.rows]
    assert names == ["Budi otnaS", "Siti Aminah"]
    assert preview.rows[0].record.unit == "Dinas A"
    assert any("Karakter tersembunyi" in note and "baris 2, 3" in note for note in preview.notes)


def test_a_10000_character_name_rejects_that_row_only(tmp_path: Path) -> None:
    path = tmp_path / "nama.csv"
    path.write_text(f"NIP;Nama\n{NIP_1};{'A' * 10_000}\n{NIP_2};Siti Aminah\n", encoding="utf-8")
    preview = parse_participant_rows(read_table(path))
    first, second = preview.rows
    assert first.status == "ditolak" and any("terlalu panjang (10000 karakter; paling banyak 150)" in e
                                             for e in first.errors)
    assert second.importable


def test_field_limits_equal_the_database_columns() -> None:
    from ukom_desktop.db.models import Participant

    columns = Participant.__table__.columns
    expected = {"nama": columns["name"].type.length, "tempat_lahir": columns["birth_place"].type.length,
                "jabatan": columns["jabatan"].type.length, "unit": columns["unit"].type.length,
                "instansi": columns["agency"].type.length, "no_hp": columns["phone"].type.length,
                "email": columns["email"].type.length}
    assert {k: v for k, v in limits.PARTICIPANT_FIELD_LENGTHS.items() if k in expected} == expected


def test_team_rows_get_the_same_protection(tmp_path: Path) -> None:
    from ukom_desktop.io.team_rows import parse_team_rows

    path = tmp_path / "tim.csv"
    path.write_text(
        "Nama;NIP;Peran\n"
        f"\"Dr. Budi;{NIP_1};asesor\n"
        f"Siti\u200b Aminah;{NIP_2};asesor\n"
        f"{'B' * 300};;asesor\n",
        encoding="utf-8",
    )
    preview = parse_team_rows(read_table(path))
    first = preview.rows[0]
    assert first.status == "ditolak" and "Tanda kutip" in first.errors[0]
    path.write_text(f"Nama;NIP;Peran\nSiti\u200b Aminah;{NIP_2};asesor\n{'B' * 300};;asesor\n", encoding="utf-8")
    preview = parse_team_rows(read_table(path))
    assert preview.rows[0].record.name == "Siti Aminah" and preview.rows[0].importable
    assert preview.rows[1].status == "ditolak" and "Nama terlalu panjang (300 karakter" in preview.rows[1].errors[0]
    assert any("Karakter tersembunyi" in note for note in preview.notes)


@pytest.mark.parametrize(("ref", "beyond"), [("A1", False), ("GR1", False), ("A100000", False), ("GR99999", False),
                                             ("GS1", True), ("HA7", True), ("AAA1", True), ("A100001", True),
                                             ("A1048576", True), ("100001", True), ("99999", False)])
def test_the_quick_extent_pass_agrees_with_the_limits(ref: str, beyond: bool) -> None:
    from ukom_desktop.io.raw_sheet import _column_index
    from ukom_desktop.io.xlsx_guards import _BEYOND_LIMITS

    letters = ref.rstrip("0123456789")
    row = int(ref[len(letters):])
    really = row > limits.MAX_ROWS or (bool(letters) and _column_index(letters) + 1 > limits.MAX_COLUMNS)
    assert really == beyond
    found = _BEYOND_LIMITS.search(f'<c r="{ref}" t="s">'.encode())
    # The quick pass may look closer (row 100,000 exactly), never miss a reference beyond the limits.
    assert found is not None or not beyond
