"""What every subcommand shares: opening the database chosen with --db."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ukom_desktop.db.database import Database

T = TypeVar("T")

# Command modules import heavy libraries (SQLAlchemy, ReportLab) inside their handlers, so that
# building the parser, and starting the window, stays fast.


def open_db(args: argparse.Namespace, *, upgrade: bool = True) -> Database:
    from ukom_desktop.db.database import open_database

    db = open_database(args.db, upgrade=upgrade)
    try:
        sign_in(db, getattr(args, "user", None))
    except BaseException:
        db.dispose()
        raise
    return db


def with_db(args: argparse.Namespace, work: Callable[[Session], T], *, write: bool = True) -> T:
    """Open --db (signed in), run `work` in one transaction (or a read-only session) and close the database."""
    from ukom_desktop.db.engine import transaction

    db = open_db(args)
    try:
        if write:
            with transaction(db.sessions) as session:
                return work(session)
        with db.sessions() as session:
            return work(session)
    finally:
        db.dispose()


def sign_in(db: Database, username: str | None) -> None:
    """With users in the database, every command acts as --user (password: UKOM_PASSWORD or a prompt)."""
    import os

    from ukom_desktop.errors import UserFacingError
    from ukom_desktop.services import users
    from ukom_desktop.services.access import bind_actor, users_exist

    with db.sessions() as session:
        has_users = users_exist(session)
    if not has_users:
        return
    if not username:
        raise UserFacingError(
            "Basis data ini memakai akun pengguna: jalankan perintah dengan --user NAMA (kata sandi dari "
            "UKOM_PASSWORD atau diminta)."
        )
    password = os.environ.get("UKOM_PASSWORD")
    if password is None:
        import getpass

        password = getpass.getpass(f"Kata sandi {username}: ")
    outcome = users.sign_in(db.sessions, username, password)  # a failed attempt stays in the audit log
    if outcome.must_change_password:
        raise UserFacingError(
            "Kata sandi ini sekali pakai: masuk lewat jendela aplikasi dan ganti kata sandi terlebih dahulu."
        )
    bind_actor(db.sessions, outcome.actor)


def add_json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="keluaran JSON yang dapat dibaca mesin")


def event_out_args(parser: argparse.ArgumentParser) -> None:
    """--event KODE --out BERKAS [--json]: what most print/export kinds take."""
    parser.add_argument("--event", required=True, metavar="KODE", help="kode kegiatan")
    parser.add_argument("--out", required=True, metavar="BERKAS", help="berkas tujuan")
    add_json_flag(parser)
