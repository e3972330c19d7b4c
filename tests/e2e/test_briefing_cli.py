"""Opening briefing slides (SOP 000 step 8) printed from the CLI: landscape pages for the projector with
the event, tata tertib, the day's rundown, the exercises and the groups with their rooms (issue 16 item 5)."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from pypdf import PdfReader


def test_briefing_slides_of_the_demo_event(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code = cli.json("demo", "--participants", "6", "--with-ratings")["event_code"]
    out = tmp_path / "paparan.pdf"
    cli("print", "briefing", "--event", code, "--out", str(out))
    reader = PdfReader(out)
    assert len(reader.pages) == 5
    assert all(float(p.mediabox.width) > float(p.mediabox.height) for p in reader.pages)  # landscape
    slides = [re.sub(r"\s+", " ", p.extract_text() or "") for p in reader.pages]
    with sqlite3.connect(cli.db) as conn:
        event = conn.execute("SELECT name FROM event WHERE code = ?", (code,)).fetchone()[0]
        exercises = [n for (n,) in conn.execute(
            "SELECT x.name FROM event_exercise e JOIN exercise x ON x.id = e.exercise_id")]
        first = conn.execute("SELECT min(date(starts_at)) FROM schedule_session").fetchone()[0]
        rooms = [n for (n,) in conn.execute(
            "SELECT DISTINCT r.name FROM schedule_session s JOIN room r ON r.id = s.room_id "
            "WHERE s.group_id IS NOT NULL AND date(s.starts_at) = ?", (first,))]
        people = [n for (n,) in conn.execute("SELECT name FROM participant")]
    assert "SELAMAT DATANG" in slides[0] and event in slides[0] and "6 peserta" in slides[0]
    assert slides[1].startswith("Tata Tertib Peserta") and "1. Peserta hadir" in slides[1]
    day = first.split("-")[2]
    assert slides[2].startswith("Susunan Acara:") and f"{int(day)} " in slides[2] and "Waktu Acara Tempat" in slides[2]
    assert all(name in slides[3] for name in exercises)
    assert slides[4].startswith("Kelompok dan Ruang") and all(name in slides[4] for name in people)
    assert rooms and all(room in slides[4] for room in rooms)
