"""The stored schedule as Excel workbooks and PDFs: matriks jadwal, timetables per participant and per
assessor, and the relasi asesor (SOP 000 step 9). Both formats come from one ScheduleDocData.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from ukom_desktop.documents.schedule_docs import (
    MatrixDay,
    PersonTimetable,
    RelationRow,
    ScheduleDocData,
    ScheduleDocKind,
    TimetableEntry,
)
from ukom_desktop.domain.dates import format_date_id, format_day_date_id
from ukom_desktop.domain.nip import format_nip
from ukom_desktop.domain.scheduling import Session as DomainSession
from ukom_desktop.domain.scheduling.timegrid import format_hm
from ukom_desktop.errors import UserFacingError
from ukom_desktop.services.schedule_problem import StoredSchedule, load_stored_schedule

KINDS: tuple[ScheduleDocKind, ...] = ("matriks", "peserta", "asesor", "relasi")
FILE_STEMS = {"matriks": "matriks-jadwal", "peserta": "jadwal-peserta", "asesor": "jadwal-asesor",
              "relasi": "relasi-asesor"}


def session_time(s: DomainSession) -> str:
    """"08:00-09:30": a session's wall-clock start and end."""
    return f"{format_hm(s.start)}-{format_hm(s.end)}"


def names(ids: tuple[str, ...], info: dict, numbered: bool = False) -> str:  # type: ignore[type-arg]
    """The people of `ids` by name (the id when unknown), with their number first when `numbered`."""
    out = []
    for key in ids:
        person = info.get(key)
        name = person.name if person else key
        if numbered and person is not None and person.number is not None:
            name = f"{person.number}. {name}"
        out.append(name)
    return ", ".join(out)


def _cell_text(stored: StoredSchedule, s: DomainSession) -> str:
    """Exercise and time; one participant by number and name, a group by its name and numbers."""
    event = stored.event
    lines = [f"{event.exercise_name(s.exercise_id)} ({session_time(s)})"]
    label = stored.labels.get(s.id)
    if len(s.participant_ids) == 1:
        lines.append(names(s.participant_ids, event.participants, numbered=True))
    elif len(s.participant_ids) > 8:
        lines.append(f"{len(s.participant_ids)} peserta" + (f" ({label})" if label else ""))
    else:
        numbers = [str(event.participants[p].number or p) for p in s.participant_ids if p in event.participants]
        lines.append((f"{label}: " if label else "") + "peserta no. " + ", ".join(numbers))
    if s.assessor_ids:
        lines.append("Asesor: " + names(s.assessor_ids, event.assessors))
    return "\n".join(lines)


def build_doc_data(stored: StoredSchedule, wave: int | None = None) -> ScheduleDocData:
    """Everything the four documents show, for one wave or the whole event."""
    event = stored.event
    problem = stored.problem
    sessions = sorted(
        (s for s in stored.schedule.sessions if wave is None or s.wave == wave),
        key=lambda s: (s.start, event.room_name(s.room_id)),
    )
    # Matrix: per wave and day, rows by start time, columns by room (rooms in name order).
    by_day: dict[tuple[int, date], list[DomainSession]] = defaultdict(list)
    for s in sessions:
        by_day[(s.wave, s.start.date())].append(s)
    matrix = []
    for (w, day), items in sorted(by_day.items()):
        rooms = sorted({s.room_id for s in items}, key=lambda r: (_room_order(stored, r), event.room_name(r)))
        times: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        order: dict[str, tuple] = {}  # type: ignore[type-arg]
        for s in items:
            key = format_hm(s.start)
            order.setdefault(key, (s.start,))
            times[key][s.room_id].append(_cell_text(stored, s))
        rows = tuple(
            (key, tuple("\n\n".join(times[key].get(r, [])) for r in rooms))
            for key in sorted(times, key=lambda k: order[k])
        )
        matrix.append(MatrixDay(f"Gelombang {w} - {format_day_date_id(day)}",
                                tuple(event.room_name(r) for r in rooms), rows, f"Gel {w} {day:%d-%m-%Y}"))
    # Timetables.
    group_of: dict[str, str] = {}
    for s in sessions:
        label = stored.labels.get(s.id)
        if label and len(s.participant_ids) <= 8:
            for pid in s.participant_ids:
                group_of[pid] = label
    members = [p for p in problem.participants if wave is None or p.wave == wave]
    members.sort(key=lambda p: (event.participants[p.id].number or 0, p.id))
    lead = stored.schedule.lead
    participants = []
    for p in members:
        info = event.participants[p.id]
        own = [s for s in sessions if p.id in s.participant_ids]
        heading = (
            f"{info.number or '-'}. {info.name} - NIP {format_nip(info.nip)} - Gelombang {p.wave}"
            + (f", {group_of[p.id]}" if p.id in group_of else "")
            + (f" - Asesor utama: {event.assessors[lead[p.id]].name}" if p.id in lead else "")
        )
        entries = tuple(
            TimetableEntry(format_day_date_id(s.start), session_time(s), event.exercise_name(s.exercise_id),
                           event.room_name(s.room_id), names(s.assessor_ids, event.assessors) or "-")
            for s in own
        )
        participants.append(PersonTimetable(heading, info.name, entries))
    assessors = []
    for aid, info in sorted(event.assessors.items(), key=lambda kv: kv[1].name.casefold()):
        own = [s for s in sessions if aid in s.assessor_ids]
        led = [pid for pid in lead if lead[pid] == aid and pid in {p.id for p in members}]
        if not own and not led:
            continue
        heading = f"{info.name} - {info.unit or 'unit belum diisi'} - {len(own)} sesi"
        if led:
            heading += f" - asesor utama bagi: {names(tuple(led), event.participants, numbered=True)}"
        entries = tuple(
            TimetableEntry(format_day_date_id(s.start), session_time(s), event.exercise_name(s.exercise_id),
                           event.room_name(s.room_id),
                           (stored.labels.get(s.id, "") + ": " if stored.labels.get(s.id) else "")
                           + names(s.participant_ids, event.participants, numbered=True))
            for s in own
        )
        assessors.append(PersonTimetable(heading, info.name, entries))
    # Relations: who rates whom per rated exercise.
    rated = [e for e in problem.exercises if e.kind != "whole_wave"]
    relations = []
    for p in members:
        info = event.participants[p.id]
        cells = []
        for e in rated:
            found = [s for s in sessions if s.exercise_id == e.id and p.id in s.participant_ids]
            cells.append("; ".join(names(s.assessor_ids, event.assessors) for s in found) or "-")
        relations.append(RelationRow(
            str(info.number or "-"), info.name, format_nip(info.nip), info.unit, str(p.wave),
            group_of.get(p.id, "").replace("Kelompok ", ""),
            event.assessors[lead[p.id]].name if p.id in lead else "-", tuple(cells),
        ))
    return ScheduleDocData(
        event_name=event.event_name, event_code=event.event_code,
        subtitle=f"Gelombang {wave}" if wave is not None else "Seluruh gelombang",
        matrix=tuple(matrix), participants=tuple(participants), assessors=tuple(assessors),
        exercises=tuple(e.name for e in rated), relations=tuple(relations),
        printed=f"Dicetak {format_date_id(date.today())}",
    )


def _room_order(stored: StoredSchedule, room_id: str) -> int:
    room = stored.problem.room_by_id.get(room_id)
    return {"aula": 0, "ruang_kelompok": 1, "ruang_wawancara": 2}.get(room.kind if room else "", 3)


def write_xlsx(data: ScheduleDocData, kind: ScheduleDocKind, path: str | Path) -> Path:
    from ukom_desktop.io.xlsx_writer import TableColumn, TableSheet, write_table_workbook

    subtitles = [f"{data.event_name} ({data.event_code})", data.subtitle]
    sheets: list[TableSheet] = []
    if kind == "matriks":
        for day in data.matrix:
            sheets.append(TableSheet(
                title=f"Matriks Jadwal - {day.heading}", subtitles=subtitles,
                columns=[TableColumn("Waktu", width=12), *(TableColumn(r, width=34, wrap=True) for r in day.rooms)],
                rows=[[t, *cells] for t, cells in day.rows],
                sheet_name=day.short or None,
                landscape=True, footer_lines=(data.printed,),
            ))
    elif kind in ("peserta", "asesor"):
        people = data.participants if kind == "peserta" else data.assessors
        other = "Asesor" if kind == "peserta" else "Peserta"
        sheets.append(TableSheet(
            title="Jadwal per Peserta" if kind == "peserta" else "Jadwal per Asesor", subtitles=subtitles,
            columns=[TableColumn("Nama", width=30), TableColumn("Keterangan", width=50, wrap=True),
                     "Hari/Tanggal", "Waktu", "Latihan", "Ruang", TableColumn(other, width=45, wrap=True)],
            rows=[[p.name, p.heading, e.day, e.time, e.exercise, e.room, e.others]
                  for p in people for e in p.entries],
            landscape=True, footer_lines=(data.printed,),
        ))
    else:
        sheets.append(TableSheet(
            title="Relasi Asesor dan Peserta", subtitles=subtitles,
            columns=["No.", TableColumn("Nama", width=30), TableColumn.text("NIP", 22), "Unit Kerja", "Gelombang",
                     "Kelompok", "Asesor Utama", *(TableColumn(e, width=28, wrap=True) for e in data.exercises)],
            rows=[[r.number, r.name, r.nip, r.unit, r.wave, r.group, r.lead, *r.per_exercise]
                  for r in data.relations],
            landscape=True, footer_lines=(data.printed,),
        ))
    if not sheets or not any(s.rows for s in sheets):
        raise UserFacingError("Belum ada sesi terjadwal untuk diekspor.")
    return write_table_workbook(path, sheets)


def write_schedule(
    session: Session, event_id: int, kind: str, path: str | Path, *, wave: int | None = None, pdf: bool = False
) -> Path:
    """Write one schedule document of the stored schedule as .xlsx (or .pdf with `pdf`)."""
    if kind not in KINDS:
        raise UserFacingError(f"Jenis jadwal '{kind}' tidak dikenal; pilih {', '.join(KINDS)}.")
    stored = load_stored_schedule(session, event_id)
    if not stored.schedule.sessions:
        raise UserFacingError(f"Kegiatan {stored.event.event_code} belum memiliki jadwal tersimpan.")
    if wave is not None and wave not in stored.waves_with_sessions:
        raise UserFacingError(f"Gelombang {wave} belum memiliki jadwal tersimpan.")
    data = build_doc_data(stored, wave)
    target = Path(path)
    if pdf:
        from ukom_desktop.documents.schedule_docs import render_schedule

        render_schedule(data, kind, target)  # type: ignore[arg-type]
        return target
    return write_xlsx(data, kind, target)  # type: ignore[arg-type]
