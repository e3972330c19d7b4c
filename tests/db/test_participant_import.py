"""Importing participants into an event: preview against the event, one commit, nothing half-written."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from ukom_desktop.db.models import Base, Event, EventParticipant, Participant
from ukom_desktop.errors import UserFacingError
from ukom_desktop.services import participant_import as imp
from ukom_desktop.services.participant_import import commit_import, drain, preview_import

IMPORT = Path(__file__).resolve().parents[1] / "fixtures" / "import"
UNREADABLE = ["not_spreadsheet.xlsx", "renamed_text.xlsx", "truncated.xlsx", "protected.ods", "protected.xls",
              "empty.csv", "binary_garbage.csv", "blank_sheet.xlsx"]
NOTHING_TO_IMPORT = ["no_nip_column.xlsx", "header_only.ods"]


def snapshot(db) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    """Every row of every table, to compare a database before and after."""
    with db.engine.connect() as conn:
        return {t.name: sorted(repr(tuple(r)) for r in conn.execute(t.select())) for t in Base.metadata.sorted_tables}


def new_event(db, code: str = "UKOM-UJI-001") -> int:  # type: ignore[no-untyped-def]
    with db.sessions.begin() as session:
        event = Event(code=code, name=f"Kegiatan {code}")
        session.add(event)
        session.flush()
        return event.id


def import_file(db, event_id: int, name: str):  # type: ignore[no-untyped-def]
    with db.sessions.begin() as session:
        plan = drain(preview_import(session, event_id, IMPORT / name))
        return plan, drain(commit_import(session, plan))


def count(db, model) -> int:  # type: ignore[no-untyped-def]
    with db.sessions() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


@pytest.mark.parametrize("name", ["clean.xlsx", "clean.xls", "clean.ods", "clean.csv", "title_rows.xls",
                                  "semicolon_cp1252.csv", "nip_number_exact.xlsx"])
def test_files_people_really_have_are_imported_whole(database, name: str) -> None:  # type: ignore[no-untyped-def]
    event_id = new_event(database)
    plan, result = import_file(database, event_id, name)
    assert result.imported == len(plan.preview.valid_records()) > 0
    assert result.rejected == plan.preview.rejected_count
    assert (result.first_number, result.last_number) == (1, result.imported)
    with database.sessions() as session:
        nips = set(session.scalars(select(Participant.nip)))
        assert nips == {r.nip for r in plan.preview.valid_records()}
        numbers = sorted(session.scalars(select(EventParticipant.number).where(EventParticipant.event_id == event_id)))
        assert numbers == list(range(1, result.imported + 1))


def test_clean_file_keeps_every_value(database) -> None:  # type: ignore[no-untyped-def]
    event_id = new_event(database)
    import_file(database, event_id, "clean.xlsx")
    with database.sessions() as session:
        budi = session.scalar(select(Participant).where(Participant.nip == "198609262015051001"))
        assert budi.name == "Budi Santoso, S.Kom." and budi.golongan == "III/b" and budi.phone == "081234567801"
        assert budi.birth_place == "Surakarta" and budi.sex.value == "L" and budi.uuid and budi.version == 1
        ep = session.scalar(select(EventParticipant).where(EventParticipant.participant_id == budi.id))
        assert ep.attendance.value == "belum" and ep.invitation_status.value == "belum" and ep.uuid


def test_rejected_rows_are_reported_and_the_rest_imported(database) -> None:  # type: ignore[no-untyped-def]
    event_id = new_event(database)
    plan, result = import_file(database, event_id, "bad_rows.xlsx")
    assert result.rejected == plan.preview.rejected_count == 10
    assert result.imported == 10
    reasons = dict(result.rejected_rows)
    assert "Nama kosong" in reasons[7] and "V/a" in reasons[8] and "NIP kosong" in reasons[20]
    # a second look at the same file now finds every valid NIP in the event
    with database.sessions() as session:
        again = drain(preview_import(session, event_id, IMPORT / "bad_rows.xlsx"))
    assert again.preview.rejected_count == 20 and not again.can_import
    assert any("sudah terdaftar sebagai peserta kegiatan ini" in r for v in again.preview.rows for r in v.errors)


@pytest.mark.parametrize("name", UNREADABLE)
def test_a_file_that_is_not_a_spreadsheet_gets_a_sentence(database, name: str) -> None:  # type: ignore[no-untyped-def]
    event_id = new_event(database)
    before = snapshot(database)
    with database.sessions() as session, pytest.raises(UserFacingError) as caught:
        drain(preview_import(session, event_id, IMPORT / name))
    text = str(caught.value)
    assert name in text or "kata sandi" in text or "kosong" in text, text
    assert "Traceback" not in text
    assert snapshot(database) == before


@pytest.mark.parametrize("name", NOTHING_TO_IMPORT + ["bad_rows_all_in_event"])
def test_a_refused_commit_leaves_the_database_exactly_as_it_was(database, name: str) -> None:  # type: ignore[no-untyped-def]
    event_id = new_event(database)
    if name == "bad_rows_all_in_event":
        import_file(database, event_id, "bad_rows.xlsx")
        name = "bad_rows.xlsx"  # now every row is rejected: its valid NIPs are in the event
    before = snapshot(database)
    with database.sessions.begin() as session:
        plan = drain(preview_import(session, event_id, IMPORT / name))
        assert not plan.can_import
        with pytest.raises(UserFacingError):
            drain(commit_import(session, plan))
    assert snapshot(database) == before


def test_a_preview_gone_stale_is_refused_whole(database) -> None:  # type: ignore[no-untyped-def]
    event_id = new_event(database)
    with database.sessions() as session:
        stale = drain(preview_import(session, event_id, IMPORT / "clean.xlsx"))
    import_file(database, event_id, "clean.csv")  # the same people, meanwhile, from another workstation
    before = snapshot(database)
    with pytest.raises(UserFacingError, match="pratinjau ulang"), database.sessions.begin() as session:
        drain(commit_import(session, stale))
    assert snapshot(database) == before


def test_cancel_in_the_middle_rolls_everything_back(database, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.db.engine import transaction

    monkeypatch.setattr(imp, "CHUNK", 2)
    event_id = new_event(database)
    before = snapshot(database)
    with database.sessions() as session:
        plan = drain(preview_import(session, event_id, IMPORT / "clean.xlsx"))
    with pytest.raises(GeneratorExit), transaction(database.sessions) as session:  # what Batal does
        work = commit_import(session, plan)
        for done, _total, _message in work:
            if done >= 4:
                work.close()
                raise GeneratorExit
    assert snapshot(database) == before


def test_a_known_person_is_linked_and_filled_not_duplicated(database) -> None:  # type: ignore[no-untyped-def]
    first = new_event(database, "UKOM-UJI-001")
    import_file(database, first, "clean.xlsx")
    with database.sessions.begin() as session:
        budi = session.scalar(select(Participant).where(Participant.nip == "198609262015051001"))
        budi.phone = ""
        budi.jabatan = "Jabatan lama"
    second = new_event(database, "UKOM-UJI-002")
    plan, result = import_file(database, second, "clean.ods")
    assert plan.known_people == 6 and result.linked == 6 and result.created == 0
    assert count(database, Participant) == 6 and count(database, EventParticipant) == 12
    with database.sessions() as session:
        budi = session.scalar(select(Participant).where(Participant.nip == "198609262015051001"))
        assert budi.phone == "081234567801" and budi.jabatan == "Analis Kepegawaian Ahli Pertama"
        assert budi.version > 1


def test_target_positions_are_matched_by_name(database) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.services.reference_data import create_position, ensure_reference_data

    event_id = new_event(database)
    with database.sessions() as session:
        plan = drain(preview_import(session, event_id, IMPORT / "bad_rows.xlsx"))
    assert plan.unknown_positions == {"Kepala Subbagian Umum": 10}
    with database.sessions.begin() as session:
        ensure_reference_data(session)
        position = create_position(session, "Kepala Subbagian Umum", "PENGAWAS")
        position_id = position.id
    _plan, result = import_file(database, event_id, "bad_rows.xlsx")
    with database.sessions() as session:
        targets = set(session.scalars(select(EventParticipant.target_position_id)))
    assert result.imported == 10 and targets == {position_id}


def test_the_preview_keeps_the_chosen_mode_for_rows_already_in_the_event(database) -> None:  # type: ignore[no-untyped-def]
    event_id = new_event(database)
    import_file(database, event_id, "clean.xlsx")
    with database.sessions() as session:
        plan = drain(preview_import(session, event_id, IMPORT / "clean.xlsx", known="perbarui"))
    assert plan.known_mode == "perbarui"
