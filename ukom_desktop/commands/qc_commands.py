"""Quality control of reports: `qc --event CODE [--json]`; `print assessor-evaluation|activity-report|feedback`;
`export assessor-evaluation|activity-report`. Heavy imports go inside the handlers."""

from __future__ import annotations

import argparse

from ukom_desktop.cli import emit
from ukom_desktop.commands.common import event_out_args as _out_args

from .common import add_json_flag, open_db
from .registry import register_kind


def register(sub: argparse._SubParsersAction) -> None:
    qc = sub.add_parser("qc", help="QC laporan individu: jumlah per status, keterlambatan, pemeriksaan yang gagal")
    qc.add_argument("--event", required=True, metavar="KODE", help="kode kegiatan")
    add_json_flag(qc)
    qc.set_defaults(handler=_qc)
    register_kind("print", "assessor-evaluation", "laporan evaluasi kinerja asesor (PDF)", _out_args,
                  _print_evaluation)
    register_kind("print", "activity-report", "laporan kegiatan untuk instansi pemohon (PDF)", _out_args,
                  _print_activity)
    register_kind("print", "feedback", "umpan balik per peserta atau per unit kerja (PDF)", _feedback_args,
                  _print_feedback)
    register_kind("export", "assessor-evaluation", "evaluasi kinerja asesor (xlsx)", _out_args, _export_evaluation)
    register_kind("export", "activity-report", "laporan kegiatan (xlsx)", _out_args, _export_activity)


def _feedback_args(parser: argparse.ArgumentParser) -> None:
    _out_args(parser)
    parser.add_argument("--per-unit", action="store_true", help="satu berkas umpan balik per unit kerja")
    parser.add_argument("--unit", metavar="UNIT", help="hanya unit kerja ini")
    parser.add_argument("--include-unapproved", action="store_true",
                        help="sertakan laporan yang belum lulus QC (untuk pratinjau)")


def _qc(args: argparse.Namespace) -> int:
    from ukom_desktop.domain.dates import format_date_id
    from ukom_desktop.services.qc_overview import overview_as_json, qc_overview, status_label
    from ukom_desktop.services.results import find_event

    db = open_db(args)
    try:
        with db.sessions() as session:
            data = qc_overview(session, find_event(session, args.event).id, with_checks=True)
    finally:
        db.dispose()
    counts = ", ".join(f"{status_label(s)} {n}" for s, n in data.counts.items() if n)
    lines = [f"{data.event_code} - {data.event_name}: {len(data.rows)} laporan ({counts or 'tidak ada'})."]
    if data.report_due:
        lines.append(f"Tenggat penulisan {format_date_id(data.report_due)}, tenggat QC {format_date_id(data.qc_due)}.")
    else:
        lines.append("Tanggal pelaksanaan belum diisi, sehingga tenggat belum dapat dihitung.")
    overdue = data.overdue
    lines.append(f"Terlambat: {len(overdue)}.")
    for r in overdue:
        lines.append(f"  {r.number or '-':>4} {r.name}: {r.status_label}, tenggat {format_date_id(r.deadline)}"
                     f" ({-(r.days_left or 0)} hari lewat)")
    failed = data.with_failed_checks
    lines.append(f"Gagal pemeriksaan otomatis: {len(failed)}.")
    for r in failed:
        lines.append(f"  {r.number or '-':>4} {r.name} ({r.status_label}): {', '.join(r.failed_checks or ())}")
    emit(args, overview_as_json(data), "\n".join(lines))
    return 0


def _with_event(args: argparse.Namespace, work) -> object:  # type: ignore[no-untyped-def]
    from ukom_desktop.services.results import find_event

    db = open_db(args)
    try:
        with db.sessions() as session:
            return work(session, find_event(session, args.event).id)
    finally:
        db.dispose()


def _print_evaluation(args: argparse.Namespace) -> int:
    from ukom_desktop.services.assessor_evaluation import write_evaluation_pdf

    pages = _with_event(args, lambda s, e: write_evaluation_pdf(s, e, args.out))
    emit(args, {"berkas": args.out, "halaman": pages},
         f"Laporan evaluasi kinerja asesor tersimpan: {args.out} ({pages} halaman)")
    return 0


def _print_activity(args: argparse.Namespace) -> int:
    from ukom_desktop.services.activity_report import write_activity_report_pdf

    pages = _with_event(args, lambda s, e: write_activity_report_pdf(s, e, args.out))
    emit(args, {"berkas": args.out, "halaman": pages}, f"Laporan kegiatan tersimpan: {args.out} ({pages} halaman)")
    return 0


def _print_feedback(args: argparse.Namespace) -> int:
    from ukom_desktop.services.feedback import write_feedback_pdf

    pages = _with_event(args, lambda s, e: write_feedback_pdf(
        s, e, args.out, per_unit=args.per_unit, unit=args.unit, include_unapproved=args.include_unapproved))
    emit(args, {"berkas": args.out, "halaman": pages}, f"Umpan balik tersimpan: {args.out} ({pages} halaman)")
    return 0


def _export_evaluation(args: argparse.Namespace) -> int:
    from ukom_desktop.services.assessor_evaluation import write_evaluation_workbook

    _with_event(args, lambda s, e: write_evaluation_workbook(s, e, args.out))
    emit(args, {"berkas": args.out}, f"Evaluasi kinerja asesor tersimpan: {args.out}")
    return 0


def _export_activity(args: argparse.Namespace) -> int:
    from ukom_desktop.services.activity_report import write_activity_report_workbook

    _with_event(args, lambda s, e: write_activity_report_workbook(s, e, args.out))
    emit(args, {"berkas": args.out}, f"Laporan kegiatan tersimpan: {args.out}")
    return 0
