"""Issue 12 items 3 and 11: what the app does with the file it is asked to open.

A foreign file is refused without one byte of it changing; a 0-byte file becomes a database only when the
user agrees; a database that cannot be written opens read-only (view and print, writes refused with a
sentence); a new database appears whole or not at all.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from file_support import fingerprint, unwritable
from sqlalchemy import func, select

from ukom_desktop.db import migrate, sqlite_file
from ukom_desktop.db.database import open_database
from ukom_desktop.db.models import Competency, Event
from ukom_desktop.errors import READ_ONLY_SENTENCE, UserFacingError, user_message


def url(path: Path) -> str:
    return f"sqlite:///{path}"


def foreign_sqlite(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE pelanggan (id INTEGER PRIMARY KEY, nama TEXT)")
    conn.execute("INSERT INTO pelanggan (nama) VALUES ('Toko Sumber Rejeki')")
    conn.commit()
    conn.close()
    return path


@pytest.mark.parametrize("journal", ["delete", "wal"])
def test_a_foreign_sqlite_file_is_refused_without_a_byte_changing(tmp_path: Path, journal: str) -> None:
    folder = tmp_path / "lain"
    folder.mkdir()
    path = foreign_sqlite(folder / "kasir.db")
    if journal == "wal":
        conn = sqlite3.connect(path)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.close()
    before = fingerprint(folder)
    with pytest.raises(migrate.DatabaseNotUkomError, match="bukan basis data UKOM Desktop"):
        open_database(url(path))
    assert fingerprint(folder)[path.name] == before[path.name]


@pytest.mark.parametrize("content", [b"Nama,NIP\nBudi,1986\n", b"\x00" * 4096, b"SQLite format 3\x00" + b"\xff" * 200])
def test_a_file_that_is_not_a_database_is_refused_unchanged(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bukan.sqlite"
    path.write_bytes(content)
    before = fingerprint(tmp_path)
    with pytest.raises(Exception) as refused:  # noqa: PT011 - any refusal, as long as it is a sentence
        open_database(url(path))
    sentence = user_message(refused.value) or ""
    assert "bukan basis data" in sentence or "tidak dapat dibaca" in sentence
    assert fingerprint(tmp_path) == before


def test_a_zero_byte_file_becomes_a_database_only_when_the_user_agrees(tmp_path: Path) -> None:
    path = tmp_path / "kosong.sqlite"
    path.touch()
    with pytest.raises(sqlite_file.EmptyDatabaseFileError, match="kosong"):
        open_database(url(path))
    assert path.stat().st_size == 0
    db = open_database(url(path), allow_empty=True)
    try:
        assert db.created
        assert migrate.current_revision(db.engine) == migrate.head_revision()
        with db.sessions() as session:
            assert session.scalar(select(func.count()).select_from(Competency)) >= 9
    finally:
        db.dispose()


def test_a_new_database_is_whole_before_it_appears_and_stale_parts_are_removed(tmp_path: Path) -> None:
    path = tmp_path / "ukom.sqlite"
    stale = tmp_path / "ukom.sqlite.abc123.part"  # what a killed first start leaves behind
    stale.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    db = open_database(url(path))
    try:
        assert db.created
        with db.sessions() as session:  # the reference data is in from the start, also without the window
            assert session.scalar(select(func.count()).select_from(Competency)) >= 9
    finally:
        db.dispose()
    assert not stale.exists()
    assert sorted(p.name for p in tmp_path.iterdir() if ".part" in p.name) == []


def test_a_half_made_database_of_ours_is_set_aside_and_made_again(tmp_path: Path) -> None:
    """What the older app left after a kill during the first start: some of our tables, no revision."""
    path = tmp_path / "ukom.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE competency (id INTEGER PRIMARY KEY)")
    conn.execute("CREATE TABLE event (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()
    db = open_database(url(path))
    try:
        assert db.created and migrate.current_revision(db.engine) == migrate.head_revision()
    finally:
        db.dispose()
    assert [p.name for p in tmp_path.iterdir() if "tidak-selesai" in p.name]


# ------------------------------------------------------------------------------------ read-only


@pytest.mark.parametrize("where", ["folder", "file"])
def test_a_database_in_a_read_only_folder_or_file_opens_read_only_for_viewing(tmp_path: Path, where: str) -> None:
    folder = tmp_path / "arsip"
    folder.mkdir()
    path = folder / "ukom.sqlite"
    db = open_database(url(path))
    with db.sessions.begin() as session:
        session.add(Event(code="UKOM-ARSIP-1", name="Kegiatan arsip"))
    db.dispose()
    before = fingerprint(folder)
    with unwritable(folder, folder_too=where == "folder"):
        db = open_database(url(path))
        try:
            assert db.read_only
            with db.sessions() as session:
                assert session.scalar(select(Event.name).where(Event.code == "UKOM-ARSIP-1")) == "Kegiatan arsip"
            with pytest.raises(Exception) as refused, db.sessions.begin() as session:
                session.add(Event(code="UKOM-ARSIP-2", name="Tidak boleh"))
            assert user_message(refused.value) == READ_ONLY_SENTENCE
        finally:
            db.dispose()
        assert fingerprint(folder)[path.name] == before[path.name]


@pytest.mark.postgres
def test_a_new_database_holds_its_reference_data_from_the_first_open(db_url: str) -> None:
    """Schema and reference data in one transaction (a server) or one moved-in file (SQLite): a start killed
    in between never leaves a schema without the competency dictionary."""
    db = open_database(db_url)
    try:
        assert db.created
        with db.sessions() as session:
            assert session.scalar(select(func.count()).select_from(Competency)) >= 9
    finally:
        db.dispose()


def test_a_new_database_in_an_unwritable_folder_is_a_sentence(tmp_path: Path) -> None:
    folder = tmp_path / "terkunci"
    folder.mkdir()
    with unwritable(folder), pytest.raises(UserFacingError, match="tidak dapat ditulis"):
        open_database(url(folder / "ukom.sqlite"))
    assert list(folder.iterdir()) == []


def test_read_only_refuses_issuing_letter_numbers_in_words_and_leaves_no_file(tmp_path: Path) -> None:
    from datetime import date

    from ukom_desktop.services.demo import build_demo
    from ukom_desktop.services.document_printing import PrintRequest, print_now
    from ukom_desktop.services.event_documents import PrintOptions

    folder, out = tmp_path / "arsip", tmp_path / "cetak"
    folder.mkdir()
    db = open_database(url(folder / "ukom.sqlite"))
    with db.sessions.begin() as session:
        event_id = build_demo(session, participants=4, seed=2).event_id
    db.dispose()
    with unwritable(folder):
        db = open_database(url(folder / "ukom.sqlite"))
        try:
            request = PrintRequest(event_id, "undangan", out / "undangan.pdf",
                                   PrintOptions(letter_date=date(2026, 11, 9), collective=True))
            with pytest.raises(Exception) as refused, db.sessions.begin() as session:  # noqa: PT011
                print_now(session, request)
            assert user_message(refused.value) == READ_ONLY_SENTENCE
        finally:
            db.dispose()
    assert not out.exists() or list(out.iterdir()) == []
