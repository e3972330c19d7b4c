"""Paper for the assessment room (issue 17 item 4): numbered booklet covers, answer sheets, paper rating
forms laid out like the rating grid, and the berita acara serah terima soal. Pure layout: the services
pass plain dataclasses."""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.platypus import Flowable, KeepTogether, Spacer
from reportlab.platypus.flowables import HRFlowable

from ukom_desktop.documents.fonts import SANS
from ukom_desktop.documents.layout import Flow, PageSpec, Style, body_style, para, plain_table
from ukom_desktop.documents.output import Document
from ukom_desktop.documents.tables import Cell, Column, TableStyle, draw_table, fit_width

BOX = "\u25a1"  # an empty box to tick


@dataclass(frozen=True)
class Heading:
    """What every room document prints at its head."""

    institution: tuple[str, ...]
    event_name: str
    event_code: str
    paper: str = "A4"
    place_date: str = ""  # "Jakarta, 9 November 2026"


@dataclass(frozen=True)
class Person:
    number: int | None
    name: str
    nip: str  # formatted
    jabatan: str = ""
    unit: str = ""
    target_position: str = ""
    wave: int | None = None
    group: str = ""

    @property
    def number_text(self) -> str:
        return f"{self.number:03d}" if self.number is not None else "-"


@dataclass(frozen=True)
class CompetencyRow:
    code: str
    name: str
    standard: str  # "3" or "-"
    anchors: tuple[tuple[int, str], ...] = field(default=())  # (level, description)


def page_spec(paper: str) -> PageSpec:
    from reportlab.lib.units import mm

    return PageSpec(paper=paper if paper in ("A4", "F4") else "A4", left=20 * mm, right=20 * mm, top=18 * mm,  # type: ignore[arg-type]
                    bottom=18 * mm)


def styles() -> tuple[Style, Style, Style, Style]:
    body = body_style(11)
    sans = Style(SANS, 10, 12.5)
    return body, body.derive(bold=True, size=14), sans, sans.derive(bold=True)


def table_style() -> TableStyle:
    _body, _title, sans, sans_bold = styles()
    return TableStyle(body=sans, header=sans_bold, padding=3.5)


class Confidential(Flowable):
    """"RAHASIA" in the top margin at the right, above the first line of the page; takes no room."""

    def __init__(self, style: Style) -> None:
        super().__init__()
        self.style = style
        self.width = 0.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, 0.0

    def draw(self) -> None:
        self.canv.setFont(self.style.font, self.style.size)
        self.canv.drawRightString(self.width, 4, "RAHASIA")


class RuledLines(Flowable):
    """Writing lines every `gap` points: `count` of them, or down to the foot of the page (an answer
    sheet) when no count is given."""

    def __init__(self, gap: float = 22.0, weight: float = 0.4, count: int | None = None) -> None:
        super().__init__()
        self.gap = gap
        self.weight = weight
        self.count = count
        self.width = self.height = 0.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        fill = max(available_height, self.gap + 2)
        self.width, self.height = available_width, fill if self.count is None else self.count * self.gap + 2
        return self.width, self.height

    def draw(self) -> None:
        self.canv.setLineWidth(self.weight)
        y = self.height - self.gap
        while y >= 2:
            self.canv.line(0, y, self.width, y)
            y -= self.gap


def head_block(flow: Flow, heading: Heading, title: str, confidential: bool = True) -> None:
    _body, title_style, sans, sans_bold = styles()
    if confidential:
        flow.add(Confidential(sans_bold))
    for line in heading.institution:
        flow.centered(line, sans_bold)
    if heading.institution:
        flow.add(HRFlowable(width="100%", thickness=1.0, color="black", spaceBefore=4, spaceAfter=10))
    flow.centered(title, title_style, after=2)
    flow.centered(f"{heading.event_name} ({heading.event_code})", sans, after=10)


def caption(flow: Flow, text: str, style: Style, *, after: float) -> None:
    """A heading line that stays on the page of what follows it."""
    flow.keep_with_next(lambda: flow.paragraph(text, style, align="L", after=after))


def identity_block(flow: Flow, person: Person, extra: list[tuple[str, str]] | None = None) -> None:
    _body, _title, sans, _bold = styles()
    rows = [("Nomor peserta", person.number_text), ("Nama", person.name), ("NIP", person.nip)]
    if person.jabatan:
        rows.append(("Jabatan", person.jabatan))
    if person.unit:
        rows.append(("Unit kerja", person.unit))
    if person.target_position:
        rows.append(("Jabatan sasaran", person.target_position))
    if person.wave is not None or person.group:
        rows.append(("Gelombang / kelompok", f"{person.wave or '-'} / {person.group or '-'}"))
    flow.label_rows(rows + list(extra or []), sans, after=8)


def booklet_cover(heading: Heading, person: Person, booklet: str, exercise: str, question_set: str,
                  pages: int) -> Document:
    """The numbered cover put on top of a participant's booklet."""
    body, title, sans, sans_bold = styles()
    flow = Flow(page_spec(heading.paper), body)
    head_block(flow, heading, "BUKU SOAL")
    flow.skip(30)
    flow.centered(exercise.upper(), title.derive(size=20), after=14)
    flow.centered(f"Nomor buku: {booklet}", title.derive(size=26), after=8)
    flow.centered(f"Paket soal {question_set}  -  {pages} halaman", sans, after=40)
    identity_block(flow, person)
    flow.skip(30)
    notes = [
        "Buku soal ini bersifat RAHASIA dan tetap milik penyelenggara.",
        "Jangan menulis pada buku soal; tuliskan jawaban pada lembar jawaban.",
        "Jangan memotret, menyalin atau membawa keluar buku soal.",
        "Serahkan kembali buku soal beserta lembar jawaban kepada pengawas ruang sebelum meninggalkan ruangan.",
    ]
    flow.paragraph("Petunjuk:", sans_bold, after=2)
    flow.numbered(notes, sans, align="L")
    return Document(spec=flow.spec, story=flow.story, title=f"Buku soal {booklet}", author="UKOM Desktop")


def answer_sheet(heading: Heading, person: Person, booklet: str, exercise: str, question_set: str) -> Document:
    body, _title, sans, _bold = styles()
    flow = Flow(page_spec(heading.paper), body)
    head_block(flow, heading, f"LEMBAR JAWABAN {exercise.upper()}")
    identity_block(flow, person, [("Nomor buku soal", booklet), ("Paket soal", question_set)])
    flow.skip(4)
    flow.add(RuledLines())
    return Document(spec=flow.spec, story=flow.story, title=f"Lembar jawaban {booklet}", author="UKOM Desktop")


def rating_form(heading: Heading, person: Person, exercise: str, rows: list[CompetencyRow],
                assessor: str = "") -> Document:
    """A paper rating form for one exercise and one participant, in the order and with the columns of the
    rating grid (Kompetensi, Level, Tanpa bukti, Catatan bukti), then the level anchors."""
    body, _title, sans, sans_bold = styles()
    flow = Flow(page_spec(heading.paper), body)
    head_block(flow, heading, f"FORMULIR PENILAIAN {exercise.upper()}")
    identity_block(flow, person, [("Simulasi", exercise), ("Asesor", assessor or "." * 60)])
    levels = "   ".join(f"{BOX} {n}" for n in range(1, 6))
    columns = [Column("Kompetensi", 2.2), Column("Standar", 0.95, "C"), Column("Level", 2.2, "C"),
               Column("Tanpa bukti", 0.9, "C", fit_width(["Tanpa bukti"], sans_bold, 4)), Column("Catatan bukti", 3.0)]
    table: list[list[str | Cell]] = [[Cell(f"{r.code} {r.name}", bold=True), r.standard, levels, BOX, ""]
                                     for r in rows]
    style = table_style()
    draw_table(flow, columns, table, TableStyle(body=style.body, header=style.header, padding=4,
                                                min_row_height=58, valign_middle=True), after=12)
    if any(r.anchors for r in rows):
        caption(flow, "Rujukan level (kamus kompetensi)", sans_bold, after=4)
        small = Style(SANS, 8.5, 10.5)
        for r in rows:
            flow.ensure(small.leading * 3)
            caption(flow, f"{r.code} {r.name}", small.derive(bold=True), after=1)
            for level, text in r.anchors:
                flow.paragraph(text, small, label=f"{level}.", label_width=12, left=6, align="L")
            flow.skip(4)
    left = flow.width * 0.55
    flow.add(KeepTogether([Spacer(0, 16), para(f"{heading.place_date or '.' * 40}", sans, left=left),
                           para("Asesor,", sans, left=left, after=36), para(f"({assessor or '.' * 50})", sans,
                                                                              left=left)]))
    return Document(spec=flow.spec, story=flow.story, title=f"Formulir penilaian {exercise} {person.number_text}",
                    author="UKOM Desktop")


@dataclass(frozen=True)
class HandoverRoom:
    room: str
    booklets: tuple[tuple[str, str, bool], ...]  # (booklet number, participant, returned)

    @property
    def back(self) -> int:
        return sum(1 for b in self.booklets if b[2])


def handover_minutes(heading: Heading, rooms: list[HandoverRoom]) -> Document:
    """Berita acara serah terima soal: booklets out and back per room, and which did not come back."""
    body, _title, sans, sans_bold = styles()
    flow = Flow(page_spec(heading.paper), body)
    head_block(flow, heading, "BERITA ACARA SERAH TERIMA SOAL")
    out = sum(len(r.booklets) for r in rooms)
    back = sum(r.back for r in rooms)
    flow.paragraph(
        f"Pada hari ini telah dilakukan serah terima buku soal bernomor untuk pelaksanaan {heading.event_name}. "
        f"Sebanyak {out} buku soal diserahkan kepada pengawas ruang dan {back} buku soal telah diterima kembali, "
        "dengan rincian per ruang sebagai berikut.", body, after=8)
    summary: list[list[str | Cell]] = [[r.room, str(len(r.booklets)), str(r.back), str(len(r.booklets) - r.back)]
                                       for r in rooms]
    summary.append([Cell("Jumlah", bold=True), Cell(str(out), bold=True), Cell(str(back), bold=True),
                    Cell(str(out - back), bold=True)])
    draw_table(flow, [Column("Ruang", 3), Column("Keluar", 1, "C"), Column("Kembali", 1, "C"),
                      Column("Belum kembali", 1.2, "C")], summary, table_style(), after=10)
    missing = [(r.room, b) for r in rooms for b in r.booklets if not b[2]]
    if missing:
        caption(flow, "Buku soal yang BELUM kembali:", sans_bold, after=2)
        draw_table(flow, [Column("Ruang", 2), Column("Nomor buku", 1.2, "C"), Column("Peserta", 3)],
                   [[room, b[0], b[1]] for room, b in missing], table_style(), after=10)
    else:
        flow.paragraph("Seluruh buku soal bernomor telah kembali dengan lengkap.", sans_bold, after=10)
    for r in rooms:
        flow.ensure(60)
        caption(flow, f"Rincian {r.room}", sans_bold, after=2)
        draw_table(flow, [Column("Nomor buku", 1.2, "C"), Column("Peserta", 3), Column("Kembali", 1, "C")],
                   [[b[0], b[1], "Ya" if b[2] else "BELUM"] for b in r.booklets], table_style(), after=8)
    signing: list[Flowable] = [Spacer(0, 10)]
    if heading.place_date:
        signing.append(para(heading.place_date, sans, left=flow.width * 0.55, after=4))
    blank = "(" + "." * 45 + ")"
    signing.append(plain_table([[[para(label, sans), Spacer(0, 56), para(blank, sans)]
                                 for label in ("Yang menyerahkan,", "Yang menerima,")]],
                               [flow.width / 2, flow.width / 2]))
    signing.append(Spacer(0, 10))
    flow.add(KeepTogether(signing))
    return Document(spec=flow.spec, story=flow.story, title="Berita acara serah terima soal", author="UKOM Desktop")


@dataclass(frozen=True)
class BriefSession:
    """One scheduled role-play session whose role player gets a brief."""

    exercise: str
    when: str  # "Senin, 9 November 2026, 08.00-09.00"
    room: str
    participant: str  # the participant number(s), never the name
    assessors: tuple[str, ...]
    question_set: str
    pages: int
    other_files: tuple[str, ...] = field(default=())


def role_player_cover(heading: Heading, brief: BriefSession) -> Document:
    """The cover on top of the role player's brief for one session: where, when, with whom, and that it is
    confidential and goes back to the committee."""
    body, title, sans, sans_bold = styles()
    flow = Flow(page_spec(heading.paper), body)
    head_block(flow, heading, "NASKAH PEMERAN (ROLE PLAYER)")
    flow.skip(16)
    flow.centered(brief.exercise.upper(), title.derive(size=18), after=6)
    flow.centered(f"Nomor peserta: {brief.participant}", title.derive(size=22), after=18)
    rows = [("Kegiatan", f"{heading.event_name} ({heading.event_code})"), ("Simulasi", brief.exercise),
            ("Hari dan waktu", brief.when), ("Ruang", brief.room), ("Nomor peserta", brief.participant),
            ("Asesor", ", ".join(brief.assessors) or "-"), ("Paket soal", brief.question_set or "-"),
            ("Naskah", f"{brief.pages} halaman")]
    draw_table(flow, [Column("Keterangan", 1.3), Column("Isi", 3.7)],
               [[Cell(label, bold=True), value] for label, value in rows], table_style(), after=12)
    for name in brief.other_files:
        flow.paragraph(f"Berkas lain: {name} (cetak terpisah)", sans, align="L", after=2)
    flow.skip(16)
    flow.centered("RAHASIA - kembalikan kepada panitia setelah sesi", sans_bold.derive(size=12), after=4)
    return Document(spec=flow.spec, story=flow.story, title=f"Naskah pemeran {brief.exercise} {brief.participant}",
                    author="UKOM Desktop")
