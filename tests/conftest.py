"""Shared fixtures: an isolated home folder, fresh databases on SQLite and (when set up) PostgreSQL."""

from __future__ import annotations

import os
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

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


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A brand-new database on the test server, dropped afterwards."""
    if not POSTGRES_URL:
        pytest.skip("UKOM_TEST_POSTGRES_URL tidak diset")
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    admin_url = make_url(POSTGRES_URL)
    name = f"ukom_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield admin_url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(
                text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :n"), {"n": name}
            )
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()


@pytest.fixture(params=_backends())
def db_url(request: pytest.FixtureRequest) -> str:
    """The same test on SQLite and, when a server is configured, on PostgreSQL."""
    name = "sqlite_url" if request.param == "sqlite" else "postgres_url"
    return request.getfixturevalue(name)


@pytest.fixture
def database(db_url: str):  # type: ignore[no-untyped-def]
    from ukom_desktop.db.database import open_database

    db = open_database(db_url)
    yield db
    db.dispose()


@pytest.fixture
def sqlite_database(sqlite_url: str):  # type: ignore[no-untyped-def]
    from ukom_desktop.db.database import open_database

    db = open_database(sqlite_url)
    yield db
    db.dispose()


@pytest.fixture
def demo_database(sqlite_database):  # type: ignore[no-untyped-def]
    """A SQLite database with the demo event of 30 participants; `.demo` holds the summary."""
    from ukom_desktop.services.demo import build_demo

    with sqlite_database.sessions.begin() as session:
        sqlite_database.demo = build_demo(session, participants=30, seed=7)
    return sqlite_database
