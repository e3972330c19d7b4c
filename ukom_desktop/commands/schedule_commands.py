"""`schedule --event CODE [--wave N] [--check]`, `waves --event CODE [--wave N --rooms "A,B"]`, plus the schedule and team kinds of print/export/import.

Heavy imports go inside the handlers.
"""

from __future__ import annotations

import argparse
from typing import Any

from ukom_desktop.cli import emit

from .common import add_json_flag, open_db
from .registry import register_kind

EXPORT_KINDS = ("matriks", "peserta", "asesor", "relasi")


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "schedule",
        help="susun jadwal otomatis suatu kegiatan (atau periksa jadwal tersimpan dengan --check)",
    )
    parser.add_argument("--event", required=True, metavar="KODE", help="kode kegiatan, mis. UKOM-2026-001")
    parser.add_argument("--wave", type=int, action="append", metavar="N",
                        help="hanya gelombang N (boleh diulang); bawaan: semua gelombang")
    parser.add_argument("--check", action="store_true",
                        help="periksa jadwal tersimpan terhadap semua aturan tanpa menyusun ulang")
    parser.add_argument("--time-limit", type=float, default=7.0, metavar="DETIK",
                        help="batas waktu pencarian solusi (bawaan 7 detik)")
    add_json_flag(parser)
    parser.set_defaults(handler=_schedule)

    waves = sub.add_parser(
        "waves",
        help="daftar gelombang suatu kegiatan dengan tanggal dan ruangnya (atur ruang dengan --wave N --rooms)",
    )
    waves.add_argument("--event", required=True, metavar="KODE", help="kode kegiatan")
    waves.add_argument("--wave", type=int, metavar="N", help="gelombang yang ruangnya diatur (bersama --rooms)")
    waves.add_argument("--rooms", metavar="NAMA,NAMA",
                       help='nama ruang gelombang dipisah koma, mis. "Aula Utama,Ruang Diskusi 1"; '
                            'kosong ("") berarti semua ruang aktif')
    add_json_flag(waves)
    waves.set_defaults(handler=_waves)

    def export_args(p: argparse.ArgumentParser) -> None:
        p.add_argument("--event", required=True, metavar="KODE", help="kode kegiatan")
        p.add_argument("--kind", choices=EXPORT_KINDS, default="matriks",
                       help="matriks jadwal, jadwal per peserta, jadwal per asesor, atau relasi asesor")
        p.add_argument("--wave", type=int, metavar="N", help="hanya gelombang N")
        p.add_argument("--out", required=True, metavar="BERKAS", help="berkas tujuan")
        add_json_flag(p)

    register_kind("export", "schedule", "jadwal kegiatan ke Excel (matriks, per peserta, per asesor, relasi)",
                  export_args, _export_schedule)
    register_kind("print", "schedule", "jadwal kegiatan ke PDF (matriks, per peserta, per asesor, relasi)",
                  export_args, _print_schedule)

    def team_export_args(p: argparse.ArgumentParser) -> None:
        p.add_argument("--out", required=True, metavar="BERKAS", help="berkas Excel tujuan")
        p.add_argument("--all", action="store_true", help="termasuk anggota tim nonaktif")
        add_json_flag(p)

    def team_import_args(p: argparse.ArgumentParser) -> None:
        p.add_argument("file", metavar="BERKAS", help="lembar kerja daftar tim (xlsx/xls/ods/csv)")
        p.add_argument("--apply", action="store_true", help="simpan baris yang sah (tanpa ini hanya pratinjau)")
        p.add_argument("--event", metavar="KODE", help="tugaskan anggota yang diimpor ke tim kegiatan ini")
        add_json_flag(p)

    register_kind("export", "team", "daftar tim penilai (asesor dan lainnya) ke Excel", team_export_args,
                  _export_team)
    register_kind("import", "team", "daftar tim penilai dari lembar kerja", team_import_args, _import_team)


def _event_id(session: Any, code: str) -> int:
    from ukom_desktop.services.schedule_problem import find_event

    return find_event(session, code).id


def _waves(args: argparse.Namespace) -> int:
    from ukom_desktop.db.engine import transaction
    from ukom_desktop.errors import UserFacingError
    from ukom_desktop.services.waves import list_wave_infos, room_ids_by_name, set_wave_rooms

    if (args.wave is None) != (args.rooms is None):
        raise UserFacingError("Untuk mengatur ruang gelombang, isi --wave N dan --rooms bersama-sama.")
    db = open_db(args)
    try:
        with transaction(db.sessions) as session:
            event_id = _event_id(session, args.event)
            if args.rooms is not None:
                set_wave_rooms(session, event_id, args.wave, room_ids_by_name(session, args.rooms.split(",")))
            infos = list_wave_infos(session, event_id)
    finally:
        db.dispose()
    data = [
        {"wave": i.number, "start_date": i.start_date, "end_date": i.end_date, "days": i.days,
         "participants": i.participants, "rooms": list(i.room_names)}
        for i in infos
    ]
    from ukom_desktop.domain.dates import format_date_range_id

    lines = [f"Kegiatan {args.event}: {len(infos)} gelombang."]
    lines += [
        f"  Gelombang {i.number}: "
        f"{format_date_range_id(i.start_date, i.end_date) if i.start_date else '(belum bertanggal)'} "
        f"({i.days} hari), "
        f"{i.participants} peserta; ruang: {i.rooms_text}"
        for i in infos
    ]
    emit(args, data, "\n".join(lines))
    return 0


def _format_result(summary: dict[str, Any]) -> str:
    lines = [
        f"Kegiatan {summary['event']}: {summary['sessions']} sesi untuk {summary['participants']} peserta "
        f"(gelombang {', '.join(map(str, summary['waves'])) or '-'}).",
        f"Asesor berbeda per peserta: paling sedikit {summary['distinct_min']}, median "
        f"{summary['distinct_median']:g}.",
        f"Selisih beban asesor: {summary['load_spread']} sesi; selisih asesor utama: {summary['lead_spread']}.",
        f"Pelanggaran berat: {summary['violations']}; peringatan: {summary['warnings']}; "
        f"waktu: {summary['seconds']} detik.",
    ]
    for text in summary["infeasible"] + summary["hard"]:
        lines.append(f"  - {text}")
    lines.extend(f"Catatan: {text}" for text in summary["notes"])
    return "\n".join(lines)


def _schedule(args: argparse.Namespace) -> int:
    if args.check:
        return _check(args)
    from ukom_desktop.services.scheduling import run_to_end, schedule_event

    db = open_db(args)
    try:
        with db.sessions() as session:
            event_id = _event_id(session, args.event)
        outcome = run_to_end(schedule_event(db.sessions, event_id, args.wave, args.time_limit))
    finally:
        db.dispose()
    summary = outcome.summary()
    emit(args, summary, _format_result(summary))
    return 0 if summary["violations"] == 0 else 1


def _check(args: argparse.Namespace) -> int:
    from ukom_desktop.errors import UserFacingError
    from ukom_desktop.services.scheduling import check_stored_schedule

    db = open_db(args)
    try:
        with db.sessions() as session:
            report = check_stored_schedule(session, _event_id(session, args.event), args.wave)
    finally:
        db.dispose()
    if not report.stored.schedule.sessions:
        raise UserFacingError(f"Kegiatan {args.event} belum memiliki jadwal tersimpan.")
    data = {
        "event": args.event,
        "sessions": report.stats.sessions,
        "hard": len(report.hard),
        "warnings": len(report.soft),
        "unscheduled_waves": list(report.unscheduled_waves),
        "violations": [
            {"rule": str(v.code), "severity": v.severity, "wave": v.wave, "message": v.message}
            for v in report.violations
        ],
    }
    lines = [
        f"Kegiatan {args.event}: {report.stats.sessions} sesi diperiksa, {len(report.hard)} pelanggaran berat, "
        f"{len(report.soft)} peringatan."
    ]
    lines += [f"  [{v.severity}] {v.message}" for v in report.violations]
    if report.unscheduled_waves:
        lines.append(f"Gelombang belum dijadwalkan: {', '.join(map(str, report.unscheduled_waves))}.")
    emit(args, data, "\n".join(lines))
    return 1 if report.hard or report.unscheduled_waves else 0


def _export_schedule(args: argparse.Namespace) -> int:
    return _write_schedule(args, pdf=False)


def _print_schedule(args: argparse.Namespace) -> int:
    return _write_schedule(args, pdf=True)


def _write_schedule(args: argparse.Namespace, *, pdf: bool) -> int:
    from ukom_desktop.services import schedule_exports

    db = open_db(args)
    try:
        with db.sessions() as session:
            event_id = _event_id(session, args.event)
            path = schedule_exports.write_schedule(session, event_id, args.kind, args.out, wave=args.wave, pdf=pdf)
    finally:
        db.dispose()
    emit(args, {"file": str(path), "kind": args.kind}, str(path))
    return 0


def _export_team(args: argparse.Namespace) -> int:
    from ukom_desktop.services.team_import import export_team

    db = open_db(args)
    try:
        with db.sessions() as session:
            path, count = export_team(session, args.out, include_inactive=args.all)
    finally:
        db.dispose()
    emit(args, {"file": str(path), "members": count}, f"{count} anggota tim diekspor ke {path}")
    return 0


def _import_team(args: argparse.Namespace) -> int:
    from ukom_desktop.db.engine import transaction
    from ukom_desktop.services.team_import import apply_team_import, preview_team_import

    db = open_db(args)
    try:
        with db.sessions() as session:
            preview = preview_team_import(session, args.file)
        data: dict[str, Any] = {
            "summary": preview.summary(),
            "problems": list(preview.problems),
            "rows": [
                {"row": r.row_number, "status": r.status, "name": r.record.name, "reasons": list(r.reasons)}
                for r in preview.rows
            ],
        }
        lines = [preview.summary(), *preview.problems]
        lines += [f"  baris {r.row_number}: {r.status}: {'; '.join(r.reasons)}" for r in preview.rows if r.reasons]
        if args.apply:
            with transaction(db.sessions) as session:
                event_id = None
                if getattr(args, "event", None):
                    from ukom_desktop.services.events import find_event

                    event_id = find_event(session, args.event).id
                result = apply_team_import(session, preview, event_id=event_id)
            data["created"], data["updated"], data["assigned"] = result.created, result.updated, result.assigned
            lines.append(f"Disimpan: {result.created} anggota baru, {result.updated} diperbarui.")
            if event_id is not None:
                lines.append(f"{result.assigned} anggota ditugaskan ke kegiatan {args.event}.")
    finally:
        db.dispose()
    emit(args, data, "\n".join(lines))
    return 0 if not preview.problems else 2
