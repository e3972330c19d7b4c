"""Personal timetables (SOP 000 step 9) through the CLI, read back from their PDFs and workbook: one card
per participant with their own sessions and what to bring, one page per assessor and day, one sheet per
room and day."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader


def _text(page) -> str:  # type: ignore[no-untyped-def]
    return " ".join((page.extract_text() or "").split())


def _stored(db: Path):  # type: ignore[no-untyped-def]
    from ukom_desktop.db.database import open_database
    from ukom_desktop.services.schedule_problem import load_stored_schedule

    database = open_database(str(db))
    try:
        with database.sessions() as session:
            return load_stored_schedule(session, 1)
    finally:
        database.dispose()


def test_timetables_for_participants_assessors_and_rooms(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code = cli.json("demo", "--participants", "10", "--with-ratings")["event_code"]
    stored = _stored(cli.db)
    event = stored.event
    sessions = stored.schedule.sessions
    assert sessions

    cards = tmp_path / "kartu.pdf"
    out = cli.json("print", "timetables", "--event", code, "--kind", "peserta", "--out", str(cards))
    reader = PdfReader(str(cards))
    members = sorted(stored.problem.participants, key=lambda p: event.participants[p.id].number or 0)
    assert out["pages"] == len(reader.pages) == len(members)
    for page, member in zip(reader.pages, members, strict=True):
        text = _text(page)
        info = event.participants[member.id]
        assert "KARTU JADWAL PESERTA" in text and info.name in text
        assert "Yang perlu dibawa" in text and "Kartu identitas" in text
        own = [s for s in sessions if member.id in s.participant_ids]
        assert own
        for s in own:
            assert f"{s.start:%H.%M}-{s.end:%H.%M}" in text
            assert event.room_name(s.room_id).split()[0] in text
        assert f"Nomor peserta : {info.number} " in text

    days_of = defaultdict(set)
    rooms = set()
    for s in sessions:
        for a in s.assessor_ids:
            days_of[a].add(s.start.date())
        rooms.add((s.room_id, s.start.date()))
    assessors = tmp_path / "asesor.pdf"
    cli("print", "timetables", "--event", code, "--kind", "asesor", "--out", str(assessors))
    pages = [_text(p) for p in PdfReader(str(assessors)).pages]
    assert len(pages) == sum(len(d) for d in days_of.values())
    for aid, days in days_of.items():
        name = event.assessors[aid].name
        assert sum(1 for t in pages if f"Nama : {name} " in t) == len(days)

    room_sheets = tmp_path / "ruangan.pdf"
    cli("print", "timetables", "--event", code, "--kind", "ruangan", "--out", str(room_sheets))
    pages = [_text(p) for p in PdfReader(str(room_sheets)).pages]
    assert len(pages) == len(rooms)
    assert all("LEMBAR PENILAI TEKNIS PER RUANGAN" in t and "Paraf" in t for t in pages)

    book = tmp_path / "kartu.xlsx"
    cli("print", "timetables", "--event", code, "--kind", "peserta", "--out", str(book))
    sheet = load_workbook(book).active
    values = [[c for c in row] for row in sheet.iter_rows(values_only=True)]
    header = next(r for r in values if r and r[0] == "Nama")
    body = [r for r in values[values.index(header) + 1:] if r and r[0]]
    body = [r for r in body if not str(r[0]).startswith("Dicetak")]
    assert len(body) == sum(len(s.participant_ids) for s in sessions)


def test_without_a_schedule_the_cli_says_so(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code = cli.json("demo", "--participants", "4")["event_code"]
    result = cli("print", "timetables", "--event", code, "--kind", "asesor", "--out", str(tmp_path / "x.pdf"),
                 check=False)
    assert result.returncode == 2
    assert "belum memiliki jadwal" in result.stdout + result.stderr
    assert "Traceback" not in result.stderr
