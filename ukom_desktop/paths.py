"""Where the app keeps its files: the platform's user-data, log and backup folders, and resources/."""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

from ukom_desktop import APP_ID


@cache
def _dirs():  # type: ignore[no-untyped-def]
    import platformdirs  # imported on first use: the window shows before anything needs a folder

    return platformdirs.PlatformDirs(APP_ID, appauthor=False)


def _override() -> Path | None:
    """UKOM_HOME puts every folder under one place (tests, portable installs)."""
    home = os.environ.get("UKOM_HOME")
    return Path(home) if home else None


def data_dir() -> Path:
    base = _override() or Path(_dirs().user_data_dir)
    base.mkdir(parents=True, exist_ok=True)
    return base


def log_dir() -> Path:
    home = _override()
    base = home / "logs" if home else Path(_dirs().user_log_dir)
    base.mkdir(parents=True, exist_ok=True)
    return base


def backup_dir() -> Path:
    base = data_dir() / "backups"
    base.mkdir(parents=True, exist_ok=True)
    return base


def default_database_path() -> Path:
    return data_dir() / "ukom.sqlite"


def resources_dir() -> Path:
    """resources/ beside the package in a checkout, or inside the PyInstaller bundle when frozen."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"
