"""`ukom-desktop print invitations|summons|assignment|attendance|rundown|report|speech|minutes --event CODE
--out PATH`: the event's letters and documents, numbered and registered as issued."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from .common import add_json_flag, open_db
from .registry import register_kind

# CLI name -> (document kind, help)
KINDS: dict[str, tuple[str, str]] = {
    "invitations": ("undangan", "surat undangan peserta (per peserta, kolektif dengan lampiran, atau satu berkas "
                                "per peserta)"),
    "summons": ("pemanggilan", "surat pemanggilan peserta"),
    "assignment": ("surat_tugas", "surat tugas tim penilai"),
    "attendance": ("daftar_hadir", "daftar hadir per gelombang dan sesi"),
    "rundown": ("susunan_acara", "susunan acara kegiatan"),
    "report": ("laporan", "laporan penyelenggaraan (rekap kehadiran per unit kerja)"),
    "speech": ("sambutan", "pokok-pokok sambutan pembukaan"),
    "minutes": ("berita_acara", "berita acara pelaksanaan"),
}
LETTERS = ("invitations", "summons")


def register(sub: argparse._SubParsersAction) -> None:
    for name, (kind, help_text) in KINDS.items():
        register_kind("print", name, help_text, _arguments(name), _handler(kind))


def _arguments(name: str) -> Callable[[argparse.ArgumentParser], None]:
    def add(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--event", required=True, metavar="KODE", help="kode kegiatan, mis. UKOM-2026-001")
        parser.add_argument("--out", required=True, metavar="PATH",
                            help="berkas .pdf tujuan (atau folder bila --per-participant)")
        parser.add_argument("--date", metavar="YYYY-MM-DD",
                            help="tanggal naskah (bawaan: hari ini, atau hari kerja sebelum kegiatan bila "
                                 "hari ini sudah terlambat)")
        parser.add_argument("--paper", choices=("A4", "F4"), help="ukuran kertas (bawaan: profil instansi)")
        parser.add_argument("--wave", type=int, metavar="N", help="hanya gelombang N")
        parser.add_argument("--renumber", action="store_true",
                            help="beri nomor dan tanggal baru (bawaan: cetak ulang memakai nomor yang sudah terbit)")
        if name in LETTERS or name == "assignment":
            parser.add_argument("--copy", action="append", default=[], metavar="TEKS",
                                help="baris tembusan (boleh diulang)")
        if name in LETTERS:
            parser.add_argument("--sifat", default="Biasa", help="sifat surat: Biasa, Segera, Sangat Segera")
            parser.add_argument("--contact", default="", metavar="TEKS", help="narahubung beserta nomor teleponnya")
            parser.add_argument("--time", default="", metavar="TEKS", help="waktu, mis. '08.00 WIB s.d. selesai'")
            group = parser.add_mutually_exclusive_group()
            group.add_argument("--collective", action="store_true",
                               help="satu surat kolektif dengan daftar peserta sebagai lampiran")
            group.add_argument("--per-participant", action="store_true",
                               help="satu berkas PDF per peserta (NIP_Nama.pdf) di folder --out")
        if name == "attendance":
            group = parser.add_mutually_exclusive_group()
            group.add_argument("--by-session", dest="by_session", action="store_const", const=True,
                               help="satu lembar per sesi jadwal (bawaan bila jadwal sudah disusun)")
            group.add_argument("--by-day", dest="by_session", action="store_const", const=False,
                               help="satu lembar per gelombang per hari")
        if name in ("attendance", "rundown"):
            parser.add_argument("--letterhead", action="store_true", help="cetak dengan kop surat")
        add_json_flag(parser)

    return add


def _handler(kind: str) -> Callable[[argparse.Namespace], int]:
    def handle(args: argparse.Namespace) -> int:
        return _print(args, kind)

    return handle


def _print(args: argparse.Namespace, kind: str) -> int:
    from datetime import date
    from pathlib import Path

    from ukom_desktop.cli import emit
    from ukom_desktop.db.engine import transaction
    from ukom_desktop.errors import UserFacingError
    from ukom_desktop.services.document_printing import PrintRequest, event_id_by_code, print_now
    from ukom_desktop.services.event_documents import PrintOptions

    letter_date = None
    if args.date:
        try:
            letter_date = date.fromisoformat(args.date)
        except ValueError:
            raise UserFacingError(f"Tanggal '{args.date}' tidak sah; tulis sebagai TTTT-BB-HH, mis. 2026-11-09.") from None
    options = PrintOptions(
        letter_date=letter_date, sifat=getattr(args, "sifat", "Biasa"), paper=args.paper or "",
        contact=getattr(args, "contact", ""), copies=tuple(getattr(args, "copy", []) or ()),
        time=getattr(args, "time", ""), collective=getattr(args, "collective", False),
        per_participant=getattr(args, "per_participant", False), wave=args.wave, renumber=args.renumber,
        by_session=getattr(args, "by_session", None), with_letterhead=getattr(args, "letterhead", False),
    )
    db = open_db(args)
    try:
        with transaction(db.sessions) as session:
            event_id = event_id_by_code(session, args.event)
            result = print_now(session, PrintRequest(event_id, kind, Path(args.out).expanduser().resolve(), options))
    finally:
        db.dispose()
    data = {
        "kind": result.kind, "title": result.title, "pages": result.pages,
        "files": [str(path) for path in result.files],
        "documents": [
            {"kind": d.kind, "number": d.number, "date": d.issued_on.isoformat(), "recipient": d.recipient,
             "reprint": d.reprint, "file": str(d.file)}
            for d in result.documents
        ],
    }
    data["warnings"] = list(result.warnings)
    lines = [result.summary()]
    lines += [f"  {d.number or '-'}  {d.recipient}{'  (cetak ulang)' if d.reprint else ''}" for d in result.documents]
    lines += [f"Peringatan: {warning}" for warning in result.warnings]
    emit(args, data, "\n".join(lines))
    return 0
