"""Nomor peserta: unique per event, also with two workstations adding or importing at the same moment.

The database holds a unique index on (event, number). Whoever hands out numbers first takes the event's
numbering lock (a row lock on the event on PostgreSQL, the write lock on SQLite) and only then reads the
largest number, so a second import waits for the first to commit and continues after its numbers.
"""

from __future__ import annotations

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ukom_desktop.db.models import Event, EventParticipant
from ukom_desktop.errors import UserFacingError

INDEX = "uq_event_participant_event_number"


def lock_event_numbers(session: Session, event_id: int) -> None:
    """Hold the event's numbering lock until the end of the caller's transaction.

    An UPDATE that changes nothing: PostgreSQL locks the event's row, SQLite takes its single write lock
    (the busy timeout lets a second workstation wait). Version and timestamps stay as they are.
    """
    session.execute(
        update(Event).where(Event.id == event_id).values(updated_at=Event.updated_at)
        .execution_options(synchronize_session=False)
    )


def next_number(session: Session, event_id: int) -> int:
    """The first number after the event's largest; take lock_event_numbers first in the same transaction."""
    largest = session.scalar(select(func.max(EventParticipant.number)).where(EventParticipant.event_id == event_id))
    return (largest or 0) + 1


def check_number_free(session: Session, event_id: int, number: int, ep_id: int | None = None) -> None:
    """Refuse a number typed in the editor that another participant of the event already holds."""
    holder = session.scalar(select(EventParticipant.id).where(
        EventParticipant.event_id == event_id, EventParticipant.number == number
    ))
    if holder is not None and holder != ep_id:
        raise UserFacingError(f"Nomor peserta {number} sudah dipakai peserta lain di kegiatan ini; pilih nomor lain.")


def is_number_clash(exc: IntegrityError) -> bool:
    """Whether an IntegrityError is the unique participant number (SQLite names the columns, PostgreSQL the index)."""
    text = str(exc.orig)
    return INDEX in text or "event_participant.event_id, event_participant.number" in text


NUMBER_CLASH = (
    "Nomor peserta bentrok dengan peserta yang baru saja ditambahkan oleh pengguna lain. Tidak ada data yang "
    "disimpan; ulangi impor atau penyimpanan."
)
