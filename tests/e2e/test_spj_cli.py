"""SPJ documents printed from the CLI and read back with pypdf: daftar nominatif with PPh and totals in
words, one kuitansi per payment, daftar hadir konsumsi, rekap realisasi; each print registered
(issue 16 items 2, 7, 8)."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

from pypdf import PdfReader

from ukom_desktop.domain.budget import thousands
from ukom_desktop.domain.terbilang import terbilang


def pages_of(path: Path) -> list[str]:
    return [re.sub(r"\s+", " ", page.extract_text() or "") for page in PdfReader(path).pages]


def words(amount: int) -> str:
    text = terbilang(amount)
    return f"{text[:1].upper()}{text[1:]} rupiah"


def test_spj_documents_of_the_demo_event(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code = cli.json("demo", "--participants", "6", "--with-ratings")["event_code"]
    with sqlite3.connect(cli.db) as conn:
        conn.execute("INSERT INTO setting (key, value, updated_at) VALUES (?, ?, datetime())",
                     ("anggaran.ppk", json.dumps({"name": "Drs. Bambang Hartono", "nip": "197001011995031001"})))
    budget = cli.json("budget", "--event", code)
    fees = budget["honorarium"]
    net = sum(f["neto"] for f in fees)

    cli("print", "honoraria", "--event", code, "--out", str(tmp_path / "nominatif.pdf"), "--date", "2026-11-25")
    text = " ".join(pages_of(tmp_path / "nominatif.pdf"))
    assert "DAFTAR NOMINATIF PEMBAYARAN HONORARIUM" in text
    assert all(f["nama"] in text for f in fees)
    assert f"JUMLAH {thousands(sum(f['bruto'] for f in fees))}" in text
    assert thousands(sum(f["pph"] for f in fees)) in text and thousands(net) in text
    assert f"Terbilang (jumlah diterima): {words(net)}." in text
    assert "Pejabat Pembuat Komitmen" in text and "Drs. Bambang Hartono" in text and "Bendahara Pengeluaran" in text
    assert "Jakarta, 25 November 2026" in text or "25 November 2026" in text
    marks = re.findall(r"\b(\d+)\. \.{6,}", text)
    assert [int(m) for m in marks] == list(range(1, len(fees) + 1))  # the numbered signature places

    cli("print", "receipts", "--event", code, "--out", str(tmp_path / "kuitansi.pdf"), "--date", "2026-11-25")
    receipts = pages_of(tmp_path / "kuitansi.pdf")
    people: dict[str, list[dict]] = {}
    for fee in fees:
        people.setdefault(fee["nama"], []).append(fee)
    assert len(receipts) == len(people)  # one kuitansi per person
    for page, (name, own) in zip(receipts, people.items(), strict=True):
        gross, tax, net = (sum(f[k] for f in own) for k in ("bruto", "pph", "neto"))
        assert "KUITANSI" in page and name in page
        assert f"Uang sebesar : Rp{thousands(gross)}" in page and f"Terbilang : {words(gross)}" in page
        assert f"PPh pasal 21 ({own[0]['pph_persen']}%) : Rp{thousands(tax)}" in page
        assert f"Jumlah diterima : Rp{thousands(net)}" in page
        assert all(f["uraian"] in page for f in own)

    cli("print", "consumption", "--event", code, "--out", str(tmp_path / "konsumsi.pdf"))
    text = " ".join(pages_of(tmp_path / "konsumsi.pdf"))
    assert "DAFTAR HADIR PENERIMA KONSUMSI" in text and all(f["nama"] in text for f in fees)
    with sqlite3.connect(cli.db) as conn:
        days = [d for (d,) in conn.execute("SELECT DISTINCT date(starts_at) FROM schedule_session ORDER BY 1")]
        names = [n for (n,) in conn.execute("SELECT name FROM participant")]
    assert days and all("-".join(reversed(day.split("-"))) in text for day in days)  # one column per day
    assert all(name in text for name in names)

    cli("print", "realisation", "--event", code, "--out", str(tmp_path / "realisasi.pdf"))
    text = " ".join(pages_of(tmp_path / "realisasi.pdf"))
    assert "REKAPITULASI REALISASI ANGGARAN" in text
    assert f"JUMLAH {thousands(budget['jumlah'])} {thousands(budget['realisasi'])}" in text

    with sqlite3.connect(cli.db) as conn:
        kinds = dict(conn.execute("SELECT kind, print_count FROM issued_document").fetchall())
    assert {"nominatif_honor", "kuitansi", "daftar_hadir_konsumsi", "rekap_realisasi"} <= set(kinds)


def test_spj_without_a_team_is_refused_with_a_sentence(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code = cli.json("demo", "--participants", "2")["event_code"]
    with sqlite3.connect(cli.db) as conn:
        conn.execute("DELETE FROM event_team_member")
    result = cli("print", "honoraria", "--event", code, "--out", str(tmp_path / "x.pdf"), check=False)
    assert result.returncode == 2 and "honorarium" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "x.pdf").exists()
