"""Details a secretariat sends back: the rundown's frame (registration, opening, ISHOMA, closing), the
"Yth." place line, a default tembusan naming the head of the requesting unit by office."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from pathlib import Path

from pypdf import PdfReader
from sqlalchemy import select

from ukom_desktop.db.engine import transaction
from ukom_desktop.db.models import Event, EventParticipant, Exercise, ScheduleSession, SessionParticipant
from ukom_desktop.services.demo import build_demo
from ukom_desktop.services.document_printing import PrintRequest, print_now
from ukom_desktop.services.event_documents import PrintOptions


def _text(path: Path) -> str:
    return re.sub(r"\s+", " ", " ".join(page.extract_text() or "" for page in PdfReader(path).pages))


def _demo(database) -> int:  # type: ignore[no-untyped-def]
    with transaction(database.sessions) as session:
        event_id = build_demo(session, participants=6, seed=4).event_id
        session.get(Event, event_id).requesting_agency = "Sekretariat Jenderal"
    return event_id


def _print(database, event_id: int, kind: str, out: Path, **options):  # type: ignore[no-untyped-def]
    options.setdefault("letter_date", date(2026, 11, 9))
    with transaction(database.sessions) as session:
        return print_now(session, PrintRequest(event_id, kind, out, PrintOptions(**options)))


def test_rundown_from_the_schedule_has_registration_opening_ishoma_and_closing(database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    event_id = _demo(database)
    with transaction(database.sessions) as session:
        eps = list(session.scalars(select(EventParticipant).where(EventParticipant.event_id == event_id)))
        day = eps[0].wave.start_date
        for code, start, end in (("PSI", time(8), time(10)), ("INB", time(13), time(15))):
            exercise = session.scalar(select(Exercise).where(Exercise.code == code))
            s = ScheduleSession(event_id=event_id, wave_id=eps[0].wave_id, exercise_id=exercise.id,
                                starts_at=datetime.combine(day, start), ends_at=datetime.combine(day, end))
            session.add(s)
            session.flush()
            session.add_all(SessionParticipant(session_id=s.id, event_participant_id=ep.id) for ep in eps)
    _print(database, event_id, "susunan_acara", tmp_path / "rd.pdf")
    text = _text(tmp_path / "rd.pdf")
    order = ["07.30 - 07.45 Registrasi", "07.45 - 08.00 Pembukaan", "08.00 - 10.00", "12.00 - 13.00 ISHOMA",
             "13.00 - 15.00", "15.00 - 15.30 Penutupan"]
    positions = [text.find(part) for part in order]
    assert all(p >= 0 for p in positions), (positions, text)
    assert positions == sorted(positions)


def test_letters_have_a_place_line_and_a_default_tembusan(database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    event_id = _demo(database)
    _print(database, event_id, "undangan", tmp_path / "u.pdf", collective=True)
    text = _text(tmp_path / "u.pdf")
    assert re.search(r"Yth\. Peserta .* di Tempat", text)
    assert "Tembusan: 1. Sekretaris Jenderal 2. Atasan langsung peserta" in text
    assert "Pimpinan Sekretariat Jenderal" not in text
    _print(database, event_id, "surat_tugas", tmp_path / "st.pdf", copies=("Inspektur Jenderal",))
    assert "Tembusan: Inspektur Jenderal" in _text(tmp_path / "st.pdf")  # the user's choice wins


def test_signature_blocks_carry_one_title_each(database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    event_id = _demo(database)
    _print(database, event_id, "berita_acara", tmp_path / "ba.pdf")
    text = _text(tmp_path / "ba.pdf")
    signatures = text[text.index("Demikian berita acara"):]
    assert "Ketua Tim Asesor," in signatures and "Asesor SDM Aparatur" not in signatures
