"""What the print dialog of an event document starts from, and the choices it keeps for the next print."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ukom_desktop.db.models import Event, Wave
from ukom_desktop.errors import UserFacingError


@dataclass(frozen=True)
class PrintSetup:
    event_id: int
    event_code: str
    event_label: str
    event_start: date | None
    event_end: date | None
    waves: tuple[int, ...]
    paper: str
    contact: str
    copies: tuple[str, ...]


def load_print_setup(session: Session, event_id: int | None, kind: str) -> PrintSetup:
    from ukom_desktop.services.document_printing import COPIES_KEY, default_contact, default_copies
    from ukom_desktop.services.institution import paper_size
    from ukom_desktop.services.settings import event_setting

    event = session.get(Event, event_id) if event_id is not None else None
    if event is None:
        raise UserFacingError("Pilih kegiatan terlebih dahulu.")
    waves = tuple(sorted(session.scalars(select(Wave.number).where(Wave.event_id == event.id))))
    copies = (event_setting(session, event.id, COPIES_KEY, {}) or {}).get(kind)
    if copies is None:  # nothing chosen yet for this kind: the default tembusan (a saved empty list stays empty)
        copies = default_copies(session, event.id, kind)
    return PrintSetup(
        event_id=event.id, event_code=event.code, event_label=f"{event.code} - {event.name}",
        event_start=event.start_date, event_end=event.end_date or event.start_date, waves=waves,
        paper=paper_size(session), contact=default_contact(session, event.id), copies=tuple(copies),
    )


def remember_print_choices(session: Session, setup: PrintSetup, kind: str, *, contact: str | None,
                           copies: tuple[str, ...] | None) -> None:
    """Keep the narahubung (per event) and the tembusan (per kind) when they changed; None leaves one alone."""
    from ukom_desktop.services.document_printing import CONTACT_KEY, COPIES_KEY
    from ukom_desktop.services.settings import get_setting, set_event_setting, set_setting

    if contact is not None and contact != setup.contact:
        set_event_setting(session, session.get_one(Event, setup.event_id), CONTACT_KEY, contact)
    if copies is not None and list(copies) != list(setup.copies):
        stored = dict(get_setting(session, COPIES_KEY, {}) or {})
        stored[kind] = list(copies)
        set_setting(session, COPIES_KEY, stored)
