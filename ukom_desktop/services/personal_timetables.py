"""Personal timetables from the stored schedule (SOP 000 step 9): a card per participant, a page per
assessor and day, a sheet per room and day for the penilai teknis; as PDF (one per page) or Excel.

What participants bring is the setting `timetable.bring` (a list of lines; an event may override it).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from ukom_desktop.db.models import Event
from ukom_desktop.documents.personal_timetables import (
    TIMETABLE_KINDS,
    TimetablePage,
    TimetableSet,
)
from ukom_desktop.domain.dates import format_date_id, format_day_date_id
from ukom_desktop.domain.nip import format_nip
from ukom_desktop.domain.scheduling import Session as DomainSession
from ukom_desktop.errors import UserFacingError
from ukom_desktop.services.schedule_exports import names, session_time
from ukom_desktop.services.schedule_problem import StoredSchedule, load_stored_schedule
from ukom_desktop.services.settings import event_setting

BRING_SETTING = "timetable.bring"
DEFAULT_BRING: tuple[str, ...] = (
    "Kartu identitas (KTP atau kartu pegawai)",
    "Surat tugas dari unit kerja",
    "Alat tulis (pulpen dan pensil)",
    "Kartu jadwal ini",
)


def _names(ids: tuple[str, ...], info: dict, numbered: bool = False) -> str:  # type: ignore[type-arg]
    return names(ids, info, numbered) or "-"


def _bring(session: Session, event_id: int) -> tuple[str, ...]:
    value = event_setting(session, event_id, BRING_SETTING, list(DEFAULT_BRING))
    if isinstance(value, str):
        value = [line for line in value.splitlines()]
    return tuple(str(v).strip() for v in value or () if str(v).strip())


def _participant_pages(stored: StoredSchedule, sessions: list[DomainSession], venue: str,
                       bring: tuple[str, ...]) -> list[TimetablePage]:
    event = stored.event
    lead = stored.schedule.lead
    pages = []
    members = sorted(stored.problem.participants, key=lambda p: (event.participants[p.id].number or 0, p.id))
    for p in members:
        info = event.participants[p.id]
        own = [s for s in sessions if p.id in s.participant_ids]
        groups = sorted({stored.labels[s.id] for s in own if stored.labels.get(s.id) and len(s.participant_ids) <= 8})
        facts = (
            ("Nama", info.name), ("NIP", format_nip(info.nip)), ("Nomor peserta", str(info.number or "-")),
            ("Jabatan", info.extra or "-"), ("Unit kerja", info.unit or "-"),
            ("Gelombang", f"{p.wave}" + (f", {', '.join(groups)}" if groups else "")),
            ("Asesor utama", event.assessors[lead[p.id]].name if p.id in lead else "-"),
            ("Tempat", venue or "-"),
        )
        rows = tuple((format_day_date_id(s.start), session_time(s), event.exercise_name(s.exercise_id),
                      event.room_name(s.room_id), _names(s.assessor_ids, event.assessors)) for s in own)
        pages.append(TimetablePage(info.name, facts, ("Hari/Tanggal", "Waktu", "Latihan", "Ruang", "Asesor"),
                                   rows, "Yang perlu dibawa", bring))
    return pages


def _assessor_pages(stored: StoredSchedule, sessions: list[DomainSession]) -> list[TimetablePage]:
    event = stored.event
    lead = stored.schedule.lead
    pages = []
    for aid, info in sorted(event.assessors.items(), key=lambda kv: kv[1].name.casefold()):
        by_day: dict[date, list[DomainSession]] = defaultdict(list)
        for s in sessions:
            if aid in s.assessor_ids:
                by_day[s.start.date()].append(s)
        led = tuple(pid for pid, a in lead.items() if a == aid)
        for day, own in sorted(by_day.items()):
            facts = (("Nama", info.name), ("Unit kerja", info.unit or "-"), ("Hari/Tanggal", format_day_date_id(day)),
                     ("Jumlah sesi", str(len(own))),
                     ("Asesor utama bagi", _names(led, event.participants, numbered=True)))
            rows = tuple((session_time(s), event.exercise_name(s.exercise_id), event.room_name(s.room_id),
                          (stored.labels[s.id] + ": " if stored.labels.get(s.id) else "")
                          + _names(s.participant_ids, event.participants, numbered=True)) for s in own)
            pages.append(TimetablePage(info.name, facts, ("Waktu", "Latihan", "Ruang", "Peserta"), rows))
    return pages


def _room_pages(stored: StoredSchedule, sessions: list[DomainSession]) -> list[TimetablePage]:
    event = stored.event
    by_room: dict[tuple[str, date], list[DomainSession]] = defaultdict(list)
    for s in sessions:
        by_room[(event.room_name(s.room_id), s.start.date())].append(s)
    pages = []
    for (room, day), own in sorted(by_room.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        facts = (("Ruang", room), ("Hari/Tanggal", format_day_date_id(day)), ("Jumlah sesi", str(len(own))),
                 ("Penilai teknis", "................................................"))
        rows = tuple((session_time(s), event.exercise_name(s.exercise_id),
                      (stored.labels[s.id] + ": " if stored.labels.get(s.id) else "")
                      + (_names(s.participant_ids, event.participants, numbered=True)
                         if len(s.participant_ids) <= 8 else f"{len(s.participant_ids)} peserta"),
                      _names(s.assessor_ids, event.assessors), "") for s in own)
        pages.append(TimetablePage(room, facts, ("Waktu", "Latihan", "Peserta", "Asesor", "Paraf"), rows,
                                   "Catatan penilai teknis",
                                   ("Pastikan peserta yang hadir sesuai daftar sebelum sesi dimulai.",
                                    "Catat peserta yang terlambat atau tidak hadir di kolom Paraf.")))
    return pages


def timetable_set(session: Session, event_id: int, kind: str, *, today: date | None = None) -> TimetableSet:
    """The pages of one kind of personal timetable for the whole event."""
    if kind not in TIMETABLE_KINDS:
        raise UserFacingError(f"Jenis jadwal pribadi '{kind}' tidak dikenal; pilih {', '.join(TIMETABLE_KINDS)}.")
    stored = load_stored_schedule(session, event_id)
    if not stored.schedule.sessions:
        raise UserFacingError(f"Kegiatan {stored.event.event_code} belum memiliki jadwal tersimpan.")
    event = session.get(Event, event_id)
    sessions = sorted(stored.schedule.sessions, key=lambda s: (s.start, stored.event.room_name(s.room_id)))
    if kind == "peserta":
        pages = _participant_pages(stored, sessions, event.venue if event else "", _bring(session, event_id))
    elif kind == "asesor":
        pages = _assessor_pages(stored, sessions)
    else:
        pages = _room_pages(stored, sessions)
    return TimetableSet(kind, stored.event.event_name, stored.event.event_code,  # type: ignore[arg-type]
                        tuple(pages), f"Dicetak {format_date_id(today or date.today())}")


def write_timetables_xlsx(data: TimetableSet, path: str | Path) -> Path:
    """One sheet: a row per session, the page's name and facts in front."""
    from ukom_desktop.documents.personal_timetables import DOC_TITLES
    from ukom_desktop.io.xlsx_writer import TableColumn, TableSheet, write_table_workbook

    if not data.pages:
        raise UserFacingError("Belum ada sesi terjadwal untuk diekspor.")
    first = data.pages[0]
    fact_labels = [label for label, _ in first.facts if label != "Penilai teknis"]
    columns = [TableColumn.text(label, 24) if label == "NIP" else TableColumn(label, width=28, wrap=True)
               for label in fact_labels]
    columns += [TableColumn(title, width=30, wrap=True) for title in first.columns]
    rows: list[list[object]] = []
    for page in data.pages:
        facts = dict(page.facts)
        rows.extend([*(facts.get(label, "") for label in fact_labels), *row] for row in page.rows)
    sheet = TableSheet(title=DOC_TITLES[data.kind], columns=columns, rows=rows,
                       subtitles=[f"{data.event_name} ({data.event_code})"], landscape=True,
                       footer_lines=(data.printed,))
    return write_table_workbook(path, [sheet])


def write_timetables(session: Session, event_id: int, kind: str, path: str | Path) -> tuple[Path, int]:
    """Write the timetables to `path`: .xlsx as a workbook, anything else as a PDF. Returns the file and
    the number of pages (for a workbook: people, or rooms and days; for a PDF: as printed)."""
    data = timetable_set(session, event_id, kind)
    target = Path(path)
    if target.suffix.lower() == ".xlsx":
        return write_timetables_xlsx(data, target), len(data.pages)
    from ukom_desktop.documents.personal_timetables import render_timetables

    return target, render_timetables(data, target)
