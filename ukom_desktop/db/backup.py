"""Consistent copies of the SQLite database (sqlite3 backup API) with retention."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from ukom_desktop import paths

KEEP_AUTOMATIC = 10


class BackupError(RuntimeError):
    pass


def backup_sqlite(db_file: Path, target: Path | None = None, *, label: str = "manual") -> Path:
    """Copy a live database file consistently, even while another connection writes to it."""
    if not db_file.exists():
        raise BackupError(f"Berkas basis data {db_file} tidak ditemukan.")
    if target is None:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        target = paths.backup_dir() / f"{db_file.stem}-{label}-{stamp}.sqlite"
    if target.resolve() == db_file.resolve():
        raise BackupError("Berkas cadangan tidak boleh sama dengan berkas basis data.")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        source = sqlite3.connect(f"file:{db_file}?mode=ro", uri=True)
        try:
            dest = sqlite3.connect(target)
            try:
                source.backup(dest)
            finally:
                dest.close()
        finally:
            source.close()
    except (OSError, sqlite3.OperationalError) as exc:  # a read-only folder, a full disk, a file in the way
        from ukom_desktop.io.output_file import cannot_write_sentence

        raise BackupError(cannot_write_sentence(target, exc if isinstance(exc, OSError) else None)) from exc
    return target


def prune_backups(folder: Path, stem: str, label: str, keep: int = KEEP_AUTOMATIC) -> list[Path]:
    """Delete the oldest automatic backups beyond `keep`; return what was deleted."""
    found = sorted(folder.glob(f"{stem}-{label}-*.sqlite"))
    doomed = found[:-keep] if keep > 0 else found
    for path in doomed:
        path.unlink(missing_ok=True)
    return doomed


def latest_backup(folder: Path, stem: str, label: str) -> Path | None:
    found = sorted(folder.glob(f"{stem}-{label}-*.sqlite"))
    return found[-1] if found else None
