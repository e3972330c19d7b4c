"""Printing an event's documents: register them (taking numbers), lay them out and write the PDF(s).

`print_documents(session, request)` is a generator yielding (done, total, message) and returning a
PrintResult; run it inside one transaction (ui/background.run_in_background or `print_now`). Closing the
generator early (Batal) removes the unfinished files and, with the caller's rollback, gives the numbers
back: a batch is all or nothing.

A finished print of invitations (Surat Undangan, one per participant or collective) also marks the
participants it was addressed to as invited ("dikirim", with the time), in the same transaction as
the register; a participant whose invitation is already "dikirim" or "diterima" keeps that status.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ukom_desktop.db.models import Event, EventParticipant, InvitationStatus, utcnow
from ukom_desktop.documents import api
from ukom_desktop.domain.letter_dates import default_letter_date, letter_date_warnings
from ukom_desktop.domain.nip import format_nip
from ukom_desktop.domain.official_titles import head_of
from ukom_desktop.errors import UserFacingError
from ukom_desktop.services import access, institution
from ukom_desktop.services import event_documents as ed
from ukom_desktop.services.document_templates import template_text
from ukom_desktop.services.issued_documents import DOCUMENT_KINDS, Issued, issue_document, set_file
from ukom_desktop.services.settings import event_setting
from ukom_desktop.services.staged_files import stage, staging_problems

Progress = tuple[int, int, str]

# kind -> the title shown to the user
PRINT_KINDS: dict[str, str] = {
    "undangan": "Surat Undangan",
    "pemanggilan": "Surat Pemanggilan",
    "surat_tugas": "Surat Tugas Tim Penilai",
    "daftar_hadir": "Daftar Hadir",
    "susunan_acara": "Susunan Acara",
    "laporan": "Laporan Penyelenggaraan",
    "sambutan": "Pokok-Pokok Sambutan",
    "berita_acara": "Berita Acara Pelaksanaan",
}
LETTER_KINDS = ("undangan", "pemanggilan")
COPIES_KEY = "documents.copies"  # {kind: [tembusan lines]}
CONTACT_KEY = "documents.contact"  # narahubung, globally or per event


@dataclass(frozen=True)
class PrintRequest:
    event_id: int
    kind: str
    out: Path  # a .pdf file, or a folder for one file per participant
    options: ed.PrintOptions = field(default_factory=ed.PrintOptions)


@dataclass(frozen=True)
class PrintedDocument:
    kind: str
    number: str
    issued_on: date
    recipient: str
    reprint: bool
    file: Path


@dataclass(frozen=True)
class PrintResult:
    kind: str
    title: str
    files: tuple[Path, ...]
    pages: int
    documents: tuple[PrintedDocument, ...]
    newly_invited: int = 0  # participants whose invitation status became "dikirim" with this print
    warnings: tuple[str, ...] = ()  # e.g. a surat tugas dated on or after the event's first day
    problems: list[str] = field(default_factory=list)  # filled after the commit (files that stayed unwritten)

    @property
    def new_count(self) -> int:
        return sum(1 for d in self.documents if not d.reprint)

    def summary(self) -> str:
        """"Surat Undangan: 30 dokumen (30 nomor baru), 31 halaman, disimpan di ..."."""
        numbers = [d.number for d in self.documents if d.number]
        text = f"{self.title}: {len(self.documents)} dokumen, {self.pages} halaman"
        reprints = len(self.documents) - self.new_count
        if numbers and reprints:
            text += f" ({reprints} dicetak ulang dengan nomor yang sudah terbit)"
        if numbers:
            text += f"; nomor {numbers[0]}" + (f" s.d. {numbers[-1]}" if len(numbers) > 1 else "")
        where = self.files[0] if len(self.files) == 1 else self.files[0].parent
        text = f"{text}; disimpan di {where}"
        if self.newly_invited:
            text += f"; {self.newly_invited} peserta dicatat sudah diundang (status undangan: dikirim)"
        return "\n".join([text, *self.problems])


@dataclass
class _Job:
    """Prepared work: the issued rows and a lazy document builder per document."""

    issued: list[Issued]
    build: list[Callable[[], api.Document]]
    stems: list[str]
    title: str
    addressees: list[EventParticipant] = field(default_factory=list)  # participants the letters go to


def _copies(session: Session, event_id: int, kind: str, options: ed.PrintOptions) -> tuple[str, ...]:
    """Tembusan: the dialog's lines, else those stored for the kind (per event or globally)."""
    if options.copies:
        return tuple(line for line in options.copies if line.strip())
    stored = (event_setting(session, event_id, COPIES_KEY, {}) or {}).get(kind)
    if stored is None:
        return default_copies(session, event_id, kind)
    return tuple(str(line) for line in stored if str(line).strip())


DEFAULT_COPY_TO = {"undangan": "Atasan langsung peserta", "pemanggilan": "Atasan langsung peserta",
                   "surat_tugas": "Atasan langsung yang bersangkutan"}


def default_copies(session: Session, event_id: int, kind: str) -> tuple[str, ...]:
    """Tembusan when none was chosen: the head of the requesting agency and the addressees' superiors
    (an empty list saved by the user stays empty)."""
    if kind not in DEFAULT_COPY_TO:
        return ()
    event = session.get(Event, event_id)
    head = head_of(event.requesting_agency) if event is not None and event.requesting_agency else ""
    return tuple(line for line in (head, DEFAULT_COPY_TO[kind]) if line)


def event_id_by_code(session: Session, code: str) -> int:
    """The id of the event with this code; a clear message when there is none."""
    event_id = session.scalar(select(Event.id).where(Event.code == code.strip()))
    if event_id is None:
        raise UserFacingError(f"Kegiatan dengan kode '{code}' tidak ditemukan.")
    return int(event_id)


def default_contact(session: Session, event_id: int) -> str:
    return str(event_setting(session, event_id, CONTACT_KEY, "") or "")


def _letters(session: Session, request: PrintRequest, basics: ed.EventBasics, today: date) -> _Job:
    kind, options = request.kind, request.options
    signatory = institution.signer_for(session, kind)
    wave = basics.waves.get(options.wave) if options.wave is not None else None
    rows = ed.event_participants(session, basics.event.id, wave, options.participant_ids)
    ed.require_participants(rows, basics, wave)
    base = api.LetterData(
        basics.letterhead, signatory, "", today, options.subject or ed.SUBJECTS[kind], ed.event_info(basics, options, wave),
        sifat=options.sifat or "Biasa", place=basics.city,
        contact=options.contact or default_contact(session, basics.event.id), copies=_copies(session, basics.event.id, kind, options),
        template=template_text(session, kind), paper=basics.paper,
    )
    build_one = api.build_invitation if kind == "undangan" else api.build_summons
    job = _Job([], [], [], PRINT_KINDS[kind], list(rows))
    if options.collective:
        key = f"kolektif:gelombang-{wave.number}" if wave else "kolektif"
        who = f"Peserta {'gelombang ' + str(wave.number) + ' ' if wave else ''}({len(rows)} orang)"
        issued = issue_document(session, event_id=basics.event.id, kind=kind, subject_key=key, recipient=who,
                                issued_on=today, renumber=options.renumber)
        letter = replace(base, number=issued.number, date=issued.issued_on,
                         participants=tuple(ed.person_of(ep.participant) for ep in rows))
        job.issued.append(issued)
        job.build.append(partial(build_one, letter))
        job.stems.append(api.letter_file_stem(letter))
        return job
    for ep in rows:
        person = ep.participant
        own_wave = ep.wave if wave is None else wave
        issued = issue_document(
            session, event_id=basics.event.id, kind=kind, subject_key=f"peserta:{person.uuid}",
            recipient=f"{person.name} (NIP {format_nip(person.nip)})", issued_on=today, renumber=options.renumber,
        )
        letter = replace(base, number=issued.number, date=issued.issued_on, recipient=ed.person_of(person),
                         event=ed.event_info(basics, options, own_wave))
        job.issued.append(issued)
        job.build.append(partial(build_one, letter))
        job.stems.append(api.letter_file_stem(letter))
    return job


def _single(session: Session, request: PrintRequest, basics: ed.EventBasics, today: date) -> _Job:
    """The documents printed once per event (or per wave)."""
    kind, options, event = request.kind, request.options, basics.event
    wave_key = f"gelombang-{options.wave}" if options.wave is not None else "kegiatan"

    def issue(recipient: str, when: date = today) -> Issued:
        return issue_document(session, event_id=event.id, kind=kind, subject_key=wave_key, recipient=recipient,
                              issued_on=when, renumber=options.renumber)

    if kind == "surat_tugas":
        team = ed.team_members(session, event.id)
        if not team:
            raise UserFacingError(f"Tim kegiatan {event.code} belum diisi; tambahkan asesor di tab Asesor.")
        issued = issue(f"Tim penilai ({len(team)} orang)")
        data: Any = api.AssignmentData(
            basics.letterhead, institution.signer_for(session, kind), issued.number, issued.issued_on,
            ed.event_info(basics, options), tuple(team), place=basics.city, copies=_copies(session, basics.event.id, kind, options),
            basis_template=template_text(session, "surat_tugas.dasar"),
            tasks_template=template_text(session, "surat_tugas.untuk"), paper=basics.paper,
        )
        return _Job([issued], [lambda: api.build_assignment(data)], [f"Surat Tugas {event.code}"], PRINT_KINDS[kind])
    if kind == "daftar_hadir":
        signer = institution.signer_for(session, kind)
        sheets = ed.attendance_sheets(session, basics, options, signer)
        issued = issue(f"{len(sheets)} lembar daftar hadir")
        return _Job([issued], [partial(api.build_attendance, s) for s in sheets],
                    [f"Daftar Hadir {event.code} {i}" for i in range(1, len(sheets) + 1)], PRINT_KINDS[kind])
    if kind == "susunan_acara":
        days = ed.rundown_days(session, basics, options)
        issued = issue("Peserta dan panitia")
        rundown = api.RundownData(event.name, days, event.venue,
                                  basics.letterhead if options.with_letterhead else None, paper=basics.paper)
        return _Job([issued], [lambda: api.build_rundown(rundown)], [f"Susunan Acara {event.code}"], PRINT_KINDS[kind])
    if kind == "laporan":
        issued = issue("Pimpinan")
        report = ed.event_report(session, basics, options, issued.issued_on)
        return _Job([issued], [lambda: api.build_event_report(report)], [f"Laporan {event.code}"], PRINT_KINDS[kind])
    if kind == "sambutan":
        outline = ed.speech_outline(session, basics, options)
        issued = issue(outline.speaker or "Pemberi sambutan")
        return _Job([issued], [lambda: api.build_speech_outline(outline)], [f"Sambutan {event.code}"],
                    PRINT_KINDS[kind])
    if kind == "berita_acara":
        when = options.letter_date or event.end_date or event.start_date
        issued = issue("Arsip kegiatan", when)  # type: ignore[arg-type]
        minutes = api.MinutesData(
            basics.letterhead, issued.number, ed.event_info(basics, options), ed.minutes_facts(session, basics),
            ed.minutes_parties(session, event.id), date=issued.issued_on, place="",
            template=template_text(session, "berita_acara"), paper=basics.paper,
        )
        return _Job([issued], [lambda: api.build_minutes(minutes)], [f"Berita Acara {event.code}"], PRINT_KINDS[kind])
    raise UserFacingError(f"Jenis dokumen '{kind}' tidak dikenal.")


def mark_invited(session: Session, participants: list[EventParticipant]) -> int:
    """Invitation status "dikirim" (with the time) for those not yet invited; returns how many changed."""
    now = utcnow()
    changed = 0
    for ep in participants:
        if ep.invitation_status == InvitationStatus.BELUM:
            ep.invitation_status = InvitationStatus.DIKIRIM
            ep.invited_at = ep.invited_at or now
            changed += 1
    session.flush()
    if changed:
        from ukom_desktop.services.event_progress import follow_progress

        follow_progress(session, participants[0].event_id)
    return changed


def _check_target(request: PrintRequest) -> None:
    per_file = request.options.per_participant
    if per_file and request.kind not in LETTER_KINDS:
        raise UserFacingError("Satu berkas per peserta hanya tersedia untuk surat undangan dan surat pemanggilan.")
    if per_file and request.options.collective:
        raise UserFacingError("Surat kolektif dicetak sebagai satu berkas; pilih salah satu.")
    if per_file and request.out.suffix.lower() == ".pdf":
        raise UserFacingError("Untuk satu berkas per peserta, tujuan simpan harus berupa folder, bukan berkas .pdf.")
    if not per_file and request.out.suffix.lower() != ".pdf":
        raise UserFacingError(f"Tujuan simpan harus berkas berakhiran .pdf, bukan '{request.out.name}'.")


def print_documents(session: Session, request: PrintRequest) -> Generator[Progress, None, PrintResult]:
    """Register, number and render the documents of `request`; see the module notes."""
    access.require(session, access.perm.PRINT_LETTERS)
    if request.kind not in PRINT_KINDS or request.kind not in DOCUMENT_KINDS:
        raise UserFacingError(f"Jenis dokumen '{request.kind}' tidak dikenal.")
    _check_target(request)
    yield 0, 0, "Menyiapkan data dan nomor surat..."
    start, end = event_dates(session, request.event_id, request.options.wave)
    today = request.options.letter_date or default_letter_date(request.kind, date.today(), start, end)
    basics = ed.load_event(session, request.event_id, request.options)
    job = (_letters if request.kind in LETTER_KINDS else _single)(session, request, basics, today)
    session.flush()
    total = len(job.build)
    written: list[api.Document] = []

    def built() -> Iterator[api.Document]:
        for build in job.build:
            doc = build()
            written.append(doc)  # its page count is known once it has been written
            yield doc

    # Written under temporary names, moved into place when the numbers are committed (services/staged_files).
    if request.options.per_participant:
        files = yield from api.iter_write_pdf_files(zip(job.stems, built(), strict=True), request.out, total=total,
                                                    place=lambda final: stage(session, final))
        paths = list(files)
    else:
        yield from api.iter_write_pdf(built(), stage(session, request.out), total=total, title=job.title,
                                      author=basics.letterhead.agency_lines[0])
        paths = [request.out] * len(job.issued)
    pages = sum(doc.page_count for doc in written)
    printed = []
    for issued, path in zip(job.issued, paths, strict=True):
        set_file(session, issued.id, str(path))
        printed.append(PrintedDocument(issued.kind, issued.number, issued.issued_on, issued.recipient,
                                       issued.reprint, path))
    files_out = tuple(dict.fromkeys(paths))
    invited = mark_invited(session, job.addressees) if request.kind == "undangan" else 0
    warnings = tuple(dict.fromkeys(  # on the dates printed: a reprint keeps its first date
        w for day in sorted({d.issued_on for d in printed}) for w in letter_date_warnings(request.kind, day, start)
    ))
    return PrintResult(request.kind, job.title, files_out, pages, tuple(printed), invited, warnings,
                       staging_problems(session))


def event_dates(session: Session, event_id: int, wave: int | None = None) -> tuple[date | None, date | None]:
    """First and last day of the event (of one wave when given and dated), for letter dates."""
    from ukom_desktop.db.models import Wave

    event = session.get(Event, event_id)
    if event is None:
        raise UserFacingError("Kegiatan tidak ditemukan.")
    if wave is not None:
        from ukom_desktop.services.waves import wave_dates

        row = session.scalars(select(Wave).where(Wave.event_id == event_id, Wave.number == wave)).first()
        if row is not None and (dates := wave_dates(session, row))[0] is not None:  # own dates or share of event's
            return dates
    return event.start_date, event.end_date or event.start_date


def print_now(session: Session, request: PrintRequest, progress: Callable[[int, int, str], None] | None = None
              ) -> PrintResult:
    """Run `print_documents` to the end (the command line; tests)."""
    steps = print_documents(session, request)
    while True:
        try:
            step = next(steps)
        except StopIteration as stop:
            return stop.value
        if progress is not None:
            progress(*step)
