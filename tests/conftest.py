"""Shared fixtures: an isolated home folder, fresh databases on SQLite and (when set up) PostgreSQL."""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

# Qt tests run offscreen on a 1366x768 screen (an ordinary office laptop); set before anything imports Qt.
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={Path(__file__).parent / 'fixtures' / 'offscreen-1366x768.json'}"
os.environ["UKOM_HOME"] = tempfile.mkdtemp(prefix="ukom-test-home-")
os.environ.pop("UKOM_DATABASE_URL", None)

POSTGRES_URL = os.environ.get("UKOM_TEST_POSTGRES_URL", "")
FIXTURES = Path(__file__).parent / "fixtures"


def _backends() -> list:
    params = [pytest.param("sqlite", id="sqlite")]
    params.append(
        pytest.param(
            "postgresql",
            id="postgresql",
            marks=pytest.mark.skipif(not POSTGRES_URL, reason="UKOM_TEST_POSTGRES_URL tidak diset"),
        )
    )
    return params


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'ukom.sqlite'}"


@contextmanager
def _server_database(template: str | None = None) -> Iterator[str]:
    """A database of its own on the test server (a copy of `template` when given), dropped afterwards.
    Every test and every worker gets a fresh uniquely named one, so parallel workers never share."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    admin_url = make_url(POSTGRES_URL)
    name = f"ukom_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else "")))
    try:
        yield admin_url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(
                text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :n"), {"n": name}
            )
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A brand-new, empty database on the test server, dropped afterwards."""
    if not POSTGRES_URL:
        pytest.skip("UKOM_TEST_POSTGRES_URL tidak diset")
    with _server_database() as url:
        yield url


@pytest.fixture(scope="session")
def _postgres_template() -> Iterator[str]:
    """A server database at head with its reference data, built once per test process for `database`."""
    if not POSTGRES_URL:
        pytest.skip("UKOM_TEST_POSTGRES_URL tidak diset")
    from sqlalchemy.engine import make_url

    from ukom_desktop.db.database import open_database

    with _server_database() as url:
        open_database(url).dispose()  # no connection may stay open to a template
        yield str(make_url(url).database)


@pytest.fixture(params=_backends())
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def db_url(backend: str, request: pytest.FixtureRequest) -> str:
    """The same test on SQLite and, when a server is configured, on PostgreSQL: a new, empty database."""
    return str(request.getfixturevalue("sqlite_url" if backend == "sqlite" else "postgres_url"))


# Built once per test process (each pytest-xdist worker has its own) and copied for every test: a new
# database (schema at head, reference data) and the same with the 30-participant demo event. Opening a copy
# is what the app does with any existing file; the copy gets its own identity, like a new file does.
_TEMPLATES: dict[str, tuple[Path, object]] = {}


def _template(kind: str) -> tuple[Path, object]:
    if kind not in _TEMPLATES:
        from ukom_desktop.db.backup import IDENTITY_KEY
        from ukom_desktop.db.database import open_database
        from ukom_desktop.services.demo import build_demo

        path = Path(tempfile.mkdtemp(prefix=f"ukom-template-{kind}-")) / "ukom.sqlite"
        db = open_database(f"sqlite:///{path}")
        summary: object = None
        try:
            if kind == "demo":
                with db.sessions.begin() as session:
                    summary = build_demo(session, participants=30, seed=7)
        finally:
            db.dispose()
        conn = sqlite3.connect(path)
        try:
            with conn:
                conn.execute("DELETE FROM setting WHERE key = ?", (IDENTITY_KEY,))
        finally:
            conn.close()
        assert not Path(f"{path}-wal").exists(), "the template must be whole in its main file"
        _TEMPLATES[kind] = (path, summary)
    return _TEMPLATES[kind]


def _open_copy(url: str, kind: str = "new"):  # type: ignore[no-untyped-def]
    """The database of a test at `url`: a copy of the template when the file is not there yet."""
    from ukom_desktop.db.database import open_database
    from ukom_desktop.db.engine import sqlite_path

    path = sqlite_path(url)
    if path is None or path.exists():
        assert kind == "new", "the demo template is for a SQLite file that does not exist yet"
        return open_database(url)
    template, summary = _template(kind)
    shutil.copyfile(template, path)
    db: Any = open_database(url, auto_backup=False)  # a new file has no earlier state to back up
    db.created = True
    if summary is not None:
        db.demo = summary
    return db


@pytest.fixture
def database(backend: str, request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """An opened new database on SQLite and, when a server is configured, on PostgreSQL."""
    if backend == "sqlite":
        db = _open_copy(request.getfixturevalue("sqlite_url"))
    else:
        from ukom_desktop.db.database import open_database

        with _server_database(request.getfixturevalue("_postgres_template")) as url:
            db = open_database(url)
            db.created = True
            yield db
            db.dispose()
        return
    yield db
    db.dispose()


@pytest.fixture
def sqlite_database(sqlite_url: str):  # type: ignore[no-untyped-def]
    db = _open_copy(sqlite_url)
    yield db
    db.dispose()


@pytest.fixture
def demo_database(sqlite_url: str):  # type: ignore[no-untyped-def]
    """A SQLite database with the demo event of 30 participants; `.demo` holds the summary."""
    db = _open_copy(sqlite_url, "demo")
    yield db
    db.dispose()
