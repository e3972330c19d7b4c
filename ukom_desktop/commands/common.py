"""What every subcommand shares: opening the database chosen with --db."""

from __future__ import annotations

import argparse

from ukom_desktop.db.database import Database, open_database


def open_db(args: argparse.Namespace, *, upgrade: bool = True) -> Database:
    return open_database(args.db, upgrade=upgrade)


def add_json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="keluaran JSON yang dapat dibaca mesin")
