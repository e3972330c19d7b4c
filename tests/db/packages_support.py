"""Shared set-up for the assessor package tests: a rated demo secretariat database whose chosen assessors
have not submitted yet, packages written for them, and helpers to read the state back."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rated_demo import rated_demo_copy
from sqlalchemy import delete, select, update

from ukom_desktop.db.database import Database, open_database
from ukom_desktop.db.models import Event, IndividualReport, IntegratedResult, PackageConflict, Rating
from ukom_desktop.services import packages_export as px
from ukom_desktop.services import packages_laptop as lp


@dataclass
class Issued:
    member_id: int
    name: str
    path: Path
    passphrase: str
    laptop_url: str


def secretariat(tmp_path: Path) -> tuple[Database, int]:
    db = open_database(f"sqlite:///{rated_demo_copy(tmp_path)}")
    with db.sessions() as session:
        event_id = session.scalars(select(Event.id)).one()
    return db, event_id


def reopen_for_ratings(db: Database, event_id: int, member_ids: list[int], drop_first: bool = True) -> None:
    """The chosen assessors have not submitted, no integration is final, and the first participant of each
    chosen assessor has no ratings yet."""
    with db.sessions.begin() as session:
        session.execute(update(IntegratedResult).values(finalized_at=None))  # the meeting has not been held yet
        for member_id in member_ids:
            session.execute(update(Rating).where(Rating.assessor_id == member_id).values(submitted_at=None))
            if drop_first:
                first = session.scalars(select(Rating.event_participant_id).where(Rating.assessor_id == member_id)
                                        .order_by(Rating.event_participant_id)).first()
                session.execute(delete(Rating).where(Rating.assessor_id == member_id,
                                                     Rating.event_participant_id == first))


def issue(db: Database, event_id: int, member_ids: list[int], tmp_path: Path) -> list[Issued]:
    with db.sessions() as session:
        issued = px.run_export(session, event_id, member_ids, tmp_path / "paket")
        session.commit()
    px.publish(issued)
    return [Issued(i.member_id, i.assessor_name, i.path, i.passphrase,
                   f"sqlite:///{tmp_path / f'laptop-{i.member_id}.sqlite'}") for i in issued]


def open_on_laptop(item: Issued) -> None:
    lp.open_package(item.laptop_url, item.path.read_bytes(), item.passphrase)


def laptop_cells(url: str) -> list[Any]:
    engine = lp.make_engine(url)
    try:
        with engine.connect() as conn:
            return list(conn.execute(select(lp.lp_cell).order_by(lp.lp_cell.c.ep, lp.lp_cell.c.exercise,
                                                                 lp.lp_cell.c.competency)))
    finally:
        engine.dispose()


def laptop_narratives(url: str) -> list[Any]:
    engine = lp.make_engine(url)
    try:
        with engine.connect() as conn:
            return list(conn.execute(select(lp.lp_narrative).order_by(lp.lp_narrative.c.report)))
    finally:
        engine.dispose()


def state(db: Database) -> dict[str, Any]:
    """Everything a merge may change, without ids or timestamps."""
    with db.sessions() as session:
        ratings = sorted(
            (r.event_participant_id, r.exercise_id, r.competency_id, r.assessor_id,
             None if r.level is None else f"{r.level:.2f}", r.no_evidence, r.evidence, r.submitted_at is not None)
            for r in session.scalars(select(Rating))
        )
        reports = sorted((r.uuid, repr(sorted((r.sections or {}).items())), r.status)
                         for r in session.scalars(select(IndividualReport)))
        conflicts = sorted((c.member_id, c.cell_key, c.reason, repr(c.laptop_value), c.status)
                           for c in session.scalars(select(PackageConflict)))
    return {"ratings": ratings, "reports": reports, "conflicts": conflicts}
