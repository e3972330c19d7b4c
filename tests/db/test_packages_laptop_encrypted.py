"""The laptop's working database is an SQLCipher file keyed by the package passphrase (issue 14 item 3): no
SQLite header and no readable name or NIP on disk, reopened only with the passphrase, a wrong one a sentence."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).parent))
from packages_support import issue, laptop_cells, open_on_laptop, reopen_for_ratings, secretariat  # noqa: E402

from ukom_desktop.db import encryption  # noqa: E402
from ukom_desktop.db.engine import sqlite_path  # noqa: E402
from ukom_desktop.errors import UserFacingError  # noqa: E402
from ukom_desktop.io import exchange_package as fmt  # noqa: E402
from ukom_desktop.services import packages_laptop as lp  # noqa: E402
from ukom_desktop.services.packages_export import event_assessors  # noqa: E402

pytestmark = pytest.mark.skipif(not lp.encryption_available(), reason="sqlcipher3 tidak terpasang")


@pytest.fixture
def two(tmp_path: Path):
    db, event_id = secretariat(tmp_path)
    with db.sessions() as session:
        members = [m for m, _n, _p in event_assessors(session, event_id)][:2]
    reopen_for_ratings(db, event_id, members)
    items = issue(db, event_id, members, tmp_path)
    yield items
    db.dispose()


def _forget(url: str) -> None:
    """As a new start of the program: the passphrase is no longer known."""
    encryption.register_key(sqlite_path(url), None)


def test_working_file_is_encrypted_and_reveals_no_name_or_nip(two) -> None:
    item = two[0]
    open_on_laptop(item)
    path = sqlite_path(item.laptop_url)
    engine = lp.engine_for(item.laptop_url)
    try:
        with engine.connect() as conn:
            people = list(conn.execute(select(lp.lp_participant.c.name, lp.lp_participant.c.nip)))
    finally:
        engine.dispose()
    assert people and all(name and nip for name, nip in people)
    files = [f for f in path.parent.iterdir() if f.name.startswith(path.name) or f.name.startswith(f".{path.name}")]
    assert [f.name for f in files] == [path.name]  # no .part left behind, WAL checkpointed
    raw = path.read_bytes()
    assert not raw.startswith(b"SQLite format 3") and encryption.is_encrypted(path)
    for name, nip in people:
        assert name.encode() not in raw and nip.encode() not in raw
    assert b"lp_participant" not in raw and item.passphrase.encode() not in raw
    with pytest.raises(sqlite3.DatabaseError), sqlite3.connect(path) as plain:
        plain.execute("SELECT count(*) FROM sqlite_master").fetchone()


def test_reopening_needs_the_passphrase_and_a_wrong_one_is_a_sentence(two) -> None:
    item = two[0]
    open_on_laptop(item)
    before = laptop_cells(item.laptop_url)
    path = sqlite_path(item.laptop_url)
    raw = path.read_bytes()
    _forget(item.laptop_url)

    assert lp.is_locked(item.laptop_url)
    with pytest.raises(lp.LockedWorkingDatabase, match="kata sandi paket"):
        lp.summary(item.laptop_url)
    with pytest.raises(UserFacingError, match="Kata sandi paket salah"):
        lp.unlock(item.laptop_url, fmt.new_passphrase())
    assert lp.is_locked(item.laptop_url) and path.read_bytes() == raw  # nothing written

    lp.unlock(item.laptop_url, item.passphrase.lower().replace("-", " "))  # typed loosely, as from the slip
    assert not lp.is_locked(item.laptop_url)
    assert lp.summary(item.laptop_url).cells == len(before)
    cell = next(c for c in before if c.level is None)
    lp.save_cell(item.laptop_url, cell.ep, cell.exercise, cell.competency, level="4", no_evidence=False,
                 evidence="Dibuka ulang dengan kata sandi")
    assert lp.write_return(item.laptop_url, path.parent / "kembali.ukom").cells == 1


def test_open_again_with_its_passphrase_reopens_and_another_package_is_refused(two) -> None:
    first, second = two
    open_on_laptop(first)
    _forget(first.laptop_url)
    # Opening the same package again (as Berkas > Buka paket asesor does) unlocks it with the package's passphrase.
    assert lp.open_package(first.laptop_url, first.path.read_bytes(), first.passphrase).cells > 0
    _forget(first.laptop_url)
    with pytest.raises(UserFacingError, match="sudah berisi paket lain"):
        lp.open_package(first.laptop_url, second.path.read_bytes(), second.passphrase)
    with pytest.raises(fmt.PackageError, match="Kata sandi paket salah"):
        lp.open_package(first.laptop_url, first.path.read_bytes(), second.passphrase)
    assert lp.is_locked(first.laptop_url)


def test_a_failed_open_leaves_no_file(two, tmp_path: Path) -> None:
    item = two[0]
    target = tmp_path / "asesor" / "baru.sqlite"
    with pytest.raises(fmt.PackageError):
        lp.open_package(f"sqlite:///{target}", item.path.read_bytes(), fmt.new_passphrase())
    assert not target.parent.exists() or list(target.parent.iterdir()) == []
