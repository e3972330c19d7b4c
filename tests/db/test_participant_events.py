"""Events: create and edit, the SOP status path, the checklist of what is missing, the rundown."""

from __future__ import annotations

from datetime import date, time

import pytest
from sqlalchemy import select

from ukom_desktop.db.models import AuditEntry, Event, EventParticipant, Participant
from ukom_desktop.errors import UserFacingError
from ukom_desktop.services import events
from ukom_desktop.services.events import AgendaData, EventData


def test_an_event_is_created_with_a_code_and_edited(database) -> None:  # type: ignore[no-untyped-def]
    data = EventData(name="Penilaian Kompetensi Pengawas", requesting_agency="Pemerintah Kota Tangerang",
                     request_letter_number="800/123-BKPSDM", request_letter_date=date(2026, 10, 1),
                     purpose="pengisian", start_date=date(2026, 12, 1), end_date=date(2026, 12, 2), venue="Aula")
    with database.sessions.begin() as session:
        event_id = events.create_event(session, data)
        second = events.create_event(session, EventData(name="Lain", start_date=date(2026, 5, 1)))
    with database.sessions.begin() as session:
        saved = events.event_data(session, event_id)
        assert saved.code == "UKOM-2026-001" and saved.status == "usulan" and saved.purpose == "pengisian"
        assert events.event_data(session, second).code == "UKOM-2026-002"
        saved.venue = "Gedung B"
        events.update_event(session, event_id, saved)
    with database.sessions() as session:
        assert session.get(Event, event_id).venue == "Gedung B"
        assert session.scalar(select(AuditEntry).where(AuditEntry.action == "buat")) is not None


@pytest.mark.parametrize(("change", "message"), [
    ({"name": " "}, "Nama kegiatan wajib diisi"),
    ({"start_date": date(2026, 12, 2), "end_date": date(2026, 12, 1)}, "sebelum tanggal mulai"),
    ({"wave_size": 0}, "Ukuran gelombang"),
    ({"code": "UKOM-2026-001"}, "sudah dipakai"),
])
def test_bad_input_is_refused_with_a_sentence(sqlite_database, change: dict, message: str) -> None:  # type: ignore[no-untyped-def]
    with sqlite_database.sessions.begin() as session:
        events.create_event(session, EventData(name="Ada", code="UKOM-2026-001"))
    fields = {"name": "Baru", **change}
    with pytest.raises(UserFacingError, match=message), sqlite_database.sessions.begin() as session:
        events.create_event(session, EventData(**fields))


def test_a_stale_edit_is_refused(sqlite_database) -> None:  # type: ignore[no-untyped-def]
    with sqlite_database.sessions.begin() as session:
        event_id = events.create_event(session, EventData(name="A"))
        mine = events.event_data(session, event_id)
    with sqlite_database.sessions.begin() as session:
        other = events.event_data(session, event_id)
        other.venue = "Ruang 1"
        events.update_event(session, event_id, other)
    with pytest.raises(UserFacingError, match="pengguna lain"), sqlite_database.sessions.begin() as session:
        events.update_event(session, event_id, mine)


def test_status_moves_one_stage_at_a_time_or_back(sqlite_database) -> None:  # type: ignore[no-untyped-def]
    with sqlite_database.sessions.begin() as session:
        event_id = events.create_event(session, EventData(name="A"))
        assert events.advance_status(session, event_id).new == "verifikasi"
        with pytest.raises(UserFacingError, match="Terjadwal"):
            events.set_status(session, event_id, "persiapan")
        jump = events.set_status(session, event_id, "persiapan", allow_skip=True)
        assert jump.skipped == ("terjadwal",)
        assert events.set_status(session, event_id, "usulan").new == "usulan"  # a correction
        changes = session.scalars(select(AuditEntry).where(AuditEntry.action == "ubah_status")).all()
        assert [c.new_value["status"] for c in changes] == ["verifikasi", "persiapan", "usulan"]
        events.set_status(session, event_id, "selesai", allow_skip=True)
        with pytest.raises(UserFacingError, match="sudah selesai"):
            events.advance_status(session, event_id)


def test_checklist_says_what_is_still_missing(demo_database) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.services.participants import set_attendance

    event_id = demo_database.demo.event_id
    with demo_database.sessions.begin() as session:
        people = session.scalars(
            select(Participant).join(EventParticipant).where(EventParticipant.event_id == event_id)
            .order_by(EventParticipant.number)
        ).all()
        for n, person in enumerate(people):
            person.phone = "" if n < 4 else "081234567890"
        ids = session.scalars(select(EventParticipant.id).where(EventParticipant.event_id == event_id)
                              .order_by(EventParticipant.number)).all()
        set_attendance(session, ids[:23], "hadir")
        result = events.checklist(session, event_id)
    assert result.status == "persiapan"
    by_code = {item.code: item for item in result.items}
    assert by_code["000.2"].missing == ("4 peserta tanpa nomor HP",) and not by_code["000.2"].done
    assert "7 belum konfirmasi" in by_code["000.5"].missing
    assert by_code["000.2"].standard_time == "30 menit"
    assert "4 peserta tanpa nomor HP, " in result.missing_summary
    assert by_code["000.4"].done  # profile and participants are in


def test_a_step_without_a_check_is_ticked_by_hand(sqlite_database) -> None:  # type: ignore[no-untyped-def]
    with sqlite_database.sessions.begin() as session:
        event_id = events.create_event(session, EventData(name="A"))
        events.set_status(session, event_id, "terjadwal", allow_skip=True)
        before = {i.code: i for i in events.checklist(session, event_id).items}
        assert not before["002.4"].done and not before["002.4"].automatic
        events.tick_step(session, event_id, "002.4")
        after = {i.code: i for i in events.checklist(session, event_id).items}
        assert after["002.4"].done and after["002.4"].ticked
        with pytest.raises(UserFacingError):
            events.tick_step(session, event_id, "999.9")


def test_the_rundown_is_saved_in_order(sqlite_database) -> None:  # type: ignore[no-untyped-def]
    items = [AgendaData("Registrasi", date(2026, 12, 1), time(7, 30), time(8, 0), "Panitia", "Lobi"),
             AgendaData("Pembukaan", date(2026, 12, 1), time(8, 0), time(8, 30), "Kepala Balai", "Aula")]
    with sqlite_database.sessions.begin() as session:
        event_id = events.create_event(session, EventData(name="A", start_date=date(2026, 12, 1),
                                                          end_date=date(2026, 12, 2)))
        assert events.save_agenda(session, event_id, items) == 2
        assert [i.title for i in events.list_agenda(session, event_id)] == ["Registrasi", "Pembukaan"]
        with pytest.raises(UserFacingError, match="di luar tanggal kegiatan"):
            events.save_agenda(session, event_id, [AgendaData("Salah", date(2027, 1, 1))])
    with sqlite_database.sessions() as session:
        assert len(events.list_agenda(session, event_id)) == 2
