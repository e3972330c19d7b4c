"""`ukom-desktop db upgrade|backup|check`."""

from __future__ import annotations

import argparse
from pathlib import Path

from ukom_desktop.cli import emit
from ukom_desktop.errors import UserFacingError

from .common import add_json_flag


def register(sub: argparse._SubParsersAction) -> None:
    db = sub.add_parser("db", help="perawatan basis data")
    db_sub = db.add_subparsers(dest="db_command", metavar="AKSI", required=True)
    up = db_sub.add_parser("upgrade", help="cadangkan lalu perbarui skema ke versi aplikasi ini")
    add_json_flag(up)
    up.set_defaults(handler=_upgrade)
    bk = db_sub.add_parser("backup", help="salin basis data SQLite secara konsisten")
    bk.add_argument("--to", metavar="FILE", type=Path, help="berkas tujuan (bawaan: folder cadangan)")
    add_json_flag(bk)
    bk.set_defaults(handler=_backup)
    ck = db_sub.add_parser("check", help="periksa integritas dan revisi skema")
    add_json_flag(ck)
    ck.set_defaults(handler=_check)
    from .encryption_commands import register_db_encryption

    register_db_encryption(db_sub)


def _upgrade(args: argparse.Namespace) -> int:
    from ukom_desktop.db import migrate
    from ukom_desktop.db.database import open_database

    db = open_database(args.db)
    try:
        from .encryption_commands import require_database_tools

        require_database_tools(db, args)  # issue 13: with users, only an admin
        data = {
            "database": db.description,
            "revision": migrate.current_revision(db.engine),
            "upgraded_from": db.upgraded_from,
            "backup": str(db.backup_made) if db.backup_made else None,
        }
    finally:
        db.dispose()
    text_out = f"Basis data {data['database']} pada revisi {data['revision']}."
    if data["backup"]:
        text_out += f"\nCadangan sebelum pembaruan: {data['backup']}"
    emit(args, data, text_out)
    return 0


def _backup(args: argparse.Namespace) -> int:
    from ukom_desktop.db import backup
    from ukom_desktop.db.engine import resolve_database_url, sqlite_path

    url = resolve_database_url(args.db)
    path = sqlite_path(url)
    if path is None:
        raise UserFacingError(
            "Pencadangan dari aplikasi hanya untuk berkas SQLite. Untuk server PostgreSQL gunakan pg_dump "
            "di server tersebut."
        )
    from .encryption_commands import require_database_tools

    require_database_tools(None, args)  # issue 13: with users, only an admin
    made = backup.backup_sqlite(path, args.to.resolve() if args.to else None)
    emit(args, {"backup": str(made)}, f"Cadangan dibuat: {made}")
    return 0


def _check(args: argparse.Namespace) -> int:
    from sqlalchemy import text

    from ukom_desktop.db import migrate
    from ukom_desktop.db.engine import describe_url, make_engine, resolve_database_url, sqlite_path

    url = resolve_database_url(args.db)
    path = sqlite_path(url)
    if path is not None and not path.exists():
        raise UserFacingError(f"Berkas basis data {path} tidak ditemukan.")
    engine = make_engine(url)
    try:
        problems: list[str] = []
        try:
            current = migrate.check_compatible(engine)
        except (migrate.DatabaseTooNewError, migrate.DatabaseNotUkomError) as exc:
            problems.append(str(exc))
            current = migrate.current_revision(engine)
        head = migrate.head_revision()
        if current != head and not problems:
            problems.append(f"Skema pada revisi {current or '(kosong)'}, aplikasi memerlukan {head}.")
        with engine.connect() as conn:
            if path is not None:
                result = [row[0] for row in conn.execute(text("PRAGMA integrity_check"))]
                if result != ["ok"]:
                    problems.extend(f"Integritas: {r}" for r in result)
                fk = list(conn.execute(text("PRAGMA foreign_key_check")))
                if fk:
                    problems.append(f"{len(fk)} rujukan kunci asing tidak valid")
            else:
                conn.execute(text("SELECT 1"))
    finally:
        engine.dispose()
    data = {"database": describe_url(url), "revision": current, "head": head, "ok": not problems,
            "problems": problems}
    lines = [f"Basis data: {data['database']}", f"Revisi: {current or '(kosong)'} (aplikasi: {head})"]
    lines += [f"- {p}" for p in problems] or ["Pemeriksaan selesai: tidak ada masalah."]
    emit(args, data, "\n".join(lines))
    return 0 if not problems else 1
