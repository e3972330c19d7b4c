"""Letter numbers never repeat, also with two workstations taking them at the same moment (SQLite and
PostgreSQL): each thread below is a separate session, as a second workstation would be."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from sqlalchemy import func, select

from ukom_desktop.db.engine import transaction
from ukom_desktop.db.models import DocumentSequence, Event, IssuedDocument
from ukom_desktop.services.issued_documents import issue_document
from ukom_desktop.services.numbering import issue_number, last_sequence, next_sequence, save_patterns

WHEN = date(2026, 11, 9)


def _in_thread(target, *args):  # type: ignore[no-untyped-def]
    result: dict[str, object] = {}

    def run() -> None:
        try:
            result["value"] = target(*args)
        except BaseException as exc:  # noqa: BLE001 - re-raised in the test thread
            result["error"] = exc

    thread = threading.Thread(target=run)
    thread.start()
    return thread, result


def _take(database, kind: str = "undangan", year: int = 2026) -> int:  # type: ignore[no-untyped-def]
    with transaction(database.sessions) as session:
        return next_sequence(session, kind, year)


def test_two_workstations_issuing_at_once_never_get_the_same_number(database) -> None:  # type: ignore[no-untyped-def]
    per_thread = 25
    start = threading.Barrier(2)
    taken: list[list[int]] = [[], []]
    errors: list[BaseException] = []

    def workstation(index: int) -> None:
        try:
            start.wait()
            for _ in range(per_thread):
                taken[index].append(_take(database))
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=workstation, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not errors
    everything = taken[0] + taken[1]
    assert sorted(everything) == list(range(1, 2 * per_thread + 1))  # no repeat, no gap
    with database.sessions() as session:
        assert last_sequence(session, "undangan", 2026) == 2 * per_thread
        assert session.scalar(select(func.count()).select_from(DocumentSequence)) == 1


def test_a_second_workstation_waits_for_the_first_and_gets_the_next_number(database) -> None:  # type: ignore[no-untyped-def]
    with transaction(database.sessions) as first:
        assert next_sequence(first, "surat_tugas", 2026) == 1  # the year's first number: a new row
        thread, result = _in_thread(_take, database, "surat_tugas")
        # the second workstation now waits on the row (PostgreSQL) or the write lock (SQLite)
        thread.join(0.3)
        assert thread.is_alive(), "the second workstation did not wait for the first one's transaction"
    thread.join(60)
    assert "error" not in result, result.get("error")
    assert result["value"] == 2


def test_numbers_of_a_cancelled_batch_are_given_back_not_skipped_or_repeated(database) -> None:  # type: ignore[no-untyped-def]
    assert _take(database, "berita_acara") == 1
    with pytest.raises(RuntimeError), transaction(database.sessions) as session:
        assert next_sequence(session, "berita_acara", 2026) == 2
        raise RuntimeError("batal")
    assert _take(database, "berita_acara") == 2
    assert _take(database, "berita_acara", 2027) == 1  # every year starts at 1


def test_the_number_follows_the_pattern_of_its_kind(database) -> None:  # type: ignore[no-untyped-def]
    with transaction(database.sessions) as session:
        save_patterns(session, {"undangan": "B-{seq3}/UND/BPK/{roman_month}/{year}"})
    with transaction(database.sessions) as session:
        assert issue_number(session, "undangan", WHEN).text == "B-001/UND/BPK/XI/2026"
        assert issue_number(session, "pemanggilan", WHEN).text == "1/PGL/PK/XI/2026"


def test_the_same_letter_issued_from_two_workstations_at_once_keeps_one_number(database) -> None:  # type: ignore[no-untyped-def]
    with transaction(database.sessions) as session:
        event = Event(code="UKOM-T-1", name="Uji", start_date=WHEN)
        session.add(event)
        session.flush()
        event_id = event.id

    def issue() -> str:
        with transaction(database.sessions) as session:
            return issue_document(session, event_id=event_id, kind="undangan", subject_key="peserta:x",
                                  recipient="Budi", issued_on=WHEN).number

    with transaction(database.sessions) as first:
        number = issue_document(first, event_id=event_id, kind="undangan", subject_key="peserta:x",
                                recipient="Budi", issued_on=WHEN).number
        thread, result = _in_thread(issue)
        thread.join(0.3)
        assert thread.is_alive(), "the second workstation did not wait for the first one's transaction"
    thread.join(60)
    assert "error" not in result, result.get("error")
    assert result["value"] == number == "1/UND/PK/XI/2026"
    with database.sessions() as session:
        rows = session.scalars(select(IssuedDocument)).all()
        assert [(r.number, r.print_count) for r in rows] == [(number, 2)]
