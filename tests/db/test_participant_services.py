"""Participants of an event: bulk actions, groups, the employee directory round trip, Excel exports."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from ukom_desktop.db.models import DirectoryEntry, EventParticipant, Participant, ParticipantGroup
from ukom_desktop.errors import UserFacingError
from ukom_desktop.services import directory, grouping, participants
from ukom_desktop.services.participant_exports import export_participants
from ukom_desktop.services.participant_import import drain

IMPORT = Path(__file__).resolve().parents[1] / "fixtures" / "import"


def rows_of(db, event_id):  # type: ignore[no-untyped-def]
    with db.sessions() as session:
        return participants.list_participant_rows(session, event_id)


def test_bulk_actions_change_only_the_selection(demo_database) -> None:  # type: ignore[no-untyped-def]
    event_id = demo_database.demo.event_id
    ids = [r.id for r in rows_of(demo_database, event_id)]
    with demo_database.sessions.begin() as session:
        assert participants.set_invitation(session, ids[:10], "dikirim") == 10
        participants.set_attendance(session, ids[:5], "hadir")
        participants.set_attendance(session, ids[5:7], "tidak_hadir", "Dinas luar kota")
        participants.set_completeness(session, ids[:3], cv=True, tracing=False)
        participants.set_question_set(session, ids[:2], "B")
        participants.move_to(session, ids[:4], 2, 1)
        with pytest.raises(UserFacingError, match="Alasan"):
            participants.set_attendance(session, ids[8:9], "tidak_hadir", " ")
    rows = rows_of(demo_database, event_id)
    assert Counter(r.invitation for r in rows) == {"dikirim": 10, "belum": 20}
    assert Counter(r.attendance for r in rows) == {"hadir": 5, "tidak_hadir": 2, "belum": 23}
    assert rows[5].attendance_reason == "Dinas luar kota" and rows[4].attendance_reason == ""
    assert [r.question_set for r in rows[:3]] == ["B", "B", ""]
    assert [(r.wave, r.group) for r in rows[:5]] == [(2, 1)] * 4 + [(1, None)]


def test_a_participant_is_added_and_edited(demo_database) -> None:  # type: ignore[no-untyped-def]
    event_id = demo_database.demo.event_id
    form = participants.ParticipantForm(nip="19860926 201505 1 001", name="Budi Santoso", golongan="Penata Muda Tk. I",
                                        phone="+62 812-3456-7890", attendance="tidak_hadir", attendance_reason="Sakit")
    with demo_database.sessions.begin() as session:
        ep_id = participants.save_participant(session, event_id, form)
        with pytest.raises(UserFacingError, match="sudah terdaftar"):
            participants.save_participant(session, event_id, form)
    with demo_database.sessions.begin() as session:
        saved = participants.participant_form(session, ep_id)
        assert (saved.number, saved.golongan, saved.phone, saved.sex) == (31, "III/b", "081234567890", "L")
        saved.name = "Budi Santoso, S.Kom."
        participants.save_participant(session, event_id, saved, ep_id)
    with pytest.raises(UserFacingError, match="NIP tidak sah"), demo_database.sessions.begin() as session:
        participants.save_participant(session, event_id, participants.ParticipantForm(nip="123", name="X"))
    assert rows_of(demo_database, event_id)[-1].name == "Budi Santoso, S.Kom."


def test_participants_with_ratings_cannot_be_removed(demo_database) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.db.models import IndividualReport

    event_id = demo_database.demo.event_id
    ids = [r.id for r in rows_of(demo_database, event_id)]
    with demo_database.sessions.begin() as session:
        session.add(IndividualReport(event_participant_id=ids[0]))
    with pytest.raises(UserFacingError, match="sudah memiliki penilaian"), demo_database.sessions.begin() as session:
        participants.remove_from_event(session, ids[:3])
    with demo_database.sessions.begin() as session:
        assert participants.remove_from_event(session, ids[1:3]) == 2
    assert len(rows_of(demo_database, event_id)) == 28


def test_groups_are_built_balanced_and_absent_people_left_out(demo_database) -> None:  # type: ignore[no-untyped-def]
    event_id = demo_database.demo.event_id
    ids = [r.id for r in rows_of(demo_database, event_id)]
    with demo_database.sessions.begin() as session:
        participants.set_attendance(session, ids[:2], "tidak_hadir", "Cuti")
        summary = grouping.build_groups(session, event_id, grouping.GroupingOptions(question_sets=3))
    assert summary.participants == 28 and summary.left_out == 2 and len(summary.waves) == 1
    assert all(4 <= size <= 8 for size in summary.waves[0].group_sizes)
    rows = rows_of(demo_database, event_id)
    assert rows[0].group is None and rows[0].question_set == ""
    placed = [r for r in rows if r.group is not None]
    assert len(placed) == 28 and {r.question_set for r in placed} <= {"A", "B", "C"}
    by_group = {r.group: r.question_set for r in placed}
    assert all(by_group[g] != by_group[g + 1] for g in by_group if g + 1 in by_group)
    with demo_database.sessions() as session:
        assert session.scalar(select(ParticipantGroup.name).where(ParticipantGroup.number == 1)) == "Kelompok A"


def test_regrouping_is_refused_once_a_schedule_exists(demo_database) -> None:  # type: ignore[no-untyped-def]
    from datetime import datetime

    from ukom_desktop.db.models import Exercise, ScheduleSession

    event_id = demo_database.demo.event_id
    with demo_database.sessions.begin() as session:
        exercise = session.scalars(select(Exercise)).first()
        session.add(ScheduleSession(event_id=event_id, exercise_id=exercise.id, starts_at=datetime(2026, 12, 1, 8),
                                    ends_at=datetime(2026, 12, 1, 9)))
    with pytest.raises(UserFacingError, match="sudah memiliki jadwal"), demo_database.sessions.begin() as session:
        grouping.build_groups(session, event_id)
    with demo_database.sessions.begin() as session:
        assert grouping.build_groups(session, event_id, force=True).schedule_cleared


def test_directory_round_trip_for_missing_phones(demo_database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    event_id = demo_database.demo.event_id
    with demo_database.sessions() as session:
        people = session.scalars(select(Participant).join(EventParticipant)
                                 .where(EventParticipant.event_id == event_id)).all()
        missing = [p for p in people if not p.phone]
    assert len(missing) >= 3
    # the staff export knows the first missing person's phone
    from openpyxl import Workbook

    staff = Workbook()
    staff.active.append(["NIP", "Nama", "No. HP", "Email"])
    staff.active.append([missing[0].nip, missing[0].name, "0812 1111 2222", "satu@pu.go.id"])
    staff.active.append(["123", "Bukan NIP", "0812", ""])
    staff.save(tmp_path / "pegawai.xlsx")
    with demo_database.sessions.begin() as session:
        loaded = drain(directory.import_directory(session, tmp_path / "pegawai.xlsx"))
        assert (loaded.added, loaded.rejected) == (1, 1)
        filled = directory.fill_contacts(session, event_id)
    assert filled.phones_filled == 1 and filled.still_without_phone == len(missing) - 1

    out = tmp_path / "tanpa-hp.xlsx"
    with demo_database.sessions() as session:
        written = directory.export_missing_phones(session, event_id, out)
    assert written == len(missing) - 1
    book = load_workbook(out)
    sheet = book.active
    assert sheet["A1"].value == directory.MISSING_PHONES_TITLE and sheet.freeze_panes is not None
    header_row = next(r for r in range(1, 8) if sheet.cell(r, 2).value == "NIP")
    # the unit's personnel office fills in the phone column and sends it back
    for row in range(header_row + 1, header_row + 1 + written):
        sheet.cell(row, 7).value = f"0813{row:08d}"
    book.save(out)
    with demo_database.sessions.begin() as session:
        back = directory.import_contact_list(session, event_id, out)
    assert back.phones_updated == written and back.still_without_phone == 0
    with demo_database.sessions() as session:
        assert session.scalar(select(DirectoryEntry).where(DirectoryEntry.nip == missing[1].nip)).phone.startswith("0813")


@pytest.mark.parametrize(("kind", "sheets", "title"), [
    ("daftar", ["Daftar Peserta"], "DAFTAR PESERTA"),
    ("kehadiran", ["Kehadiran", "Per Unit Kerja"], "REKAPITULASI KEHADIRAN PESERTA"),
    ("kelengkapan", ["Kelengkapan"], "REKAPITULASI KELENGKAPAN PESERTA"),
    ("kelompok", ["Gelombang 1"], "PEMBAGIAN KELOMPOK - GELOMBANG 1"),
])
def test_exports_read_back(demo_database, tmp_path: Path, kind: str, sheets: list[str], title: str) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.domain.nip import format_nip

    event_id = demo_database.demo.event_id
    rows = rows_of(demo_database, event_id)
    with demo_database.sessions.begin() as session:
        participants.set_attendance(session, [rows[0].id], "tidak_hadir", "Sakit")
        grouping.build_groups(session, event_id)
        target = export_participants(session, event_id, tmp_path / f"{kind}.xlsx", kind)
    book = load_workbook(target)
    assert book.sheetnames == sheets
    sheet = book[sheets[0]]
    assert sheet["A1"].value == title and sheet.freeze_panes and sheet.auto_filter.ref
    values = [[c for c in row] for row in sheet.iter_rows(values_only=True)]
    nips = {v for row in values for v in row if isinstance(v, str) and v.count(" ") == 3 and v[:8].isdigit()}
    expected = {format_nip(r.nip) for r in rows}
    if kind == "kelompok":
        expected = {format_nip(r.nip) for r in rows[1:]}  # the absent one is in no wave
    assert nips == expected
    if kind == "kehadiran":
        assert any(row[7] == "Sakit" for row in values if len(row) > 7)
        assert "Tidak hadir: 1 orang" in [row[0] for row in values]


def test_everything_in_one_workbook(demo_database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with demo_database.sessions() as session:
        target = export_participants(session, demo_database.demo.event_id, tmp_path / "semua.xlsx", "semua")
        with pytest.raises(UserFacingError):
            export_participants(session, demo_database.demo.event_id, tmp_path / "x.xlsx", "lain")
    assert load_workbook(target).sheetnames[:3] == ["Daftar Peserta", "Kehadiran", "Per Unit Kerja"]
