"""The results commands on a fully rated demo database, files read back."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader


def test_results_export_and_print_on_a_rated_demo(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    demo = cli.json("demo", "--participants", "6", "--seed", "4", "--with-ratings")
    code = demo["event_code"]
    assert demo["ratings"]["integrated"] == 6

    results = cli.json("results", "--event", code)
    people = results["peserta"]
    assert len(people) == 6 and all(p["jpm"] is not None and p["kategori"] in {"O", "CO", "KO"} for p in people)
    assert [c["kode"] for c in results["kompetensi"]][0] == "M.01"
    assert all(set(p["level"]) == {c["kode"] for c in results["kompetensi"]} for p in people)
    text = cli("results", "--event", code).stdout
    assert "6 dari 6 peserta sudah memiliki hasil" in text and "JPM" in text

    cli("export", "results", "--event", code, "--out", str(tmp_path / "rekap.xlsx"))
    rows = list(load_workbook(tmp_path / "rekap.xlsx").active.iter_rows(values_only=True))
    names = {row[1] for row in rows}
    assert {p["nama"] for p in people} <= names

    out = cli("print", "psychograms", "--event", code, "--out", str(tmp_path / "psikogram.pdf")).stdout
    assert "Psikogram tersimpan" in out
    reader = PdfReader(str(tmp_path / "psikogram.pdf"))
    assert people[0]["nama"] in reader.pages[0].extract_text()

    # none of the demo's reports is approved yet: no final report prints, drafts only on request
    refused = cli("print", "reports", "--event", code, "--out", str(tmp_path / "final.pdf"), check=False)
    assert refused.returncode == 2 and "disetujui QC" in refused.stderr and "Traceback" not in refused.stderr
    assert not (tmp_path / "final.pdf").exists()
    out = cli("print", "reports", "--event", code, "--out", str(tmp_path / "laporan.pdf"),
              "--include-unapproved").stdout
    assert "6 laporan belum disetujui dicetak sebagai pratinjau bertanda DRAF" in out
    pages = [page.extract_text() for page in PdfReader(str(tmp_path / "laporan.pdf")).pages]
    report = "\n".join(pages)
    assert report.count("LAPORAN INDIVIDU") == 6 and "JOB PERSON MATCH" in report
    assert all("DRAF" in page for page in pages) and "Nomor:" not in report


def test_unknown_event_is_a_clear_error(cli) -> None:  # type: ignore[no-untyped-def]
    cli("demo", "--participants", "2")
    result = cli("results", "--event", "TIDAK-ADA", check=False)
    assert result.returncode == 2 and "Kegiatan dengan kode 'TIDAK-ADA' tidak ditemukan." in result.stderr


def test_printing_before_the_meeting_says_why(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code = cli.json("demo", "--participants", "3")["event_code"]
    result = cli("print", "reports", "--event", code, "--out", str(tmp_path / "x.pdf"), check=False)
    assert result.returncode == 2 and "Belum ada peserta yang memiliki hasil rapat integrasi" in result.stderr
    assert not (tmp_path / "x.pdf").exists()
