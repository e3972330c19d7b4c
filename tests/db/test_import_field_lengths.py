"""Issue 12 item 6: a value longer than its column is a rejected row naming the row, the same on SQLite
(which would store it) and PostgreSQL (which would fail the whole import with an English message)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from ukom_desktop.db.models import Event, Participant
from ukom_desktop.services.participant_import import commit_import, drain, preview_import


def test_a_10000_character_name_is_one_rejected_row(database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with database.sessions.begin() as session:
        event = Event(code="UKOM-PANJANG", name="Uji panjang isian")
        session.add(event)
        session.flush()
        event_id = event.id
    path = tmp_path / "peserta.csv"
    path.write_text(
        "NIP;Nama;Unit Kerja;Email\n"
        f"198609262015051001;{'A' * 10_000};Dinas A;a@b.id\n"
        f"199001012015032002;Siti Aminah;{'U' * 251};s@b.id\n"
        f"198001012005011003;Andi;Dinas C;{'e' * 150}@b.id\n"
        "198202022006041004;Rina;Dinas D;r@b.id\n",
        encoding="utf-8",
    )
    with database.sessions.begin() as session:
        plan = drain(preview_import(session, event_id, path))
        reasons = {row.row_number: row.errors for row in plan.preview.rows}
        assert any("Nama terlalu panjang (10000 karakter; paling banyak 150)" in e for e in reasons[2])
        assert any("terlalu panjang (251 karakter; paling banyak 250)" in e for e in reasons[3])
        assert any("terlalu panjang (155 karakter; paling banyak 150)" in e for e in reasons[4])
        result = drain(commit_import(session, plan))
    assert (result.imported, result.rejected) == (1, 3)
    with database.sessions() as session:
        assert list(session.scalars(select(Participant.name))) == ["Rina"]
