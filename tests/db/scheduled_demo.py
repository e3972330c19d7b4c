"""A demo database with a stored schedule, built once per test session and copied for each test."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

_TEMPLATE: Path | None = None


def scheduled_demo_copy(target_dir: Path) -> Path:
    """A fresh copy of a SQLite file holding the demo event (30 participants) and its stored schedule."""
    global _TEMPLATE
    if _TEMPLATE is None:
        from ukom_desktop.db.database import open_database
        from ukom_desktop.services.demo import build_demo
        from ukom_desktop.services.scheduling import run_to_end, schedule_event

        folder = Path(tempfile.mkdtemp(prefix="ukom-sched-demo-"))
        path = folder / "demo.sqlite"
        db = open_database(f"sqlite:///{path}")
        try:
            with db.sessions.begin() as session:
                summary = build_demo(session, participants=30, seed=7)
            outcome = run_to_end(schedule_event(db.sessions, summary.event_id, time_limit_s=5.0))
            assert outcome.ok, outcome.summary()
        finally:
            db.dispose()
        _TEMPLATE = path
    target = target_dir / "demo.sqlite"
    shutil.copyfile(_TEMPLATE, target)
    return target
