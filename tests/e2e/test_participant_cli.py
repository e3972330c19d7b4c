"""The participant commands on a real database file, as an administrator scripts them."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

IMPORT = Path(__file__).resolve().parents[1] / "fixtures" / "import"


def test_import_prints_every_rejected_row_and_a_last_line(cli) -> None:  # type: ignore[no-untyped-def]
    code = cli("demo", "--participants", "4").stdout.strip()
    dry = cli("import", "participants", str(IMPORT / "bad_rows.xlsx"), "--event", code, "--dry-run")
    assert dry.stdout.strip().splitlines()[-1].startswith("diimpor 0, ditolak 10 (uji coba: 10 baris siap")
    run = cli("import", "participants", str(IMPORT / "bad_rows.xlsx"), "--event", code)
    lines = run.stdout.strip().splitlines()
    assert lines[-1] == "diimpor 10, ditolak 10"
    rejected = [line for line in lines if line.startswith("Baris ")]
    assert len(rejected) == 10
    assert "Baris 7: ditolak - Nama kosong" in rejected
    assert any(line.startswith("Baris 3: ditolak - NIP tidak sah: NIP harus 18 digit") for line in rejected)
    again = cli.json("import", "participants", str(IMPORT / "clean.csv"), "--event", code)
    # clean.csv repeats four people of bad_rows.xlsx: they are in the event already
    assert (again["imported"], again["rejected"], again["first_number"]) == (2, 4, 15)
    assert all("sudah terdaftar sebagai peserta kegiatan ini" in r["reasons"][0] for r in again["rejected_rows"])


def test_import_errors_are_sentences_not_tracebacks(cli) -> None:  # type: ignore[no-untyped-def]
    code = cli("demo", "--participants", "2").stdout.strip()
    bad = cli("import", "participants", str(IMPORT / "not_spreadsheet.xlsx"), "--event", code, check=False)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr and "dokumen PDF" in bad.stderr
    missing = cli("import", "participants", str(IMPORT / "clean.xlsx"), "--event", "TIDAK-ADA", check=False)
    assert missing.returncode == 2 and "tidak ditemukan" in missing.stderr
    no_nip = cli("import", "participants", str(IMPORT / "no_nip_column.xlsx"), "--event", code, check=False)
    assert no_nip.returncode == 2 and "NIP" in no_nip.stderr


def test_groups_and_export(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code = cli("demo", "--participants", "40").stdout.strip()
    groups = cli.json("groups", "--event", code, "--sets", "3")
    assert groups["participants"] == 40 and len(groups["waves"]) == 2
    assert all(4 <= size <= 8 for wave in groups["waves"] for size in wave["group_sizes"])
    out = tmp_path / "kelompok.xlsx"
    cli("export", "participants", "--event", code, "--out", str(out), "--kind", "kelompok")
    assert load_workbook(out).sheetnames == ["Gelombang 1", "Gelombang 2"]
    listing = tmp_path / "peserta.xlsx"
    cli("export", "participants", "--event", code, "--out", str(listing))
    sheet = load_workbook(listing).active
    assert sheet["A1"].value == "DAFTAR PESERTA"
    assert sum(1 for row in sheet.iter_rows(values_only=True) if isinstance(row[0], int)) == 40
