"""Delivery of results printed from the CLI: the cover letter to the requesting agency with the recap by
category and the approved reports only, and a tanda terima; numbered from the register; nothing to
deliver is refused with a sentence (issue 16 items 6, 7, 8)."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from pypdf import PdfReader
from test_pdf_fonts_embedded import font_problems


def test_delivery_letter_lists_the_approved_reports(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code = cli.json("demo", "--participants", "8", "--with-qc", "--seed", "4")["event_code"]
    out = tmp_path / "penyampaian.pdf"
    result = cli.json("print", "delivery", "--event", code, "--out", str(out), "--date", "2026-12-10",
                      "--copy", "Kepala Badan")
    assert result["nomor"] == "1/HSL/PK/XII/2026"
    pages = [re.sub(r"\s+", " ", p.extract_text() or "") for p in PdfReader(out).pages]
    letter, receipt = " ".join(pages[:-1]), pages[-1]
    with sqlite3.connect(cli.db) as conn:
        agency = conn.execute("SELECT requesting_agency FROM event WHERE code = ?", (code,)).fetchone()[0]
        approved = conn.execute(
            "SELECT p.name, r.report_number FROM individual_report r JOIN event_participant ep ON ep.id = r.event_participant_id "
            "JOIN participant p ON p.id = ep.participant_id WHERE r.status IN ('disetujui', 'diserahkan')"
        ).fetchall()
        others = [n for (n,) in conn.execute(
            "SELECT p.name FROM individual_report r JOIN event_participant ep ON ep.id = r.event_participant_id "
            "JOIN participant p ON p.id = ep.participant_id WHERE r.status NOT IN ('disetujui', 'diserahkan')")]
    assert approved and others
    assert "Nomor : 1/HSL/PK/XII/2026" in letter and "Hal : Penyampaian Hasil Penilaian Kompetensi" in letter
    assert f"Yth. Pimpinan {agency}" in letter and "Jakarta, 10 Desember 2026" in letter
    assert f"Lampiran : {len(approved)} berkas" in letter
    assert all(name in letter and number in letter for name, number in approved)
    assert not any(name in letter for name in others)
    total = re.search(r"Jumlah (\d+) Laporan hasil", letter)
    assert total is not None and int(total.group(1)) == 8  # the recap counts every integrated participant
    assert "Tembusan: Kepala Badan" in letter
    assert receipt.startswith("TANDA TERIMA") and "1/HSL/PK/XII/2026" in receipt
    assert "Yang menyerahkan," in receipt and "Yang menerima," in receipt
    with sqlite3.connect(cli.db) as conn:
        kinds = {k for (k,) in conn.execute("SELECT kind FROM issued_document")}
    assert {"penyampaian_hasil", "tanda_terima"} <= kinds
    assert font_problems(out) == []


def test_nothing_approved_nothing_delivered(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code = cli.json("demo", "--participants", "4", "--with-ratings")["event_code"]  # a group holds 4-8
    result = cli("print", "delivery", "--event", code, "--out", str(tmp_path / "x.pdf"), check=False)
    assert result.returncode == 2 and "disetujui QC" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "x.pdf").exists()
