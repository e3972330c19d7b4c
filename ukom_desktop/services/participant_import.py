"""Importing an event's participants from a spreadsheet: a preview with a verdict per row, then one commit.

Both steps are generators yielding `(done, total, message)` so the window runs them with
ui.background.run_in_background (progress bar, Batal) and the CLI simply drains them (`drain`).
The commit writes every valid row or nothing: it runs inside the caller's transaction and raises
before writing anything when the preview cannot be imported or has gone stale; closing the generator
(Batal) leaves the transaction to roll back. A person already known by NIP is linked to the event and
their empty fields are filled, never duplicated.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Generator, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Date, DateTime, func, insert, select
from sqlalchemy import column as sa_column
from sqlalchemy import table as sa_table
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ukom_desktop.db import audit
from ukom_desktop.db.models import (
    Attendance,
    EventParticipant,
    EventPosition,
    InvitationStatus,
    Participant,
    Position,
    utcnow,
)
from ukom_desktop.errors import UserFacingError
from ukom_desktop.io.participant_rows import ImportPreview, ParticipantRecord, iter_participant_rows
from ukom_desktop.io.spreadsheet_reader import SpreadsheetError, read_table
from ukom_desktop.services import access
from ukom_desktop.services.lookup import require_event as _event
from ukom_desktop.services.participant_numbers import (
    NUMBER_CLASH,
    is_number_clash,
    lock_event_numbers,
    next_number,
)

Progress = tuple[int, int, str]
T = TypeVar("T")
CHUNK = 2000
_IN_CHUNK = 900  # bound parameters per IN (...) query, well under every database's limit
_SCAN_ALL = 100_000  # up to this many participants, reading all NIPs once beats IN (...) queries


@dataclass(frozen=True)
class ImportPlan:
    """A preview for one event: the row verdicts plus what the database already knows."""

    event_id: int
    event_code: str
    preview: ImportPreview
    known_ids: dict[str, int] = field(default_factory=dict)  # NIP -> id of people already in the database
    unknown_positions: dict[str, int] = field(default_factory=dict)  # target jabatan text -> rows
    position_ids: dict[str, int] = field(default_factory=dict)  # normalised target jabatan -> position id
    known_mode: str = "tolak"  # rows already in the event: tolak | perbarui | lewati (participant_reimport)

    @property
    def can_import(self) -> bool:
        return self.preview.can_import

    @property
    def known_people(self) -> int:
        """Importable rows whose NIP is already a participant: linked and filled in, not duplicated."""
        return len(self.known_ids)

    def summary(self) -> str:
        text = self.preview.summary()
        if self.known_people:
            text += f"; {self.known_people} sudah ada di basis data dan akan ditautkan"
        return text


@dataclass(frozen=True)
class ImportResult:
    event_id: int
    imported: int
    created: int
    linked: int
    rejected: int
    first_number: int | None = None
    last_number: int | None = None
    rejected_rows: tuple[tuple[int, str], ...] = ()  # (row number, reasons)
    updated: int = 0  # participants already in the event whose data the file updated

    def summary(self) -> str:
        return f"diimpor {self.imported}, ditolak {self.rejected}"


def drain(work: Generator[Any, None, T]) -> T:
    """Run a progress generator to its end and return its value (CLI, tests)."""
    while True:
        try:
            next(work)
        except StopIteration as stop:
            return stop.value  # type: ignore[no-any-return]


def _chunks(items: Sequence[T], size: int) -> Iterable[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def event_nips(session: Session, event_id: int) -> set[str]:
    return set(
        session.scalars(
            select(Participant.nip)
            .join(EventParticipant, EventParticipant.participant_id == Participant.id)
            .where(EventParticipant.event_id == event_id)
        )
    )


def known_participants(session: Session, nips: Sequence[str]) -> dict[str, int]:
    """NIP -> participant id for the NIPs already in the database (one query while the table is small)."""
    wanted = set(nips)
    if not wanted:
        return {}
    people = session.scalar(select(func.count()).select_from(Participant)) or 0
    if people <= _SCAN_ALL:
        rows = session.execute(select(Participant.nip, Participant.id))
        return {nip: pid for nip, pid in rows if nip in wanted}
    found: dict[str, int] = {}
    for chunk in _chunks(sorted(wanted), _IN_CHUNK):
        rows = session.execute(select(Participant.nip, Participant.id).where(Participant.nip.in_(chunk)))
        found.update({nip: pid for nip, pid in rows})
    return found


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def _position_map(session: Session, event_id: int) -> dict[str, int]:
    """Normalised position name -> id; the event's target positions win over other positions."""
    mapping = {_norm(name): pid for pid, name in session.execute(select(Position.id, Position.name))}
    mapping.update(
        (_norm(name), pid)
        for pid, name in session.execute(
            select(Position.id, Position.name)
            .join(EventPosition, EventPosition.position_id == Position.id)
            .where(EventPosition.event_id == event_id)
        )
    )
    return mapping


def read_sheet(path: str | Path, sheet: str | int | None = None):  # type: ignore[no-untyped-def]
    try:
        return read_table(path, sheet)
    except SpreadsheetError as exc:
        raise UserFacingError(str(exc)) from exc
    except FileNotFoundError as exc:
        raise UserFacingError(f"Berkas {path} tidak ditemukan.") from exc


def _collector_paused(work: Generator[Progress, None, T]) -> Generator[Progress, None, T]:
    """Run a progress generator with Python's cyclic garbage collector paused while it works.

    Reading and judging a large sheet builds a few hundred thousand small objects without cycles
    (rows, verdicts, records). Each of them would count towards a full collection, which scans every
    object in the process: for 20,000 rows that scan cost a tenth of a second and found nothing. The
    collector runs again at every yield, so whatever the caller does in between is unaffected, and
    reference counting still frees everything at once.
    """
    import gc

    try:
        while True:
            paused = gc.isenabled()
            if paused:
                gc.disable()
            try:
                progress = next(work)
            except StopIteration as stop:
                return stop.value  # type: ignore[no-any-return]
            finally:
                if paused:
                    gc.enable()
            yield progress
    finally:
        work.close()


def preview_import(
    session: Session, event_id: int, path: str | Path, sheet: str | int | None = None, known: str = "tolak"
) -> Generator[Progress, None, ImportPlan]:
    """Read the file and judge every row against the event's participants (nothing is written); ``known``
    says what happens to a row already in the event (participant_reimport.KNOWN_MODES)."""
    from .participant_reimport import check_mode

    return _collector_paused(_preview(session, event_id, path, sheet, check_mode(known)))


def _preview(
    session: Session, event_id: int, path: str | Path, sheet: str | int | None, known: str = "tolak"
) -> Generator[Progress, None, ImportPlan]:
    event = _event(session, event_id)
    name = Path(path).name
    yield 0, 0, f"Membaca {name}..."
    raw = read_sheet(path, sheet)
    existing = event_nips(session, event_id)
    preview = yield from iter_participant_rows(raw, existing if known == "tolak" else ())
    from .participant_reimport import mark_known_rows

    preview = mark_known_rows(session, preview, existing, known)
    yield len(preview.rows), len(preview.rows), "Mencocokkan dengan basis data..."
    records = preview.valid_records()
    known_ids = known_participants(session, [r.nip for r in records])
    positions = _position_map(session, event_id)
    unknown = Counter(
        r.target_jabatan for r in records if r.target_jabatan and _norm(r.target_jabatan) not in positions
    )
    return ImportPlan(
        event_id=event_id, event_code=event.code, preview=preview, known_ids=known_ids,
        unknown_positions=dict(unknown), position_ids=positions, known_mode=known,
    )


def _plain_table(table: Any) -> Any:
    """The same table without column types: values go to the driver as given (already converted once)."""
    return sa_table(table.name, *(sa_column(c.name) for c in table.columns))


def _converter(session: Session, sa_type: Any) -> Callable[[Any], Any]:
    """The dialect's conversion of a Python value for one column type (identity when there is none).

    The dialect's own implementation of the type is asked, so a bulk row stores a value exactly as the
    ORM stores it (on SQLite a timestamp is the same text either way).
    """
    dialect = session.get_bind().dialect
    process = sa_type.dialect_impl(dialect).bind_processor(dialect)
    return process if process is not None else (lambda value: value)


_HEX_VARIANT = {digit: "89ab"[int(digit, 16) & 3] for digit in "0123456789abcdef"}


def _uuids(count: int) -> list[str]:
    """count random (version 4) UUIDs as text, like new_uuid() but from one read of os.urandom."""
    digits = os.urandom(16 * count).hex()
    return [
        f"{digits[i : i + 8]}-{digits[i + 8 : i + 12]}-4{digits[i + 13 : i + 16]}-"
        f"{_HEX_VARIANT[digits[i + 16]]}{digits[i + 17 : i + 20]}-{digits[i + 20 : i + 32]}"
        for i in range(0, 32 * count, 32)
    ]


_PARTICIPANT_KEYS = (
    "nip", "name", "sex", "birth_date", "birth_place", "golongan", "jabatan", "unit", "agency", "phone",
    "email", "archived", "uuid", "version", "created_at", "updated_at",
)
_MEMBER_KEYS = (
    "event_id", "participant_id", "number", "question_set", "target_position_id", "invitation_status",
    "attendance", "attendance_reason", "cv_complete", "tracing_complete", "performance_category", "notes",
    "uuid", "version", "created_at", "updated_at",
)


def _insert_many(session: Session, table: Any, keys: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
    """One executemany INSERT of rows given as tuples in `keys` order, values already as the driver takes them.

    On SQLite the tuples go to the driver as they are: SQLAlchemy's per-row parameter handling used to
    cost about as much as the insert itself. Other databases get a Core executemany, which PostgreSQL
    sends as batches of multi-row VALUES.
    """
    if not rows:
        return
    connection = session.connection()
    dialect = connection.dialect
    statement = insert(table)
    if dialect.name == "sqlite":
        compiled = statement.compile(dialect=dialect, column_keys=list(keys))
        order = tuple(compiled.positiontup or ())
        if order != keys:
            index = [keys.index(key) for key in order]
            rows = [tuple(row[i] for i in index) for row in rows]
        connection.exec_driver_sql(compiled.string, rows)
    else:
        session.execute(statement, [dict(zip(keys, row, strict=True)) for row in rows])


_UPDATABLE = ("name", "sex", "birth_date", "birth_place", "golongan", "jabatan", "unit", "agency", "phone", "email")


def _insert_members(session: Session, table: Any, rows: list[tuple[Any, ...]]) -> None:
    try:
        _insert_many(session, table, _MEMBER_KEYS, rows)
    except IntegrityError as exc:  # the unique index is the last guard behind the numbering lock
        if is_number_clash(exc):
            raise UserFacingError(NUMBER_CLASH) from exc
        raise


def _update_person(person: Participant, record: ParticipantRecord) -> bool:
    """Fill a known person's fields from the file where the file has a value. True when anything changed."""
    changed = False
    for key in _UPDATABLE:
        value = getattr(record, key)
        if value in (None, ""):
            continue
        current = getattr(person, key)
        if getattr(current, "value", current) != value:
            setattr(person, key, value)
            changed = True
    return changed


def commit_import(
    session: Session, plan: ImportPlan, *, actor: str = ""
) -> Generator[Progress, None, ImportResult]:
    """Write every valid row of the plan into the event, in the caller's transaction (all or nothing)."""
    access.require(session, access.perm.MANAGE_PARTICIPANTS)
    preview = plan.preview
    if preview.problems:
        raise UserFacingError("Berkas tidak dapat diimpor: " + " ".join(preview.problems))
    records = preview.valid_records()
    if not records:
        raise UserFacingError("Tidak ada baris yang sah untuk diimpor; semua baris ditolak.")
    _event(session, plan.event_id)
    # Another import into this event waits here until ours commits (and continues after our numbers).
    lock_event_numbers(session, plan.event_id)
    updates = {row.record.nip for row in preview.rows if row.status == "perbarui"}
    clash = event_nips(session, plan.event_id).intersection(r.nip for r in records) - updates
    if clash:
        raise UserFacingError(
            f"{len(clash)} NIP dalam pratinjau sudah terdaftar di kegiatan ini sejak pratinjau dibuat; "
            "buat pratinjau ulang lalu impor kembali. Tidak ada data yang disimpan."
        )
    total = len(records) * 2
    yield 0, total, "Menyimpan peserta..."
    known = plan.known_ids
    # Bulk rows skip the per-value type processing: the one timestamp and the dates are converted here.
    now = _converter(session, DateTime(timezone=True))(utcnow())
    to_date = _converter(session, Date())
    new_records = [r for r in records if r.nip not in known]
    table = _plain_table(Participant.__table__)
    done = 0
    ids = dict(known)
    session.flush()  # the rows below bypass the session: anything pending goes first
    # New rows get ids above the largest one now (SQLite rowids, PostgreSQL sequences): one query finds them.
    before = session.scalar(select(func.max(Participant.id))) or 0
    for chunk in _chunks(new_records, CHUNK):
        rows = [
            (
                r.nip, r.name, r.sex, None if r.birth_date is None else to_date(r.birth_date), r.birth_place,
                r.golongan or "", r.jabatan, r.unit, r.agency, r.phone, r.email, False, uuid, 1, now, now,
            )
            for r, uuid in zip(chunk, _uuids(len(chunk)), strict=True)
        ]
        try:
            _insert_many(session, table, _PARTICIPANT_KEYS, rows)
        except IntegrityError as exc:
            raise UserFacingError(
                "Sebagian peserta baru saja ditambahkan oleh pengguna lain sejak pratinjau dibuat; buat "
                "pratinjau ulang lalu impor kembali. Tidak ada data yang disimpan."
            ) from exc
        done += len(chunk)
        yield done, total, f"Menyimpan peserta baru {done} dari {len(new_records)}..."
    if new_records:
        wanted = {r.nip for r in new_records}
        found = session.connection().execute(
            select(Participant.nip, Participant.id).where(Participant.id > before)
        )
        ids.update({nip: pid for nip, pid in found if nip in wanted})

    linked = [r for r in records if r.nip in known]
    for chunk in _chunks(linked, _IN_CHUNK):
        people = session.scalars(select(Participant).where(Participant.nip.in_([r.nip for r in chunk])))
        by_nip = {p.nip: p for p in people}
        for record in chunk:
            _update_person(by_nip[record.nip], record)
        session.flush()
        done += len(chunk)
        yield done, total, "Memperbarui data peserta yang sudah ada..."

    start = next_number(session, plan.event_id)
    positions = plan.position_ids
    from ukom_desktop.services.target_positions import default_target_position

    only_position = default_target_position(session, plan.event_id)
    ep_table = _plain_table(EventParticipant.__table__)
    belum_invited, belum_attending = InvitationStatus.BELUM.value, Attendance.BELUM.value
    done = len(records)
    event_id = plan.event_id
    joining = [r for r in records if r.nip not in updates]
    for offset, chunk in enumerate(_chunks(joining, CHUNK)):
        base = start + offset * CHUNK
        _insert_members(session, ep_table, [
            (
                event_id, ids[r.nip], base + i, "",
                (positions.get(_norm(r.target_jabatan)) if r.target_jabatan else None) or only_position,
                belum_invited, belum_attending, "", False, False, "", "", uuid, 1, now, now,
            )
            for i, (r, uuid) in enumerate(zip(chunk, _uuids(len(chunk)), strict=True))
        ])
        done += len(chunk)
        yield done, total, f"Mendaftarkan peserta ke kegiatan {done - len(records)} dari {len(records)}..."

    rejected = [(row.row_number, "; ".join(row.reasons)) for row in preview.rows if row.status == "ditolak"]
    audit.record(
        session, action="impor_peserta", entity="event", entity_id=plan.event_id, actor=actor,
        new={"berkas": preview.source_name, "diimpor": len(joining), "baru": len(new_records),
             "ditautkan": len(linked) - len(updates), "diperbarui": len(updates), "ditolak": len(rejected)},
    )
    session.flush()
    from ukom_desktop.services.event_progress import follow_progress

    follow_progress(session, plan.event_id)
    return ImportResult(
        event_id=plan.event_id, imported=len(joining), created=len(new_records), linked=len(linked) - len(updates),
        rejected=len(rejected), first_number=start, last_number=start + len(joining) - 1,
        rejected_rows=tuple(rejected), updated=len(updates),
    )
