"""Decrees (SK Tim, SK Peserta) of an event, numbered from the register, with their wording from the
editable templates "sk_tim" and "sk_peserta" (documents/admin_templates.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from ukom_desktop.db.models import Event
from ukom_desktop.documents.admin_templates import sections
from ukom_desktop.documents.decree import DecreeData, build_decree
from ukom_desktop.documents.output import write_pdf
from ukom_desktop.documents.templates import TemplateError, render_template
from ukom_desktop.domain.dates import format_date_range_id
from ukom_desktop.domain.terbilang import number_with_words
from ukom_desktop.errors import UserFacingError
from ukom_desktop.services import event_documents as ed
from ukom_desktop.services import institution
from ukom_desktop.services.document_templates import template_text
from ukom_desktop.services.issued_documents import issue_document


@dataclass(frozen=True)
class IssuedPrint:
    kind: str
    number: str
    issued_on: date
    file: Path
    pages: int
    reprint: bool = False


def event_fields(event: Event, extra: dict[str, str]) -> dict[str, str]:
    fields = {
        "kegiatan": event.name, "tanggal": format_date_range_id(event.start_date, event.end_date),
        "tempat": event.venue or "-", "tahun": str((event.start_date or date.today()).year),
        "instansi_pemohon": event.requesting_agency or "-",
    }
    fields.update(extra)
    return fields


def filled_sections(session: Session, key: str, fields: dict[str, str]) -> dict[str, list[str]]:
    try:
        text = render_template(template_text(session, key), fields)
    except TemplateError as exc:
        raise UserFacingError(f"Templat {key} tidak dapat dipakai: {exc}") from None
    return {heading.upper(): items for heading, items in sections(text)}


def print_decree(session: Session, event_id: int, which: str, out: str | Path, *, when: date | None = None,
                 renumber: bool = False) -> IssuedPrint:
    """SK Tim Penilai Kompetensi (`which` "team") or SK Peserta ("participants")."""
    basics = ed.load_event(session, event_id, ed.PrintOptions())
    event = basics.event
    kind = "sk_tim" if which == "team" else "sk_peserta"
    if which == "team":
        team = ed.team_members(session, event_id)
        if not team:
            raise UserFacingError(f"Tim kegiatan {event.code} belum diisi; tambahkan asesor di tab Asesor.")
        people = tuple((m.person, m.role) for m in team)
        subject = f"Pembentukan Tim Penilai Kompetensi pada {event.name}"
        role_title, title = "Kedudukan dalam Tim", "SUSUNAN TIM PENILAI KOMPETENSI"
    else:
        rows = ed.event_participants(session, event_id)
        if not rows:
            raise UserFacingError(f"Kegiatan {event.code} belum memiliki peserta.")
        people = tuple((ed.person_of(r.participant), r.participant.unit or "-") for r in rows)
        subject = f"Peserta {event.name}"
        role_title, title = "Unit Kerja", "DAFTAR PESERTA PENILAIAN KOMPETENSI"
    signer = institution.signer_for(session, kind)
    fields = event_fields(event, {"jabatan_penetap": signer.jabatan, "tentang": subject,
                                  "jumlah": number_with_words(len(people))})
    parts = filled_sections(session, kind, fields)
    when = when or date.today()
    # one number sequence for every keputusan; the subject key tells SK Tim from SK Peserta
    issued = issue_document(session, event_id=event_id, kind="keputusan", subject_key=kind,
                            recipient=f"{len(people)} orang", issued_on=when, renumber=renumber)
    data = DecreeData(
        basics.letterhead, signer, issued.number, issued.issued_on, subject, tuple(parts.get("MENIMBANG", [])),
        tuple(parts.get("MENGINGAT", [])), tuple(parts.get("DIKTUM", [])), people, role_title, title,
        basics.city, basics.paper,
    )
    pages = write_pdf([build_decree(data)], Path(out))
    return IssuedPrint(kind, issued.number, issued.issued_on, Path(out), pages, issued.reprint)


@dataclass(frozen=True)
class AgreementOptions:
    """What the user enters for the other party (the requesting agency) and the terms."""

    partner: str = ""  # default: the event's requesting agency
    partner_signer: str = ""
    partner_position: str = ""
    partner_number: str = ""
    cost: int | None = None  # default: the event's budget (RAB) total
    duration: str = "6 (enam) bulan"


def print_agreement(session: Session, event_id: int, out: str | Path, options: AgreementOptions, *,
                    when: date | None = None, renumber: bool = False) -> IssuedPrint:
    from ukom_desktop.documents.agreement import AgreementData, Party, build_agreement
    from ukom_desktop.documents.model import Signatory
    from ukom_desktop.domain.budget import rupiah
    from ukom_desktop.domain.terbilang import terbilang
    from ukom_desktop.services.budget import event_budget

    basics = ed.load_event(session, event_id, ed.PrintOptions())
    event = basics.event
    partner = options.partner.strip() or event.requesting_agency.strip()
    if not partner:
        raise UserFacingError(f"Instansi pemohon kegiatan {event.code} belum diisi; isi di tab Kegiatan atau "
                              "sebutkan instansi pihak kedua.")
    signer = institution.signer_for(session, "pks")
    cost = options.cost if options.cost is not None else event_budget(session, event_id).amount
    ours = " ".join(basics.letterhead.agency_lines[-1:])
    fields = event_fields(event, {"pihak_pertama": ours, "pihak_kedua": partner, "biaya": rupiah(cost),
                                  "biaya_terbilang": f"{terbilang(cost)} rupiah", "jangka_waktu": options.duration,
                                  "jumlah": number_with_words(len(ed.event_participants(session, event_id)))})
    try:
        text = render_template(template_text(session, "pks"), fields)
    except TemplateError as exc:
        raise UserFacingError(f"Templat perjanjian kerja sama tidak dapat dipakai: {exc}") from None
    articles = tuple((title, tuple(items)) for title, items in sections(text) if items)
    when = when or date.today()
    issued = issue_document(session, event_id=event_id, kind="pks", subject_key="kegiatan", recipient=partner,
                            issued_on=when, renumber=renumber)
    second = Signatory(options.partner_signer.strip() or "(.................................................)",
                       options.partner_position.strip() or f"Pejabat yang berwenang pada {partner}")
    data = AgreementData(
        basics.letterhead, f"Penyelenggaraan {event.name}", Party(ours, signer, issued.number),
        Party(partner, second, options.partner_number.strip()), issued.issued_on, basics.city, articles,
        basics.paper,
    )
    pages = write_pdf([build_agreement(data)], Path(out))
    return IssuedPrint("pks", issued.number, issued.issued_on, Path(out), pages, issued.reprint)


def print_delivery(session: Session, event_id: int, out: str | Path, *, when: date | None = None,
                   renumber: bool = False, copies: tuple[str, ...] = ()) -> IssuedPrint:
    """Surat penyampaian hasil with the recap and the approved reports, then the tanda terima."""
    from ukom_desktop.documents.delivery import DeliveredReport, DeliveryData, build_delivery
    from ukom_desktop.domain.dates import format_date_id
    from ukom_desktop.services.result_exports import report_choices
    from ukom_desktop.services.results import event_results

    basics = ed.load_event(session, event_id, ed.PrintOptions())
    event = basics.event
    results = event_results(session, event_id)
    done = [r for r in results.rows if r.integrated]
    approved = {c.event_participant_id: c for c in report_choices(session, event_id) if c.approved}
    reports = tuple(DeliveredReport(r.name, r.nip, r.position_name, r.category_code,
                                    approved[r.event_participant_id].report_number)
                    for r in done if r.event_participant_id in approved)
    if not reports:
        raise UserFacingError(f"Belum ada laporan kegiatan {event.code} yang disetujui QC untuk diserahkan.")
    counts: dict[tuple[str, str], int] = {}
    for r in done:
        key = (r.category_code or "-", r.category_name or "Belum ditetapkan")
        counts[key] = counts.get(key, 0) + 1
    agency = event.requesting_agency.strip() or " ".join(basics.letterhead.agency_lines[:1])
    reference = ""
    if event.request_letter_number:
        reference = f"Nomor {event.request_letter_number}"
        if event.request_letter_date:
            reference += f" tanggal {format_date_id(event.request_letter_date)}"
    when = when or date.today()
    issued = issue_document(session, event_id=event_id, kind="penyampaian_hasil", subject_key="kegiatan",
                            recipient=agency, issued_on=when, renumber=renumber)
    issue_document(session, event_id=event_id, kind="tanda_terima", subject_key="kegiatan", recipient=agency,
                   issued_on=issued.issued_on)
    data = DeliveryData(
        basics.letterhead, institution.signer_for(session, "penyampaian_hasil"), issued.number, issued.issued_on,
        agency, event.name, format_date_range_id(event.start_date, event.end_date), reference,
        tuple((code, name, n) for (code, name), n in sorted(counts.items())), reports, len(done), basics.city,
        copies, basics.paper,
    )
    pages = write_pdf([build_delivery(data)], Path(out))
    return IssuedPrint("penyampaian_hasil", issued.number, issued.issued_on, Path(out), pages, issued.reprint)
