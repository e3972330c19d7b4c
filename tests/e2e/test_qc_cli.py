"""`ukom-desktop qc` and the QC documents on a fully rated demo event, through the real CLI."""

from __future__ import annotations

import re
from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader


def text_of(path: Path) -> str:
    return re.sub(r"\s+", " ", " ".join(page.extract_text() or "" for page in PdfReader(path).pages))


def test_qc_status_print_and_export(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code = cli("demo", "--participants", "6", "--with-ratings").stdout.strip()

    data = cli.json("qc", "--event", code)
    assert data["kegiatan"] == code
    assert data["jumlah_per_status"]["draft"] == 6
    assert sum(data["jumlah_per_status"].values()) == 6
    assert data["tenggat_penulisan"] and data["tenggat_qc"] > data["tenggat_penulisan"]
    assert all(set(r["pemeriksaan"]) and r["status"] == "draft" for r in data["gagal_pemeriksaan"])
    text = cli("qc", "--event", code).stdout
    assert f"{code} - " in text and "Draf 6" in text and "Gagal pemeriksaan otomatis:" in text

    evaluation = tmp_path / "evaluasi.pdf"
    printed = cli.json("print", "assessor-evaluation", "--event", code, "--out", str(evaluation))
    assert printed["halaman"] == len(PdfReader(evaluation).pages)
    assert "LAPORAN EVALUASI KINERJA ASESOR" in text_of(evaluation)

    activity = tmp_path / "laporan-kegiatan.pdf"
    cli("print", "activity-report", "--event", code, "--out", str(activity))
    content = text_of(activity)
    assert "LAPORAN KEGIATAN" in content and "Peserta yang diundang : 6 orang" in content
    assert "Belum ada laporan individu yang diserahkan." in content

    workbook = tmp_path / "laporan-kegiatan.xlsx"
    cli("export", "activity-report", "--event", code, "--out", str(workbook))
    assert "Gap kompetensi" in load_workbook(workbook).sheetnames
    cli("export", "assessor-evaluation", "--event", code, "--out", str(tmp_path / "evaluasi.xlsx"))

    refused = cli("print", "feedback", "--event", code, "--out", str(tmp_path / "ub.pdf"), check=False)
    assert refused.returncode == 2 and "lulus QC" in refused.stderr + refused.stdout
    assert not (tmp_path / "ub.pdf").exists()
    preview = tmp_path / "ub-pratinjau.pdf"
    cli("print", "feedback", "--event", code, "--out", str(preview), "--per-unit", "--include-unapproved")
    assert "UMPAN BALIK HASIL PENILAIAN KOMPETENSI UNIT KERJA" in text_of(preview)
    assert all("DRAF" in (page.extract_text() or "") for page in PdfReader(preview).pages)  # every page marked


def test_unknown_event_is_explained(cli) -> None:  # type: ignore[no-untyped-def]
    cli("demo", "--participants", "2")
    result = cli("qc", "--event", "TIDAK-ADA", check=False)
    assert result.returncode == 2
    assert "tidak ditemukan" in result.stderr + result.stdout
    assert "Traceback" not in result.stderr
