"""Results: `results --event CODE [--json]`, `export results`, `print psychograms`, `print reports`,
`import potential`. Heavy imports go inside the handlers."""

from __future__ import annotations

import argparse

from ukom_desktop.cli import emit
from ukom_desktop.commands.common import event_out_args as _out_args

from .common import add_json_flag, open_db
from .registry import register_kind


def register(sub: argparse._SubParsersAction) -> None:
    results = sub.add_parser("results", help="hasil penilaian kegiatan: level akhir, JPM, kategori, potensi, kotak")
    results.add_argument("--event", required=True, metavar="KODE", help="kode kegiatan")
    add_json_flag(results)
    results.set_defaults(handler=_results)
    register_kind("export", "results", "rekap hasil penilaian (xlsx; .pdf untuk ringkasan per unit)",
                  _out_args, _export_results)
    register_kind("print", "psychograms", "psikogram setiap peserta dan psikogram kelompok per gelombang",
                  _print_args, _print_psychograms)
    register_kind("print", "reports", "laporan individu yang disetujui QC (satu PDF, atau satu berkas per "
                  "peserta dalam folder)", _report_args, _print_reports)
    register_kind("import", "potential", "nilai 8 aspek potensi hasil psikotes dari lembar kerja",
                  _import_args, _import_potential)


def _print_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--event", required=True, metavar="KODE", help="kode kegiatan")
    parser.add_argument("--out", required=True, metavar="PATH", help="berkas PDF atau folder tujuan")
    parser.add_argument("--wave", type=int, metavar="N", help="hanya gelombang N")
    add_json_flag(parser)


def _report_args(parser: argparse.ArgumentParser) -> None:
    _print_args(parser)
    parser.add_argument("--include-unapproved", action="store_true",
                        help="sertakan laporan yang belum disetujui sebagai pratinjau bertanda DRAF tanpa tanda tangan")


def _import_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--event", required=True, metavar="KODE", help="kode kegiatan")
    parser.add_argument("file", metavar="BERKAS", help="lembar kerja hasil psikotes (xlsx, xls, ods, csv)")
    add_json_flag(parser)


def _results(args: argparse.Namespace) -> int:
    from ukom_desktop.services.results import event_results, find_event, format_jpm, result_as_json

    db = open_db(args)
    try:
        with db.sessions() as session:
            data = event_results(session, find_event(session, args.event).id)
    finally:
        db.dispose()
    done = [r for r in data.rows if r.integrated]
    payload = {
        "kegiatan": data.event_code, "nama": data.event_name, "tujuan": data.purpose,
        "kompetensi": [{"kode": c, "nama": n} for c, n in data.competencies],
        "peserta": [result_as_json(r) for r in data.rows],
    }
    lines = [f"{data.event_code} - {data.event_name}: {len(done)} dari {len(data.rows)} peserta sudah memiliki hasil."]
    for r in data.rows:
        levels = " ".join(f"{c}={_level(r.levels.get(c))}" for c, _n in data.competencies)
        status = f"JPM {format_jpm(r.jpm)} {r.category_code}" if r.integrated else "belum integrasi"
        extra = f" potensi {r.potential_category}" if r.potential_category else ""
        extra += f" kotak {r.nine_box}" if r.nine_box else ""
        lines.append(f"{r.number or '-':>4} {r.name}: {status}{extra}  [{levels}]" if r.integrated
                     else f"{r.number or '-':>4} {r.name}: {status}")
    emit(args, payload, "\n".join(lines))
    return 0


def _level(value: object) -> str:
    from ukom_desktop.documents.psychogram import fmt

    return fmt(value) if value is not None else "-"  # type: ignore[arg-type]


def _export_results(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ukom_desktop.services.result_exports import write_recap_pdf, write_recap_workbook
    from ukom_desktop.services.results import find_event

    out = Path(args.out)
    db = open_db(args)
    try:
        with db.sessions() as session:
            event = find_event(session, args.event)
            if out.suffix.lower() == ".pdf":
                pages = write_recap_pdf(session, event.id, out)
                text = f"Rekap hasil (PDF, {pages} halaman) tersimpan: {out}"
            else:
                write_recap_workbook(session, event.id, out)
                text = f"Rekap hasil tersimpan: {out}"
    finally:
        db.dispose()
    emit(args, {"berkas": str(out)}, text)
    return 0


def _print(args: argparse.Namespace, kind: str) -> int:
    from ukom_desktop.services.result_exports import psychograms_job, report_choices, reports_job, run_job
    from ukom_desktop.services.results import find_event

    note = ""
    db = open_db(args)
    try:
        with db.sessions() as session:
            event = find_event(session, args.event)
            if kind == "psychograms":
                job = psychograms_job(session, event.id, args.out, wave=args.wave)
            else:
                pending = sum(not c.approved for c in report_choices(session, event.id, args.wave))
                job = reports_job(session, event.id, args.out, wave=args.wave,
                                  include_drafts=args.include_unapproved)
                if pending and args.include_unapproved:
                    note = f"\n{pending} laporan belum disetujui dicetak sebagai pratinjau bertanda DRAF."
                elif pending:
                    note = (f"\n{pending} laporan belum disetujui tidak dicetak "
                            "(--include-unapproved untuk pratinjau bertanda DRAF).")
            count = run_job(job)
    finally:
        db.dispose()
    what = "Psikogram" if kind == "psychograms" else "Laporan individu"
    unit = "berkas" if kind == "reports" and not str(args.out).lower().endswith(".pdf") else "halaman"
    emit(args, {"berkas": args.out, unit: count}, f"{what} tersimpan: {args.out} ({count} {unit}){note}")
    return 0


def _print_psychograms(args: argparse.Namespace) -> int:
    return _print(args, "psychograms")


def _print_reports(args: argparse.Namespace) -> int:
    return _print(args, "reports")


def _import_potential(args: argparse.Namespace) -> int:
    from ukom_desktop.db.engine import transaction
    from ukom_desktop.services.potential_import import import_potential
    from ukom_desktop.services.results import find_event

    db = open_db(args)
    try:
        with transaction(db.sessions) as session:
            preview = import_potential(session, find_event(session, args.event).id, args.file, actor="cli")
    finally:
        db.dispose()
    count = len(preview.ok_rows)
    emit(args, {"peserta": count}, f"Nilai potensi {count} peserta tersimpan.")
    return 0
