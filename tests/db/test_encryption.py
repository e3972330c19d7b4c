"""Issue 13: SQLCipher-encrypted database files: no SQLite header, refused by plain sqlite3, wrong key changes
nothing, backups stay encrypted, the CLI copies with and without a key."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from ukom_desktop.db import backup, encryption
from ukom_desktop.db.database import open_database
from ukom_desktop.db.models import Event, Participant

KEY = "kunci-basis-data-01"


@pytest.fixture
def plain_file(tmp_path: Path) -> Path:
    from ukom_desktop.services.demo import build_demo

    path = tmp_path / "biasa.sqlite"
    db = open_database(f"sqlite:///{path}", auto_backup=False)
    with db.sessions.begin() as s:
        build_demo(s, participants=6, seed=2)
    db.dispose()
    return path


@pytest.fixture
def encrypted_file(plain_file: Path, tmp_path: Path) -> Path:
    target = encryption.encrypt_copy(plain_file, tmp_path / "rahasia.sqlite", KEY)
    yield target
    encryption.register_key(target, None)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_encrypted_file_has_no_header_and_plain_sqlite_refuses_it(encrypted_file: Path) -> None:
    head = encrypted_file.read_bytes()[:16]
    assert head != encryption.SQLITE_HEADER and encryption.is_encrypted(encrypted_file)
    assert b"Penilaian" not in encrypted_file.read_bytes()
    with pytest.raises(sqlite3.DatabaseError, match="not a database"):
        sqlite3.connect(encrypted_file).execute("SELECT count(*) FROM sqlite_master").fetchall()


def test_right_key_opens_it_with_the_same_data(plain_file: Path, encrypted_file: Path) -> None:
    encryption.register_key(encrypted_file, KEY)
    db = open_database(f"sqlite:///{encrypted_file}", auto_backup=False)
    try:
        with db.sessions() as s:
            assert s.scalar(select(func.count(Participant.id))) == 6
            code = s.scalars(select(Event.code)).one()
    finally:
        db.dispose()
    con = sqlite3.connect(plain_file)
    assert con.execute("SELECT code FROM event").fetchone()[0] == code
    con.close()


def test_wrong_or_missing_key_is_a_sentence_and_changes_nothing(encrypted_file: Path) -> None:
    before = _digest(encrypted_file)
    with pytest.raises(encryption.KeyNeededError, match="terenkripsi"):
        open_database(f"sqlite:///{encrypted_file}")
    encryption.register_key(encrypted_file, "kunci-yang-salah-1")
    with pytest.raises(encryption.WrongKeyError, match="salah"):
        open_database(f"sqlite:///{encrypted_file}")
    assert _digest(encrypted_file) == before
    assert sorted(p.name for p in encrypted_file.parent.iterdir() if p.name.startswith("rahasia")) == [
        "rahasia.sqlite"]


def test_backups_of_an_encrypted_file_stay_encrypted(encrypted_file: Path, tmp_path: Path) -> None:
    encryption.register_key(encrypted_file, KEY)
    made = backup.backup_sqlite(encrypted_file, tmp_path / "cadangan.sqlite")
    assert encryption.is_encrypted(made)
    encryption.register_key(made, KEY)
    db = open_database(f"sqlite:///{made}", auto_backup=False)
    try:
        with db.sessions() as s:
            assert s.scalar(select(func.count(Participant.id))) == 6
    finally:
        db.dispose()
    plain = encryption.decrypt_copy(encrypted_file, tmp_path / "kembali.sqlite", KEY)
    assert plain.read_bytes()[:16] == encryption.SQLITE_HEADER
    assert sqlite3.connect(plain).execute("SELECT count(*) FROM participant").fetchone()[0] == 6


def test_automatic_backup_at_start_stays_encrypted(encrypted_file: Path) -> None:
    from ukom_desktop import paths

    encryption.register_key(encrypted_file, KEY)
    db = open_database(f"sqlite:///{encrypted_file}")  # no earlier backup of this stem: one is made now
    db.dispose()
    identity = backup.read_identity(encrypted_file)  # read through SQLCipher with the registered key
    assert identity is not None
    made = backup.latest_backup(backup.series_folder(identity), encrypted_file.stem, "auto")
    assert made is not None and encryption.is_encrypted(made)
    assert made.parent.parent == paths.backup_dir()
    assert not list(made.parent.glob("*.part"))


def test_encrypted_backup_is_listed_verified_and_restored(encrypted_file: Path, tmp_path: Path) -> None:
    from ukom_desktop.db.restore import list_backups, restore_backup

    encryption.register_key(encrypted_file, KEY)
    saved = backup.backup_sqlite(encrypted_file, tmp_path / "simpan" / "cadangan.sqlite")
    backup.verify_sqlite(saved, KEY)
    db = open_database(f"sqlite:///{encrypted_file}", auto_backup=False)
    with db.sessions.begin() as s:
        s.execute(Event.__table__.update().values(name="Diubah setelah cadangan"))
    db.dispose()
    listed = {info.path: info for info in list_backups(saved.parent, KEY)}
    assert listed[saved].participants == 6 and listed[saved].events == 1
    result = restore_backup(saved, encrypted_file)
    assert result.info.participants == 6
    assert encryption.is_encrypted(encrypted_file) and encryption.is_encrypted(result.previous_copy)
    db = open_database(f"sqlite:///{encrypted_file}", auto_backup=False)
    try:
        with db.sessions() as s:
            assert s.scalar(select(Event.name)) != "Diubah setelah cadangan"
    finally:
        db.dispose()
    encryption.register_key(encrypted_file, None)
    with pytest.raises(backup.BackupError, match="terenkripsi"):
        restore_backup(saved, encrypted_file)


def test_an_encrypted_copy_gets_its_own_backup_series(plain_file: Path, encrypted_file: Path, tmp_path: Path) -> None:
    original = backup.ensure_identity(plain_file)
    encryption.register_key(encrypted_file, KEY)
    copied = backup.read_identity(encrypted_file)
    assert copied is not None and copied != original
    back = encryption.decrypt_copy(encrypted_file, tmp_path / "polos-lagi.sqlite", KEY)
    assert backup.read_identity(back) not in (None, original, copied)


def test_short_key_is_refused(plain_file: Path, tmp_path: Path) -> None:
    with pytest.raises(encryption.EncryptionError, match="minimal 10"):
        encryption.encrypt_copy(plain_file, tmp_path / "x.sqlite", "pendek")
    assert not (tmp_path / "x.sqlite").exists()


def _cli(*args: str, key: str | None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "UKOM_DB_KEY"}
    if key is not None:
        env["UKOM_DB_KEY"] = key
    return subprocess.run([sys.executable, "-m", "ukom_desktop.cli", *args], capture_output=True, text=True,
                          timeout=300, env=env)


def test_cli_encrypt_decrypt_and_wrong_key(plain_file: Path, tmp_path: Path) -> None:
    enc = tmp_path / "enc.sqlite"
    assert _cli("--db", str(plain_file), "db", "encrypt", "--to", str(enc), key=None).returncode == 2
    made = _cli("--db", str(plain_file), "db", "encrypt", "--to", str(enc), key=KEY)
    assert made.returncode == 0, made.stderr
    assert encryption.is_encrypted(enc)
    before = _digest(enc)
    wrong = _cli("--db", str(enc), "groups", "--event", "X", key="kunci-yang-salah-1")
    assert wrong.returncode == 2 and "salah" in wrong.stderr
    assert "Traceback" not in wrong.stderr and "ERROR CORE" not in wrong.stderr
    assert _digest(enc) == before
    missing = _cli("--db", str(enc), "db", "check", key=None)
    assert missing.returncode == 2 and "UKOM_DB_KEY" in missing.stderr
    assert _cli("--db", str(enc), "db", "check", key=KEY).returncode == 0
    back = tmp_path / "kembali.sqlite"
    assert _cli("--db", str(enc), "db", "decrypt", "--to", str(back), key=KEY).returncode == 0
    assert back.read_bytes()[:16] == encryption.SQLITE_HEADER
