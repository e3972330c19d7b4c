"""No database password in settings, logs or messages; any password (with ! @ # % : /) works everywhere."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import uuid
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from ukom_desktop.db import credentials
from ukom_desktop.db.database import open_database
from ukom_desktop.db.engine import describe_url, resolve_database_url
from ukom_desktop.errors import user_message

SECRET = "S3cr!t@#%:/Rahasia"


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


class BrokenKeyring(MemoryKeyring):
    def get_password(self, service: str, username: str) -> str | None:
        raise RuntimeError("no D-Bus session")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise RuntimeError("no D-Bus session")


@pytest.fixture
def memory_keyring() -> MemoryKeyring:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def test_special_characters_survive_the_url_and_are_masked_everywhere() -> None:
    url = credentials.with_password("postgresql+psycopg://ukom@server:5432/ukom", SECRET)
    assert make_url(url).password == SECRET
    assert SECRET not in describe_url(url)
    assert credentials.url_without_password(url) == "postgresql+psycopg://ukom@server:5432/ukom"
    raw = f"gagal: postgresql://ukom:{SECRET.replace('@', '%40')}@server/ukom dan password='{SECRET}'"
    assert "S3cr" not in credentials.mask_secrets(raw)


def test_a_path_with_percent_signs_opens_and_upgrades(tmp_path: Path) -> None:
    """Alembic's configparser read '%' as interpolation: 'invalid interpolation syntax' on db upgrade."""
    folder = tmp_path / "data 100%#!@"
    db = open_database(f"sqlite:///{folder / 'ukom.sqlite'}")
    try:
        assert db.created and db.upgraded_from is None
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    finally:
        db.dispose()


def test_the_log_never_holds_a_password(tmp_path: Path) -> None:
    log_file = tmp_path / "ukom.log"
    handler = logging.FileHandler(log_file, encoding="utf-8")
    handler.addFilter(credentials.SecretMaskingFilter())
    logger = logging.getLogger("ukom_desktop.test_secret")
    logger.addHandler(handler)
    try:
        url = credentials.with_password("postgresql+psycopg://ukom@server/ukom", "plain!pass")
        logger.error("Pembaruan gagal untuk %s", url)
        try:
            raise RuntimeError(f"could not connect to {url}")
        except RuntimeError:
            logger.exception("Perintah gagal")
    finally:
        logger.removeHandler(handler)
        handler.close()
    written = log_file.read_text(encoding="utf-8")
    assert "Pembaruan gagal" in written and "could not connect" in written
    assert "plain" not in written and "***" in written


def test_the_real_log_setup_masks_passwords() -> None:
    from ukom_desktop.logging_setup import setup_logging

    log_file = setup_logging()
    logging.getLogger("ukom_desktop").warning("alamat postgresql://ukom:BocorSekali@host/db")
    for handler in logging.getLogger("ukom_desktop").handlers:
        handler.flush()
    assert "BocorSekali" not in log_file.read_text(encoding="utf-8")


def test_password_from_environment_or_credential_store(
    memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(credentials.PASSWORD_ENV, raising=False)
    bare = "postgresql://ukom@server/ukom"
    assert credentials.needs_password(resolve_database_url(bare))
    credentials.store_password(resolve_database_url(bare), SECRET)
    assert SECRET not in str(memory_keyring.store.keys())
    assert make_url(resolve_database_url(bare)).password == SECRET
    monkeypatch.setenv(credentials.PASSWORD_ENV, "dari-env")
    assert make_url(resolve_database_url(bare)).password == "dari-env"


def test_a_broken_credential_store_is_a_warning_not_a_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(credentials.PASSWORD_ENV, raising=False)
    previous = keyring.get_keyring()
    keyring.set_keyring(BrokenKeyring())
    try:
        assert credentials.stored_password("postgresql+psycopg://ukom@server/ukom") is None
        with pytest.raises(credentials.CredentialStoreWarning, match="tidak dapat disimpan"):
            credentials.store_password("postgresql+psycopg://ukom@server/ukom", SECRET)
    finally:
        keyring.set_keyring(previous)


def _cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "ukom_desktop.cli", *args], capture_output=True, text=True,
                          env=env, stdin=subprocess.DEVNULL, timeout=120)


def test_cli_without_password_or_terminal_says_how_to_give_one() -> None:
    env = {k: v for k, v in os.environ.items() if k != credentials.PASSWORD_ENV}
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
    out = _cli("--db", "postgresql://ukom@127.0.0.1:1/ukom", "db", "check", env=env)
    assert out.returncode == 2 and credentials.PASSWORD_ENV in out.stderr
    assert "Traceback" not in out.stderr


def test_cli_never_prints_the_password(tmp_path: Path) -> None:
    env = dict(os.environ, **{credentials.PASSWORD_ENV: SECRET,
                              "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"})
    out = _cli("--db", "postgresql://ukom@127.0.0.1:1/ukom", "db", "upgrade", env=env)
    assert out.returncode != 0
    assert "interpolation" not in out.stderr
    assert "S3cr" not in out.stdout + out.stderr
    log = Path(os.environ["UKOM_HOME"]) / "logs" / "ukom-desktop.log"
    assert not log.exists() or "S3cr" not in log.read_text(encoding="utf-8")


def test_postgres_role_with_special_password_upgrades(postgres_url: str) -> None:
    role = f"ukom_pw_{uuid.uuid4().hex[:8]}"
    admin = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE ROLE {role} LOGIN PASSWORD '{SECRET}'"))
        conn.execute(text(f'GRANT ALL ON SCHEMA public TO {role}'))
        conn.execute(text(f'GRANT CREATE, CONNECT ON DATABASE "{make_url(postgres_url).database}" TO {role}'))
    try:
        bare = make_url(postgres_url).set(username=role, password=None).render_as_string(hide_password=False)
        os.environ[credentials.PASSWORD_ENV] = SECRET
        try:
            db = open_database(bare)
        finally:
            os.environ.pop(credentials.PASSWORD_ENV, None)
        try:
            assert db.created and SECRET not in db.description
        finally:
            db.dispose()
    finally:
        with admin.connect() as conn:
            conn.execute(text(f"REASSIGN OWNED BY {role} TO CURRENT_USER"))
            conn.execute(text(f"DROP OWNED BY {role}"))
            conn.execute(text(f"DROP ROLE {role}"))
        admin.dispose()


def test_user_message_masks_a_connection_error() -> None:
    from sqlalchemy.exc import OperationalError

    exc = OperationalError("connect", {}, Exception("could not connect to postgresql://u:Rahasia99@h/db"))
    message = user_message(exc)
    assert message is not None and "Rahasia99" not in message
