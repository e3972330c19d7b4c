"""Helpers shared by the material tests: a real multi-page PDF with text on every page, and the demo event in
groups with in-basket paket soal A and B stored and mapped."""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfgen.canvas import Canvas
from sqlalchemy.orm import Session


def make_pdf(path: Path, pages: int, title: str) -> Path:
    canvas = Canvas(str(path))
    for page in range(1, pages + 1):
        canvas.drawString(72, 700, f"{title} halaman {page}")
        canvas.showPage()
    canvas.save()
    return path


def group_with_inbasket_sets(session: Session, event_id: int, tmp_path: Path, pages: dict[str, int]) -> None:
    """Groups with two question sets; in-basket version INB-A, INB-B... of `pages` pages each, mapped."""
    from ukom_desktop.services import grouping
    from ukom_desktop.services.materials import import_material_files, map_question_set

    grouping.build_groups(session, event_id, grouping.GroupingOptions(question_sets=2), force=True)
    for version, count in pages.items():
        pdf = make_pdf(tmp_path / f"inb-{version}.pdf", count, f"Surat masuk paket {version}")
        import_material_files(session, "INB", f"INB-{version}", [pdf])
        map_question_set(session, event_id, "INB", version, f"INB-{version}")


SLOTS = ((2, "Ruang Wawancara 2", 9), (0, "Ruang Wawancara 1", 8), (1, "Ruang Wawancara 2", 8),
         (3, "Ruang Wawancara 1", 10))  # (participant index, room, hour), stored out of order


def schedule_role_plays(session: Session, event_id: int) -> list[tuple[int, str, int, str]]:
    """Four role-play sessions of one participant and one assessor each (the demo's own schedule replaced);
    returns (number, room, hour, assessor) in the order of day, time and room."""
    from datetime import datetime, time, timedelta

    from sqlalchemy import delete, select

    from ukom_desktop.db.models import (
        Event,
        EventParticipant,
        EventTeamMember,
        Exercise,
        Room,
        ScheduleSession,
        SessionAssessor,
        SessionParticipant,
        TeamMember,
        Wave,
    )

    session.execute(delete(ScheduleSession).where(ScheduleSession.event_id == event_id))
    wave = session.scalars(select(Wave).where(Wave.event_id == event_id, Wave.number == 1)).one()
    day = wave.start_date or session.get_one(Event, event_id).start_date
    assert day is not None
    people = session.scalars(select(EventParticipant).where(EventParticipant.event_id == event_id)
                             .order_by(EventParticipant.number).limit(4)).all()
    assessors = session.scalars(select(TeamMember).join(EventTeamMember, EventTeamMember.member_id == TeamMember.id)
                                .where(EventTeamMember.event_id == event_id).order_by(TeamMember.name)).all()
    rp = session.scalar(select(Exercise.id).where(Exercise.code == "RP"))
    rows = []
    for index, room_name, hour in SLOTS:
        room = session.scalars(select(Room).where(Room.name == room_name)).one()
        starts = datetime.combine(day, time(hour))
        s = ScheduleSession(event_id=event_id, wave_id=wave.id, exercise_id=rp, room_id=room.id, starts_at=starts,
                            ends_at=starts + timedelta(minutes=45))
        s.participants.append(SessionParticipant(event_participant_id=people[index].id))
        s.assessors.append(SessionAssessor(member_id=assessors[index].id))
        session.add(s)
        rows.append((int(people[index].number or 0), room_name, hour, assessors[index].name))
    session.flush()
    return sorted(rows, key=lambda r: (r[2], r[1]))
