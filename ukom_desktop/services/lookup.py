"""Looking up a record a use case needs, with the sentence a user sees when it is gone."""

from __future__ import annotations

from sqlalchemy.orm import Session

from ukom_desktop.db.models import Event
from ukom_desktop.errors import UserFacingError


def require_event(session: Session, event_id: int) -> Event:
    """The event, or UserFacingError when it does not exist (any more)."""
    event = session.get(Event, event_id)
    if event is None:
        raise UserFacingError("Kegiatan tidak ditemukan; mungkin telah dihapus oleh pengguna lain.")
    return event
