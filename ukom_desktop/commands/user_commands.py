"""`ukom-desktop users add|list|reset|disable|passwd` and `audit` (issue 13)."""

from __future__ import annotations

import argparse
import sys

from ukom_desktop.cli import emit
from ukom_desktop.errors import UserFacingError

from .common import add_json_flag, with_db


def register(sub: argparse._SubParsersAction) -> None:
    users = sub.add_parser("users", help="akun pengguna dan peran")
    users_sub = users.add_subparsers(dest="users_command", metavar="AKSI", required=True)
    add = users_sub.add_parser("add", help="tambah pengguna")
    add.add_argument("--username", required=True, metavar="U")
    add.add_argument("--name", default="", metavar="NAMA", help="nama lengkap")
    add.add_argument("--role", action="append", required=True, metavar="PERAN",
                     help="admin, sekretariat, asesor, qc (reviewer QC) atau pimpinan; boleh diulang")
    add.add_argument("--assessor", metavar="NIP", help="NIP asesor dari daftar asesor (wajib untuk peran asesor)")
    add.add_argument("--password-stdin", action="store_true", required=True, help="baca kata sandi dari stdin")
    add.set_defaults(handler=_add)
    ls = users_sub.add_parser("list", help="daftar pengguna")
    add_json_flag(ls)
    ls.set_defaults(handler=_list)
    reset = users_sub.add_parser("reset", help="atur ulang kata sandi (wajib diganti saat masuk berikutnya)")
    reset.add_argument("username", metavar="U")
    reset.add_argument("--password-stdin", action="store_true", required=True, help="baca kata sandi dari stdin")
    reset.set_defaults(handler=_reset)
    disable = users_sub.add_parser("disable", help="nonaktifkan akun (akun tidak pernah dihapus)")
    disable.add_argument("username", metavar="U")
    disable.set_defaults(handler=_disable)
    passwd = users_sub.add_parser("passwd", help="ganti kata sandi sendiri (--user; sandi lama dari UKOM_PASSWORD)")
    passwd.add_argument("--password-stdin", action="store_true", required=True, help="baca sandi baru dari stdin")
    passwd.set_defaults(handler=_passwd)

    audit = sub.add_parser("audit", help="catatan audit (siapa melakukan apa)")
    audit.add_argument("--event", metavar="KODE", help="hanya kegiatan ini")
    audit.add_argument("--user", dest="audit_user", metavar="U", help="hanya pengguna ini")
    audit.add_argument("--kind", metavar="JENIS", help="hanya jenis tindakan ini, mis. login_gagal")
    audit.add_argument("--limit", type=int, default=200, metavar="N", help="paling banyak N baris (bawaan 200)")
    add_json_flag(audit)
    audit.set_defaults(handler=_audit)


def _password() -> str:
    line = sys.stdin.readline()
    password = line.rstrip("\r\n")
    if not password:
        raise UserFacingError("Kata sandi tidak terbaca dari stdin.")
    return password


def _add(args: argparse.Namespace) -> int:
    from ukom_desktop.services.users import create_user

    password = _password()
    with_db(args, lambda session: create_user(session, username=args.username, full_name=args.name,
                                              roles=args.role, password=password, assessor=args.assessor))
    print(f"Pengguna {args.username} dibuat.")
    return 0


def _list(args: argparse.Namespace) -> int:
    from ukom_desktop.services.users import list_users

    rows = with_db(args, list_users, write=False)
    data = [
        {"username": r.username, "name": r.full_name, "roles": list(r.roles), "assessor": r.assessor_name,
         "active": r.active, "locked": r.locked, "must_change_password": r.must_change_password}
        for r in rows
    ]
    lines = [
        f"{r.username:<20} {','.join(r.roles):<28} {'aktif' if r.active else 'nonaktif'}"
        f"{' terkunci' if r.locked else ''}{' (wajib ganti sandi)' if r.must_change_password else ''}"
        f"  {r.full_name}"
        for r in rows
    ]
    emit(args, data, "\n".join(lines) or "Belum ada pengguna: siapa pun yang membuka berkas ini dapat "
         "melihat dan mengubah semuanya.")
    return 0


def _reset(args: argparse.Namespace) -> int:
    from ukom_desktop.services.users import reset_password

    password = _password()
    with_db(args, lambda session: reset_password(session, args.username, password))
    print(f"Kata sandi {args.username} diatur ulang; wajib diganti saat masuk berikutnya.")
    return 0


def _disable(args: argparse.Namespace) -> int:
    from ukom_desktop.services.users import set_active

    with_db(args, lambda session: set_active(session, args.username, False))
    print(f"Akun {args.username} dinonaktifkan.")
    return 0


def _passwd(args: argparse.Namespace) -> int:
    import getpass
    import os

    from sqlalchemy import func, select

    from ukom_desktop.db.database import open_database
    from ukom_desktop.db.engine import transaction
    from ukom_desktop.db.models import User
    from ukom_desktop.services.users import change_password

    if not args.user:
        raise UserFacingError("Sebutkan akun Anda dengan --user NAMA.")
    new = _password()
    old = os.environ.get("UKOM_PASSWORD")
    if old is None:
        old = getpass.getpass(f"Kata sandi lama {args.user}: ")
    db = open_database(args.db)
    try:
        with transaction(db.sessions) as session:
            user_id = session.scalars(select(User.id).where(func.lower(User.username) == args.user.lower())).first()
            if user_id is None:
                raise UserFacingError("Nama pengguna atau kata sandi salah.")
            change_password(session, user_id, old, new)
    finally:
        db.dispose()
    print("Kata sandi diganti.")
    return 0


def _audit(args: argparse.Namespace) -> int:
    from ukom_desktop.services.audit_view import AuditFilter, audit_entries

    rows = with_db(args, lambda session: audit_entries(session, AuditFilter(
        user=args.audit_user, kind=args.kind, event_code=args.event, limit=args.limit)), write=False)
    data = [
        {"at": r.at.isoformat(), "user": r.user, "kind": r.kind, "entity": r.entity, "entity_id": r.entity_id,
         "note": r.note}
        for r in rows
    ]
    lines = [f"{r.at:%Y-%m-%d %H:%M:%S}  {r.user or '-':<16} {r.kind:<16} {r.entity} {r.entity_id or ''}  {r.note}"
             for r in rows]
    emit(args, data, "\n".join(lines) or "Tidak ada catatan audit yang cocok.")
    return 0
