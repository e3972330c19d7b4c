"""`ukom-desktop letters add|list` (the incoming-letter register) and `print disposition --event CODE --out
FILE.pdf` (issue 17 item 5)."""

from __future__ import annotations

import argparse
from datetime import date

from .common import add_json_flag, open_db
from .registry import register_kind


def _date(text: str | None) -> date | None:
    from ukom_desktop.errors import UserFacingError

    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UserFacingError(f"Tanggal '{text}' tidak sah; tulis sebagai TTTT-BB-HH, mis. 2026-11-09.") from None


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("letters", help="agenda surat masuk (surat permohonan) dan disposisinya")
    lsub = parser.add_subparsers(dest="letters_command", metavar="AKSI", required=True)
    add = lsub.add_parser("add", help="catat surat masuk, pindaiannya dan disposisinya")
    add.add_argument("number", metavar="NOMOR", help="nomor surat")
    add.add_argument("--from", dest="sender", required=True, metavar="ASAL", help="asal surat")
    add.add_argument("--subject", default="", metavar="PERIHAL")
    add.add_argument("--date", metavar="YYYY-MM-DD", help="tanggal surat")
    add.add_argument("--received", metavar="YYYY-MM-DD", help="tanggal diterima (bawaan: hari ini)")
    add.add_argument("--event", metavar="KODE", help="kegiatan yang dibuka oleh surat ini")
    add.add_argument("--scan", metavar="BERKAS", help="pindaian surat (PDF, PNG, JPG)")
    add.add_argument("--to", default="", metavar="TEKS", help="disposisi: diteruskan kepada")
    add.add_argument("--instruction", default="", metavar="TEKS", help="disposisi: isi instruksi")
    add.add_argument("--disposition-date", metavar="YYYY-MM-DD", help="tanggal disposisi")
    add_json_flag(add)
    add.set_defaults(handler=_add)
    lst = lsub.add_parser("list", help="daftar surat masuk")
    add_json_flag(lst)
    lst.set_defaults(handler=_list)

    def args(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--event", required=True, metavar="KODE", help="kegiatan yang dibuka oleh surat")
        parser.add_argument("--out", required=True, metavar="BERKAS.pdf")

    register_kind("print", "disposition", "lembar disposisi surat permohonan kegiatan", args, _print)


def _add(args: argparse.Namespace) -> int:
    from ukom_desktop.cli import emit
    from ukom_desktop.db.engine import transaction
    from ukom_desktop.services.document_printing import event_id_by_code
    from ukom_desktop.services.incoming_letters import LetterData, attach_scan, list_letters, save_letter

    db = open_db(args)
    try:
        with transaction(db.sessions) as session:
            event_id = event_id_by_code(session, args.event) if args.event else None
            letter_id = save_letter(session, LetterData(
                args.number, args.sender, args.subject, _date(args.date), _date(args.received) or date.today(),
                event_id, args.to, args.instruction, _date(args.disposition_date)))
            if args.scan:
                attach_scan(session, letter_id, args.scan)
            data = next(r for r in list_letters(session) if r.id == letter_id)
    finally:
        db.dispose()
    emit(args, {"id": data.id, "agenda": data.agenda, "number": data.number, "event": data.event_code,
                "scan": data.scan_filename}, f"Surat {data.number} dicatat dengan nomor agenda {data.agenda}.")
    return 0


def _list(args: argparse.Namespace) -> int:
    from ukom_desktop.cli import emit
    from ukom_desktop.services.incoming_letters import list_letters

    db = open_db(args)
    try:
        with db.sessions() as session:
            rows = list_letters(session)
    finally:
        db.dispose()
    data = [{"agenda": r.agenda, "number": r.number, "date": r.letter_date, "from": r.sender, "subject": r.subject,
             "event": r.event_code, "scan": r.scan_filename, "disposition_to": r.disposition_to} for r in rows]
    lines = [f"{r.agenda}  {r.number}  {r.sender}  {r.subject}  {r.event_code or '-'}" for r in rows]
    emit(args, data, "\n".join(lines) or "Agenda surat masuk masih kosong.")
    return 0


def _print(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ukom_desktop.db.engine import transaction
    from ukom_desktop.services.document_printing import event_id_by_code
    from ukom_desktop.services.incoming_letters import print_disposition

    db = open_db(args)
    try:
        with transaction(db.sessions) as session:
            path = print_disposition(session, event_id_by_code(session, args.event), Path(args.out).expanduser().resolve())
    finally:
        db.dispose()
    print(f"Lembar disposisi disimpan di {path}")
    return 0
