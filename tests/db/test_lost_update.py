"""Issue 12 item 1: a save based on a stale read never overwrites a colleague's change.

For every editable kind: two workstations (two sessions on one database file, or one PostgreSQL server) read
the same row, the first saves, the second save is refused with the one conflict sentence. The scheduler's
bulk updates bump the participants' versions too, and a schedule whose inputs changed while it was solved
is not stored.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select

from ukom_desktop.db.engine import transaction
from ukom_desktop.db.models import EventParticipant, Participant, ScheduleSession
from ukom_desktop.errors import CONFLICT_SENTENCE, ConflictError, user_message


@pytest.fixture
def demo(database):  # type: ignore[no-untyped-def]
    from ukom_desktop.services.demo import build_demo

    with transaction(database.sessions) as session:
        summary = build_demo(session, participants=8, seed=3)
    return database, summary.event_id


# Each kind: read(session, event_id) -> what the editor holds; save(session, event_id, held, marker) -> None.


def _event_read(session, event_id):  # type: ignore[no-untyped-def]
    from ukom_desktop.services.events import event_data

    return event_data(session, event_id)


def _event_save(session, event_id, held, marker):  # type: ignore[no-untyped-def]
    from ukom_desktop.services.events import update_event

    update_event(session, event_id, dataclasses.replace(held, notes=f"catatan {marker}"))


def _agenda_read(session, event_id):  # type: ignore[no-untyped-def]
    from ukom_desktop.services.events import event_data, list_agenda

    return event_data(session, event_id), list_agenda(session, event_id)


def _agenda_save(session, event_id, held, marker):  # type: ignore[no-untyped-def]
    """Only the rundown changes (what the event editor saves together with the event's fields)."""
    from ukom_desktop.services.events import AgendaData, save_agenda, update_event

    data, items = held
    update_event(session, event_id, data)
    save_agenda(session, event_id, [*items, AgendaData(title=f"Acara tambahan {marker}")])


def _first_membership(session, event_id) -> int:  # type: ignore[no-untyped-def]
    return session.scalar(select(EventParticipant.id).where(EventParticipant.event_id == event_id)
                          .order_by(EventParticipant.id))


def _participant_read(session, event_id):  # type: ignore[no-untyped-def]
    from ukom_desktop.services.participants import participant_form

    ep_id = _first_membership(session, event_id)
    return ep_id, participant_form(session, ep_id)


def _participant_name_save(session, event_id, held, marker):  # type: ignore[no-untyped-def]
    from ukom_desktop.services.participants import save_participant

    ep_id, form = held
    save_participant(session, event_id, dataclasses.replace(form, name=f"Nama {marker}"), ep_id)


def _participant_phone_save(session, event_id, held, marker):  # type: ignore[no-untyped-def]
    from ukom_desktop.services.participants import save_participant

    ep_id, form = held
    phone = "081234567801" if marker == "A" else "081234567802"
    save_participant(session, event_id, dataclasses.replace(form, phone=phone), ep_id)


def _room_read(session, event_id):  # type: ignore[no-untyped-def]
    from ukom_desktop.services.rooms import list_room_infos

    return list_room_infos(session)[0]


def _room_save(session, event_id, held, marker):  # type: ignore[no-untyped-def]
    from ukom_desktop.services.rooms import RoomData, update_room

    update_room(session, held.id, RoomData(name=held.name, kind=held.kind, capacity=held.capacity,
                                           location=f"Lantai {marker}"), held.version)


def _member_read(session, event_id):  # type: ignore[no-untyped-def]
    from ukom_desktop.services.team import list_members

    return list_members(session)[0]


def _member_save(session, event_id, held, marker):  # type: ignore[no-untyped-def]
    from ukom_desktop.services.team import update_member

    update_member(session, held.id, dataclasses.replace(held.data(), agency=f"Instansi {marker}"), held.version)


def _availability_read(session, event_id):  # type: ignore[no-untyped-def]
    from ukom_desktop.services.team import get_availability, get_member, list_members

    member = get_member(session, list_members(session)[0].id)
    return member, get_availability(session, member.id)


def _availability_save(session, event_id, held, marker):  # type: ignore[no-untyped-def]
    from datetime import date

    from ukom_desktop.services.team import AvailabilityEntry, set_availability

    member, entries = held
    day = date(2026, 12, 1) if marker == "A" else date(2026, 12, 2) if marker == "B" else date(2026, 12, 3)
    set_availability(session, member.id, [*entries, AvailabilityEntry(day, "sehari", False, f"cuti {marker}")],
                     expected_version=member.version)


def _competency_read(session, event_id):  # type: ignore[no-untyped-def]
    from ukom_desktop.services.competency_dictionary import list_competencies

    return list_competencies(session)[0]


def _competency_save(session, event_id, held, marker):  # type: ignore[no-untyped-def]
    from ukom_desktop.services.competency_dictionary import save_competency

    save_competency(session, dataclasses.replace(held, definition=f"Definisi {marker}"))


def _standard_read(session, event_id):  # type: ignore[no-untyped-def]
    from ukom_desktop.services.positions import list_positions, position_standard

    info = list_positions(session)[0]
    return info, position_standard(session, info.id).rows[0].competency.id


def _standard_save(session, event_id, held, marker):  # type: ignore[no-untyped-def]
    from ukom_desktop.services.positions import save_position_standard

    info, competency_id = held
    save_position_standard(session, info.id, {competency_id: 2 if marker == "A" else 3},
                           expected_version=info.version)


def _exercise_read(session, event_id):  # type: ignore[no-untyped-def]
    from ukom_desktop.services.exercise_matrix import list_exercises

    return list_exercises(session)[0]


def _exercise_save(session, event_id, held, marker):  # type: ignore[no-untyped-def]
    from ukom_desktop.services.exercise_matrix import save_exercise

    save_exercise(session, dataclasses.replace(held, description=f"Uraian {marker}"))


def _profile_read(session, event_id):  # type: ignore[no-untyped-def]
    from ukom_desktop.services.institution import get_profile

    return get_profile(session)


def _profile_save(session, event_id, held, marker):  # type: ignore[no-untyped-def]
    from ukom_desktop.services.institution import save_profile

    save_profile(session, dataclasses.replace(held, address=f"Jalan {marker} No. 1"))


def _signatory_read(session, event_id):  # type: ignore[no-untyped-def]
    from ukom_desktop.services.institution import list_signatories

    return list_signatories(session)[0]


def _signatory_save(session, event_id, held, marker):  # type: ignore[no-untyped-def]
    from ukom_desktop.services.institution import save_signatory

    save_signatory(session, dataclasses.replace(held, jabatan=f"Kepala Bagian {marker}"))


KINDS: dict[str, tuple[Callable[..., Any], Callable[..., Any]]] = {
    "kegiatan": (_event_read, _event_save),
    "susunan_acara": (_agenda_read, _agenda_save),
    "nama_peserta": (_participant_read, _participant_name_save),
    "telepon_peserta": (_participant_read, _participant_phone_save),
    "ruang": (_room_read, _room_save),
    "anggota_tim": (_member_read, _member_save),
    "ketersediaan_asesor": (_availability_read, _availability_save),
    "kompetensi": (_competency_read, _competency_save),
    "standar_jabatan": (_standard_read, _standard_save),
    "alat_ukur": (_exercise_read, _exercise_save),
    "profil_instansi": (_profile_read, _profile_save),
    "penandatangan": (_signatory_read, _signatory_save),
}


@pytest.mark.postgres
@pytest.mark.parametrize("kind", list(KINDS))
def test_second_save_of_a_stale_read_is_refused_with_the_conflict_sentence(demo, kind: str) -> None:  # type: ignore[no-untyped-def]
    database, event_id = demo
    read, save = KINDS[kind]
    with transaction(database.sessions) as first:
        held_a = read(first, event_id)
    with transaction(database.sessions) as second:
        held_b = read(second, event_id)
    with transaction(database.sessions) as first:
        save(first, event_id, held_a, "A")
    with pytest.raises(ConflictError) as refused, transaction(database.sessions) as second:
        save(second, event_id, held_b, "B")
    assert CONFLICT_SENTENCE in str(refused.value)
    assert user_message(refused.value) == str(refused.value)
    # The colleague's change is still there, and a fresh read saves fine.
    with transaction(database.sessions) as again:
        save(again, event_id, read(again, event_id), "C")


@pytest.mark.postgres
def test_a_stale_participant_name_never_overwrites_a_colleagues_change(demo) -> None:  # type: ignore[no-untyped-def]
    database, event_id = demo
    with transaction(database.sessions) as session:
        held_a = _participant_read(session, event_id)
        held_b = _participant_read(session, event_id)
    with transaction(database.sessions) as session:
        _participant_name_save(session, event_id, held_a, "A")
    with pytest.raises(ConflictError), transaction(database.sessions) as session:
        _participant_name_save(session, event_id, held_b, "B")
    with transaction(database.sessions) as session:
        ep = session.get(EventParticipant, held_a[0])
        assert session.get(Participant, ep.participant_id).name == "Nama A"


def _schedule_until_saving(database, event_id):  # type: ignore[no-untyped-def]
    from ukom_desktop.services.scheduling import schedule_event

    steps = schedule_event(database.sessions, event_id, time_limit_s=3.0)
    for _done, _total, message in steps:
        if message == "Menyimpan jadwal":
            return steps
    raise AssertionError("the scheduler never reached saving")


def _finish(steps):  # type: ignore[no-untyped-def]
    try:
        next(steps)
    except StopIteration as stop:
        return stop.value
    raise AssertionError("the scheduler yielded after saving")


def test_the_scheduler_refuses_to_save_when_its_inputs_changed_while_it_solved(sqlite_database) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.services.demo import build_demo

    with transaction(sqlite_database.sessions) as session:
        event_id = build_demo(session, participants=12, seed=5).event_id
    steps = _schedule_until_saving(sqlite_database, event_id)
    with transaction(sqlite_database.sessions) as colleague:  # a colleague moves someone to another unit
        ep = colleague.get(EventParticipant, _first_membership(colleague, event_id))
        ep.participant.unit = "Unit Pindahan Baru"
    with pytest.raises(ConflictError) as refused:
        _finish(steps)
    assert CONFLICT_SENTENCE in str(refused.value)
    with transaction(sqlite_database.sessions) as session:
        assert session.scalar(select(ScheduleSession.id).where(ScheduleSession.event_id == event_id)) is None
    # Solved again on the current data, it is stored.
    outcome = _finish(_schedule_until_saving(sqlite_database, event_id))
    assert outcome.sessions_stored > 0


def test_storing_a_schedule_bumps_the_participants_versions(sqlite_database) -> None:  # type: ignore[no-untyped-def]
    """The lead assessor (and group) the scheduler writes with a bulk UPDATE is a change an open editor must
    not overwrite."""
    from ukom_desktop.services.demo import build_demo

    with transaction(sqlite_database.sessions) as session:
        event_id = build_demo(session, participants=12, seed=5).event_id
        held = _participant_read(session, event_id)
    outcome = _finish(_schedule_until_saving(sqlite_database, event_id))
    assert outcome.sessions_stored > 0
    with pytest.raises(ConflictError), transaction(sqlite_database.sessions) as session:
        _participant_phone_save(session, event_id, held, "B")


@pytest.mark.postgres
def test_two_integration_meetings_saving_one_result_the_second_is_refused(database) -> None:  # type: ignore[no-untyped-def]
    from ratings_support import fill_form, members, small_event

    from ukom_desktop.services import integration, ratings

    with transaction(database.sessions) as session:
        event_id = small_event(session)
        team = ratings.team_assessors(session, event_id)
        ep_id = members(session, event_id)[0].id
        fill_form(session, ep_id, team[0].id, default=2)
    with database.sessions() as session:
        sheet_a = integration.integration_sheet(session, ep_id)
        sheet_b = integration.integration_sheet(session, ep_id)

    def finals(sheet, level):  # type: ignore[no-untyped-def]
        return {row.competency_id: (level, "" if level == row.summary.suggested_level else "kesepakatan rapat")
                for row in sheet.rows}

    with transaction(database.sessions) as session:
        integration.save_integration(session, ep_id, finals(sheet_a, 2), expected_version=sheet_a.result_version)
    with pytest.raises(ConflictError), transaction(database.sessions) as session:
        integration.save_integration(session, ep_id, finals(sheet_b, 3), expected_version=sheet_b.result_version)


def test_two_assessors_editing_one_report_narrative_the_second_save_is_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from rated_demo import rated_demo_copy

    from ukom_desktop.db.database import open_database
    from ukom_desktop.db.models import IndividualReport
    from ukom_desktop.services.report_content import save_sections

    db = open_database(f"sqlite:///{rated_demo_copy(tmp_path)}")
    try:
        with db.sessions() as session:
            report = session.scalars(select(IndividualReport).order_by(IndividualReport.id)).first()
            ep_id, read_a, read_b = report.event_participant_id, report.version, report.version
            key = next(iter(report.sections))
        with transaction(db.sessions) as session:
            save_sections(session, ep_id, {key: "Uraian dari asesor A."}, expected_version=read_a)
        with pytest.raises(ConflictError), transaction(db.sessions) as session:
            save_sections(session, ep_id, {key: "Uraian dari asesor B."}, expected_version=read_b)
        with db.sessions() as session:
            assert session.get(IndividualReport, report.id).sections[key] == "Uraian dari asesor A."
    finally:
        db.dispose()
