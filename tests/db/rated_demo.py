"""A small fully rated demo database (ratings, assessor meeting, draft reports), built once per test
session and copied for each test. The event took place on 5-6 October 2026, so deadlines are fixed:
reports due 23 October 2026, QC due 24 October 2026 (17 + 1 calendar days)."""

from __future__ import annotations

import shutil
import tempfile
from datetime import date
from pathlib import Path

_TEMPLATE: Path | None = None
PARTICIPANTS = 8
LAST_DAY = date(2026, 10, 6)


def rated_demo_copy(target_dir: Path) -> Path:
    global _TEMPLATE
    if _TEMPLATE is None:
        from sqlalchemy import select

        from ukom_desktop.db.database import open_database
        from ukom_desktop.db.models import Event, Wave
        from ukom_desktop.services.demo import build_demo
        from ukom_desktop.services.demo_ratings import build_demo_ratings

        folder = Path(tempfile.mkdtemp(prefix="ukom-rated-demo-"))
        path = folder / "rated.sqlite"
        db = open_database(f"sqlite:///{path}")
        try:
            with db.sessions.begin() as session:
                summary = build_demo(session, participants=PARTICIPANTS, seed=11)
                event = session.get(Event, summary.event_id)
                event.start_date, event.end_date = date(2026, 10, 5), LAST_DAY
                for wave in session.scalars(select(Wave).where(Wave.event_id == event.id)):
                    wave.start_date, wave.end_date = date(2026, 10, 5), LAST_DAY
                session.flush()
                build_demo_ratings(session, summary.event_id, seed=11)
        finally:
            db.dispose()
        _TEMPLATE = path
    target = target_dir / "rated.sqlite"
    shutil.copyfile(_TEMPLATE, target)
    return target
