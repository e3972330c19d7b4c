"""The window's way to a database (services/database_access.py) and the login service, without a window:
an encrypted file asks its key until it is right, an empty file becomes a database only when agreed, every
login attempt stays in the audit log, server addresses and copies are checked in sentences."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, select

from ukom_desktop.db import encryption
from ukom_desktop.db.database import open_database
from ukom_desktop.db.models import AuditEntry, Competency, User
from ukom_desktop.errors import UserFacingError
from ukom_desktop.services import database_access as dba
from ukom_desktop.services import users

KEY = "kunci-basis-data-01"
PASSWORD = "sandi-yang-panjang-1"


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "home"
    monkeypatch.setenv("UKOM_HOME", str(folder))
    return folder


@pytest.fixture
def plain_file(home: Path, tmp_path: Path) -> Path:
    path = tmp_path / "biasa.sqlite"
    open_database(f"sqlite:///{path}", auto_backup=False).dispose()
    return path


@pytest.fixture
def encrypted_file(plain_file: Path, tmp_path: Path) -> Path:
    target = encryption.encrypt_copy(plain_file, tmp_path / "rahasia.sqlite", KEY)
    yield target
    encryption.register_key(target, None)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _never(*_args: object) -> bool:
    raise AssertionError("not asked for this file")


def test_an_encrypted_file_asks_its_key_until_it_is_right(encrypted_file: Path) -> None:
    asked: list[tuple[str, str]] = []
    typed = iter(["kunci-yang-salah-9", KEY])

    def ask_key(name: str, problem: str) -> str | None:
        asked.append((name, problem))
        return next(typed)

    database = dba.open_for_window(str(encrypted_file), ask_key=ask_key, confirm_empty=_never)
    assert database is not None
    try:
        with dba.session(database) as session:
            assert session.scalar(select(func.count()).select_from(Competency)) > 0
    finally:
        database.dispose()
    assert [name for name, _problem in asked] == [encrypted_file.name] * 2
    assert asked[0][1] == "" and "salah" in asked[1][1]  # the second question says why it is asked again


def test_batal_at_the_key_is_a_sentence_and_a_wrong_key_changes_nothing(encrypted_file: Path) -> None:
    before = _digest(encrypted_file)
    typed = iter(["kunci-yang-salah-9", None])
    with pytest.raises(UserFacingError, match="terenkripsi"):
        dba.open_for_window(str(encrypted_file), ask_key=lambda _n, _p: next(typed), confirm_empty=_never)
    assert _digest(encrypted_file) == before


def test_an_empty_file_becomes_a_database_only_when_agreed(home: Path, tmp_path: Path) -> None:
    empty = tmp_path / "kosong.sqlite"
    empty.write_bytes(b"")
    asked: list[Path] = []

    def decline(path: Path) -> bool:
        asked.append(path)
        return False

    assert dba.open_for_window(str(empty), ask_key=lambda _n, _p: None, confirm_empty=decline) is None
    assert asked and asked[0].name == "kosong.sqlite" and empty.stat().st_size == 0

    database = dba.open_for_window(str(empty), ask_key=lambda _n, _p: None, confirm_empty=lambda _p: True)
    assert database is not None
    try:
        assert database.created
        with dba.session(database) as session:  # the shipped reference data is there before anyone looks
            assert session.scalar(select(func.count()).select_from(Competency)) > 0
    finally:
        database.dispose()
    with sqlite3.connect(empty) as conn:
        assert conn.execute("SELECT COUNT(*) FROM alembic_version").fetchone() == (1,)
    conn.close()


def test_every_login_attempt_stays_in_the_audit_log_and_five_failures_lock(plain_file: Path) -> None:
    database = open_database(f"sqlite:///{plain_file}", auto_backup=False)
    try:
        dba.in_transaction(database, lambda s: users.create_user(
            s, username="budi", full_name="Budi", roles=["admin"], password=PASSWORD))
        for _ in range(users.MAX_FAILED_LOGINS):
            with pytest.raises(users.UserError, match="salah"):
                users.sign_in(database.sessions, "budi", "bukan-sandinya-1")
        with pytest.raises(users.UserError, match="terkunci"):  # even the right password, for five minutes
            users.sign_in(database.sessions, "Budi", PASSWORD)
        with dba.session(database) as session:
            failed = session.scalars(select(AuditEntry.note).where(AuditEntry.action == "login_gagal")).all()
            assert len(failed) == users.MAX_FAILED_LOGINS + 1
            assert session.scalars(select(User.locked_until)).one() is not None

        dba.in_transaction(database, lambda s: s.execute(User.__table__.update().values(locked_until=None)))
        outcome = users.sign_in(database.sessions, "budi", PASSWORD)
        assert outcome.actor.username == "budi" and not outcome.must_change_password
        with dba.session(database) as session:
            assert session.scalar(select(func.count()).where(AuditEntry.action == "login")) == 1
    finally:
        database.dispose()


def test_server_addresses_are_checked_in_sentences_and_shown_without_password() -> None:
    assert dba.check_server_address(" postgresql://ukom@server/ukom ") == "postgresql+psycopg://ukom@server/ukom"
    shown = dba.check_server_address("postgresql://ukom:Rahasia!1@server:5432/ukom")
    assert "Rahasia" not in shown and "ukom@server:5432/ukom" in shown
    with pytest.raises(UserFacingError, match="harus diawali postgresql://"):
        dba.check_server_address("sqlite:///C:/data/ukom.sqlite")
    with pytest.raises(UserFacingError, match="tidak dikenali"):
        dba.check_server_address("mysql://ukom@server/ukom")
    assert dba.server_to_remember("postgresql+psycopg://ukom:Rahasia!1@server/ukom") == (
        "postgresql+psycopg://ukom@server/ukom")
    assert dba.server_to_remember("sqlite:///tmp/ukom.sqlite") is None


def test_the_file_behind_an_address(tmp_path: Path) -> None:
    path = tmp_path / "ukom.sqlite"
    assert dba.sqlite_file_of(str(path)) == path.resolve()
    assert dba.sqlite_file_of(f"sqlite:///{path}") == path.resolve()
    assert dba.sqlite_file_of("postgresql://ukom@server/ukom") is None
    assert dba.sqlite_file_of("mysql://ukom@server/ukom") is None  # opening it says what is wrong


def test_an_encrypted_copy_and_back_leave_the_source_unchanged(plain_file: Path, tmp_path: Path) -> None:
    before = _digest(plain_file)
    with pytest.raises(UserFacingError, match="minimal"):
        dba.switched_copy(plain_file, tmp_path / "pendek.sqlite", "pendek")
    assert not (tmp_path / "pendek.sqlite").exists()

    locked = dba.switched_copy(plain_file, tmp_path / "terkunci.sqlite", KEY)
    assert dba.is_encrypted_file(locked) and not dba.is_encrypted_file(plain_file)
    encryption.register_key(locked, KEY)  # as the window does once the key was typed
    try:
        plain = dba.switched_copy(locked, tmp_path / "terbuka.sqlite")
    finally:
        encryption.register_key(locked, None)
    assert not dba.is_encrypted_file(plain)
    with sqlite3.connect(plain) as conn:
        assert conn.execute("SELECT COUNT(*) FROM competency").fetchone()[0] > 0
    conn.close()
    assert _digest(plain_file) == before


def test_a_refused_restore_is_a_sentence_and_keeps_the_file(plain_file: Path, tmp_path: Path) -> None:
    other = tmp_path / "lain.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE x (a)")
    conn.close()
    before = _digest(plain_file)
    with pytest.raises(UserFacingError, match="Pemulihan gagal; basis data tidak diubah"):
        dba.restore(other, plain_file)
    assert _digest(plain_file) == before
    backup = dba.backup_copy(plain_file, tmp_path / "salinan.sqlite")
    info = dba.describe_backup_file(backup, plain_file)
    assert info.path == backup and info.events == 0 and info.revision
