"""Keputusan (SK) in the form of the naskah dinas: kop, KEPUTUSAN <JABATAN> NOMOR ... TENTANG ...,
Menimbang (a., b., ...), Mengingat (1., 2., ...), MEMUTUSKAN, Menetapkan, the diktum KESATU, KEDUA, ...,
place and date of determination with the signature, and a lampiran listing the team or participants."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import partial

from ukom_desktop.documents.blocks import new_flow
from ukom_desktop.documents.layout import Align, Flow, Style, para, plain_table, text_width
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


Item = tuple[str, str, str]  # label ("Menimbang", "" under it), letter or number ("a.", ""), text


def _labelled(flow: Flow, items: list[Item], label_width: float, *, align: Align = "J", gap: float = 2.0,
              after: float = 8.0) -> None:
    """"Menimbang : a. bahwa ..." as borderless rows: the label and colon in their columns, each item
    hanging under its letter or number. The label never stands alone at the foot of a page."""
    style = flow.style
    colon_width = text_width(":", style.font, style.size) + 6
    number_width = max((text_width(number, style.font, style.size) for _, number, _ in items), default=0.0)
    number_width = number_width + 6 if number_width else 0.0
    rows: list[list[object]] = []
    for index, (label, number, text) in enumerate(items):
        last = index == len(items) - 1
        rows.append([para(label, style) if label else "", para(":", style) if label else "",
                     para(number, style) if number else "",
                     para(text, style, align, after=0.0 if last else gap)])
    keep = [("NOSPLIT", (0, 0), (-1, 1))] if len(rows) > 1 else []
    table = plain_table(rows, [label_width, colon_width, number_width,
                               flow.width - label_width - colon_width - number_width], commands=keep)
    table.spaceAfter = after
    flow.add(table)


def _list(label: str, labels: list[str], items: list[str]) -> list[Item]:
    return [(label if index == 0 else "", lab, item) for index, (lab, item) in enumerate(zip(labels, items, strict=True))]


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
    _labelled(flow, _list("Menimbang", _letters(len(data.considering)), list(data.considering)), label_width)
    _labelled(flow, _list("Mengingat", [f"{i}." for i in range(1, len(data.basis) + 1)], list(data.basis)),
              label_width)
    flow.ensure(4 * style.leading)
    flow.centered("MEMUTUSKAN:", bold, after=6.0)
    _labelled(flow, [("Menetapkan", "", f"KEPUTUSAN {issuer(data.signatory)} TENTANG {data.subject.upper()}.")],
              label_width, align="L", after=6.0)
    diktum = [(ORDINALS[index] if index < len(ORDINALS) else f"KE-{index + 1}", "", text)
              for index, text in enumerate(data.decisions)]
    for item in diktum[:-1]:
        _labelled(flow, [item], label_width, after=6.0)
    if diktum:  # the last diktum stays on the page of the signature
        flow.keep_with_next(partial(_labelled, flow, diktum[-1:], label_width, after=6.0))
    captions = [f"Ditetapkan di {data.place}" if data.place else "Ditetapkan di", f"pada tanggal {format_date_id(data.date)}"]
    draw_signature(flow, data.signatory, captions=captions)
    if data.people:
        _attachment(flow, data)
    return Document(flow.spec, flow.story, "dash_top", f"Keputusan {data.number}")


def _attachment(flow: Flow, data: DecreeData) -> None:
    flow.new_page()
    style = flow.style
    left = flow.width * 0.45
    small = Style(style.font, 10.5, 12.6)
    flow.paragraph("LAMPIRAN", small, left=left, align="L")
    flow.paragraph(f"KEPUTUSAN {issuer(data.signatory)}", small, left=left, align="L")
    flow.label_rows([("NOMOR", data.number), ("TANGGAL", format_date_id(data.date)),
                     ("TENTANG", data.subject.upper())], small, left=left, after=12.0)
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
