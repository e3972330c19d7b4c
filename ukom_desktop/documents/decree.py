"""Keputusan (SK) in the form of the naskah dinas: kop, KEPUTUSAN <JABATAN> NOMOR ... TENTANG ...,
Menimbang (a., b., ...), Mengingat (1., 2., ...), MEMUTUSKAN, Menetapkan, the diktum KESATU, KEDUA, ...,
place and date of determination with the signature, and a lampiran listing the team or participants."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ukom_desktop.documents.blocks import new_flow
from ukom_desktop.documents.layout import Flow, Style, text_width
from ukom_desktop.documents.model import Letterhead, PaperSize, Person, Signatory
from ukom_desktop.documents.output import Document, Target, write_pdf
from ukom_desktop.documents.participants_table import number_column, table_style
from ukom_desktop.documents.signature import draw_signature, signature_block_height
from ukom_desktop.documents.tables import Column, Row, draw_table
from ukom_desktop.domain.dates import format_date_id
from ukom_desktop.domain.nip import format_nip

ORDINALS = ("KESATU", "KEDUA", "KETIGA", "KEEMPAT", "KELIMA", "KEENAM", "KETUJUH", "KEDELAPAN", "KESEMBILAN",
            "KESEPULUH")


@dataclass(frozen=True)
class DecreeData:
    letterhead: Letterhead
    signatory: Signatory
    number: str
    date: date
    subject: str  # TENTANG ...
    considering: tuple[str, ...]
    basis: tuple[str, ...]
    decisions: tuple[str, ...]
    people: tuple[tuple[Person, str], ...]  # lampiran: person and role/unit column
    role_title: str = "Kedudukan dalam Tim"
    attachment_title: str = ""
    place: str = ""
    paper: PaperSize = "A4"


def issuer(signatory: Signatory) -> str:
    return signatory.jabatan.strip().rstrip(",").upper()


def _labelled(flow: Flow, label: str, labels: list[str], items: list[str], label_width: float) -> None:
    """"Menimbang : a. bahwa ..." with items hanging under their letter or number."""
    style = flow.style
    colon = flow.x0 + label_width
    number_width = max(text_width(lab, style.font, style.size) for lab in labels) + 6
    left = label_width + text_width(":", style.font, style.size) + 6
    flow.ensure(3 * style.leading)
    baseline = flow.y - style.leading * 0.8
    flow.text(flow.x0, baseline, label, style)
    flow.text(colon, baseline, ":", style)
    for index, (lab, item) in enumerate(zip(labels, items, strict=True)):
        flow.paragraph(item, left=left + number_width, label=lab, label_width=number_width,
                       after=8.0 if index == len(items) - 1 else 2.0)


def _letters(count: int) -> list[str]:
    return [f"{chr(ord('a') + i)}." for i in range(count)]


def build_decree(data: DecreeData) -> Document:
    flow = new_flow(data.paper, data.letterhead)
    style = flow.style
    bold = style.derive(bold=True)
    head = f"KEPUTUSAN {issuer(data.signatory)}"
    flow.paragraph(head, bold, align="C", after=0.0)
    flow.centered(f"NOMOR {data.number}", bold, after=8.0)
    flow.centered("TENTANG", bold, after=0.0)
    flow.paragraph(data.subject.upper(), bold, align="C", after=10.0)
    flow.centered("DENGAN RAHMAT TUHAN YANG MAHA ESA", bold, after=8.0)
    flow.paragraph(f"{issuer(data.signatory)},", bold, align="C", after=10.0)
    label_width = max(text_width("Menetapkan", style.font, style.size), text_width("KESEPULUH", style.font, style.size)) + 10
    _labelled(flow, "Menimbang", _letters(len(data.considering)), list(data.considering), label_width)
    _labelled(flow, "Mengingat", [f"{i}." for i in range(1, len(data.basis) + 1)], list(data.basis), label_width)
    flow.ensure(4 * style.leading)
    flow.centered("MEMUTUSKAN:", bold, after=6.0)
    left = label_width + text_width(":", style.font, style.size) + 6

    def labelled(label: str, text: str, align: str) -> None:
        flow.ensure(2 * style.leading)
        baseline = flow.y - style.leading * 0.8
        flow.text(flow.x0, baseline, label, style)
        flow.text(flow.x0 + label_width, baseline, ":", style)
        flow.paragraph(text, left=left, align=align, after=6.0)  # type: ignore[arg-type]

    labelled("Menetapkan", f"KEPUTUSAN {issuer(data.signatory)} TENTANG {data.subject.upper()}.", "L")
    for index, text in enumerate(data.decisions):
        labelled(ORDINALS[index] if index < len(ORDINALS) else f"KE-{index + 1}", text, "J")
    captions = [f"Ditetapkan di {data.place}" if data.place else "Ditetapkan di", f"pada tanggal {format_date_id(data.date)}"]
    flow.ensure(signature_block_height(flow, data.signatory, captions))
    draw_signature(flow, data.signatory, captions=captions)
    if data.people:
        _attachment(flow, data)
    return Document(flow.spec, flow.story, "dash_top", f"Keputusan {data.number}")


def _attachment(flow: Flow, data: DecreeData) -> None:
    flow.new_page()
    style = flow.style
    x = flow.x0 + flow.width * 0.45
    rows = [("LAMPIRAN", ""), (f"KEPUTUSAN {issuer(data.signatory)}", ""), ("NOMOR", data.number),
            ("TANGGAL", format_date_id(data.date)), ("TENTANG", data.subject.upper())]
    small = Style(style.font, 10.5, 12.6)
    for label, value in rows:
        text = f"{label} : {value}" if value else label
        flow.paragraph(text, small, left=x - flow.x0, align="L")
    flow.skip(12.0)
    title = data.attachment_title or data.subject.upper()
    flow.paragraph(title, style.derive(bold=True), align="C", after=10.0)
    table = Style(style.font, 10.0, 12.0)
    columns = [number_column(table, len(data.people)), Column("Nama / NIP", 2.6), Column("Pangkat/Gol.", 1.7),
               Column("Jabatan", 2.4), Column(data.role_title, 1.8)]
    body: list[Row] = []
    for n, (person, role) in enumerate(data.people, start=1):
        who = f"{person.name}\nNIP {format_nip(person.nip)}" if person.nip else person.name
        body.append([f"{n}.", who, person.pangkat_gol or "-", person.jabatan or "-", role or "-"])
    draw_table(flow, columns, body, table_style(table), after=10.0,
               tail=signature_block_height(flow, data.signatory))
    draw_signature(flow, data.signatory)


def render_decree(data: DecreeData, out: Target) -> int:
    return write_pdf([build_decree(data)], out)
