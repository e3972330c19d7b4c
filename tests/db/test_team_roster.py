"""The team roster, availability, event teams, rooms, and the roster's Excel import and export."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from ukom_desktop.errors import UserFacingError
from ukom_desktop.services.event_documents import team_members
from ukom_desktop.services.rooms import RoomData, create_room, list_room_infos, set_room_active, update_room
from ukom_desktop.services.team import (
    AvailabilityEntry,
    MemberData,
    TeamAssignment,
    assign_team,
    create_member,
    event_team,
    get_member,
    list_members,
    remove_from_team,
    set_active,
    set_availability,
    update_member,
)
from ukom_desktop.services.team_import import apply_team_import, export_team, preview_team_import

NIP = "198609262015051001"


def test_member_is_validated_saved_and_found(database) -> None:  # type: ignore[no-untyped-def]
    with database.sessions.begin() as session:
        with pytest.raises(UserFacingError) as bad:
            create_member(session, MemberData(name=" ", nip="123", golongan="X/z", role="juri"))
        text = str(bad.value)
        assert "Nama wajib diisi" in text and "NIP tidak sah" in text and "Golongan" in text and "Peran" in text
        member_id = create_member(session, MemberData(
            name="Dr.  Ratna Dewi, M.Psi.", nip="19860926 201505 1 001", golongan="iii/C", role="Penilai Teknis",
            unit="Pusat Penilaian Kompetensi", max_participants_per_wave=4,
        ))
    with database.sessions() as session:
        row = get_member(session, member_id)
        assert (row.name, row.nip, row.golongan, row.role) == ("Dr. Ratna Dewi, M.Psi.", NIP, "III/c", "penilai_teknis")
        assert [r.id for r in list_members(session, search="ratna pusat")] == [member_id]
        assert list_members(session, role="asesor") == []
    with database.sessions.begin() as session, pytest.raises(UserFacingError, match="sudah terdaftar atas nama"):
        create_member(session, MemberData(name="Orang Lain", nip=NIP))


def test_stale_edit_is_refused_and_deactivated_members_are_not_scheduled(database) -> None:  # type: ignore[no-untyped-def]
    with database.sessions.begin() as session:
        member_id = create_member(session, MemberData(name="Budi Hartono", unit="Biro Hukum"))
    with database.sessions() as session:
        seen = get_member(session, member_id)
    with database.sessions.begin() as session:
        update_member(session, member_id, MemberData(name="Budi Hartono, S.H.", unit="Biro Hukum"), seen.version)
    with database.sessions.begin() as session, pytest.raises(UserFacingError, match="baru saja diubah"):
        update_member(session, member_id, MemberData(name="Budi H."), seen.version)
    with database.sessions.begin() as session:
        assert set_active(session, [member_id], False) == 1
    with database.sessions() as session:
        assert list_members(session, include_inactive=False) == []
        assert get_member(session, member_id).name == "Budi Hartono, S.H."


def test_availability_reaches_the_scheduling_problem(demo_database) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.db.models import Wave
    from ukom_desktop.services.schedule_problem import build_event_problem

    event_id = demo_database.demo.event_id
    with demo_database.sessions() as session:
        wave = session.query(Wave).filter_by(event_id=event_id).one()
        first, second = wave.start_date, wave.end_date
        team = event_team(session, event_id)
    member = next(r for r in team if r.role == "asesor")
    with demo_database.sessions.begin() as session:
        with pytest.raises(UserFacingError, match="lebih dari sekali"):
            set_availability(session, member.member_id, [AvailabilityEntry(first), AvailabilityEntry(first)])
        set_availability(session, member.member_id, [
            AvailabilityEntry(first, "sehari", note="dinas luar"),
            AvailabilityEntry(first, "siang", available=True),
            AvailabilityEntry(second, "pagi"),
        ])
    with demo_database.sessions() as session:
        event = build_event_problem(session, event_id)
        row = get_member(session, member.member_id)
    assert row.unavailable_days == 2
    assessor = next(a for a in event.problem.assessors if event.assessors[a.id].db_id == member.member_id)
    assert not assessor.is_available(first, "pagi") and assessor.is_available(first, "siang")
    assert not assessor.is_available(second, "pagi") and assessor.is_available(second, "siang")


def test_event_team_and_the_assignment_letter_list(demo_database) -> None:  # type: ignore[no-untyped-def]
    event_id = demo_database.demo.event_id
    with demo_database.sessions.begin() as session:
        extra = create_member(session, MemberData(name="Sari Wulandari, M.Psi.", nip=NIP, golongan="IV/a",
                                                  jabatan="Asesor SDM Aparatur Ahli Madya", unit="Biro Umum"))
        change = assign_team(session, event_id, [TeamAssignment(extra, "asesor", is_leader=True)])
    assert change.added == 1
    with demo_database.sessions() as session:
        team = event_team(session, event_id)
        letter = team_members(session, event_id)  # what the surat tugas prints
    assert team[0].member_id == extra and team[0].role_label == "Ketua Tim / Asesor"
    assert sum(1 for r in team if r.is_leader) == 1
    assert letter[0].person.name == "Sari Wulandari, M.Psi." and letter[0].person.golongan == "IV/a"
    assert letter[0].role == "Ketua Tim Asesor"
    assert {"Asesor", "Petugas administrasi", "Petugas tes", "Pendukung"} <= {m.role for m in letter[1:]}
    with demo_database.sessions.begin() as session:
        assert remove_from_team(session, event_id, [extra]) == 1
    with demo_database.sessions() as session:
        assert extra not in {r.member_id for r in event_team(session, event_id)}


def test_a_scheduled_assessor_cannot_leave_the_team(tmp_path: Path) -> None:
    from scheduled_demo import scheduled_demo_copy

    from ukom_desktop.db.database import open_database
    from ukom_desktop.services.schedule_problem import load_stored_schedule

    db = open_database(f"sqlite:///{scheduled_demo_copy(tmp_path)}")
    try:
        with db.sessions() as session:
            stored = load_stored_schedule(session, 1)
        busy = stored.event.assessors[stored.schedule.sessions[-1].assessor_ids[0]].db_id
        with db.sessions.begin() as session, pytest.raises(UserFacingError, match="masih bertugas"):
            remove_from_team(session, 1, [busy])
    finally:
        db.dispose()


def test_rooms(database) -> None:  # type: ignore[no-untyped-def]
    with database.sessions.begin() as session:
        with pytest.raises(UserFacingError, match="Kapasitas"):
            create_room(session, RoomData("Ruang A", "ruang_kelompok", 0))
        room_id = create_room(session, RoomData(" Ruang  Diskusi A ", "ruang_kelompok", 8, "Lantai 2"))
        with pytest.raises(UserFacingError, match="sudah ada"):
            create_room(session, RoomData("Ruang Diskusi A", "aula", 40))
    with database.sessions() as session:
        info = next(r for r in list_room_infos(session) if r.id == room_id)
    assert (info.name, info.kind_label, info.capacity) == ("Ruang Diskusi A", "Ruang Kelompok", 8)
    with database.sessions.begin() as session:
        update_room(session, room_id, RoomData("Ruang Diskusi A", "ruang_kelompok", 10), info.version)
        set_room_active(session, room_id, False)
    with database.sessions() as session:
        assert room_id not in {r.id for r in list_room_infos(session, include_inactive=False)}


def _roster_file(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(["DAFTAR ASESOR BALAI PENILAIAN KOMPETENSI"])
    ws.append([])
    ws.append(["No", "Nama Lengkap", "N I P", "Gol", "Peran dalam Tim", "Unit Kerja", "Masa Berlaku", "No HP/WA",
               "Maks Peserta"])
    ws.append([1, "Ratna Dewi, M.Psi.", "'" + NIP, "IV/a", "Asesor", "Pusat Penilaian", date(2028, 5, 1),
               "0812 3456 7890", 3])
    ws.append([2, "Yoga Pratama", "", "III/c", "penilai teknis", "Biro SDM", "", "", 2])
    ws.append([3, "", "198609262015051002", "", "asesor", "", "", "", ""])
    ws.append([4, "Galih Saputra", "12345", "III/b", "juri", "Biro SDM", "", "", 50])
    ws.append([5, "Ratna Dewi Kedua", "'" + NIP, "", "asesor", "", "", "", ""])
    ws.append([])
    ws.append(["", "Mengetahui"])
    wb.save(path)
    return path


def test_roster_import_preview_then_apply_and_export_reads_back(database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = _roster_file(tmp_path / "asesor.xlsx")
    with database.sessions() as session:
        preview = preview_team_import(session, source)
    assert preview.header_row_number == 3
    verdicts = {r.row_number: r for r in preview.rows}
    assert verdicts[4].status == "ok" and verdicts[4].record.certification_expiry == date(2028, 5, 1)
    assert verdicts[5].status == "ok" and verdicts[5].record.role == "penilai_teknis"
    assert verdicts[6].status == "ditolak" and "Nama kosong" in verdicts[6].reasons
    assert verdicts[7].status == "ditolak" and any("Peran" in r for r in verdicts[7].reasons)
    assert any("Maks" in r for r in verdicts[7].reasons)
    assert verdicts[8].status == "ditolak" and any("baris 4" in r for r in verdicts[8].reasons)
    assert 10 not in verdicts  # the "Mengetahui" footer line
    with database.sessions.begin() as session:
        result = apply_team_import(session, preview)
    assert (result.created, result.updated, result.skipped) == (2, 0, 3)
    # Importing the same file again updates instead of duplicating.
    with database.sessions() as session:
        again = preview_team_import(session, source)
    assert "datanya akan diperbarui" in " ".join(again.rows[0].reasons)
    with database.sessions.begin() as session:
        assert apply_team_import(session, again).updated == 2
        out, count = export_team(session, tmp_path / "ekspor.xlsx")
    assert count == 2
    sheet = load_workbook(out).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    header = next(i for i, row in enumerate(values) if row[:3] == ["No.", "Nama", "NIP"])
    rows = values[header + 1:header + 3]
    assert {r[1] for r in rows} == {"Ratna Dewi, M.Psi.", "Yoga Pratama"}
    ratna = next(r for r in rows if r[1].startswith("Ratna"))
    assert ratna[2] == NIP and ratna[5] == "Asesor"
    # The export is itself an importable roster.
    with database.sessions() as session:
        round_trip = preview_team_import(session, out)
    assert round_trip.rejected_count == 0 and len(round_trip.rows) == 2
