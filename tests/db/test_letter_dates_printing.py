"""Printed letters carry a date before the event unless the user chooses otherwise, and a late or weekend
date comes back as a warning (the CLI prints it)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from pypdf import PdfReader

from ukom_desktop.db.engine import transaction
from ukom_desktop.db.models import Event, Wave
from ukom_desktop.services.demo import build_demo
from ukom_desktop.services.document_printing import PrintRequest, print_now
from ukom_desktop.services.event_documents import PrintOptions


def _past_event(database) -> int:  # type: ignore[no-untyped-def]
    with transaction(database.sessions) as session:
        demo = build_demo(session, participants=6, seed=2)
        event = session.get(Event, demo.event_id)
        event.start_date, event.end_date = date(2026, 11, 17), date(2026, 11, 18)
        for wave in session.query(Wave).filter(Wave.event_id == event.id):
            wave.start_date, wave.end_date = event.start_date, event.end_date
    return demo.event_id


def _print(database, event_id: int, kind: str, out: Path, **options):  # type: ignore[no-untyped-def]
    with transaction(database.sessions) as session:
        return print_now(session, PrintRequest(event_id, kind, out, PrintOptions(**options)))


def test_surat_tugas_printed_after_the_event_is_dated_before_it(database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    event_id = _past_event(database)
    result = _print(database, event_id, "surat_tugas", tmp_path / "st.pdf")
    assert result.documents[0].issued_on == date(2026, 11, 13)  # Friday before the Tuesday start
    assert result.warnings == ()
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(tmp_path / "st.pdf").pages))
    assert "13 November 2026" in text


def test_a_late_or_weekend_letter_date_is_warned(database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    event_id = _past_event(database)
    late = _print(database, event_id, "undangan", tmp_path / "u.pdf", letter_date=date(2026, 11, 21))
    assert len(late.warnings) == 2
    assert "sesudah hari pertama kegiatan (17 November 2026)" in late.warnings[0]
    assert "hari Sabtu" in late.warnings[1]
