"""SK Tim Penilai and SK Peserta printed from the CLI: the parts of a keputusan read back in order, the
lampiran lists the team or the participants, numbers come from one register sequence and a reprint
keeps its number (issue 16 items 3, 7, 8)."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from pypdf import PdfReader

PARTS = ("KEPUTUSAN", "NOMOR", "TENTANG", "DENGAN RAHMAT TUHAN YANG MAHA ESA", "Menimbang : a. bahwa",
         "Mengingat : 1. Undang-Undang", "MEMUTUSKAN:", "Menetapkan : KEPUTUSAN", "KESATU :", "KEDUA :",
         "KETIGA :", "KEEMPAT :", "Ditetapkan di", "pada tanggal 10 November 2026", "LAMPIRAN")


def text_of(path: Path) -> str:
    return re.sub(r"\s+", " ", " ".join(page.extract_text() or "" for page in PdfReader(path).pages))


def in_order(text: str, parts: tuple[str, ...]) -> bool:
    position = 0
    for part in parts:
        position = text.find(part, position)
        if position < 0:
            return False
    return True


def test_decrees_of_the_demo_event(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code = cli.json("demo", "--participants", "5")["event_code"]
    team = cli.json("print", "decree-team", "--event", code, "--out", str(tmp_path / "sk-tim.pdf"),
                    "--date", "2026-11-10")
    people = cli.json("print", "decree-participants", "--event", code, "--out", str(tmp_path / "sk-peserta.pdf"),
                      "--date", "2026-11-10")
    assert (team["nomor"], people["nomor"]) == ("1/KEP/PK/XI/2026", "2/KEP/PK/XI/2026")

    text = text_of(tmp_path / "sk-tim.pdf")
    assert in_order(text, PARTS), text[:600]
    assert "NOMOR 1/KEP/PK/XI/2026" in text and "PEMBENTUKAN TIM PENILAI KOMPETENSI" in text
    assert "SUSUNAN TIM PENILAI KOMPETENSI" in text and "Ketua Tim" in text
    with sqlite3.connect(cli.db) as conn:
        members = [n for (n,) in conn.execute(
            "SELECT m.name FROM event_team_member t JOIN team_member m ON m.id = t.member_id")]
        participants = [n for (n,) in conn.execute("SELECT name FROM participant")]
    assert members and all(name in text for name in members)

    text = text_of(tmp_path / "sk-peserta.pdf")
    assert in_order(text, PARTS) and "DAFTAR PESERTA PENILAIAN KOMPETENSI" in text
    assert "Menetapkan 5 (lima) Pegawai Negeri Sipil" in text
    assert all(name in text for name in participants)

    again = cli.json("print", "decree-team", "--event", code, "--out", str(tmp_path / "ulang.pdf"))
    assert again["nomor"] == "1/KEP/PK/XI/2026" and again["tanggal"] == "2026-11-10"
    fresh = cli.json("print", "decree-team", "--event", code, "--out", str(tmp_path / "baru.pdf"),
                     "--date", "2026-11-12", "--renumber")
    assert fresh["nomor"] == "3/KEP/PK/XI/2026"
    with sqlite3.connect(cli.db) as conn:
        rows = conn.execute("SELECT subject_key, number FROM issued_document WHERE kind = 'keputusan' "
                            "ORDER BY subject_key").fetchall()
    assert rows == [("sk_peserta", "2/KEP/PK/XI/2026"), ("sk_tim", "3/KEP/PK/XI/2026")]
