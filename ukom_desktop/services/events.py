"""Events (kegiatan): create and edit them, move them along the SOP status path, keep their rundown.

The checklist of the current stage (SOP steps, mutu baku, what is still missing) is in
services.event_checklist and re-exported here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ukom_desktop.db import audit
from ukom_desktop.db.models import AgendaItem, Event, EventPurpose, EventStatus, Wave, utcnow
from ukom_desktop.domain import sop_steps
from ukom_desktop.domain.labels import EVENT_STATUS, label
from ukom_desktop.errors import UserFacingError, check_version
from ukom_desktop.services import access
from ukom_desktop.services.event_checklist import (  # noqa: F401 - re-exported
    Checklist,
    ChecklistItem,
    PreparationCounts,
    checklist,
    days_in_status,
    preparation_counts,
    tick_step,
)
from ukom_desktop.services.lookup import require_event as _event

MAX_WAVE_SIZE = 200


@dataclass
class EventData:
    """What the event editor edits. Empty code: a new code "UKOM-<year>-NNN" is given."""

    name: str
    code: str = ""
    requesting_agency: str = ""
    request_letter_number: str = ""
    request_letter_date: date | None = None
    purpose: str = EventPurpose.PEMETAAN.value
    method: str = "assessment center"
    start_date: date | None = None
    end_date: date | None = None
    venue: str = ""
    wave_size: int = 30
    notes: str = ""
    # read-only on the way out
    id: int | None = None
    status: str = EventStatus.USULAN.value
    version: int | None = None


@dataclass(frozen=True)
class AgendaData:
    title: str
    day: date | None = None
    start_time: time | None = None
    end_time: time | None = None
    person_in_charge: str = ""
    location: str = ""
    wave_number: int | None = None


@dataclass(frozen=True)
class StatusChange:
    event_id: int
    old: str
    new: str
    skipped: tuple[str, ...] = field(default=())  # stages passed over when jumping ahead


def find_event(session: Session, code: str) -> Event:
    """The event with this code (case-insensitive), or a clear error."""
    wanted = code.strip()
    event = session.scalar(select(Event).where(func.lower(Event.code) == wanted.lower()))
    if event is None:
        raise UserFacingError(f"Kegiatan dengan kode '{wanted}' tidak ditemukan.")
    return event


def next_event_code(session: Session, year: int | None = None) -> str:
    year = year or date.today().year
    prefix = f"UKOM-{year}-"
    codes = session.scalars(select(Event.code).where(Event.code.like(f"{prefix}%")))
    numbers = [int(c[len(prefix) :]) for c in codes if c[len(prefix) :].isdigit()]
    return f"{prefix}{max(numbers, default=0) + 1:03d}"


def _validate(session: Session, data: EventData, event_id: int | None) -> list[str]:
    problems = []
    if not data.name.strip():
        problems.append("Nama kegiatan wajib diisi.")
    if data.purpose not in {p.value for p in EventPurpose}:
        problems.append("Tujuan penilaian harus pengisian jabatan atau pemetaan.")
    if data.start_date and data.end_date and data.end_date < data.start_date:
        problems.append("Tanggal selesai tidak boleh sebelum tanggal mulai.")
    if not 1 <= data.wave_size <= MAX_WAVE_SIZE:
        problems.append(f"Ukuran gelombang harus antara 1 dan {MAX_WAVE_SIZE} peserta.")
    code = data.code.strip()
    if len(code) > 40:
        problems.append("Kode kegiatan paling panjang 40 karakter.")
    if code:
        clash = session.scalar(select(Event.id).where(func.lower(Event.code) == code.lower()))
        if clash is not None and clash != event_id:
            problems.append(f"Kode kegiatan '{code}' sudah dipakai kegiatan lain.")
    return problems


def _apply(event: Event, data: EventData) -> None:
    event.name = data.name.strip()
    event.requesting_agency = data.requesting_agency.strip()
    event.request_letter_number = data.request_letter_number.strip()
    event.request_letter_date = data.request_letter_date
    event.purpose = EventPurpose(data.purpose)
    event.method = data.method.strip() or "assessment center"
    event.start_date = data.start_date
    event.end_date = data.end_date
    event.venue = data.venue.strip()
    event.wave_size = data.wave_size
    event.notes = data.notes


def create_event(session: Session, data: EventData, actor: str = "") -> int:
    access.require(session, access.perm.MANAGE_EVENTS)
    problems = _validate(session, data, None)
    if problems:
        raise UserFacingError(" ".join(problems))
    year = data.start_date.year if data.start_date else None
    event = Event(code=data.code.strip() or next_event_code(session, year), name="")
    _apply(event, data)
    event.status = EventStatus.USULAN
    event.status_changed_at = utcnow()
    session.add(event)
    session.flush()
    # The first wave, without dates of its own: it covers the event's days (and follows them when they are
    # changed) until the user gives it dates; grouping and the scheduler use it instead of adding one.
    session.add(Wave(event_id=event.id, number=1))
    session.flush()
    audit.record(session, action="buat", entity="event", entity_id=event.id, entity_uuid=event.uuid,
                 new={"code": event.code, "name": event.name}, actor=actor)
    return event.id


def update_event(session: Session, event_id: int, data: EventData, actor: str = "") -> None:
    """Save the editor's fields. data.version (when set) must still be the stored one."""
    access.require(session, access.perm.MANAGE_EVENTS)
    event = _event(session, event_id)
    check_version(event.version, data.version, f"kegiatan {event.code}")
    problems = _validate(session, data, event_id)
    if problems:
        raise UserFacingError(" ".join(problems))
    if data.code.strip():
        event.code = data.code.strip()
    _apply(event, data)
    session.flush()


def event_data(session: Session, event_id: int) -> EventData:
    e = _event(session, event_id)
    return EventData(
        id=e.id, code=e.code, name=e.name, requesting_agency=e.requesting_agency,
        request_letter_number=e.request_letter_number, request_letter_date=e.request_letter_date,
        purpose=getattr(e.purpose, "value", e.purpose), method=e.method, start_date=e.start_date,
        end_date=e.end_date, venue=e.venue, wave_size=e.wave_size, notes=e.notes,
        status=getattr(e.status, "value", e.status), version=e.version,
    )


def set_status(
    session: Session, event_id: int, status: str, *, allow_skip: bool = False, actor: str = ""
) -> StatusChange:
    """Move an event along the status path: one step ahead, or back to any earlier stage (a correction).

    Jumping more than one stage ahead needs allow_skip (the user confirmed it); the stages passed over
    are returned so the caller can say so.
    """
    access.require(session, access.perm.MANAGE_EVENTS)
    event = _event(session, event_id)
    old = getattr(event.status, "value", event.status)
    if status not in sop_steps.STATUS_PATH:
        raise UserFacingError(f"Status '{status}' tidak dikenal.")
    if status == old:
        return StatusChange(event_id, old, status)
    old_index, new_index = sop_steps.stage_index(old), sop_steps.stage_index(status)
    skipped = sop_steps.STATUS_PATH[old_index + 1 : new_index] if new_index > old_index else ()
    if skipped and not allow_skip:
        names = ", ".join(label(EVENT_STATUS, s) for s in skipped)
        raise UserFacingError(
            f"Status tidak dapat langsung menjadi {label(EVENT_STATUS, status)}: tahap {names} akan terlewati."
        )
    event.status = EventStatus(status)
    event.status_changed_at = utcnow()
    audit.record(session, action="ubah_status", entity="event", entity_id=event.id, entity_uuid=event.uuid,
                 old={"status": old}, new={"status": status}, actor=actor)
    session.flush()
    return StatusChange(event_id, old, status, tuple(skipped))


def advance_status(session: Session, event_id: int, actor: str = "") -> StatusChange:
    event = _event(session, event_id)
    following = sop_steps.next_status(getattr(event.status, "value", event.status))
    if following is None:
        raise UserFacingError("Kegiatan ini sudah selesai.")
    return set_status(session, event_id, following, actor=actor)


def archive_event(session: Session, event_id: int, archived: bool = True) -> None:
    access.require(session, access.perm.MANAGE_EVENTS)
    _event(session, event_id).archived = archived
    session.flush()


# --------------------------------------------------------------------------- agenda (rundown)


def list_agenda(session: Session, event_id: int) -> list[AgendaData]:
    waves = {w.id: w.number for w in session.scalars(select(Wave).where(Wave.event_id == event_id))}
    items = session.scalars(
        select(AgendaItem)
        .where(AgendaItem.event_id == event_id)
        .order_by(AgendaItem.sort_order, AgendaItem.day, AgendaItem.start_time, AgendaItem.id)
    )
    return [
        AgendaData(title=i.title, day=i.day, start_time=i.start_time, end_time=i.end_time,
                   person_in_charge=i.person_in_charge, location=i.location,
                   wave_number=waves.get(i.wave_id) if i.wave_id else None)
        for i in items
    ]


def save_agenda(session: Session, event_id: int, items: list[AgendaData]) -> int:
    """Replace the event's rundown with `items` (in this order). Returns the number of lines."""
    access.require(session, access.perm.MANAGE_EVENTS)
    event = _event(session, event_id)
    problems = []
    for n, item in enumerate(items, start=1):
        if not item.title.strip():
            problems.append(f"Baris {n}: acara wajib diisi.")
        if item.start_time and item.end_time and item.end_time < item.start_time:
            problems.append(f"Baris {n}: jam selesai sebelum jam mulai.")
        if item.day and event.start_date and event.end_date and not event.start_date <= item.day <= event.end_date:
            problems.append(f"Baris {n}: tanggal di luar tanggal kegiatan.")
    waves = {w.number: w.id for w in session.scalars(select(Wave).where(Wave.event_id == event_id))}
    for n, item in enumerate(items, start=1):
        if item.wave_number is not None and item.wave_number not in waves:
            problems.append(f"Baris {n}: gelombang {item.wave_number} belum ada.")
    if problems:
        raise UserFacingError(" ".join(problems))
    before = list_agenda(session, event_id)
    for old in session.scalars(select(AgendaItem).where(AgendaItem.event_id == event_id)):
        session.delete(old)
    session.flush()
    for order, item in enumerate(items):
        session.add(AgendaItem(
            event_id=event_id, title=item.title.strip(), day=item.day, start_time=item.start_time,
            end_time=item.end_time, person_in_charge=item.person_in_charge.strip(),
            location=item.location.strip(), sort_order=order,
            wave_id=waves.get(item.wave_number) if item.wave_number is not None else None,
        ))
    session.flush()
    if list_agenda(session, event_id) != before:
        event.updated_at = utcnow()  # the rundown is part of the event: a stale editor's save is refused
        session.flush()
    return len(items)
