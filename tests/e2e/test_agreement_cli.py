"""Perjanjian kerja sama printed from the CLI: parties and both numbers, the articles of the template in
order, the cost from the budget in words, both signature blocks and the materai place; numbered from
the register; an event without a requesting agency is refused with a sentence (issue 16 items 4, 7, 8)."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from pypdf import PdfReader

from ukom_desktop.domain.budget import rupiah
from ukom_desktop.domain.terbilang import terbilang

ARTICLES = ("MAKSUD DAN TUJUAN", "RUANG LINGKUP", "HAK DAN KEWAJIBAN", "BIAYA", "JANGKA WAKTU",
            "KERAHASIAAN DATA HASIL PENILAIAN", "KEADAAN KAHAR", "PENYELESAIAN PERSELISIHAN", "PENUTUP")


def text_of(path: Path) -> str:
    return re.sub(r"\s+", " ", " ".join(page.extract_text() or "" for page in PdfReader(path).pages))


def test_agreement_with_the_requesting_agency(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code = cli.json("demo", "--participants", "4")["event_code"]
    with sqlite3.connect(cli.db) as conn:
        conn.execute("UPDATE event SET requesting_agency = 'Badan Kepegawaian Daerah Provinsi Jawa Tengah'")
    total = cli.json("budget", "--event", code)["jumlah"]
    out = tmp_path / "pks.pdf"
    result = cli.json("print", "agreement", "--event", code, "--out", str(out), "--date", "2026-11-02",
                      "--partner-number", "800/123/BKD/2026", "--partner-signer", "Dra. Sri Lestari, M.Si.",
                      "--partner-position", "Kepala Badan Kepegawaian Daerah")
    assert result["nomor"] == "1/PKS/PK/XI/2026"
    text = text_of(out)
    head = ["PERJANJIAN KERJA SAMA", "ANTARA", "DENGAN", "BADAN KEPEGAWAIAN DAERAH PROVINSI JAWA TENGAH", "TENTANG",
            "NOMOR: 1/PKS/PK/XI/2026", "NOMOR: 800/123/BKD/2026",
            "Pada hari ini Senin tanggal dua bulan November tahun dua ribu dua puluh enam"]
    articles = [f"Pasal {n} {title}" for n, title in enumerate(ARTICLES, start=1)]
    position = 0
    for part in [*head, *articles, "PIHAK KEDUA,", "Dra. Sri Lestari, M.Si."]:
        position = text.find(part, position)
        assert position >= 0, part
    assert "Meterai Rp10.000" in text
    assert "selanjutnya disebut PIHAK PERTAMA" in text and "selanjutnya disebut PIHAK KEDUA" in text
    assert f"{rupiah(total)} ({terbilang(total)} rupiah)" in text
    assert "4 (empat) pegawai PIHAK KEDUA" in text


def test_agreement_needs_a_partner(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code = cli.json("demo", "--participants", "2")["event_code"]
    with sqlite3.connect(cli.db) as conn:
        conn.execute("UPDATE event SET requesting_agency = ''")
    result = cli("print", "agreement", "--event", code, "--out", str(tmp_path / "x.pdf"), check=False)
    assert result.returncode == 2 and "Instansi pemohon" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "x.pdf").exists()
