"""What every subcommand shares: opening the database chosen with --db."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ukom_desktop.db.database import Database

# Command modules import heavy libraries (SQLAlchemy, ReportLab) inside their handlers, so that
# building the parser, and starting the window, stays fast.


def open_db(args: argparse.Namespace, *, upgrade: bool = True) -> Database:
    from ukom_desktop.db.database import open_database

    return open_database(args.db, upgrade=upgrade)


def add_json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="keluaran JSON yang dapat dibaca mesin")


def event_out_args(parser: argparse.ArgumentParser) -> None:
    """--event KODE --out BERKAS [--json]: what most print/export kinds take."""
    parser.add_argument("--event", required=True, metavar="KODE", help="kode kegiatan")
    parser.add_argument("--out", required=True, metavar="BERKAS", help="berkas tujuan")
    add_json_flag(parser)
