"""The SOP steps of each stage of an event and their standard time (mutu baku)."""

from __future__ import annotations

from ukom_desktop.db.models import EventStatus
from ukom_desktop.domain import sop_steps
from ukom_desktop.domain.labels import EVENT_STATUS


def test_the_status_path_is_the_event_status_vocabulary_in_sop_order() -> None:
    assert list(sop_steps.STATUS_PATH) == [s.value for s in EventStatus]
    assert sop_steps.STATUS_PATH[0] == "usulan" and sop_steps.STATUS_PATH[-1] == "selesai"
    assert set(sop_steps.STATUS_PATH) == set(EVENT_STATUS)
    assert sop_steps.next_status("usulan") == "verifikasi"
    assert sop_steps.next_status("selesai") is None
    assert sop_steps.previous_status("usulan") is None
    assert sop_steps.previous_status("qc") == "penulisan_laporan"


def test_preparation_holds_sop_000_steps_1_to_9_with_their_minutes() -> None:
    steps = [s for s in sop_steps.steps_of_stage("persiapan") if s.sop == "000"]
    assert [s.number for s in steps] == list(range(1, 10))
    minutes = {s.number: s.time.amount if s.time else None for s in steps}
    assert minutes == {1: 60, 2: 30, 3: 30, 4: None, 5: 10, 6: 60, 7: 60, 8: 120, 9: 30}
    assert sop_steps.stage_working_minutes("persiapan", "000") == 400
    phones = sop_steps.STEPS_BY_CODE["000.2"]
    assert "nomor HP" in phones.title and phones.check == "phones" and phones.source == "SOP 000 langkah 2"


def test_sop_002_gives_the_stages_in_days_and_weeks() -> None:
    assert sop_steps.STEPS_BY_CODE["002.2"].stage == "verifikasi"
    assert sop_steps.STEPS_BY_CODE["002.2"].time.label == "2 hari"
    assert sop_steps.STEPS_BY_CODE["002.9"].time.label == "2 minggu"
    assert sop_steps.stage_calendar_days("penulisan_laporan") == 14
    assert sop_steps.stage_calendar_days("integrasi") == 7
    # persiapan: SOP 002 gives 3 days, SOP 004 gives 1 + 1 day; they run side by side
    assert sop_steps.stage_calendar_days("persiapan") == 3
    # SOP 004 step 8 (1 month) is the slowest data processing
    assert sop_steps.stage_calendar_days("pengolahan_data") == 30


def test_every_step_has_a_known_stage_and_a_unique_code() -> None:
    codes = [s.code for s in sop_steps.SOP_STEPS]
    assert len(codes) == len(set(codes))
    assert all(s.stage in sop_steps.STATUS_PATH for s in sop_steps.SOP_STEPS)
    assert {s.sop for s in sop_steps.SOP_STEPS} == {"000", "002", "004"}
    assert sop_steps.StandardTime(1, "minggu").working_minutes == 5 * 8 * 60
