"""The one place services check who is acting (issue 13).

The acting user is an ``Actor`` bound to the Session (``session.info["actor"]``), set where the window
and the CLI make their session factory (``bind_actor``), so service signatures never change. A
database without users is a mode handled here: everything is allowed, as before users existed.
Services call ``require(session, action)`` (and the scoped variants) at their top; a refusal raises
``AccessDenied`` with an Indonesian sentence and is written to the audit log in its own transaction.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from ukom_desktop.domain import permissions as perm
from ukom_desktop.domain.permissions import Actor

__all__ = ["AccessDenied", "Actor", "perm", "require", "require_export", "require_integration", "require_participant",
           "require_result", "require_self", "visible_participants", "filter_rows", "can", "bind_actor"]
from ukom_desktop.errors import UserFacingError

ACTOR_KEY = "actor"
_Doc = TypeVar("_Doc")
_USERS_KEY = "_ukom_users_exist"
log = logging.getLogger(__name__)


class AccessDenied(UserFacingError):
    """The acting user may not do this; the message says so in Bahasa Indonesia."""


def bind_actor(sessions: sessionmaker[Session], actor: Actor | None) -> None:
    """Every session made by this factory from now on acts as ``actor`` (None: nobody signed in)."""
    sessions.configure(info={ACTOR_KEY: actor})


def bound_actor(sessions: sessionmaker[Session]) -> Actor | None:
    """The user ``bind_actor`` bound to this session factory (None: nobody signed in)."""
    return (sessions.kw.get("info") or {}).get(ACTOR_KEY)


def current_actor(session: Session) -> Actor | None:
    return session.info.get(ACTOR_KEY)


def actor_name(session: Session, fallback: str = "") -> str:
    actor = current_actor(session)
    return actor.username if actor is not None else fallback


def users_exist(session: Session) -> bool:
    """True when the database has user accounts (then every action needs a signed-in user)."""
    cached = session.info.get(_USERS_KEY)
    if cached is None:
        from ukom_desktop.db.models import User

        cached = session.scalars(select(User.id).limit(1)).first() is not None
        session.info[_USERS_KEY] = cached
    return bool(cached)


def can(session: Session, action: str) -> bool:
    """Whether the acting user holds the action at all (the window asks this to show or hide)."""
    if not users_exist(session):
        return True
    actor = current_actor(session)
    return actor is not None and perm.allowed(actor.roles, action)


def _write_own(bind, **entry: object) -> None:  # type: ignore[no-untyped-def]
    """One audit entry in its own committed transaction."""
    from ukom_desktop.db import audit

    try:
        with Session(bind=bind) as own:
            audit.record(own, **entry)  # type: ignore[arg-type]
            own.commit()
    except Exception:  # noqa: BLE001 - the action itself is not undone when it cannot be written down
        log.warning("Catatan audit %s tidak dapat ditulis", entry.get("action"), exc_info=True)


def _write_refusal(bind, username: str, message: str, action: str) -> None:  # type: ignore[no-untyped-def]
    _write_own(bind, action="akses_ditolak", entity="akses", actor=username, new={"tindakan": action}, note=message)


def record_now(session: Session, **entry: object) -> None:
    """An audit entry that stays even when the caller only reads (exports, prints): its own transaction,
    or the caller's when this session already holds SQLite's write lock (the caller then commits)."""
    actor = current_actor(session)
    entry.setdefault("actor", actor.username if actor else "")
    if _holds_write_lock(session):
        from ukom_desktop.db import audit

        audit.record(session, **entry)  # type: ignore[arg-type]
    else:
        _write_own(session.get_bind(), **entry)


def _holds_write_lock(session: Session) -> bool:
    """SQLite allows one writer: while this session has written, another connection must wait."""
    bind = session.get_bind()
    if bind.dialect.name != "sqlite" or not session.in_transaction():
        return False
    try:
        dbapi = session.connection().connection.dbapi_connection
    except Exception:  # noqa: BLE001
        return True
    return dbapi is None or bool(getattr(dbapi, "in_transaction", True))


def deny(session: Session, action: str, message: str | None = None) -> AccessDenied:
    """The refusal, written to the audit log in its own transaction (the caller's work is rolled back).

    When this session already holds SQLite's write lock, the entry is written by ``after_rollback``,
    which db.engine.transaction calls once it rolled the caller's work back.
    """
    actor = current_actor(session)
    text = message or perm.refusal(actor, action)
    error = AccessDenied(text)
    username = actor.username if actor else ""
    bind = session.get_bind()
    if _holds_write_lock(session):
        error.after_rollback = lambda: _write_refusal(bind, username, text, action)  # type: ignore[attr-defined]
    else:
        _write_refusal(bind, username, text, action)
    return error


def require(session: Session, action: str) -> Actor | None:
    """Refuse unless the acting user holds the action; returns the actor (None without users)."""
    if not users_exist(session):
        return None
    actor = current_actor(session)
    if actor is None or not perm.allowed(actor.roles, action):
        raise deny(session, action)
    return actor


@contextmanager
def on_behalf_of_assessor(session: Session, assessor_id: int) -> Iterator[None]:
    """Package export (issue 14): whoever may make packages gathers an assessor's own forms as that
    assessor sees them (own participants, own ratings only); the audit still names the signed-in user."""
    actor = current_actor(session)
    if actor is None:  # no users: nothing is checked anyway
        yield
        return
    session.info[ACTOR_KEY] = Actor(actor.id, actor.username, frozenset({perm.ASESOR}), assessor_id, actor.full_name)
    try:
        yield
    finally:
        session.info[ACTOR_KEY] = actor


def only_assigned(actor: Actor | None) -> bool:
    """True when the actor sees only the participants assigned to them (a plain asesor)."""
    return actor is not None and not perm.sees_everything_of_event(actor.roles)


def assigned_participants(session: Session, event_id: int, assessor_id: int | None) -> set[int]:
    """Event participants the assessor rates (schedule or fallback assignment) or leads."""
    if assessor_id is None:
        return set()
    from ukom_desktop.db.models import EventParticipant
    from ukom_desktop.services.rating_assignments import event_assignments

    ids = {a.event_participant_id for a in event_assignments(session, event_id) if a.assessor_id == assessor_id}
    ids.update(session.scalars(select(EventParticipant.id).where(
        EventParticipant.event_id == event_id, EventParticipant.lead_assessor_id == assessor_id)))
    return ids


def visible_participants(session: Session, event_id: int) -> set[int] | None:
    """The event participants the acting user may see: None means all of them."""
    actor = require(session, perm.READ_PARTICIPANTS)
    if not only_assigned(actor):
        return None
    assert actor is not None
    return assigned_participants(session, event_id, actor.assessor_id)


def filter_rows(session: Session, event_id: int, rows: Iterable, key: str = "id") -> list:
    """Keep the rows (dataclasses with an event-participant id in ``key``) the acting user may see."""
    visible = visible_participants(session, event_id)
    rows = list(rows)
    return rows if visible is None else [r for r in rows if getattr(r, key) in visible]


def require_participant(session: Session, action: str, event_participant_id: int) -> Actor | None:
    """``require`` plus, for a plain asesor, the participant must be assigned to them."""
    actor = require(session, action)
    if only_assigned(actor):
        from ukom_desktop.db.models import EventParticipant

        assert actor is not None
        ep = session.get(EventParticipant, event_participant_id)
        if ep is None or event_participant_id not in assigned_participants(session, ep.event_id, actor.assessor_id):
            raise deny(session, action, f"Akses ditolak: peserta ini tidak ditugaskan kepada {actor.username}.")
    return actor


def require_self(session: Session, assessor_id: int, action: str = perm.RATE) -> Actor | None:
    """Ratings are entered and read only as oneself: the assessor linked to the signed-in user."""
    actor = require(session, action)
    if actor is not None and actor.assessor_id != assessor_id:
        raise deny(session, action, f"Akses ditolak: {actor.username} hanya dapat membuka penilaiannya sendiri.")
    return actor


def require_integration(session: Session, event_participant_id: int, action: str = perm.INTEGRATE) -> Actor | None:
    """The integration meeting (and the report) only as the participant's lead assessor or reviewer QC."""
    actor = require(session, action)
    if actor is None or actor.has_role(perm.QC):
        return actor
    from ukom_desktop.db.models import EventParticipant

    ep = session.get(EventParticipant, event_participant_id)
    if ep is None or actor.assessor_id is None or ep.lead_assessor_id != actor.assessor_id:
        raise deny(session, action, f"Akses ditolak: {actor.username} bukan asesor utama peserta ini.")
    return actor


def require_result(session: Session, event_participant_id: int, action: str = perm.READ_RESULTS) -> Actor | None:
    """Results: reviewer QC sees all; pimpinan only approved (or delivered) reports; an asesor as lead."""
    from ukom_desktop.db.models import IndividualReport
    from ukom_desktop.db.models.enums import ReportStatus

    if not users_exist(session):
        return None
    actor = current_actor(session)
    if actor is not None and not perm.allowed(actor.roles, action) and perm.allowed(actor.roles, perm.INTEGRATE):
        return require_integration(session, event_participant_id)
    actor = require(session, action)
    if actor is not None and not actor.has_role(perm.QC):
        status = session.scalars(select(IndividualReport.status).where(
            IndividualReport.event_participant_id == event_participant_id)).first()
        if status not in (ReportStatus.DISETUJUI, ReportStatus.DISERAHKAN):
            raise deny(session, action, "Akses ditolak: hasil peserta ini belum disetujui QC.")
    return actor


def require_export(
    session: Session, event_id: int, what: str, ids: Iterable[int] | None = None, *, kind: str = "ekspor_hasil"
) -> Actor | None:
    """Exports of results and prints of confidential documents: allowed, limited to approved reports for
    pimpinan, and written to the audit log with the user."""
    from ukom_desktop.db.models import EventParticipant, IndividualReport, IntegratedResult
    from ukom_desktop.db.models.enums import ReportStatus

    actor = require(session, perm.EXPORT_RESULTS)
    chosen = None if ids is None else list(ids)
    if actor is not None and not actor.has_role(perm.QC):
        chosen = chosen if chosen is not None else list(session.scalars(
            select(IntegratedResult.event_participant_id).join(
                EventParticipant, EventParticipant.id == IntegratedResult.event_participant_id)
            .where(EventParticipant.event_id == event_id)))
        approved = set(session.scalars(select(IndividualReport.event_participant_id).where(
            IndividualReport.event_participant_id.in_(chosen),
            IndividualReport.status.in_([ReportStatus.DISETUJUI, ReportStatus.DISERAHKAN]))))
        if set(chosen) - approved:
            raise deny(session, perm.EXPORT_RESULTS, "Akses ditolak: sebagian hasil yang dipilih belum disetujui QC.")
    if kind == "ekspor_hasil" and what.startswith(("Psikogram", "Laporan")):
        kind = "cetak_rahasia"
    record_now(session, action=kind, entity="hasil", entity_id=event_id,
               new={"jumlah": len(chosen)} if chosen is not None else None, note=what)
    return actor


def printed_by_line(session: Session) -> str:
    """The footer of a printed confidential document: who printed it, and when (local time)."""
    from datetime import UTC, datetime

    actor = current_actor(session)
    if actor is not None:
        name = actor.label
    else:
        import getpass

        try:
            name = f"{getpass.getuser()} (tanpa login)"
        except Exception:  # noqa: BLE001 - no account name on this system
            name = "pengguna tanpa login"
    return perm.printed_by(name, datetime.now(UTC))


def with_printed_by(doc: _Doc, line: str) -> _Doc:
    from ukom_desktop.documents.output import PRINTED_BY

    doc.meta[PRINTED_BY] = line  # type: ignore[attr-defined]
    return doc


def stamp_printed_by(session: Session, docs: Iterable[object]) -> None:
    """Put the printed-by line into the footer of every page of these documents."""
    from ukom_desktop.documents.output import PRINTED_BY

    line = printed_by_line(session)
    for doc in docs:
        doc.meta[PRINTED_BY] = line  # type: ignore[attr-defined]


def results_scope(session: Session, event_id: int) -> set[int] | None:
    """The event participants whose results the acting user may read: None means all of them.

    Reviewer QC: all; pimpinan: approved (or delivered) reports only; an asesor: the participants they lead."""
    from ukom_desktop.db.models import EventParticipant, IndividualReport
    from ukom_desktop.db.models.enums import ReportStatus

    if not users_exist(session):
        return None
    actor = current_actor(session)
    if actor is not None and actor.has_role(perm.QC):
        return None
    if actor is not None and perm.allowed(actor.roles, perm.READ_RESULTS):
        return set(session.scalars(
            select(IndividualReport.event_participant_id).join(
                EventParticipant, EventParticipant.id == IndividualReport.event_participant_id)
            .where(EventParticipant.event_id == event_id,
                   IndividualReport.status.in_([ReportStatus.DISETUJUI, ReportStatus.DISERAHKAN]))))
    actor = require(session, perm.INTEGRATE)
    assert actor is not None
    return set(session.scalars(select(EventParticipant.id).where(
        EventParticipant.event_id == event_id, EventParticipant.lead_assessor_id == actor.assessor_id)))
