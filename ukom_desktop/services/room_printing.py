"""Printing for the assessment room (issue 17 item 4), per event, wave or group: booklets (a numbered cover and
every page of the stored material stamped with the booklet number and RAHASIA), answer sheets, paper
rating forms and the berita acara serah terima soal. Files are written atomically (never half a PDF)."""

from __future__ import annotations

import io
import os
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ukom_desktop.db.audit import record
from ukom_desktop.db.models import (
    Attendance,
    Competency,
    CompetencyLevel,
    Event,
    EventExercise,
    EventMaterial,
    EventParticipant,
    Exercise,
    MaterialFile,
    Participant,
    ParticipantGroup,
    Position,
    PositionStandard,
    Room,
    ScheduleSession,
    SessionAssessor,
    SessionParticipant,
    TeamMember,
    Wave,
)
from ukom_desktop.documents import room_materials as rm
from ukom_desktop.documents.output import Document, write_pdf
from ukom_desktop.domain.dates import format_date_id, format_day_date_id
from ukom_desktop.domain.nip import format_nip
from ukom_desktop.errors import UserFacingError
from ukom_desktop.services.access import perm, require
from ukom_desktop.services.material_handover import Booklet, event_booklets, group_names
from ukom_desktop.services.rating_assignments import form_competencies, matrix, standard_competencies

KINDS = {
    "booklets": "buku soal bernomor",
    "answer-sheets": "lembar jawaban",
    "rating-forms": "formulir penilaian",
    "material-handover": "berita acara serah terima soal",
    "interview-guides": "panduan wawancara",
    "disposition": "lembar disposisi",
    "role-player-briefs": "naskah pemeran (role player)",
}


@dataclass(frozen=True)
class RoomPrintResult:
    kind: str
    path: Path
    pages: int
    items: int
    notes: tuple[str, ...] = field(default=())

    def summary(self) -> str:
        lines = [f"{KINDS.get(self.kind, self.kind).capitalize()}: {self.items} dokumen, {self.pages} halaman, "
                 f"disimpan di {self.path}"]
        return "\n".join(lines + list(self.notes))


def event_or_fail(session: Session, event_id: int) -> Event:
    event = session.get(Event, event_id)
    if event is None:
        raise UserFacingError("Kegiatan tidak ditemukan.")
    return event


def heading(session: Session, event: Event, today: date | None = None) -> rm.Heading:
    from ukom_desktop.services.institution import get_profile

    profile = get_profile(session)
    when = format_date_id(today or date.today())
    place = f"{profile.city}, {when}" if profile.city else when
    return rm.Heading(tuple(line for line in profile.kop_lines if line.strip())[:3], event.name, event.code,
                      profile.paper_size or "A4", place)


def _person_of(b: Booklet) -> rm.Person:
    return rm.Person(b.participant_number, b.name, format_nip(b.nip), b.jabatan, b.unit, "", b.wave, b.group)


def write_atomic(out: str | os.PathLike[str], data: bytes) -> Path:
    from ukom_desktop.documents.output import write_bytes_atomic

    return write_bytes_atomic(out, data)


def render_pdf(documents: list) -> bytes:  # type: ignore[type-arg]
    from ukom_desktop.documents.output import write_pdf

    buffer = io.BytesIO()
    write_pdf(documents, buffer)
    return buffer.getvalue()


def write_documents(documents: list[Document], out: str | os.PathLike[str]) -> tuple[Path, int]:
    """Lay the documents out into one PDF at `out` (written atomically); the path and its page count."""
    return Path(out), write_pdf(documents, out)


def _booklets_or_fail(session: Session, event_id: int, wave: int | None, group: str | None = None
                      ) -> list[Booklet]:
    booklets = event_booklets(session, event_id, wave, group)
    if not booklets:
        raise UserFacingError("Belum ada buku soal: petakan paket soal kegiatan ke versi materi (Pustaka Materi) "
                              "dan pastikan peserta sudah mendapat paket soal.")
    return booklets


def print_booklets(session: Session, event_id: int, out: str | os.PathLike[str], *, wave: int | None = None,
                   group: str | None = None) -> RoomPrintResult:
    from pypdf import PdfReader, PdfWriter

    from ukom_desktop.documents.pdf_stamp import stamp_into

    require(session, perm.PRINT_MATERIALS)
    event = event_or_fail(session, event_id)
    booklets = _booklets_or_fail(session, event_id, wave, group)
    head = heading(session, event)
    files: dict[int, list[tuple[str, bytes]]] = defaultdict(list)
    notes: list[str] = []
    for f in session.scalars(select(MaterialFile).where(
            MaterialFile.version_id.in_({b.version_id for b in booklets}), MaterialFile.role == "peserta"
    ).order_by(MaterialFile.id)):
        if f.filename.lower().endswith(".pdf"):
            files[f.version_id].append((f.filename, f.content))
        else:
            notes.append(f"Berkas '{f.filename}' bukan PDF: cetak dan beri nomor secara terpisah.")
    page_counts = {v: sum(len(PdfReader(io.BytesIO(d)).pages) for _n, d in items) for v, items in files.items()}
    covers = PdfReader(io.BytesIO(render_pdf([
        rm.booklet_cover(head, _person_of(b), b.number, b.exercise_name, b.question_set, page_counts.get(b.version_id, 0))
        for b in booklets
    ])))
    writer = PdfWriter()
    for index, b in enumerate(booklets):
        writer.add_page(covers.pages[index])
        for name, data in files.get(b.version_id, []):
            stamp_into(writer, data, name, b.number)
    writer.add_metadata({"/Title": f"Buku soal {event.code}", "/Creator": "UKOM Desktop"})
    buffer = io.BytesIO()
    writer.write(buffer)
    path = write_atomic(out, buffer.getvalue())
    record(session, action="cetak_buku_soal", entity="event", entity_id=event.id, entity_uuid=event.uuid,
           new={"booklets": len(booklets), "wave": wave})
    from ukom_desktop.services.material_handover import unmapped_sets

    unmapped = unmapped_sets(session, event_id)
    if unmapped:
        notes.append("Belum ada versi materi untuk: " + ", ".join(unmapped) + " (peserta paket itu tanpa buku soal).")
    missing = sorted({b.exercise_code for b in booklets if not files.get(b.version_id)})
    if missing:
        notes.append("Versi materi tanpa berkas PDF untuk peserta: " + ", ".join(missing) + " (hanya sampul).")
    return RoomPrintResult("booklets", path, len(writer.pages), len(booklets), tuple(dict.fromkeys(notes)))


def print_answer_sheets(session: Session, event_id: int, out: str | os.PathLike[str], *,
                        wave: int | None = None, group: str | None = None) -> RoomPrintResult:
    require(session, perm.PRINT_MATERIALS)
    event = event_or_fail(session, event_id)
    booklets = _booklets_or_fail(session, event_id, wave, group)
    head = heading(session, event)
    docs = [rm.answer_sheet(head, _person_of(b), b.number, b.exercise_name, b.question_set) for b in booklets]
    path, pages = write_documents(docs, out)
    return RoomPrintResult("answer-sheets", path, pages, len(docs))


def _anchors(session: Session, competency_ids: set[int]) -> dict[int, tuple[tuple[int, str], ...]]:
    out: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for level in session.scalars(select(CompetencyLevel).where(CompetencyLevel.competency_id.in_(competency_ids))
                                 .order_by(CompetencyLevel.competency_id, CompetencyLevel.level)):
        out[level.competency_id].append((level.level, level.description or ""))
    return {k: tuple(v) for k, v in out.items()}


def _standards(session: Session, ep_ids: list[int]) -> dict[tuple[int, int], str]:
    rows = session.execute(
        select(EventParticipant.id, PositionStandard.competency_id, PositionStandard.level)
        .join(PositionStandard, PositionStandard.position_id == EventParticipant.target_position_id)
        .where(EventParticipant.id.in_(ep_ids))
    )
    return {(r[0], r[1]): format(r[2].normalize(), "f") if r[2] is not None else "-" for r in rows}


def participants_of(session: Session, event_id: int, wave: int | None, group: str | None = None
                    ) -> list[tuple[int, rm.Person]]:
    """Present (not absent) participants of the event or wave, in number order."""
    query = (
        select(EventParticipant.id, EventParticipant.number, Participant.name, Participant.nip, Participant.jabatan,
               Participant.unit, Position.name, Wave.number, ParticipantGroup.name)
        .join(Participant, Participant.id == EventParticipant.participant_id)
        .outerjoin(Position, Position.id == EventParticipant.target_position_id)
        .outerjoin(Wave, Wave.id == EventParticipant.wave_id)
        .outerjoin(ParticipantGroup, ParticipantGroup.id == EventParticipant.group_id)
        .where(EventParticipant.event_id == event_id, EventParticipant.attendance != Attendance.TIDAK_HADIR)
        .order_by(EventParticipant.number, Participant.name)
    )
    if wave is not None:
        query = query.where(Wave.number == wave)
    if group:
        query = query.where(func.upper(ParticipantGroup.name).in_(group_names(group)))
    return [(r[0], rm.Person(r[1], r[2], format_nip(r[3]), r[4] or "", r[5] or "", r[6] or "", r[7], r[8] or ""))
            for r in session.execute(query)]


def print_rating_forms(session: Session, event_id: int, out: str | os.PathLike[str], *,
                       wave: int | None = None, group: str | None = None) -> RoomPrintResult:
    """A form per exercise x participant with the competencies the exercise measures for them (as the grid)."""
    require(session, perm.PRINT_MATERIALS)
    event = event_or_fail(session, event_id)
    people = participants_of(session, event_id, wave, group)
    if not people:
        raise UserFacingError("Tidak ada peserta hadir pada pilihan ini.")
    cells = matrix(session, event_id)
    exercises = session.execute(
        select(Exercise.id, Exercise.name).join(EventExercise, EventExercise.exercise_id == Exercise.id)
        .where(EventExercise.event_id == event_id, Exercise.id.in_(cells))
        .order_by(EventExercise.sort_order, Exercise.sort_order)
    ).all()
    if not exercises:
        raise UserFacingError("Matriks simulasi-kompetensi kegiatan ini belum diisi.")
    ep_ids = [ep for ep, _p in people]
    standards = standard_competencies(session, ep_ids)
    levels = _standards(session, ep_ids)
    comps = {c.id: c for c in session.scalars(select(Competency))}
    anchors = _anchors(session, set(comps))
    head = heading(session, event)
    docs = []
    for exercise_id, exercise_name in exercises:
        for ep_id, person in people:
            rows = [rm.CompetencyRow(comps[c].code, comps[c].name, levels.get((ep_id, c), "-"), anchors.get(c, ()))
                    for c in form_competencies(cells, standards, ep_id, exercise_id)]
            if rows:
                docs.append(rm.rating_form(head, person, exercise_name, rows))
    if not docs:
        raise UserFacingError("Tidak ada kompetensi yang dinilai untuk peserta ini.")
    path, pages = write_documents(docs, out)
    return RoomPrintResult("rating-forms", path, pages, len(docs))


def print_material_handover(session: Session, event_id: int, out: str | os.PathLike[str], *,
                            wave: int | None = None, group: str | None = None) -> RoomPrintResult:
    from ukom_desktop.db.models import BookletReturn

    require(session, perm.PRINT_MATERIALS)
    event = event_or_fail(session, event_id)
    booklets = _booklets_or_fail(session, event_id, wave, group)
    back = set(session.scalars(select(BookletReturn.booklet_number).where(BookletReturn.event_id == event_id)))
    rooms: dict[str, list[tuple[str, str, bool]]] = defaultdict(list)
    for b in booklets:
        rooms[b.room].append((b.number, f"{b.participant_number or '-'} {b.name}", b.number in back))
    handover = [rm.HandoverRoom(room, tuple(items)) for room, items in sorted(rooms.items())]
    doc = rm.handover_minutes(heading(session, event), handover)
    missing = sum(len(r.booklets) - r.back for r in handover)
    notes = (f"{missing} buku soal belum kembali.",) if missing else ("Semua buku soal sudah kembali.",)
    path, pages = write_documents([doc], out)
    return RoomPrintResult("material-handover", path, pages, 1, notes)


NO_BRIEF = ("Belum ada naskah pemeran: di Data > Pustaka materi soal simpan berkas untuk pemeran (role player) "
            "pada versi materi simulasi, lalu petakan paket soal kegiatan ke versi itu.")


def _pemeran_files(session: Session, event_id: int) -> tuple[dict[tuple[int, str], int], dict[int, list[MaterialFile]]]:
    """(exercise, paket soal) -> material version, and the role player's files of those versions."""
    mapping = {(m.exercise_id, m.question_set.upper()): m.version_id
               for m in session.scalars(select(EventMaterial).where(EventMaterial.event_id == event_id))}
    files: dict[int, list[MaterialFile]] = defaultdict(list)
    if mapping:
        for f in session.scalars(select(MaterialFile).where(
                MaterialFile.version_id.in_(set(mapping.values())), MaterialFile.role == "pemeran"
        ).order_by(MaterialFile.id)):
            files[f.version_id].append(f)
    return mapping, files


def print_role_player_briefs(session: Session, event_id: int, out: str | os.PathLike[str], *,
                             wave: int | None = None, room: str | None = None) -> RoomPrintResult:
    """One PDF with, per scheduled session of an exercise whose material has files for the role player (in
    order of day, time and room), a cover (event, exercise, time, room, participant number, assessors) and the
    stored brief stamped RAHASIA with the participant number. `items` is the number of sessions."""
    from pypdf import PdfReader, PdfWriter

    from ukom_desktop.documents.pdf_stamp import read_pdf, stamp_into

    require(session, perm.PRINT_MATERIALS)
    event = event_or_fail(session, event_id)
    mapping, files = _pemeran_files(session, event_id)
    if not files:
        raise UserFacingError(NO_BRIEF)
    exercises = {exercise_id for (exercise_id, _s), version in mapping.items() if version in files}
    query = (
        select(ScheduleSession.id, ScheduleSession.starts_at, ScheduleSession.ends_at, Exercise.id, Exercise.name,
               Room.name, EventParticipant.number, EventParticipant.question_set)
        .join(Exercise, Exercise.id == ScheduleSession.exercise_id)
        .join(SessionParticipant, SessionParticipant.session_id == ScheduleSession.id)
        .join(EventParticipant, EventParticipant.id == SessionParticipant.event_participant_id)
        .outerjoin(Room, Room.id == ScheduleSession.room_id)
        .outerjoin(Wave, Wave.id == ScheduleSession.wave_id)
        .where(ScheduleSession.event_id == event_id, ScheduleSession.exercise_id.in_(exercises))
        .order_by(ScheduleSession.starts_at, Room.name, EventParticipant.number)
    )
    if wave is not None:
        query = query.where(Wave.number == wave)
    if room:
        query = query.where(func.upper(Room.name) == room.strip().upper())
    briefs: dict[tuple[int, int], list[Any]] = {}  # (session, version) -> its rows, in order
    for row in session.execute(query):
        version = mapping.get((row[3], (row[7] or "").upper()))
        if version in files:
            briefs.setdefault((row[0], version), []).append(row)
    if not briefs:
        where = "".join([f" gelombang {wave}" if wave is not None else "", f" di ruang {room}" if room else ""])
        raise UserFacingError(f"Tidak ada sesi terjadwal{where} untuk simulasi yang punya naskah pemeran. Susun "
                              "jadwal terlebih dahulu, atau periksa pilihan gelombang dan ruang.")
    assessors: dict[int, list[str]] = defaultdict(list)
    for session_id, name in session.execute(
            select(SessionAssessor.session_id, TeamMember.name).join(TeamMember)
            .where(SessionAssessor.session_id.in_({k[0] for k in briefs})).order_by(TeamMember.name)):
        assessors[session_id].append(name)
    pdfs = {v: [(f.filename, f.content) for f in fs if f.filename.lower().endswith(".pdf")] for v, fs in files.items()}
    pages = {v: sum(len(read_pdf(data, name).pages) for name, data in items) for v, items in pdfs.items()}
    head = heading(session, event)
    covers, numbers = [], []
    for (session_id, version), rows in briefs.items():
        _id, starts, ends, _ex, exercise, room_name, _n, qset = rows[0]
        number = ", ".join(f"{r[6]:03d}" if isinstance(r[6], int) else "-" for r in rows)
        numbers.append(number)
        when = f"{format_day_date_id(starts)}, {starts:%H.%M}-{ends:%H.%M}"
        covers.append(rm.role_player_cover(head, rm.BriefSession(
            str(exercise), when, str(room_name or "-"), number, tuple(assessors[session_id]), str(qset or ""),
            pages[version], tuple(f.filename for f in files[version] if not f.filename.lower().endswith(".pdf")))))
    together = PdfReader(io.BytesIO(render_pdf(covers))).pages
    cover_pages = ([[page] for page in together] if len(together) == len(covers)  # else a cover ran over a page
                   else [list(PdfReader(io.BytesIO(render_pdf([c]))).pages) for c in covers])
    writer = PdfWriter()
    for index, (_key, version) in enumerate(briefs):
        for page in cover_pages[index]:
            writer.add_page(page)
        for name, data in pdfs[version]:
            stamp_into(writer, data, name, f"Peserta {numbers[index]}")
    writer.add_metadata({"/Title": f"Naskah pemeran {event.code}", "/Creator": "UKOM Desktop"})
    buffer = io.BytesIO()
    writer.write(buffer)
    path = write_atomic(out, buffer.getvalue())
    record(session, action="cetak_naskah_pemeran", entity="event", entity_id=event.id, entity_uuid=event.uuid,
           new={"sessions": len(briefs), "wave": wave, "room": room})
    return RoomPrintResult("role-player-briefs", path, len(writer.pages), len(briefs))


@dataclass(frozen=True)
class BriefScope:
    """What a print of the role players' briefs covers: the event, a wave, or one room of a wave."""

    wave: int | None
    room: str | None
    label: str


def brief_scopes(session: Session, event_id: int) -> list[BriefScope]:
    """The choices offered by the window, in order: the event, each wave, each room used in that wave."""
    scopes = [BriefScope(None, None, "Semua sesi kegiatan")]
    rooms: dict[int, list[str]] = defaultdict(list)
    for wave_no, name in session.execute(
            select(Wave.number, Room.name).distinct().join(ScheduleSession, ScheduleSession.wave_id == Wave.id)
            .join(Room, Room.id == ScheduleSession.room_id).where(ScheduleSession.event_id == event_id)
            .order_by(Wave.number, Room.name)):
        rooms[wave_no].append(name)
    for wave_no in session.scalars(select(Wave.number).where(Wave.event_id == event_id).order_by(Wave.number)):
        scopes.append(BriefScope(wave_no, None, f"Gelombang {wave_no}"))
        scopes += [BriefScope(wave_no, name, f"Gelombang {wave_no} - {name}") for name in rooms[wave_no]]
    return scopes


PRINTERS = {
    "booklets": print_booklets,
    "answer-sheets": print_answer_sheets,
    "rating-forms": print_rating_forms,
    "material-handover": print_material_handover,
}
