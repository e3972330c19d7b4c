"""`ukom-desktop print ...` on demo data: each document read back with pypdf, and two processes
issuing letters at the same moment never share a number."""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader

NIP_PRINTED = re.compile(r"\b\d{8} \d{6} [12] \d{3}\b")
HEAD = ("Dr. Ir. Hadi Susilo, M.T.", "NIP. 19681115 199202 1 002")


def text_of(path: Path) -> str:
    return re.sub(r"\s+", " ", " ".join(page.extract_text() or "" for page in PdfReader(path).pages))


def printed(nip: str) -> str:
    """An NIP as the documents print it: 19860926 201505 1 001."""
    return f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"


def participants(db: Path, code: str) -> list[tuple[str, str]]:
    with sqlite3.connect(db) as conn:
        return conn.execute(
            "SELECT p.name, p.nip FROM participant p JOIN event_participant ep ON ep.participant_id = p.id "
            "JOIN event e ON e.id = ep.event_id WHERE e.code = ? ORDER BY ep.number", (code,),
        ).fetchall()


def test_every_document_of_the_demo_event_prints(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code = cli("demo", "--participants", "8").stdout.strip()
    people = participants(cli.db, code)

    invitations = cli.json("print", "invitations", "--event", code, "--out", str(tmp_path / "und.pdf"),
                           "--date", "2026-11-09", "--sifat", "Segera", "--copy", "Sekretaris Jenderal")
    assert [d["number"] for d in invitations["documents"]] == [f"{i}/UND/PK/XI/2026" for i in range(1, 9)]
    text = text_of(tmp_path / "und.pdf")
    assert "Jakarta, 9 November 2026" in text and "Sifat : Segera" in text and "Tembusan" in text
    assert all(f"Yth. Sdr. {name}" in text for name, _ in people)
    assert all(part in text for part in HEAD)

    collective = cli.json("print", "invitations", "--event", code, "--out", str(tmp_path / "kol.pdf"),
                          "--collective", "--date", "2026-11-09")
    assert collective["documents"][0]["number"] == "9/UND/PK/XI/2026"
    text = text_of(tmp_path / "kol.pdf")
    assert "LAMPIRAN" in text and all(printed(nip) in text for _, nip in people)

    folder = tmp_path / "per-peserta"
    per = cli.json("print", "summons", "--event", code, "--out", str(folder), "--per-participant")
    files = sorted(folder.glob("*.pdf"))
    assert len(files) == len(per["documents"]) == 8
    assert {f.name.split("_")[0] for f in files} == {nip for _, nip in people}

    cli("print", "assignment", "--event", code, "--out", str(tmp_path / "st.pdf"), "--date", "2026-11-16")
    text = text_of(tmp_path / "st.pdf")
    assert "SURAT TUGAS" in text and "1/ST/PK/XI/2026" in text and "16 November 2026" in text
    assert len(NIP_PRINTED.findall(text)) >= 7 and all(part in text for part in HEAD)

    cli("print", "attendance", "--event", code, "--out", str(tmp_path / "dh.pdf"))
    text = text_of(tmp_path / "dh.pdf")
    assert "DAFTAR HADIR" in text and all(name in text for name, _ in people)
    assert all(printed(nip) in text for _, nip in people)

    minutes = cli.json("print", "minutes", "--event", code, "--out", str(tmp_path / "ba.pdf"))
    text = text_of(tmp_path / "ba.pdf")
    assert "BERITA ACARA PELAKSANAAN" in text and minutes["documents"][0]["number"] in text
    assert "8 (delapan) orang" in text and "Mengetahui" in text

    missing = cli("print", "rundown", "--event", code, "--out", str(tmp_path / "rd.pdf"), check=False)
    assert missing.returncode == 2 and "Susunan acara" in missing.stderr and "Traceback" not in missing.stderr
    with sqlite3.connect(cli.db) as conn:
        conn.execute(
            "INSERT INTO agenda_item (event_id, title, start_time, end_time, person_in_charge, location, "
            "sort_order, uuid, version, created_at, updated_at) SELECT id, 'Pembukaan', '08:00:00', '08:30:00', "
            "'Kepala Balai', 'Aula Utama', 0, 'a-1', 1, '2026-01-01', '2026-01-01' FROM event WHERE code = ?",
            (code,),
        )
    cli("print", "rundown", "--event", code, "--out", str(tmp_path / "rd.pdf"))
    assert "08.00 - 08.30 Pembukaan Kepala Balai Aula Utama" in text_of(tmp_path / "rd.pdf")

    with sqlite3.connect(cli.db) as conn:
        issued = conn.execute("SELECT kind, count(*) FROM issued_document GROUP BY kind ORDER BY kind").fetchall()
    assert dict(issued) == {"berita_acara": 1, "daftar_hadir": 1, "pemanggilan": 8, "surat_tugas": 1,
                            "susunan_acara": 1, "undangan": 9}


def test_two_processes_issuing_at_once_never_share_a_number(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code = cli("demo", "--participants", "60").stdout.strip()
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "ukom_desktop.cli", "--db", str(cli.db), "print", "invitations", "--event", code,
             "--wave", str(wave), "--out", str(tmp_path / f"g{wave}.pdf"), "--date", "2026-11-09", "--json"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for wave in (1, 2)
    ]
    outputs = [run.communicate(timeout=240) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    with sqlite3.connect(cli.db) as conn:
        numbers = [r[0] for r in conn.execute("SELECT number FROM issued_document WHERE kind = 'undangan'")]
    assert len(numbers) == len(set(numbers)) == 60
    assert sorted(int(n.split("/")[0]) for n in numbers) == list(range(1, 61))
