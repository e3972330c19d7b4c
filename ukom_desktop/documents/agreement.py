"""Perjanjian Kerja Sama (PKS) with an outside agency (SOP 002): title with both parties and both
numbers, the opening with the date in words, the parties, the articles of the editable template
(Pasal 1, 2, ... with paragraphs (1), (2), ...) and the signature blocks of both parties with the place
of the materai."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import partial

from reportlab.platypus import Flowable, Table

from ukom_desktop.documents.blocks import new_flow
from ukom_desktop.documents.layout import Flow, Style
from ukom_desktop.documents.model import Letterhead, PaperSize, Signatory
from ukom_desktop.documents.output import Document, Target, write_pdf
from ukom_desktop.documents.signature import SIGNATURE_SPACE, signature_row_table
from ukom_desktop.domain.terbilang import date_in_words

MATERAI = "Meterai Rp10.000"


@dataclass(frozen=True)
class Party:
    agency: str
    signatory: Signatory
    number: str  # the party's own number of the agreement


@dataclass(frozen=True)
class AgreementData:
    letterhead: Letterhead | None
    subject: str  # TENTANG ...
    first: Party  # the assessment centre
    second: Party  # the requesting agency
    date: date
    place: str
    articles: tuple[tuple[str, tuple[str, ...]], ...]
    paper: PaperSize = "A4"


def build_agreement(data: AgreementData) -> Document:
    flow = new_flow(data.paper, data.letterhead)
    style = flow.style
    bold = style.derive(bold=True)
    for text, after in (("PERJANJIAN KERJA SAMA", 2.0), ("ANTARA", 2.0), (data.first.agency.upper(), 2.0),
                        ("DENGAN", 2.0), (data.second.agency.upper(), 2.0), ("TENTANG", 2.0),
                        (data.subject.upper(), 8.0)):
        flow.paragraph(text, bold, align="C", after=after)
    flow.centered(f"NOMOR: {data.first.number or '....................'}", style, after=0.0)
    flow.centered(f"NOMOR: {data.second.number or '....................'}", style, after=12.0)
    flow.paragraph(f"Pada hari ini {date_in_words(data.date)}, bertempat di {data.place or '..........'}, yang "
                   "bertanda tangan di bawah ini:", after=6.0)
    for index, (party, name) in enumerate(((data.first, "PIHAK PERTAMA"), (data.second, "PIHAK KEDUA")), start=1):
        signer = party.signatory
        flow.paragraph(f"{signer.name}, {signer.jabatan}, dalam hal ini bertindak untuk dan atas nama "
                       f"{party.agency}, selanjutnya disebut {name}.", label=f"{index}.", label_width=18,
                       left=18, after=4.0)
    flow.paragraph("PIHAK PERTAMA dan PIHAK KEDUA yang selanjutnya secara bersama-sama disebut PARA PIHAK, sepakat "
                   "untuk mengadakan Perjanjian Kerja Sama dengan ketentuan sebagai berikut:", after=10.0)
    parties = [(["PIHAK KEDUA,", data.second.agency], data.second.signatory),
               (["PIHAK PERTAMA,", data.first.agency], data.first.signatory)]

    def article(number: int, title: str, paragraphs: tuple[str, ...]) -> None:
        flow.ensure(4 * style.leading)
        flow.centered(f"Pasal {number}", bold, after=0.0)
        flow.paragraph(title.upper(), bold, align="C", after=4.0)
        if len(paragraphs) == 1:
            flow.paragraph(paragraphs[0], after=8.0)
            return
        for index, text in enumerate(paragraphs, start=1):
            flow.paragraph(text, label=f"({index})", label_width=24, left=24,
                           after=8.0 if index == len(paragraphs) else 3.0)

    for number, (title, paragraphs) in enumerate(data.articles, start=1):
        if number == len(data.articles):  # the closing article stays with the signatures
            flow.keep_with_next(partial(article, number, title, paragraphs))
        else:
            article(number, title, paragraphs)
    flow.add(_signatures(flow, parties))
    return Document(flow.spec, flow.story, "dash_top", f"Perjanjian Kerja Sama {data.first.number}")


class Materai(Flowable):
    """The signature space of PIHAK KEDUA (the party bound by the payment) with a dashed box marking
    where the meterai goes, left of the middle of the column."""

    box_width, box_height = 72.0, 30.0

    def __init__(self, style: Style) -> None:
        super().__init__()
        self.style = style
        self.width = 0.0
        self.height = SIGNATURE_SPACE

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, self.height

    def draw(self) -> None:
        canvas = self.canv
        x = self.width / 2 - self.box_width - 6
        y = (self.height - self.box_height) / 2
        canvas.saveState()
        canvas.setLineWidth(0.4)
        canvas.setDash(2, 2)
        canvas.rect(x, y, self.box_width, self.box_height)
        canvas.setFont(self.style.font, 7.0)
        canvas.drawString(x + 4, y + self.box_height / 2 - 3, MATERAI)
        canvas.restoreState()


def _signatures(flow: Flow, parties: list[tuple[list[str], Signatory]]) -> Table:
    """Both parties side by side, the meterai in PIHAK KEDUA's signature space."""
    table = signature_row_table(flow, parties, {0: Materai(flow.style)})
    table.spaceBefore = 14.0
    table.spaceAfter = 8.0
    return table


def render_agreement(data: AgreementData, out: Target) -> int:
    return write_pdf([build_agreement(data)], out)
