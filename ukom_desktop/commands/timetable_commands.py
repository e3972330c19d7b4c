"""`print timetables --event CODE --kind peserta|asesor|ruangan --out PATH`: personal timetables (SOP 000
step 9), one page per participant, per assessor and day, or per room and day; PATH .xlsx gives Excel."""

from __future__ import annotations

import argparse

from ukom_desktop.cli import emit

from .common import add_json_flag, open_db
from .registry import register_kind

KINDS = ("peserta", "asesor", "ruangan")


def register(sub: argparse._SubParsersAction) -> None:
    def add(p: argparse.ArgumentParser) -> None:
        p.add_argument("--event", required=True, metavar="KODE", help="kode kegiatan, mis. UKOM-2026-001")
        p.add_argument("--kind", choices=KINDS, default="peserta",
                       help="kartu jadwal peserta, jadwal harian asesor, atau lembar penilai teknis per ruangan")
        p.add_argument("--out", required=True, metavar="BERKAS", help="berkas tujuan: .pdf, atau .xlsx untuk Excel")
        add_json_flag(p)

    register_kind("print", "timetables",
                  "jadwal pribadi: kartu peserta, jadwal harian asesor, lembar per ruangan (PDF atau Excel)",
                  add, _print_timetables)


def _print_timetables(args: argparse.Namespace) -> int:
    from ukom_desktop.services.personal_timetables import write_timetables
    from ukom_desktop.services.results import find_event

    db = open_db(args)
    try:
        with db.sessions() as session:
            event_id = find_event(session, args.event).id
            path, pages = write_timetables(session, event_id, args.kind, args.out)
    finally:
        db.dispose()
    emit(args, {"file": str(path), "kind": args.kind, "pages": pages}, f"{path} ({pages} halaman)")
    return 0
