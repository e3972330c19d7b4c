"""`competencies export|import|check` and `print formulation`. Heavy imports stay inside the handlers."""

from __future__ import annotations

import argparse
from typing import Any

from ukom_desktop.cli import emit

from .common import add_json_flag, open_db


def register(sub: argparse._SubParsersAction) -> None:
    from ukom_desktop.commands.registry import register_kind

    comp = sub.add_parser("competencies", help="kamus kompetensi, standar jabatan dan matriks alat ukur (Excel)")
    comp_sub = comp.add_subparsers(dest="competencies_command", metavar="AKSI", required=True)

    export = comp_sub.add_parser("export", help="ekspor kamus, standar jabatan (dan matriks kegiatan) ke .xlsx")
    export.add_argument("file", metavar="FILE.xlsx")
    export.add_argument("--event", metavar="KODE", help="sertakan matriks alat ukur kegiatan ini")
    add_json_flag(export)
    export.set_defaults(handler=_export)

    imp = comp_sub.add_parser("import", help="impor kamus, standar jabatan dan matriks dari lembar kerja")
    imp.add_argument("file", metavar="FILE.xlsx")
    imp.add_argument("--dry-run", action="store_true", help="hanya periksa dan tampilkan pratinjau; tidak menyimpan")
    imp.add_argument("--event", metavar="KODE", help="kegiatan untuk lembar matriks yang tidak menyebut kegiatannya")
    add_json_flag(imp)
    imp.set_defaults(handler=_import)

    check = comp_sub.add_parser("check", help="periksa matriks alat ukur x kompetensi sebuah kegiatan")
    check.add_argument("--event", metavar="KODE", required=True)
    add_json_flag(check)
    check.set_defaults(handler=_check)

    register_kind("print", "formulation", "dokumen rumusan kompetensi (PDF)", _formulation_args, _print_formulation)


def _event_id(session: Any, code: str) -> int:
    from ukom_desktop.services.formulation import event_by_code

    return event_by_code(session, code).id


def _export(args: argparse.Namespace) -> int:
    from ukom_desktop.db.engine import transaction
    from ukom_desktop.services.competency_transfer import export_competencies

    db = open_db(args)
    try:
        with transaction(db.sessions) as session:
            event_id = _event_id(session, args.event) if args.event else None
            summary = export_competencies(session, args.file, event_id=event_id)
    finally:
        db.dispose()
    text = f"{summary.competencies} kompetensi dan standar {summary.positions} jabatan"
    if summary.matrix_event:
        text += f", serta matriks kegiatan {summary.matrix_event},"
    emit(args, summary.__dict__, f"{text} diekspor ke {summary.path}.")
    return 0


def _import(args: argparse.Namespace) -> int:
    from ukom_desktop.db.engine import transaction
    from ukom_desktop.errors import UserFacingError
    from ukom_desktop.services.competency_transfer import apply_competency_import, preview_competency_import

    db = open_db(args)
    try:
        with transaction(db.sessions) as session:
            preview = preview_competency_import(session, args.file, event_code=args.event)
            issues = [{"sheet": i.sheet, "row": i.row, "severity": i.severity, "message": i.message}
                      for i in preview.issues]
            lines = [preview.summary(), *(issue.text() for issue in preview.issues)]
            data: dict[str, Any] = {"summary": preview.summary(), "ok": preview.ok, "issues": issues,
                                    "sheets": preview.sheets, "imported": False}
            if preview.errors:
                if getattr(args, "json", False):
                    emit(args, data, "")
                    return 2
                raise UserFacingError("\n".join(lines))
            if not args.dry_run:
                result = apply_competency_import(session, preview)
                data["imported"] = True
                data["result"] = result.__dict__
                lines.append(result.text())
            else:
                lines.append("Uji coba (--dry-run): tidak ada yang disimpan.")
    finally:
        db.dispose()
    emit(args, data, "\n".join(lines))
    return 0


def _check(args: argparse.Namespace) -> int:
    from ukom_desktop.services.exercise_matrix import check_event_matrix

    db = open_db(args)
    try:
        with db.sessions() as session:
            check = check_event_matrix(session, _event_id(session, args.event))
    finally:
        db.dispose()
    data = {"ok": check.ok, "min_exercises": check.min_exercises, "coverage": check.coverage,
            "findings": [{"severity": f.severity, "kind": f.kind, "message": f.message} for f in check.findings]}
    lines = [check.summary(), *(f"- {'Masalah' if f.blocking else 'Peringatan'}: {f.message}" for f in check.findings)]
    emit(args, data, "\n".join(lines))
    return 0 if check.ok else 2


def _formulation_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--event", metavar="KODE", required=True, help="kode kegiatan")
    parser.add_argument("--out", metavar="FILE.pdf", required=True, help="berkas PDF yang ditulis")
    add_json_flag(parser)


def _print_formulation(args: argparse.Namespace) -> int:
    from ukom_desktop.services.formulation import render_event_formulation

    db = open_db(args)
    try:
        with db.sessions() as session:
            pages = render_event_formulation(session, _event_id(session, args.event), args.out)
    finally:
        db.dispose()
    emit(args, {"file": args.out, "pages": pages}, f"Dokumen rumusan kompetensi ({pages} halaman): {args.out}")
    return 0
