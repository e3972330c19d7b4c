"""`ukom-desktop db encrypt --to FILE` and `db decrypt --to FILE` (SQLCipher, issue 13); key from UKOM_DB_KEY."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from ukom_desktop.errors import UserFacingError

from .common import open_db


def register_db_encryption(db_sub: argparse._SubParsersAction) -> None:
    enc = db_sub.add_parser("encrypt", help="salin basis data menjadi berkas terenkripsi (kunci dari UKOM_DB_KEY)")
    enc.add_argument("--to", metavar="FILE", type=Path, required=True, help="berkas terenkripsi yang dibuat")
    enc.set_defaults(handler=_encrypt)
    dec = db_sub.add_parser("decrypt", help="salin basis data terenkripsi menjadi berkas biasa (kunci dari UKOM_DB_KEY)")
    dec.add_argument("--to", metavar="FILE", type=Path, required=True, help="berkas biasa yang dibuat")
    dec.set_defaults(handler=_decrypt)


def require_database_tools(db: object | None, args: argparse.Namespace) -> None:
    """`db upgrade` and `db backup`: when the database has users, only a user holding the database tools."""
    from ukom_desktop.domain import permissions as perm
    from ukom_desktop.services.access import require

    own = db is None
    if own:
        db = open_db(args)
    else:
        from .common import sign_in

        sign_in(db, getattr(args, "user", None))  # type: ignore[arg-type]
    try:
        with db.sessions() as session:  # type: ignore[attr-defined]
            require(session, perm.DATABASE_TOOLS)
    finally:
        if own:
            db.dispose()  # type: ignore[attr-defined]


def _source(args: argparse.Namespace) -> Path:
    """The current database file, after the user (when the database has users) proved they may do this."""
    from ukom_desktop.domain import permissions as perm
    from ukom_desktop.services.access import require

    db = open_db(args)
    try:
        path = db.file
        if path is None:
            raise UserFacingError("Enkripsi hanya untuk berkas SQLite, bukan server PostgreSQL.")
        with db.sessions() as session:
            require(session, perm.DATABASE_TOOLS)
    finally:
        db.dispose()
    return path


def _key() -> str:
    from ukom_desktop.db.encryption import KEY_ENV

    key = os.environ.get(KEY_ENV, "")
    if not key:
        raise UserFacingError(f"Isi variabel lingkungan {KEY_ENV} dengan kunci basis data.")
    return key


def _encrypt(args: argparse.Namespace) -> int:
    from ukom_desktop.db.encryption import check_new_key, encrypt_copy, is_encrypted

    key = _key()
    check_new_key(key)
    source = _source(args)
    if is_encrypted(source):
        raise UserFacingError(f"Berkas {source.name} sudah terenkripsi.")
    made = encrypt_copy(source, args.to.resolve(), key)
    print(f"Salinan terenkripsi dibuat: {made}. Simpan kuncinya di tempat aman: tanpa kunci, data tidak dapat dibuka.")
    return 0


def _decrypt(args: argparse.Namespace) -> int:
    from ukom_desktop.db.encryption import decrypt_copy

    key = _key()
    source = _source(args)
    made = decrypt_copy(source, args.to.resolve(), key)
    print(f"Salinan tanpa enkripsi dibuat: {made}. Berkas ini dapat dibaca siapa pun yang memperolehnya.")
    return 0
