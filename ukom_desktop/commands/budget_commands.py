"""Administration of an event (issue 16): `budget --event CODE [--json]`, `export budget`, and the
print kinds honoraria, receipts, decree-team, decree-participants, agreement, briefing, delivery."""

from __future__ import annotations

import argparse

from ukom_desktop.cli import emit

from .common import add_json_flag, open_db
from .registry import register_kind


def register(sub: argparse._SubParsersAction) -> None:
    budget = sub.add_parser("budget", help="rencana anggaran biaya (RAB), honorarium dan PPh, realisasi")
    budget.add_argument("--event", required=True, metavar="KODE", help="kode kegiatan")
    add_json_flag(budget)
    budget.set_defaults(handler=_budget)
    register_kind("export", "budget", "RAB, daftar nominatif honorarium dan realisasi (xlsx)", _out_args,
                  _export_budget)


def _out_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--event", required=True, metavar="KODE", help="kode kegiatan")
    parser.add_argument("--out", required=True, metavar="BERKAS", help="berkas tujuan")
    add_json_flag(parser)


def _budget(args: argparse.Namespace) -> int:
    from ukom_desktop.domain.budget import thousands
    from ukom_desktop.services.budget import budget_as_json, event_budget
    from ukom_desktop.services.results import find_event

    db = open_db(args)
    try:
        with db.sessions() as session:
            event = find_event(session, args.event)
            budget = event_budget(session, event.id)
            title = f"{event.code} - {event.name}"
    finally:
        db.dispose()
    lines = [f"RAB {title} (MAK {budget.mak})"]
    for group in budget.groups:
        lines.append(f"{group.account} {group.name}: {thousands(group.amount)} (realisasi {thousands(group.realised)})")
        for line in group.lines:
            lines.append(f"   {line.description}: {line.volume} {line.unit} x {thousands(line.rate)} = "
                         f"{thousands(line.amount)}")
    lines.append(f"Jumlah: {thousands(budget.amount)}; realisasi {thousands(budget.realised)}")
    pph = sum(h.tax for h in budget.honoraria)
    lines.append(f"Honorarium: {len(budget.honoraria)} penerima, bruto "
                 f"{thousands(sum(h.gross for h in budget.honoraria))}, PPh {thousands(pph)}")
    if budget.examples:
        lines.append("Catatan: sebagian tarif masih nilai contoh (standar biaya masukan belum diisi).")
    emit(args, budget_as_json(budget), "\n".join(lines))
    return 0


def _export_budget(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ukom_desktop.services.budget_exports import write_budget_workbook
    from ukom_desktop.services.results import find_event

    out = Path(args.out)
    db = open_db(args)
    try:
        with db.sessions() as session:
            write_budget_workbook(session, find_event(session, args.event).id, out)
    finally:
        db.dispose()
    emit(args, {"berkas": str(out)}, f"RAB dan daftar nominatif honorarium tersimpan: {out}")
    return 0
