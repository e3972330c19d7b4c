"""Surat Undangan and Surat Pemanggilan: personal letters, or one collective letter whose participant
list follows as Lampiran. Batches go into one merged PDF or one file per participant."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from ukom_desktop.documents.blocks import (
    draw_addressee,
    draw_body,
    draw_copies,
    draw_reference_block,
    event_fields,
    merge_fields,
    new_flow,
    place_date,
    schedule_rows,
    signatory_fields,
)
from ukom_desktop.documents.layout import Flow, Style
from ukom_desktop.documents.model import LetterData
from ukom_desktop.documents.output import Cancelled, Document, Progress, Target, write_pdf, write_pdf_files
from ukom_desktop.documents.participants_table import draw_participant_table
from ukom_desktop.documents.signature import draw_signature, signature_block_height
from ukom_desktop.documents.templates import MARKER_SCHEDULE, default_template
from ukom_desktop.domain.dates import format_date_id
from ukom_desktop.domain.nip import format_nip, normalize_nip
from ukom_desktop.domain.terbilang import number_with_words

KIND_INVITATION = "undangan"
KIND_SUMMONS = "pemanggilan"
_TITLES = {KIND_INVITATION: "Surat Undangan", KIND_SUMMONS: "Surat Pemanggilan"}


def letter_fields(data: LetterData) -> dict[str, str]:
    """Every template field of an undangan/pemanggilan for `data`."""
    person = data.recipient
    count = len(data.participants)
    fields = {
        **event_fields(data.event),
        "nomor": data.number,
        "tanggal_surat": format_date_id(data.date),
        "kontak": data.contact,
        "peserta": "Saudara" if person or not count else "Saudara yang namanya tercantum dalam Lampiran surat ini",
        "nama": person.name if person else "",
        "nip": format_nip(person.nip) if person else "",
        "pangkat": person.pangkat_gol if person else "",
        "jabatan": person.jabatan if person else "",
        "unit_kerja": person.unit_kerja if person else "",
        "jumlah_peserta": number_with_words(count) if count else ("1 (satu)" if person else ""),
        **signatory_fields(data.signatory),
    }
    return merge_fields(fields, data.fields)


def addressee_lines(data: LetterData) -> list[str]:
    """The lines after "Yth.", ending with the place line ("di Tempat") unless the user wrote one."""
    if data.addressee:
        lines = list(data.addressee)
    elif data.recipient is not None:
        person = data.recipient
        lines = [line for line in (f"Sdr. {person.name}", person.jabatan, person.unit_kerja) if line]
    else:
        lines = [f"Peserta {data.event.name}", "(daftar nama terlampir)"]
    if lines and not lines[-1].strip().lower().startswith("di "):
        lines.append("di Tempat")
    return lines


def _schedule_block(data: LetterData) -> object:
    def block(flow: Flow) -> None:
        flow.label_rows(schedule_rows(data.event), left=24.0 + 12.0, after=6.0)

    return block


def _attachment_header(flow: Flow, data: LetterData) -> None:
    style = flow.style.derive(size=11.0)
    signer = data.signatory
    office = signer.principal if signer.prefix == "a.n." and signer.principal else signer.jabatan
    left = flow.width * 0.48
    flow.paragraph("LAMPIRAN", style, left=left, align="L")
    flow.paragraph(f"SURAT {office.upper()}", style, left=left, align="L")
    flow.label_rows([("NOMOR", data.number), ("TANGGAL", format_date_id(data.date))], style, left=left,
                    after=18.0)


def _draw_attachment(flow: Flow, data: LetterData) -> None:
    flow.new_page()
    _attachment_header(flow, data)
    title = data.attachment_title or f"DAFTAR PESERTA\n{data.event.name.upper()}"
    flow.centered(title, flow.style.derive(bold=True), after=12.0)
    tail = signature_block_height(flow, data.signatory, before=16.0)
    draw_participant_table(flow, data.participants, Style(flow.style.font, 10.0, 12.0), tail=tail)
    draw_signature(flow, data.signatory, before=16.0)


def build_letter(data: LetterData, kind: str) -> Document:
    """Lay out one undangan (kind "undangan") or pemanggilan (kind "pemanggilan")."""
    if kind not in _TITLES:
        raise ValueError(f"Jenis surat '{kind}' tidak dikenal.")
    flow = new_flow(data.paper, data.letterhead)
    attachment = data.attachment or ("1 (satu) berkas" if data.participants else "-")
    draw_reference_block(
        flow,
        [("Nomor", data.number), ("Sifat", data.sifat), ("Lampiran", attachment), ("Hal", data.subject)],
        place_date(data.place or data.letterhead.city, data.date),
    )
    draw_addressee(flow, addressee_lines(data))
    template = data.template if data.template is not None else default_template(kind)
    draw_body(
        flow, template, letter_fields(data), {MARKER_SCHEDULE: _schedule_block(data)},  # type: ignore[dict-item]
        keep_last_with=True,
    )
    draw_signature(flow, data.signatory, keep_with=bool(data.copies))
    draw_copies(flow, data.copies)
    if data.participants:
        _draw_attachment(flow, data)
    who = data.recipient.name if data.recipient else data.event.name
    return Document(flow.spec, flow.story, "dash_top", f"{_TITLES[kind]} - {who}", data.letterhead.agency_lines[0])


def build_invitation(data: LetterData) -> Document:
    return build_letter(data, KIND_INVITATION)


def build_summons(data: LetterData) -> Document:
    return build_letter(data, KIND_SUMMONS)


def letter_file_stem(data: LetterData) -> str:
    """"<NIP>_<Nama>" for a personal letter, "<Hal>_<Nomor>" for a collective one (sanitised later)."""
    if data.recipient is not None:
        nip = normalize_nip(data.recipient.nip) or "tanpa-NIP"
        return f"{nip}_{data.recipient.name}"
    return f"{data.subject}_{data.number}"


def _render_batch(
    letters: Sequence[LetterData], kind: str, out: Target, progress: Progress | None, cancelled: Cancelled | None,
) -> int:
    docs = (build_letter(letter, kind) for letter in letters)
    return write_pdf(docs, out, total=len(letters), progress=progress, cancelled=cancelled, title=_TITLES[kind])


def _render_files(
    letters: Sequence[LetterData], kind: str, folder: str | os.PathLike[str], progress: Progress | None,
    cancelled: Cancelled | None,
) -> list[Path]:
    named = ((letter_file_stem(letter), build_letter(letter, kind)) for letter in letters)
    return write_pdf_files(named, folder, total=len(letters), progress=progress, cancelled=cancelled)


def render_invitation(data: LetterData, out: Target) -> int:
    """One surat undangan (with its Lampiran when collective); returns the page count."""
    return write_pdf([build_invitation(data)], out)


def render_invitations(
    letters: Sequence[LetterData], out: Target, progress: Progress | None = None, cancelled: Cancelled | None = None,
) -> int:
    """Many invitations merged into one PDF; returns the page count."""
    return _render_batch(letters, KIND_INVITATION, out, progress, cancelled)


def render_invitation_files(
    letters: Sequence[LetterData], folder: str | os.PathLike[str], progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> list[Path]:
    """One PDF per invitation, named "<NIP>_<Nama>.pdf"; returns the paths written."""
    return _render_files(letters, KIND_INVITATION, folder, progress, cancelled)


def render_summons(data: LetterData, out: Target) -> int:
    """One surat pemanggilan; returns the page count."""
    return write_pdf([build_summons(data)], out)


def render_summonses(
    letters: Sequence[LetterData], out: Target, progress: Progress | None = None, cancelled: Cancelled | None = None,
) -> int:
    return _render_batch(letters, KIND_SUMMONS, out, progress, cancelled)


def render_summons_files(
    letters: Sequence[LetterData], folder: str | os.PathLike[str], progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> list[Path]:
    return _render_files(letters, KIND_SUMMONS, folder, progress, cancelled)
