"""`ukom-desktop db upgrade|backup|check|backups|restore|verify-audit|setup-server`."""

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
    up.add_argument("--buat-baru", dest="create_empty", action="store_true",
                    help="jadikan berkas kosong (0 byte) basis data baru")
    add_json_flag(up)
    up.set_defaults(handler=_upgrade)
    bk = db_sub.add_parser("backup", help="salin basis data SQLite secara konsisten")
    bk.add_argument("--to", metavar="FILE", type=Path, help="berkas tujuan (bawaan: folder cadangan)")
    add_json_flag(bk)
    bk.set_defaults(handler=_backup)
    ck = db_sub.add_parser("check", help="periksa integritas dan revisi skema")
    add_json_flag(ck)
    ck.set_defaults(handler=_check)
    ls = db_sub.add_parser("backups", help="daftar cadangan (tanggal, ukuran, revisi, jumlah kegiatan dan peserta)")
    add_json_flag(ls)
    ls.set_defaults(handler=_list_backups)
    rs = db_sub.add_parser("restore", help="pulihkan basis data SQLite dari berkas cadangan")
    rs.add_argument("source", metavar="FROM", type=Path, help="berkas cadangan")
    rs.add_argument("--to", metavar="FILE", type=Path, help="berkas yang dipulihkan (bawaan: basis data aktif)")
    add_json_flag(rs)
    rs.set_defaults(handler=_restore)
    va = db_sub.add_parser("verify-audit", help="periksa rantai sidik log audit (baris dihapus, diubah, disisipkan)")
    add_json_flag(va)
    va.set_defaults(handler=_verify_audit)
    ss = db_sub.add_parser("setup-server", help="PostgreSQL: buat peran pemilik (migrasi) dan peran kerja "
                                                "(tanpa TRUNCATE/ALTER/trigger); dijalankan oleh admin server")
    ss.add_argument("--owner", metavar="PERAN", default="ukom_pemilik", help="peran pemilik (bawaan: ukom_pemilik)")
    ss.add_argument("--app", metavar="PERAN", default="ukom_aplikasi", help="peran kerja (bawaan: ukom_aplikasi)")
    add_json_flag(ss)
    ss.set_defaults(handler=_setup_server)
    tz = db_sub.add_parser("zona-waktu", help="zona waktu tampilan cap waktu: WIB, WITA, WIT atau komputer")
    tz.add_argument("zone", metavar="ZONA", nargs="?", choices=("WIB", "WITA", "WIT", "komputer"),
                    help="tanpa ZONA: tampilkan pengaturan sekarang")
    add_json_flag(tz)
    tz.set_defaults(handler=_time_zone)
    from .encryption_commands import register_db_encryption

    register_db_encryption(db_sub)


def _upgrade(args: argparse.Namespace) -> int:
    from ukom_desktop.db import migrate
    from ukom_desktop.db.database import open_database

    db = open_database(args.db, allow_empty=args.create_empty)
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

    from ukom_desktop.db import migrate, sqlite_file
    from ukom_desktop.db.encryption import is_encrypted
    from ukom_desktop.db.engine import describe_url, make_engine, resolve_database_url, sqlite_path

    url = resolve_database_url(args.db)
    path = sqlite_path(url)
    encrypted = path is not None and is_encrypted(path)  # SQLCipher: no header; the engine asks for the key
    if path is not None and not encrypted:  # looked at read-only: checking a file never changes it
        found = sqlite_file.look(path)
        if not found.exists:
            raise UserFacingError(f"Berkas basis data {path} tidak ditemukan.")
        if found.empty or not found.sqlite:
            raise UserFacingError(f"Berkas {path} bukan basis data SQLite yang sah (kosong atau berisi data lain).")
    engine = sqlite_file.read_only_engine(path) if path is not None and not encrypted else make_engine(url)
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


def _list_backups(args: argparse.Namespace) -> int:
    from ukom_desktop.db.restore import list_backups

    rows = list_backups()
    data = [{"path": str(b.path), "made_at": b.made_at.isoformat(timespec="seconds"), "size": b.size,
             "revision": b.revision, "events": b.events, "participants": b.participants} for b in rows]
    lines = [f"{b.made_at:%d-%m-%Y %H:%M}  {b.size / 1_048_576:6.1f} MB  revisi {b.revision or '-'}  "
             f"{b.events if b.events is not None else '-'} kegiatan, "
             f"{b.participants if b.participants is not None else '-'} peserta  {b.path}" for b in rows]
    emit(args, data, "\n".join(lines) or "Belum ada cadangan.")
    return 0


def _restore(args: argparse.Namespace) -> int:
    from ukom_desktop.db.engine import resolve_database_url, sqlite_path
    from ukom_desktop.db.restore import restore_backup

    target = args.to
    if target is None:
        target = sqlite_path(resolve_database_url(args.db))
        if target is None:
            raise UserFacingError("Pemulihan dari aplikasi hanya untuk berkas SQLite; server PostgreSQL "
                                  "dipulihkan oleh pengelola server dengan pg_restore.")
    result = restore_backup(args.source.expanduser(), target.expanduser())
    data = {"restored_from": str(result.restored_from), "target": str(result.target),
            "previous_copy": str(result.previous_copy) if result.previous_copy else None,
            "revision": result.info.revision, "events": result.info.events,
            "participants": result.info.participants}
    text_out = (f"Basis data {result.target} dipulihkan dari {result.restored_from} "
                f"(revisi {result.info.revision}, {result.info.events} kegiatan, "
                f"{result.info.participants} peserta).")
    if result.previous_copy:
        text_out += f"\nSalinan berkas sebelum pemulihan: {result.previous_copy}"
    emit(args, data, text_out)
    return 0


def _verify_audit(args: argparse.Namespace) -> int:
    from sqlalchemy import func, select

    from ukom_desktop.db import migrate
    from ukom_desktop.db.audit import verify_chain
    from ukom_desktop.db.database import open_database
    from ukom_desktop.db.models import AuditEntry

    db = open_database(args.db, upgrade=False, auto_backup=False)
    try:
        if migrate.current_revision(db.engine) != migrate.head_revision():
            raise UserFacingError("Skema basis data belum diperbarui; jalankan 'ukom-desktop db upgrade' dulu.")
        with db.sessions() as session:
            problems = verify_chain(session)
            count = session.scalar(select(func.count()).select_from(AuditEntry)) or 0
    finally:
        db.dispose()
    data = {"database": db.description, "rows": count, "ok": not problems,
            "problems": [{"row": p.row_id, "text": p.text} for p in problems]}
    if problems:
        text_out = "\n".join([f"Log audit TIDAK utuh ({len(problems)} temuan):"] + [f"- {p.text}" for p in problems])
    else:
        text_out = f"Log audit utuh: {count} baris, rantai sidik cocok dari awal sampai akhir."
    emit(args, data, text_out)
    return 0 if not problems else 1


def _time_zone(args: argparse.Namespace) -> int:
    from ukom_desktop.db.database import open_database
    from ukom_desktop.domain import timestamps
    from ukom_desktop.services.settings import get_setting, set_setting

    db = open_database(args.db)
    try:
        with db.sessions.begin() as session:
            if args.zone is not None:
                set_setting(session, timestamps.SETTING_KEY, "" if args.zone == "komputer" else args.zone)
            value = get_setting(session, timestamps.SETTING_KEY, "") or ""
    finally:
        db.dispose()
    zone = timestamps.set_display_zone(value)
    shown = timestamps.zone_label(_now_in(zone))
    data = {"setting": value or "komputer", "zone": shown}
    emit(args, data, f"Zona waktu tampilan: {shown} ({'pengaturan' if value else 'zona komputer'}).")
    return 0


def _now_in(zone):  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime

    return datetime.now(UTC).astimezone(zone)


def _role_password(env_name: str, role: str) -> str | None:
    """A new role's password: the environment variable, else typed at the terminal (not echoed)."""
    import getpass
    import os
    import sys

    value = os.environ.get(env_name)
    if value:
        return value
    if sys.stdin and sys.stdin.isatty():
        return getpass.getpass(f"Sandi untuk peran baru {role} (kosong: peran sudah ada): ") or None
    return None


def _setup_server(args: argparse.Namespace) -> int:
    from ukom_desktop.db.engine import resolve_database_url
    from ukom_desktop.db.server_setup import ServerSetupError, setup_server

    url = resolve_database_url(args.db)
    try:
        done = setup_server(url, owner=args.owner, app=args.app,
                            owner_password=_role_password("UKOM_OWNER_PASSWORD", args.owner),
                            app_password=_role_password("UKOM_APP_PASSWORD", args.app))
    except ServerSetupError as exc:
        raise UserFacingError(str(exc)) from None
    data = {"database": done.database, "owner": done.owner, "app": done.app, "created": list(done.created),
            "revision": done.revision}
    emit(args, data, (
        f"Server siap: basis data {done.database} dimiliki {done.owner} (revisi {done.revision}).\n"
        f"Workstation memakai peran {done.app}: boleh membaca dan mengubah data, tetapi tidak dapat "
        "mengosongkan (TRUNCATE), mengubah struktur (ALTER) atau mematikan trigger, dan log audit hanya "
        f"dapat ditambah.\nPembaruan skema ('db upgrade') dijalankan dengan peran {done.owner}."
    ))
    return 0
