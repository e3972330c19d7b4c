"""Backups keyed by the database's identity, failures that only warn, verified copies, and restore."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from ukom_desktop import paths
from ukom_desktop.db import backup
from ukom_desktop.db.database import open_database
from ukom_desktop.db.models import Participant
from ukom_desktop.db.restore import list_backups, restore_backup


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home folder of its own, so the backup folder holds only this test's backups."""
    folder = tmp_path / "home"
    monkeypatch.setenv("UKOM_HOME", str(folder))
    return folder


def _add_participant(db_file: Path, nip: str, name: str) -> None:
    db = open_database(f"sqlite:///{db_file}", auto_backup=False)
    try:
        with db.sessions.begin() as session:
            session.add(Participant(nip=nip, name=name))
    finally:
        db.dispose()


def _names(db_file: Path) -> list[str]:
    conn = sqlite3.connect(db_file)
    try:
        return sorted(r[0] for r in conn.execute("SELECT name FROM participant"))
    finally:
        conn.close()


def _open_twice(path: Path) -> Path | None:
    """First start creates the file; the second start makes its automatic backup."""
    open_database(f"sqlite:///{path}").dispose()
    db = open_database(f"sqlite:///{path}")
    db.dispose()
    return db.backup_made


def test_two_files_with_the_same_name_each_get_their_own_backup_series(home: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "kantor-a" / "ukom.sqlite", tmp_path / "kantor-b" / "ukom.sqlite"
    made_first, made_second = _open_twice(first), _open_twice(second)
    assert made_first is not None and made_second is not None, "the second file was never backed up"
    identity_a, identity_b = backup.read_identity(first), backup.read_identity(second)
    assert identity_a and identity_b and identity_a != identity_b
    assert made_first.parent.name == identity_a and made_second.parent.name == identity_b
    # the identity is made once: a later start keeps it
    open_database(f"sqlite:///{first}").dispose()
    assert backup.read_identity(first) == identity_a


def test_a_backup_that_cannot_be_written_is_a_warning_and_the_database_still_opens(
    home: Path, tmp_path: Path
) -> None:
    db_file = tmp_path / "ukom.sqlite"
    open_database(f"sqlite:///{db_file}").dispose()
    home.mkdir(parents=True, exist_ok=True)
    (home / "backups").write_text("bukan folder")  # the backup folder cannot be made
    db = open_database(f"sqlite:///{db_file}")
    try:
        assert db.backup_made is None
        assert any("Cadangan otomatis gagal" in w for w in db.warnings)
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT COUNT(*) FROM participant").scalar() == 0
    finally:
        db.dispose()


def test_an_empty_or_unfinished_backup_never_counts_as_the_latest(home: Path, tmp_path: Path) -> None:
    db_file = tmp_path / "ukom.sqlite"
    open_database(f"sqlite:///{db_file}").dispose()
    folder = backup.series_folder(backup.ensure_identity(db_file))
    (folder / "ukom-auto-29991231-000000-000000.sqlite").write_bytes(b"")  # left by a full disk
    (folder / "ukom-auto-29991231-000001-000000.sqlite.part").write_bytes(b"SQLite format 3\0")
    db = open_database(f"sqlite:///{db_file}")
    db.dispose()
    assert db.backup_made is not None and db.backup_made.stat().st_size > 0
    assert not list(folder.glob("*.part"))


def test_backup_is_written_through_a_part_file_and_verified(home: Path, tmp_path: Path) -> None:
    db_file = tmp_path / "ukom.sqlite"
    open_database(f"sqlite:///{db_file}").dispose()
    target = tmp_path / "cadangan" / "salinan.sqlite"
    made = backup.backup_sqlite(db_file, target)
    assert made == target and not Path(f"{target}.part").exists()
    conn = sqlite3.connect(target)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    finally:
        conn.close()
    broken = tmp_path / "rusak.sqlite"
    broken.write_bytes(target.read_bytes()[:4096] + b"\xff" * 8192)
    with pytest.raises(backup.BackupError):
        backup.verify_sqlite(broken)


def test_restore_reads_back_the_backup_and_keeps_the_current_file(home: Path, tmp_path: Path) -> None:
    db_file = tmp_path / "ukom.sqlite"
    open_database(f"sqlite:///{db_file}").dispose()
    _add_participant(db_file, "198609262015051001", "Budi Santoso")
    saved = backup.backup_sqlite(db_file, tmp_path / "kemarin.sqlite")
    _add_participant(db_file, "198703152010012002", "Siti Aminah")

    # a -wal left beside the live file (a crash, or a copy made while the app ran) holding a newer change
    conn = sqlite3.connect(db_file)
    conn.execute("PRAGMA wal_autocheckpoint=0")
    with conn:
        conn.execute("UPDATE participant SET name = 'Perubahan Baru'")
    shutil.copy(f"{db_file}-wal", tmp_path / "sisa-wal")
    conn.close()
    shutil.copy(tmp_path / "sisa-wal", f"{db_file}-wal")

    listed = {info.path: info for info in list_backups(tmp_path)}
    assert listed[saved].revision and listed[saved].participants == 1 and listed[saved].events == 0

    result = restore_backup(saved, db_file)
    assert _names(db_file) == ["Budi Santoso"]
    assert result.previous_copy is not None
    assert _names(result.previous_copy) == ["Perubahan Baru", "Perubahan Baru"]
    assert result.previous_copy.is_relative_to(paths.backup_dir())
    db = open_database(f"sqlite:///{db_file}")
    try:
        with db.engine.connect() as conn2:
            assert conn2.exec_driver_sql("SELECT name FROM participant").scalars().all() == ["Budi Santoso"]
    finally:
        db.dispose()


def test_restore_refuses_a_file_that_is_not_a_ukom_backup(home: Path, tmp_path: Path) -> None:
    other = tmp_path / "lain.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE x (a)")
    conn.close()
    live = tmp_path / "ukom.sqlite"
    open_database(f"sqlite:///{live}").dispose()
    with pytest.raises(backup.BackupError, match="bukan cadangan"):
        restore_backup(other, live)
    assert backup.read_identity(live)  # untouched


def _tiny_disk(folder: Path) -> bool:
    """A real full disk: a 64 KB tmpfs mounted on `folder` (root on Linux); False where that is not allowed."""
    import os
    import subprocess

    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return False
    folder.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)],
                          capture_output=True, check=False)
    return done.returncode == 0


def test_a_full_backup_disk_is_a_warning_and_leaves_no_file(home: Path, tmp_path: Path) -> None:
    import subprocess

    db_file = tmp_path / "ukom.sqlite"
    open_database(f"sqlite:///{db_file}").dispose()
    backups = home / "backups"
    if not _tiny_disk(backups):
        pytest.skip("a small file system cannot be mounted here")
    try:
        db = open_database(f"sqlite:///{db_file}")
        db.dispose()
        assert db.backup_made is None
        assert any("Cadangan otomatis gagal" in w and "disk penuh" in w for w in db.warnings), db.warnings
        left = [p for p in backups.rglob("*") if p.is_file()]
        assert left == [], f"a failed backup left {left}"
    finally:
        subprocess.run(["umount", str(backups)], check=False)
