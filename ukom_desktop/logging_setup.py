"""A rotating log file in the platform log folder."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from ukom_desktop import paths

_configured: Path | None = None


def setup_logging(level: int = logging.INFO) -> Path:
    global _configured
    if _configured is not None:
        return _configured
    log_file = paths.log_dir() / "ukom-desktop.log"
    handler = RotatingFileHandler(log_file, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    from ukom_desktop.db.credentials import SecretMaskingFilter

    handler.addFilter(SecretMaskingFilter())  # no database password ever reaches the log
    root = logging.getLogger("ukom_desktop")
    root.setLevel(level)
    root.addHandler(handler)
    _configured = log_file
    return log_file
