"""Issue 12 item 5: a participant number (nomor peserta) belongs to one participant of an event, also when
two workstations import into the same event at the same moment, and also against direct SQL."""

from __future__ import annotations

import random
import threading
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from ukom_desktop.db import migrate
from ukom_desktop.db.engine import transaction
from ukom_desktop.db.models import Event, EventParticipant, Participant
from ukom_desktop.errors import UserFacingError
from ukom_desktop.services.demo import make_nip
from ukom_desktop.services.participant_import import commit_import, drain, preview_import


def _event(db, code: str = "UKOM-NOMOR-001") -> int:  # type: ignore[no-untyped-def]
    with transaction(db.sessions) as session:
        event = Event(code=code, name=f"Kegiatan {code}")
        session.add(event)
        session.flush()
        return event.id


def _csv(path: Path, nips: list[str]) -> Path:
    lines = ['"NIP","Nama"'] + [f'"{nip}","Peserta {nip[-6:]}"' for nip in nips]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _known_people(db, count: int, seed: int, folder: Path) -> list[str]:  # type: ignore[no-untyped-def]
    """People already in the database, imported from the same rows into an earlier event: a new import only
    links them (nothing to fill in), so it writes nothing before the numbers are handed out."""
    rng, used = random.Random(seed), set()
    nips = [make_nip(rng, "L", used) for _ in range(count)]
    earlier = _event(db, f"UKOM-LALU-{seed}")
    with transaction(db.sessions) as session:
        drain(commit_import(session, drain(preview_import(session, earlier, _csv(folder / "lalu.csv", nips)))))
    return nips


def _numbers(db, event_id: int) -> list[int]:  # type: ignore[no-untyped-def]
    with db.sessions() as session:
        return sorted(session.scalars(select(EventParticipant.number).where(EventParticipant.event_id == event_id)))


@pytest.mark.postgres
def test_two_imports_into_one_event_at_the_same_moment_never_share_a_number(database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    event_id = _event(database)
    nips = _known_people(database, 12, seed=11, folder=tmp_path)
    first_file, second_file = _csv(tmp_path / "a.csv", nips[:6]), _csv(tmp_path / "b.csv", nips[6:])
    first_done, second_started = threading.Event(), threading.Event()
    errors: list[BaseException] = []

    def second_workstation() -> None:
        try:
            with transaction(database.sessions) as session:
                plan = drain(preview_import(session, event_id, second_file))
                second_started.set()
                drain(commit_import(session, plan))
        except BaseException as exc:  # noqa: BLE001 - reported by the test thread
            errors.append(exc)
            second_started.set()

    with transaction(database.sessions) as session:
        plan = drain(preview_import(session, event_id, first_file))
        drain(commit_import(session, plan))
        # Our numbers are handed out but not committed yet: the second workstation starts its import now.
        worker = threading.Thread(target=second_workstation)
        worker.start()
        second_started.wait(30)
        first_done.wait(1.0)  # give it the time to reach its numbering (it must wait for our commit)
    worker.join(60)
    assert not worker.is_alive()
    assert not errors, errors
    assert _numbers(database, event_id) == list(range(1, 13))


@pytest.mark.postgres
def test_the_database_refuses_a_repeated_number_even_from_direct_sql(database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    event_id = _event(database)
    nips = _known_people(database, 2, seed=12, folder=tmp_path)
    with transaction(database.sessions) as session:
        ids = list(session.scalars(select(Participant.id).where(Participant.nip.in_(nips))))
        session.add(EventParticipant(event_id=event_id, participant_id=ids[0], number=7))
    with pytest.raises(IntegrityError), transaction(database.sessions) as session:
        session.add(EventParticipant(event_id=event_id, participant_id=ids[1], number=7))


def test_a_number_typed_in_the_editor_that_someone_holds_is_a_sentence(sqlite_database) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.services.participants import ParticipantForm, participant_form, save_participant

    db = sqlite_database
    event_id = _event(db)
    rng, used = random.Random(3), set()
    with transaction(db.sessions) as session:
        first = save_participant(session, event_id, ParticipantForm(nip=make_nip(rng, "L", used), name="Satu"))
        second = save_participant(session, event_id, ParticipantForm(nip=make_nip(rng, "P", used), name="Dua"))
    with transaction(db.sessions) as session:
        form = participant_form(session, second)
    held = form.number
    form.number = 1
    with pytest.raises(UserFacingError, match="Nomor peserta 1 sudah dipakai"), transaction(db.sessions) as session:
        save_participant(session, event_id, form, second)
    with transaction(db.sessions) as session:
        assert session.get(EventParticipant, first).number == 1
        assert session.get(EventParticipant, second).number == held == 2


def test_upgrade_moves_repeated_numbers_after_the_largest(tmp_path: Path) -> None:
    """A database from before revision 0010 may hold repeated numbers: the upgrade keeps the oldest
    membership's number and moves the others after the event's largest, then adds the unique index."""
    from ukom_desktop.db.database import open_database

    db = open_database(f"sqlite:///{tmp_path / 'lama.sqlite'}")
    try:
        event_id = _event(db)
        nips = _known_people(db, 4, seed=13, folder=tmp_path)
        with transaction(db.sessions) as session:
            ids = list(session.scalars(select(Participant.id).where(Participant.nip.in_(nips)).order_by(Participant.id)))
            session.add_all(EventParticipant(event_id=event_id, participant_id=pid, number=n)
                            for pid, n in zip(ids, [1, 2, 3, 4], strict=True))
        with db.engine.begin() as conn:  # back to revision 0007 (before 0010), where nothing stopped repeats
            conn.execute(text("DROP INDEX uq_event_participant_event_number"))
            conn.execute(text("UPDATE event_participant SET number = 2 WHERE number IN (3, 4)"))
            conn.execute(text("UPDATE alembic_version SET version_num = '0007'"))
        assert _numbers(db, event_id) == [1, 2, 2, 2]
        migrate.upgrade(db.engine, "0010")  # the later revisions' changes are still in place: run 0010 alone
        assert migrate.current_revision(db.engine) == "0010"
        assert _numbers(db, event_id) == [1, 2, 3, 4]
        with db.engine.begin() as conn:
            index = conn.execute(text("SELECT sql FROM sqlite_master WHERE name = 'uq_event_participant_event_number'"))
            assert "UNIQUE" in index.scalar_one().upper()
    finally:
        db.dispose()
