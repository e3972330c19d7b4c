"""Is a database file on a network drive? SQLite's WAL mode needs shared memory that network file systems
do not provide, so such a file is opened with a rollback journal (journal_mode=DELETE) and a warning."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path, PurePath, PureWindowsPath

# File system types (as /proc/mounts names them) whose files live on another machine.
NETWORK_FSTYPES = frozenset({
    "nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "ncpfs", "afs", "9p", "ceph", "glusterfs",
    "lustre", "gfs2", "ocfs2", "davfs", "coda", "fuse.sshfs", "sshfs", "fuse.rclone", "fuse.davfs2",
    "fuse.glusterfs", "fuse.cephfs", "fuse.s3fs", "fuse.gvfsd-fuse", "fuse.smbnetfs",
})

DRIVE_REMOTE = 4  # GetDriveTypeW's answer for a mapped network drive

NETWORK_WARNING = (
    "Basis data ini berada di drive jaringan. SQLite tidak aman dipakai bersama lewat drive jaringan, "
    "jadi aplikasi memakai jurnal biasa (lebih lambat) untuk mencegah kerusakan. Untuk bekerja dari "
    "beberapa komputer sekaligus gunakan mode server (PostgreSQL)."
)


def _unescape_mount(field: str) -> str:
    """/proc/mounts writes a space as \\040, a tab as \\011 and so on."""
    out, i = [], 0
    while i < len(field):
        if field[i] == "\\" and i + 3 < len(field) and field[i + 1 : i + 4].isdigit():
            out.append(chr(int(field[i + 1 : i + 4], 8)))
            i += 4
        else:
            out.append(field[i])
            i += 1
    return "".join(out)


def mount_fstype(path: PurePath, mounts_text: str) -> str | None:
    """The file system type of the mount that holds `path` (the longest matching mount point)."""
    best, best_type = -1, None
    target = str(path)
    for line in mounts_text.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        point, fstype = _unescape_mount(parts[1]), parts[2]
        inside = target == point or target.startswith(point.rstrip("/") + "/") or point == "/"
        if inside and len(point) > best:
            best, best_type = len(point), fstype
    return best_type


def _windows_drive_type(root: str) -> int:
    import ctypes

    return int(ctypes.windll.kernel32.GetDriveTypeW(root))  # type: ignore[attr-defined]


def _read_mounts() -> str:
    """The mount table on Linux; empty elsewhere (Windows asks the drive type instead)."""
    if not sys.platform.startswith("linux"):
        return ""
    try:
        return Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def is_network_path(
    path: Path | str,
    *,
    platform: str | None = None,
    mounts_text: str | None = None,
    drive_type: Callable[[str], int] | None = None,
) -> bool:
    """True when the file is on a network file system (UNC path, mapped network drive, NFS/SMB mount...).

    `platform`, `mounts_text` and `drive_type` stand in for the real system in tests."""
    platform = platform or sys.platform
    if platform.startswith("win"):
        win = PureWindowsPath(str(path))
        if str(win).startswith(("\\\\", "//")):
            return True  # \\server\share\...
        if not win.drive:
            return False
        try:
            return (drive_type or _windows_drive_type)(win.drive + "\\") == DRIVE_REMOTE
        except (OSError, AttributeError, ValueError):
            return False
    if platform.startswith("linux"):
        text = _read_mounts() if mounts_text is None else mounts_text
        resolved = PurePath(os.path.realpath(path)) if mounts_text is None else PurePath(path)
        fstype = mount_fstype(resolved, text)
        return fstype is not None and (fstype in NETWORK_FSTYPES or fstype.startswith("nfs"))
    return False


def journal_mode_for(path: Path | str) -> str:
    return "DELETE" if is_network_path(path) else "WAL"
