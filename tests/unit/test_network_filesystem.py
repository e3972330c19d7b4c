"""A database on a network drive is opened with a rollback journal and a warning (WAL needs local memory)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from ukom_desktop.db import filesystem
from ukom_desktop.db.filesystem import NETWORK_WARNING, is_network_path

MOUNTS = """\
sysfs /sys sysfs rw,nosuid 0 0
/dev/sda1 / ext4 rw,relatime 0 0
/dev/sda2 /home ext4 rw,relatime 0 0
//fileserver/bkpsdm /mnt/kantor cifs rw,vers=3.0 0 0
nas:/export/ukom /srv/nfs\\040data nfs4 rw 0 0
budi@laptop:/data /home/budi/remote fuse.sshfs rw 0 0
tmpfs /mnt/kantor/lokal tmpfs rw 0 0
"""


@pytest.mark.parametrize(
    ("path", "network"),
    [
        ("/home/budi/ukom.sqlite", False),
        ("/mnt/kantor/ukom.sqlite", True),
        ("/mnt/kantor/sub/dir/ukom.sqlite", True),
        ("/mnt/kantor/lokal/ukom.sqlite", False),  # a local mount inside the share: the longest point wins
        ("/mnt/kantorlain/ukom.sqlite", False),  # a prefix of the name is not the mount
        ("/srv/nfs data/ukom.sqlite", True),  # \040 in /proc/mounts is a space
        ("/home/budi/remote/ukom.sqlite", True),
    ],
)
def test_linux_mount_table(path: str, network: bool) -> None:
    assert is_network_path(path, platform="linux", mounts_text=MOUNTS) is network


def test_windows_unc_and_mapped_drives() -> None:
    types = {"Z:\\": filesystem.DRIVE_REMOTE, "C:\\": 3}
    assert is_network_path(r"\\server\share\ukom.sqlite", platform="win32", drive_type=types.__getitem__)
    assert is_network_path(r"Z:\UKOM\ukom.sqlite", platform="win32", drive_type=types.__getitem__)
    assert not is_network_path(r"C:\Users\budi\ukom.sqlite", platform="win32", drive_type=types.__getitem__)


def test_a_database_on_a_network_mount_uses_a_rollback_journal_and_warns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ukom_desktop.db.database import open_database

    share = tmp_path.resolve()
    monkeypatch.setattr(filesystem, "_read_mounts", lambda: f"/dev/sda1 / ext4 rw 0 0\n//srv/x {share} cifs rw 0 0\n")
    db_file = share / "ukom.sqlite"
    db = open_database(f"sqlite:///{db_file}")
    try:
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "delete"
        assert NETWORK_WARNING in db.warnings and "server" in NETWORK_WARNING
    finally:
        db.dispose()
    assert not Path(f"{db_file}-wal").exists()
    conn2 = sqlite3.connect(db_file)
    try:
        assert conn2.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        conn2.close()


def test_a_local_database_keeps_wal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ukom_desktop.db.database import open_database

    monkeypatch.setattr(filesystem, "_read_mounts", lambda: "/dev/sda1 / ext4 rw 0 0\n")
    db = open_database(f"sqlite:///{tmp_path / 'ukom.sqlite'}")
    try:
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert db.warnings == []
    finally:
        db.dispose()
