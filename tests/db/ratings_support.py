"""Helpers for the ratings/integration/results tests: a small demo event and quick rating entry."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from ukom_desktop.db.models import Competency, EventParticipant, Exercise
from ukom_desktop.services import ratings
from ukom_desktop.services.demo import build_demo


def small_event(session: Session, participants: int = 4) -> int:
    return build_demo(session, participants=participants, seed=11).event_id


def members(session: Session, event_id: int) -> list[EventParticipant]:
    return list(session.scalars(
        select(EventParticipant).where(EventParticipant.event_id == event_id).order_by(EventParticipant.number)
    ))


def ids(session: Session, model: type, codes: list[str]) -> list[int]:
    rows = dict(session.execute(select(model.code, model.id).where(model.code.in_(codes))).all())
    return [rows[c] for c in codes]


def competency_id(session: Session, code: str) -> int:
    return ids(session, Competency, [code])[0]


def exercise_id(session: Session, code: str) -> int:
    return ids(session, Exercise, [code])[0]


def fill_form(session: Session, ep_id: int, assessor_id: int, level_of: dict[str, int] | None = None,
              default: int = 3, submit: bool = True) -> int:
    """Fill every cell of the assessor's form (level per competency code) and optionally submit."""
    form = ratings.rating_form(session, ep_id, assessor_id)
    for row in form.rows:
        level = (level_of or {}).get(row.competency_code, default)
        ratings.save_rating(session, event_participant_id=ep_id, exercise_id=row.exercise_id,
                            competency_id=row.competency_id, assessor_id=assessor_id, level=Decimal(level))
    if submit:
        ratings.submit_ratings(session, ep_id, assessor_id)
    return len(form.rows)
