"""Issue 12 item 8: whatever rows a participant file holds, an import writes all its valid rows or
nothing: never a partial write, never an exception other than a sentence."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from ukom_desktop.db.database import open_database
from ukom_desktop.db.models import Event, EventParticipant, Participant
from ukom_desktop.errors import UserFacingError
from ukom_desktop.services.participant_import import commit_import, drain, preview_import

_FOLDER = Path(tempfile.mkdtemp(prefix="ukom-prop-"))
_DB = open_database(f"sqlite:///{_FOLDER / 'prop.sqlite'}")
_EVENTS = iter(range(1, 10**6))

nips = st.builds(
    lambda born, year, month, sex, seq: f"{born:%Y%m%d}{year}{month:02d}{sex}{seq:03d}",
    st.dates(min_value=date(1960, 1, 1), max_value=date(2000, 12, 31)), st.integers(1985, 2024),
    st.integers(1, 12), st.sampled_from([1, 2]), st.integers(1, 999),
)
names = st.text(alphabet=st.characters(codec="utf-8", exclude_characters=";\"\n\r"), max_size=30) | st.sampled_from(
    ["Budi Santoso", "=HYPERLINK(\"x\")", "A" * 200, "Siti\x1b Aminah\u200b", ""]
)
cells = st.one_of(nips, st.text(alphabet="0123456789 ", max_size=20), st.just(""))
rows = st.lists(st.tuples(cells, names, st.sampled_from(["Dinas A", "Dinas B", "", "U" * 300])), max_size=12)


@settings(max_examples=40, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck))
@given(rows=rows, quote=st.booleans())
def test_an_import_writes_all_valid_rows_or_nothing(rows: list[tuple[str, str, str]], quote: bool) -> None:
    number = next(_EVENTS)
    with _DB.sessions.begin() as session:
        event = Event(code=f"PROP-{number}", name="Uji sifat")
        session.add(event)
        session.flush()
        event_id = event.id
    path = _FOLDER / f"peserta-{number}.csv"
    opening = '"' if quote else ""  # an unclosed quote in the first row swallows the rest
    lines = ["NIP;Nama;Unit Kerja"] + [f"{nip};{opening if i == 0 else ''}{name};{unit}"
                                       for i, (nip, name, unit) in enumerate(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = _count(Participant)
    imported = 0
    valid = -1
    try:
        with _DB.sessions.begin() as session:
            plan = drain(preview_import(session, event_id, path))
            valid = len(plan.preview.valid_records())
            imported = drain(commit_import(session, plan)).imported
    except UserFacingError as exc:
        assert str(exc)
        imported = 0
    members = _count(EventParticipant, EventParticipant.event_id == event_id)
    assert members == imported
    assert imported in (0, valid)
    assert _count(Participant) - before <= imported


def _count(model, *where) -> int:  # type: ignore[no-untyped-def]
    with _DB.sessions() as session:
        return session.scalar(select(func.count()).select_from(model).where(*where)) or 0
