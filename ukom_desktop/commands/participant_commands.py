"""Participant commands: import/export participants, the employee directory, contact lists, and groups.

    ukom-desktop import participants FILE --event CODE [--sheet NAME] [--dry-run] [--json]
    ukom-desktop export participants --event CODE --out FILE.xlsx [--kind daftar|kehadiran|kelengkapan|kelompok|semua]
    ukom-desktop export missing-phones --event CODE --out FILE.xlsx
    ukom-desktop import directory FILE [--json]
    ukom-desktop import contacts FILE --event CODE [--json]
    ukom-desktop groups --event CODE [--wave-size N] [--group-min N] [--group-max N] [--sets N] [--force] [--json]

Heavy imports happen inside the handlers.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ukom_desktop.cli import emit
from ukom_desktop.commands.common import add_json_flag, open_db
from ukom_desktop.commands.registry import register_kind


def _event_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--event", required=True, metavar="KODE", help="kode kegiatan, mis. UKOM-2026-001")


def register(sub: argparse._SubParsersAction) -> None:
    def import_args(p: argparse.ArgumentParser) -> None:
        p.add_argument("file", metavar="BERKAS", help="lembar kerja peserta (.xlsx, .xls, .ods, .csv)")
        _event_arg(p)
        p.add_argument("--sheet", metavar="LEMBAR", help="nama lembar (bawaan: lembar pertama yang berisi data)")
        p.add_argument("--dry-run", action="store_true", help="hanya periksa; tidak ada yang disimpan")
        p.add_argument("--known", choices=["tolak", "perbarui", "lewati"], default="tolak",
                       help="peserta yang sudah terdaftar di kegiatan (NIP sama): tolak (bawaan), perbarui datanya "
                            "(kolom kosong diisi, yang berubah diganti, nama berbeda ditandai) atau lewati")
        add_json_flag(p)

    register_kind("import", "participants", "impor peserta kegiatan dari lembar kerja", import_args, _import)

    def export_args(p: argparse.ArgumentParser) -> None:
        _event_arg(p)
        p.add_argument("--out", required=True, metavar="BERKAS", help="berkas .xlsx yang ditulis")
        p.add_argument("--kind", default="daftar", choices=["daftar", "kehadiran", "kelengkapan", "kelompok", "semua"],
                       help="isi ekspor (bawaan: daftar)")

    register_kind("export", "participants", "daftar peserta, rekap kehadiran/kelengkapan, kelompok", export_args,
                  _export)

    def missing_args(p: argparse.ArgumentParser) -> None:
        _event_arg(p)
        p.add_argument("--out", required=True, metavar="BERKAS", help="berkas .xlsx yang ditulis")

    register_kind("export", "missing-phones", "daftar peserta tanpa nomor HP untuk kepegawaian unit", missing_args,
                  _export_missing)

    def directory_args(p: argparse.ArgumentParser) -> None:
        p.add_argument("file", metavar="BERKAS", help="ekspor data pegawai (NIP, nama, No. HP, email, ...)")
        add_json_flag(p)

    register_kind("import", "directory", "impor direktori pegawai (pengganti basis data e-HRM)", directory_args,
                  _import_directory)

    def contacts_args(p: argparse.ArgumentParser) -> None:
        p.add_argument("file", metavar="BERKAS", help="daftar isian nomor HP dari kepegawaian unit")
        _event_arg(p)
        add_json_flag(p)

    register_kind("import", "contacts", "impor isian nomor HP/email peserta", contacts_args, _import_contacts)

    groups = sub.add_parser("groups", help="bagi peserta kegiatan ke gelombang, kelompok dan paket soal")
    _event_arg(groups)
    groups.add_argument("--wave-size", type=int, metavar="N", help="peserta per gelombang (bawaan: kegiatan)")
    groups.add_argument("--group-min", type=int, metavar="N", help="peserta terkecil per kelompok (bawaan 4)")
    groups.add_argument("--group-max", type=int, metavar="N", help="peserta terbesar per kelompok (bawaan 8)")
    groups.add_argument("--sets", type=int, metavar="N", help="jumlah paket soal (bawaan 2)")
    groups.add_argument("--mode", choices=["kelompok", "peserta"], help="paket soal per kelompok atau per peserta")
    groups.add_argument("--force", action="store_true", help="bagi ulang walaupun jadwal sudah disusun")
    add_json_flag(groups)
    groups.set_defaults(handler=_groups)


def _import(args: argparse.Namespace) -> int:
    from ukom_desktop.db.engine import transaction
    from ukom_desktop.services.events import find_event
    from ukom_desktop.services.participant_import import commit_import, drain, preview_import

    db = open_db(args)
    try:
        with transaction(db.sessions) as session:
            event = find_event(session, args.event)
            plan = drain(preview_import(session, event.id, Path(args.file), args.sheet, getattr(args, "known", "tolak")))
            preview = plan.preview
            result = None
            if preview.problems:
                from ukom_desktop.errors import UserFacingError

                raise UserFacingError("Berkas tidak dapat diimpor: " + " ".join(preview.problems))
            if not args.dry_run and preview.can_import:
                result = drain(commit_import(session, plan))
    finally:
        db.dispose()
    rejected = [row for row in preview.rows if row.status == "ditolak"]
    changed = [row for row in preview.rows if row.status in ("perbarui", "dilewati")]
    warned = [row for row in preview.rows if row.status == "peringatan"]
    imported = result.imported if result else 0
    lines = [f"Baris {row.row_number}: ditolak - {'; '.join(row.reasons)}" for row in rejected]
    lines += [f"Baris {row.row_number}: {'diperbarui' if row.status == 'perbarui' else 'dilewati'} - "
              f"{'; '.join(row.warnings)}" for row in changed]
    lines += [f"Catatan: {note}" for note in preview.notes]
    if plan.known_people:
        lines.append(f"{plan.known_people} peserta sudah ada di basis data dan ditautkan ke kegiatan.")
    for name, count in sorted(plan.unknown_positions.items()):
        lines.append(f"Jabatan sasaran '{name}' ({count} peserta) belum ada dalam daftar jabatan.")
    updated = result.updated if result else 0
    last = f"diimpor {imported}, ditolak {len(rejected)}" + (f", diperbarui {updated}" if updated else "")
    if args.dry_run:
        last += f" (uji coba: {len(preview.rows) - len(rejected)} baris siap diimpor, tidak ada yang disimpan)"
    lines.append(last)
    data = {
        "event": plan.event_code, "file": str(args.file), "rows": len(preview.rows), "imported": imported,
        "rejected": len(rejected), "warnings": len(warned), "dry_run": bool(args.dry_run),
        "created": result.created if result else 0, "linked": result.linked if result else 0,
        "first_number": result.first_number if result else None,
        "rejected_rows": [{"row": r.row_number, "reasons": list(r.reasons)} for r in rejected],
        "warning_rows": [{"row": r.row_number, "reasons": list(r.warnings)} for r in warned],
        "notes": list(preview.notes), "updated": updated,
        "changed_rows": [{"row": r.row_number, "status": r.status, "reasons": list(r.warnings)} for r in changed],
    }
    emit(args, data, "\n".join(lines))
    return 0 if imported or updated or args.dry_run or not rejected else 1


def _export(args: argparse.Namespace) -> int:
    from ukom_desktop.services.events import find_event
    from ukom_desktop.services.participant_exports import export_participants

    db = open_db(args)
    try:
        with db.sessions() as session:
            event = find_event(session, args.event)
            target = export_participants(session, event.id, Path(args.out), args.kind)
    finally:
        db.dispose()
    print(f"Tersimpan: {target}")
    return 0


def _export_missing(args: argparse.Namespace) -> int:
    from ukom_desktop.services.directory import export_missing_phones
    from ukom_desktop.services.events import find_event

    db = open_db(args)
    try:
        with db.sessions() as session:
            event = find_event(session, args.event)
            count = export_missing_phones(session, event.id, Path(args.out))
    finally:
        db.dispose()
    print(f"{count} peserta tanpa nomor HP. Tersimpan: {args.out}")
    return 0


def _import_directory(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from ukom_desktop.db.engine import transaction
    from ukom_desktop.services.directory import import_directory
    from ukom_desktop.services.participant_import import drain

    db = open_db(args)
    try:
        with transaction(db.sessions) as session:
            result = drain(import_directory(session, Path(args.file)))
    finally:
        db.dispose()
    lines = [f"Baris {row}: ditolak - {reason}" for row, reason in result.rejected_rows]
    emit(args, asdict(result), "\n".join([*lines, result.summary()]))
    return 0


def _import_contacts(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from ukom_desktop.db.engine import transaction
    from ukom_desktop.services.directory import import_contact_list
    from ukom_desktop.services.events import find_event

    db = open_db(args)
    try:
        with transaction(db.sessions) as session:
            event = find_event(session, args.event)
            result = import_contact_list(session, event.id, Path(args.file))
    finally:
        db.dispose()
    emit(args, asdict(result), result.summary())
    return 0


def _groups(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from ukom_desktop.db.engine import transaction
    from ukom_desktop.services.events import find_event
    from ukom_desktop.services.grouping import GroupingOptions, build_groups

    options = GroupingOptions(wave_size=args.wave_size, group_min=args.group_min, group_max=args.group_max,
                              question_sets=args.sets, mode=args.mode)
    db = open_db(args)
    try:
        with transaction(db.sessions) as session:
            event = find_event(session, args.event)
            summary = build_groups(session, event.id, options, force=args.force)
    finally:
        db.dispose()
    emit(args, {**asdict(summary), "groups": summary.group_count}, summary.text())
    return 0
