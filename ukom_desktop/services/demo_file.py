"""Berkas > Data contoh...: a demo database in a new file, ready to try every screen (issue 11 item 13).
The demo event is scheduled by the real scheduler; nothing touches the database already in use."""

from __future__ import annotations

from collections.abc import Generator
from pathlib import Path

from ukom_desktop.errors import UserFacingError

Progress = tuple[int, int, str]


def build_demo_file(path: str | Path, participants: int = 30) -> Generator[Progress, None, str]:
    """Create the file, fill it with the demo event and its schedule; returns the event's code."""
    from ukom_desktop.db.database import open_database
    from ukom_desktop.services.demo import build_demo
    from ukom_desktop.services.scheduling import schedule_event

    target = Path(path)
    if target.exists():
        raise UserFacingError(f"Berkas {target.name} sudah ada; pilih nama berkas baru untuk data contoh.")
    yield 0, 3, "Membuat basis data baru..."
    database = open_database(f"sqlite:///{target}")
    try:
        yield 1, 3, "Mengisi kegiatan contoh..."
        with database.sessions.begin() as session:
            summary = build_demo(session, participants=participants)
        yield 2, 3, "Menyusun jadwal contoh..."
        steps = schedule_event(database.sessions, summary.event_id, time_limit_s=5.0)
        while True:
            try:
                next(steps)
            except StopIteration:
                break
        yield 3, 3, "Selesai"
        return summary.event_code
    finally:
        database.dispose()
