"""Interview guides (issue 17 item 3): the starting question bank for the nine competencies, editable, and a
guide per participant with their competencies, standard levels and that level's questions (read back)."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from sqlalchemy import select

from ukom_desktop.db.models import Competency, EventParticipant, Participant, PositionStandard
from ukom_desktop.services.interview_guides import (
    delete_question,
    ensure_starting_set,
    list_questions,
    print_interview_guides,
    save_question,
)


def test_the_starting_set_covers_every_competency_and_level_and_is_editable(demo_database) -> None:  # type: ignore[no-untyped-def]
    with demo_database.sessions.begin() as session:
        rows = list_questions(session)
        assert ensure_starting_set(session) == 0  # seeded once
        codes = set(session.scalars(select(Competency.code)))
        assert len(codes) == 9
        assert {(r.competency_code, r.level) for r in rows} == {(c, lv) for c in codes for lv in range(1, 6)}
        assert all(r.question and r.probes for r in rows)
        new_id = save_question(session, "M.02", 3, "Ceritakan konflik dalam tim lintas unit.", ["Apa peran Anda?", " "])
        edited = [r for r in list_questions(session, "m.02") if r.id == new_id]
        assert edited[0].probes == ("Apa peran Anda?",)
        first = rows[0].id
        delete_question(session, first)
        assert first not in {r.id for r in list_questions(session)}


def test_a_guide_per_participant_carries_their_competencies_and_standards(demo_database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    event_id = demo_database.demo.event_id
    with demo_database.sessions.begin() as session:
        ep = session.scalars(select(EventParticipant).where(EventParticipant.event_id == event_id)
                             .order_by(EventParticipant.number)).first()
        name = session.get(Participant, ep.participant_id).name
        standard = session.execute(
            select(Competency.code, Competency.name, PositionStandard.level)
            .join(PositionStandard, PositionStandard.competency_id == Competency.id)
            .where(PositionStandard.position_id == ep.target_position_id).order_by(Competency.sort_order)
        ).all()
        save_question(session, standard[0][0], int(standard[0][2]), "Pertanyaan khusus unit kami tentang integritas?",
                      ["Siapa saja yang terlibat?"])
        result = print_interview_guides(session, event_id, tmp_path / "pw.pdf")
    assert standard and result.items >= 1
    reader = PdfReader(tmp_path / "pw.pdf")
    first_guide = []
    for page in reader.pages:
        text = page.extract_text()
        if first_guide and "PANDUAN WAWANCARA" in text:
            break
        first_guide.append(text)
    text = "\n".join(first_guide)
    assert "PANDUAN WAWANCARA BERBASIS KOMPETENSI" in text and name in text and f"{ep.number:03d}" in text
    for code, comp_name, level in standard:
        assert f"{code} {comp_name} (standar level {format(level.normalize(), 'f')})" in text
    assert "Pertanyaan khusus unit kami tentang integritas?" in text and "Siapa saja yang terlibat?" in text
    assert "Catatan perilaku" in text
