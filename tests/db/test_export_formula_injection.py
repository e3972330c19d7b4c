"""Issue 12 item 7: text that came in through an import and starts with "=", "+", "-" or "@" is written
as text in every Excel export, never as a live formula; a control character never stops an export.
Issue 12 item 14: an export whose target cannot be replaced (open in Excel) is a sentence naming the file."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import create_engine, text

sys.path.insert(0, str(Path(__file__).parent))
from rated_demo import rated_demo_copy  # noqa: E402

from ukom_desktop.cli import main  # noqa: E402

EVIL_PARTICIPANT = '=HYPERLINK("http://contoh.invalid/x","Klik")'
EVIL_ASSESSOR = "=cmd|' /C calc'!A0"
EVIL_UNIT = "@SUM(1+1)\x1b\x07\x0c"


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    folder = tmp_path_factory.mktemp("hostile")
    path = rated_demo_copy(folder)
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        conn.execute(text("UPDATE participant SET name = :n, unit = :u"), {"n": EVIL_PARTICIPANT, "u": EVIL_UNIT})
        conn.execute(text("UPDATE team_member SET name = :n"), {"n": EVIL_ASSESSOR})
        code = conn.execute(text("SELECT code FROM event")).scalar_one()
    engine.dispose()
    return path, code


def _cells(path: Path) -> list:
    workbook = load_workbook(path)
    return [cell for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row]


EXPORTS = [
    ("participants", ["export", "participants", "--kind", "semua"], EVIL_PARTICIPANT),
    ("results", ["export", "results"], EVIL_PARTICIPANT),
    ("schedule-peserta", ["export", "schedule", "--kind", "peserta"], EVIL_PARTICIPANT),
    ("schedule-asesor", ["export", "schedule", "--kind", "asesor"], EVIL_ASSESSOR),
    ("team", ["export", "team"], EVIL_ASSESSOR),
    ("assessor-evaluation", ["export", "assessor-evaluation"], EVIL_ASSESSOR),
    ("activity-report", ["export", "activity-report"], "@SUM(1+1)"),
]


@pytest.mark.parametrize(("label", "command", "expected"), EXPORTS, ids=[e[0] for e in EXPORTS])
def test_every_export_writes_hostile_text_as_text(
    hostile_db: tuple[Path, str], tmp_path: Path, label: str, command: list[str], expected: str, capsys
) -> None:
    db, code = hostile_db
    out = tmp_path / f"{label}.xlsx"
    args = ["--db", str(db), *command, "--out", str(out)]
    if command[1] != "team":
        args += ["--event", code]
    assert main(args) == 0, capsys.readouterr().err
    cells = _cells(out)
    assert not [c.coordinate for c in cells if c.data_type == "f"], "a cell became a formula"
    hits = [c for c in cells if isinstance(c.value, str) and c.value.startswith(expected)]
    assert hits, f"{expected!r} not found in {label}"
    assert all(c.data_type == "s" for c in hits)
    assert not any(isinstance(c.value, str) and "\x1b" in c.value for c in cells)


def test_export_onto_a_file_open_in_excel_names_the_file(
    hostile_db: tuple[Path, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    db, code = hostile_db
    out = tmp_path / "peserta.xlsx"
    out.write_bytes(b"isi lama")

    def locked(src: object, dst: object) -> None:  # what Windows does while Excel holds the file
        raise PermissionError(13, "Permission denied", str(dst))

    monkeypatch.setattr(os, "replace", locked)
    assert main(["--db", str(db), "export", "participants", "--event", code, "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "'peserta.xlsx'" in err and "Tutup berkas ini di Excel lalu coba lagi" in err
    assert "Traceback" not in err and "Kesalahan tak terduga" not in err
    assert out.read_bytes() == b"isi lama"
    assert [p.name for p in tmp_path.iterdir()] == ["peserta.xlsx"]  # no temporary file left


def test_pdf_onto_a_file_open_in_acrobat_names_the_file(
    hostile_db: tuple[Path, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    db, code = hostile_db
    out = tmp_path / "rekap.pdf"
    out.write_bytes(b"%PDF lama")

    def locked(src: object, dst: object) -> None:
        raise PermissionError(13, "Permission denied", str(dst))

    monkeypatch.setattr(os, "replace", locked)
    assert main(["--db", str(db), "export", "results", "--event", code, "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "'rekap.pdf'" in err and "Tutup berkas ini di Acrobat" in err
    assert out.read_bytes() == b"%PDF lama"
    assert [p.name for p in tmp_path.iterdir()] == ["rekap.pdf"]


def test_export_into_a_folder_that_is_a_file_is_a_sentence(
    hostile_db: tuple[Path, str], tmp_path: Path, capsys
) -> None:
    db, code = hostile_db
    blocker = tmp_path / "laporan"
    blocker.write_text("bukan folder")
    out = blocker / "peserta.xlsx"
    assert main(["--db", str(db), "export", "participants", "--event", code, "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "'peserta.xlsx'" in err and "folder tujuan tidak ada" in err


def test_a_backup_that_cannot_be_written_is_a_sentence(hostile_db: tuple[Path, str], tmp_path: Path, capsys) -> None:
    db, _code = hostile_db
    blocker = tmp_path / "cadangan"
    blocker.write_text("bukan folder")
    assert main(["--db", str(db), "db", "backup", "--to", str(blocker / "salinan.sqlite")]) != 0
    err = capsys.readouterr().err
    assert "'salinan.sqlite'" in err and "tidak dapat ditulis" in err and "Kesalahan tak terduga" not in err
