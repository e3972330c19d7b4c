"""`competencies export|import|check` and `print formulation` through the real command line."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook, load_workbook
from pypdf import PdfReader


def test_export_import_dry_run_and_formulation_pdf(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code = cli("demo", "--participants", "6").stdout.strip()
    book = tmp_path / "kompetensi.xlsx"
    out = cli("competencies", "export", str(book), "--event", code).stdout
    assert "9 kompetensi dan standar 2 jabatan" in out
    assert load_workbook(book).sheetnames == ["Kamus Kompetensi", "Standar Jabatan", "Matriks Alat Ukur"]

    data = cli.json("competencies", "import", str(book), "--dry-run")
    assert data["ok"] and not data["imported"] and data["issues"] == []
    data = cli.json("competencies", "import", str(book))
    assert data["imported"] and data["result"]["competencies_updated"] == 9

    check = cli.json("competencies", "check", "--event", code)
    assert check["ok"] and check["coverage"]["M.01"] == 2

    pdf = tmp_path / "rumusan.pdf"
    assert "Dokumen rumusan kompetensi" in cli("print", "formulation", "--event", code, "--out", str(pdf)).stdout
    text = " ".join((page.extract_text() or "") for page in PdfReader(pdf).pages)
    text = " ".join(text.split())
    for name in ("Kepala Bagian Umum dan Kepegawaian", "Kepala Subbagian Tata Usaha", "Integritas", "Perekat Bangsa",
                 "Pengambilan Keputusan", "NIP. 19681115 199202 1 002"):
        assert name in text


def test_import_with_errors_and_unknown_event_exit_2_and_change_nothing(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cli("demo", "--participants", "3")
    wb = Workbook()
    ws = wb.active
    for row in (["Jabatan", "Jenjang", "Kompetensi", "Level Standar"],
                ["Kepala Subbagian Tata Usaha", "Pengawas", "Integritas", 9],
                ["Kepala Subbagian Tata Usaha", "Pengawas", "Kepemimpinan", 2]):
        ws.append(row)
    wb.save(tmp_path / "salah.xlsx")
    result = cli("competencies", "import", str(tmp_path / "salah.xlsx"), check=False)
    assert result.returncode == 2
    assert "Level 9 untuk M.01" in result.stderr and "'Kepemimpinan' tidak dikenal" in result.stderr
    assert "Traceback" not in result.stderr
    book = tmp_path / "setelah.xlsx"
    cli("competencies", "export", str(book))
    levels = {row[3]: row[5] for row in load_workbook(book)["Standar Jabatan"].iter_rows(values_only=True)
              if row[0] == "Kepala Subbagian Tata Usaha"}
    assert levels["M.01"] == 2

    result = cli("print", "formulation", "--event", "TIDAK-ADA", "--out", str(tmp_path / "x.pdf"), check=False)
    assert result.returncode == 2 and "Kegiatan dengan kode TIDAK-ADA tidak ditemukan." in result.stderr
    assert not (tmp_path / "x.pdf").exists()

