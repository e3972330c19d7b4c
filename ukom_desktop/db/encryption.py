"""Encrypted database files (SQLCipher 4 through the sqlcipher3 package), issue 13.

An encrypted file has no SQLite header; plain sqlite3 refuses it. The key comes from the window
(``register_key``) or, for the CLI, from ``UKOM_DB_KEY``; it is kept in memory only and never logged.
A wrong key is refused before anything is written.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from ukom_desktop.errors import UserFacingError

KEY_ENV = "UKOM_DB_KEY"
SQLITE_HEADER = b"SQLite format 3\x00"
MIN_KEY_LENGTH = 10
_KEYS: dict[str, str] = {}
# SQLCipher 4 derives the page key from the passphrase with PBKDF2-HMAC-SHA512 (256,000 rounds) and the
# 16-byte salt at the start of the file. Doing that once per file and process, and handing SQLCipher the
# derived raw key, keeps every further connection as fast as a plain one; the file stays a standard
# SQLCipher 4 file that opens with the passphrase anywhere.
KDF_ROUNDS = 256_000
_DERIVED: dict[tuple[str, bytes, str], str] = {}


class EncryptionError(UserFacingError):
    """A sentence about an encrypted file: key missing, wrong, or the copy failed."""


class KeyNeededError(EncryptionError):
    def __init__(self, path: Path) -> None:
        super().__init__(f"Berkas basis data {path.name} terenkripsi. Masukkan kuncinya (di baris perintah: "
                         f"variabel lingkungan {KEY_ENV}).")
        self.path = path


class WrongKeyError(EncryptionError):
    def __init__(self, path: Path) -> None:
        super().__init__(f"Kunci basis data untuk {path.name} salah. Berkas tidak diubah.")
        self.path = path


def _dbapi() -> Any:
    try:
        from sqlcipher3 import dbapi2
    except ImportError as exc:  # pragma: no cover - a packaging mistake
        raise EncryptionError("Dukungan enkripsi (paket sqlcipher3) tidak terpasang.") from exc
    return dbapi2


def dbapi_module() -> Any:
    return _dbapi()


def is_encrypted(path: Path) -> bool:
    """True for a file that looks like SQLCipher: no SQLite header, whole pages, a random (binary) salt.

    Anything else (a text file, a truncated copy) is left to the plain driver, which calls it "not a
    database"."""
    try:
        size = os.path.getsize(path)
        with open(path, "rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except OSError:
        return False
    if len(head) < len(SQLITE_HEADER) or head == SQLITE_HEADER or size % 512:
        return False
    if len(set(head)) < 8:  # zeros or a repeated byte (a wiped or pre-allocated file) is no random salt
        return False
    return not all(32 <= b < 127 or b in (9, 10, 13) for b in head)


def _norm(path: Path) -> str:
    return str(Path(path).expanduser().resolve())


def register_key(path: Path, key: str | None) -> None:
    """Remember the key of a file for this process (the window asks once per file)."""
    if key:
        _KEYS[_norm(path)] = key
    else:
        _KEYS.pop(_norm(path), None)
        for cached in [k for k in _DERIVED if k[0] == _norm(path)]:
            del _DERIVED[cached]


def _raw_key(path: Path, key: str) -> str | None:
    """The derived key and salt as SQLCipher's raw-key literal, or None when the file has no salt yet."""
    import hashlib

    try:
        with open(path, "rb") as handle:
            salt = handle.read(16)
    except OSError:
        return None
    if len(salt) < 16 or salt == SQLITE_HEADER:
        return None
    fingerprint = hashlib.sha256(key.encode("utf-8")).hexdigest()
    cache_key = (_norm(path), salt, fingerprint)
    if cache_key not in _DERIVED:
        derived = hashlib.pbkdf2_hmac("sha512", key.encode("utf-8"), salt, KDF_ROUNDS, 32)
        _DERIVED[cache_key] = f"\"x'{derived.hex()}{salt.hex()}'\""
    return _DERIVED[cache_key]


def key_for(path: Path) -> str | None:
    return _KEYS.get(_norm(path)) or os.environ.get(KEY_ENV) or None


def _quoted(key: str) -> str:
    return "'" + key.replace("'", "''") + "'"


def apply_key(dbapi_connection: Any, key: str, path: Path | None = None) -> None:
    """The first statements on every connection to an encrypted file (``path``: use the derived key)."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA cipher_log_level = NONE")
    raw = _raw_key(path, key) if path is not None else None
    cursor.execute(f"PRAGMA key = {raw or _quoted(key)}")
    cursor.close()


def connect(path: Path, key: str) -> Any:
    """A raw sqlcipher3 connection that has proved the key right; WrongKeyError otherwise."""
    dbapi = _dbapi()
    connection = dbapi.connect(str(path))
    try:
        apply_key(connection, key, Path(path))
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except dbapi.DatabaseError as exc:
        connection.close()
        for cached in [k for k in _DERIVED if k[0] == _norm(path)]:
            del _DERIVED[cached]
        raise WrongKeyError(Path(path)) from exc
    return connection


def check_key(path: Path, key: str) -> None:
    connect(path, key).close()


def check_new_key(key: str) -> None:
    if len(key or "") < MIN_KEY_LENGTH:
        raise EncryptionError(f"Kunci basis data minimal {MIN_KEY_LENGTH} karakter.")


def _fresh_target(source: Path, target: Path) -> Path:
    if target.exists():
        raise EncryptionError(f"Berkas tujuan {target} sudah ada; pilih nama lain.")
    if target.resolve() == source.resolve():
        raise EncryptionError("Berkas tujuan tidak boleh sama dengan berkas asal.")
    target.parent.mkdir(parents=True, exist_ok=True)
    return target.with_name(f".{target.name}.part")


def _new_identity(connection: Any) -> None:
    """The copy is another database file: its own identity, so its backups form their own series and the
    original's recent backups never count as the copy's (backup.py keys series by identity)."""
    import json
    import uuid

    from .backup import IDENTITY_KEY

    try:
        connection.execute("UPDATE tujuan.setting SET value = ? WHERE key = ?",
                           (json.dumps(str(uuid.uuid4())), IDENTITY_KEY))
        connection.commit()  # before DETACH, which a pending write would block
    except _dbapi().OperationalError:
        pass  # not (yet) an UKOM database: nothing to renew


def _export(source_connection: Any, part: Path, key: str, target: Path) -> Path:
    part.unlink(missing_ok=True)
    try:
        source_connection.execute(f"ATTACH DATABASE {_quoted(str(part))} AS tujuan KEY {_quoted(key)}")
        source_connection.execute("SELECT sqlcipher_export('tujuan')")
        version = source_connection.execute("PRAGMA main.user_version").fetchone()[0]
        source_connection.execute(f"PRAGMA tujuan.user_version = {int(version)}")
        _new_identity(source_connection)
        source_connection.execute("DETACH DATABASE tujuan")
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    finally:
        source_connection.close()
    os.replace(part, target)  # the new file appears only when complete
    return target


def encrypt_copy(source: Path, target: Path, key: str, source_key: str | None = None) -> Path:
    """An encrypted copy of a plain (or, with source_key, an encrypted) database file."""
    check_new_key(key)
    part = _fresh_target(source, target)
    if is_encrypted(source):
        if not source_key:
            raise KeyNeededError(source)
        connection = connect(source, source_key)
    else:
        connection = _dbapi().connect(str(source))
    return _export(connection, part, key, target)


def decrypt_copy(source: Path, target: Path, key: str) -> Path:
    """A plain copy of an encrypted file (refused with a sentence when the key is wrong)."""
    if not is_encrypted(source):
        raise EncryptionError(f"Berkas {source.name} tidak terenkripsi.")
    part = _fresh_target(source, target)
    return _export(connect(source, key), part, "", target)

