"""Interview guides (issue 17 item 3): the editable question bank per competency and level (seeded with the
project's starting set, domain.interview_bank) and the guide per participant for their assessor."""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ukom_desktop.db.models import (
    Competency,
    EventParticipant,
    InterviewQuestion,
    PositionStandard,
    TeamMember,
)
from ukom_desktop.documents.guide_docs import GuideCompetency, interview_guide
from ukom_desktop.domain.interview_bank import starter_questions
from ukom_desktop.errors import UserFacingError
from ukom_desktop.services.access import perm, require
from ukom_desktop.services.room_printing import (
    RoomPrintResult,
    event_or_fail,
    heading,
    participants_of,
    write_documents,
)


@dataclass(frozen=True)
class QuestionRow:
    id: int
    competency_code: str
    competency_name: str
    level: int
    question: str
    probes: tuple[str, ...]


def ensure_starting_set(session: Session) -> int:
    """Seed the starting questions of every competency that has none yet; returns how many were added."""
    have = set(session.scalars(select(InterviewQuestion.competency_id).distinct()))
    added = 0
    for comp in session.scalars(select(Competency).where(Competency.active.is_(True))):
        if comp.id in have:
            continue
        descriptions = {lv.level: lv.description or "" for lv in comp.levels}
        for order, (level, starter) in enumerate(starter_questions(comp.code, descriptions)):
            session.add(InterviewQuestion(competency_id=comp.id, level=level, question=starter.question,
                                          probes=list(starter.probes), sort_order=order))
            added += 1
    session.flush()
    return added


def list_questions(session: Session, competency_code: str | None = None) -> list[QuestionRow]:
    ensure_starting_set(session)
    query = (select(InterviewQuestion, Competency.code, Competency.name)
             .join(Competency, Competency.id == InterviewQuestion.competency_id)
             .order_by(Competency.sort_order, InterviewQuestion.level, InterviewQuestion.sort_order,
                       InterviewQuestion.id))
    if competency_code:
        query = query.where(func.upper(Competency.code) == competency_code.upper())
    return [QuestionRow(q.id, code, name, q.level, q.question, tuple(q.probes or ()))
            for q, code, name in session.execute(query)]


def save_question(session: Session, competency_code: str, level: int, question: str, probes: Sequence[str],
                  question_id: int | None = None) -> int:
    require(session, perm.MANAGE_MATERIALS)
    comp = session.scalar(select(Competency).where(func.upper(Competency.code) == competency_code.upper()))
    if comp is None:
        raise UserFacingError(f"Kompetensi '{competency_code}' tidak dikenal.")
    if not 1 <= level <= comp.max_level:
        raise UserFacingError(f"Level harus antara 1 dan {comp.max_level}.")
    if not question.strip():
        raise UserFacingError("Pertanyaan wajib diisi.")
    clean = [p.strip() for p in probes if p.strip()]
    row: InterviewQuestion | None
    if question_id is None:
        row = InterviewQuestion(competency_id=comp.id, level=level, question=question.strip(), probes=clean,
                                sort_order=1000)
        session.add(row)
    else:
        row = session.get(InterviewQuestion, question_id)
        if row is None:
            raise UserFacingError("Pertanyaan tidak ditemukan.")
        row.competency_id, row.level, row.question, row.probes = comp.id, level, question.strip(), clean
    session.flush()
    return row.id


def delete_question(session: Session, question_id: int) -> None:
    require(session, perm.MANAGE_MATERIALS)
    row = session.get(InterviewQuestion, question_id)
    if row is not None:
        session.delete(row)
        session.flush()


def _asked_level(standard: Decimal) -> int:
    return int(standard.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def print_interview_guides(session: Session, event_id: int, out: str | os.PathLike[str], *,
                           wave: int | None = None, group: str | None = None) -> RoomPrintResult:
    """A guide per present participant: identity, target position, the standard's competencies with their
    levels and the questions of that level, and space for notes."""
    require(session, perm.PRINT_MATERIALS)
    event = event_or_fail(session, event_id)
    ensure_starting_set(session)
    people = participants_of(session, event_id, wave, group)
    if not people:
        raise UserFacingError("Tidak ada peserta hadir pada pilihan ini.")
    ep_ids = [ep for ep, _p in people]
    standards: dict[int, list[tuple[int, Decimal]]] = defaultdict(list)
    for ep_id, comp_id, level in session.execute(
        select(EventParticipant.id, PositionStandard.competency_id, PositionStandard.level)
        .join(PositionStandard, PositionStandard.position_id == EventParticipant.target_position_id)
        .where(EventParticipant.id.in_(ep_ids))
    ):
        standards[ep_id].append((comp_id, level))
    assessors = dict(session.execute(
        select(EventParticipant.id, TeamMember.name).join(TeamMember, TeamMember.id == EventParticipant.lead_assessor_id)
        .where(EventParticipant.id.in_(ep_ids))
    ).all())
    comps = {c.id: c for c in session.scalars(select(Competency))}
    questions: dict[tuple[int, int], list[tuple[str, tuple[str, ...]]]] = defaultdict(list)
    for q in session.scalars(select(InterviewQuestion).order_by(InterviewQuestion.sort_order, InterviewQuestion.id)):
        questions[(q.competency_id, q.level)].append((q.question, tuple(q.probes or ())))
    head = heading(session, event)
    docs, notes = [], []
    for ep_id, person in people:
        items = sorted(standards.get(ep_id, []), key=lambda s: (comps[s[0]].sort_order, comps[s[0]].code))
        if not items:
            notes.append(f"{person.name}: jabatan sasaran belum memiliki standar kompetensi.")
            continue
        rows = []
        for comp_id, level in items:
            comp = comps[comp_id]
            asked = _asked_level(level)
            rows.append(GuideCompetency(comp.code, comp.name, format(level.normalize(), "f"), asked,
                                        comp.definition or "", tuple(questions.get((comp_id, asked), ()))))
        docs.append(interview_guide(head, person, assessors.get(ep_id, ""), rows))
    if not docs:
        raise UserFacingError("Tidak ada peserta dengan jabatan sasaran yang memiliki standar kompetensi.")
    path, pages = write_documents(docs, out)
    return RoomPrintResult("interview-guides", path, pages, len(docs),
                           tuple(notes))
