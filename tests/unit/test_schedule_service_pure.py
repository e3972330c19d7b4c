"""The parts of the scheduling and roster area that need no database: edits, rebalancing, roster rows, PDFs."""

from __future__ import annotations

import sys
from pathlib import Path

from pypdf import PdfReader

sys.path.insert(0, str(Path(__file__).parent / "scheduling"))
from sched_cases import hand_schedule, small_problem  # noqa: E402

from ukom_desktop.documents.schedule_docs import (  # noqa: E402
    MatrixDay,
    PersonTimetable,
    RelationRow,
    ScheduleDocData,
    TimetableEntry,
    render_schedule,
)
from ukom_desktop.domain.scheduling import Rule, build_schedule, check_schedule, replace_assessor  # noqa: E402
from ukom_desktop.domain.scheduling.load import load_counts  # noqa: E402
from ukom_desktop.domain.scheduling.rebalance import rebalance_wave  # noqa: E402
from ukom_desktop.io.spreadsheet_reader import RawSheet  # noqa: E402
from ukom_desktop.io.team_rows import parse_role, parse_team_rows  # noqa: E402
from ukom_desktop.services.scheduling import GridEdit, tentative  # noqa: E402


def test_swaps_move_both_people_and_nothing_else() -> None:
    schedule = hand_schedule()
    s3, s4 = schedule.session("S3"), schedule.session("S4")
    swapped = tentative(schedule, GridEdit("swap_participants", person=s3.participant_ids[0], source="S3",
                                           target="S4", other=s4.participant_ids[0]))
    assert swapped.session("S3").participant_ids == s4.participant_ids
    assert swapped.session("S4").participant_ids == s3.participant_ids
    swapped = tentative(schedule, GridEdit("swap_assessors", person=s3.assessor_ids[0], source="S3", target="S4",
                                           other=s4.assessor_ids[0]))
    assert swapped.session("S3").assessor_ids == s4.assessor_ids
    assert schedule.session("S3").assessor_ids == s3.assessor_ids  # the original is untouched


def test_rebalance_hands_sessions_over_without_breaking_a_rule() -> None:
    problem = small_problem(days=2)
    schedule = build_schedule(problem, time_limit_s=2.0).schedule
    hard = lambda sch: [v for v in check_schedule(problem, sch) if v.is_hard]  # noqa: E731
    assert hard(schedule) == []
    # Pile sessions onto one assessor wherever that breaks no hard rule: the load goes lopsided.
    lopsided = schedule
    for heavy in ("A1", "A3"):
        for s in schedule.sessions:
            for other in s.assessor_ids:
                if other == heavy or heavy in lopsided.session(s.id).assessor_ids:
                    continue
                trial = replace_assessor(lopsided, s.id, other, heavy)
                if not hard(trial):
                    lopsided = trial
        sessions, _ = load_counts(problem, lopsided, 1)
        if max(sessions.values()) - min(sessions.values()) > 1:
            break
    assert max(sessions.values()) - min(sessions.values()) > 1
    assert any(v.code == Rule.LOAD_IMBALANCE for v in check_schedule(problem, lopsided))
    fixed = rebalance_wave(problem, lopsided, 1)
    sessions, _ = load_counts(problem, fixed, 1)
    assert max(sessions.values()) - min(sessions.values()) <= 1
    assert hard(fixed) == []


def test_roster_rows_get_a_verdict_each() -> None:
    sheet = RawSheet(
        rows=[
            ["Daftar Tim Penilai"],
            ["No.", "Nama", "NIP", "Peran", "Status"],
            [1, "Ratna Dewi", "19860926 201505 1 001", "Penilai Teknis", "Aktif"],
            [2, "Budi", "19860926 201505 1 001", "asesor", "Nonaktif"],
            [3, "Citra", "", "Tenaga Pendukung", ""],
        ],
        sheet_name="Tim", source_kind="xlsx", source_name="tim.xlsx",
    )
    preview = parse_team_rows(sheet, {"198609262015051001": "Ratna Dewi"})
    first, second, third = preview.rows
    assert first.status == "peringatan" and "akan diperbarui" in first.reasons[0]
    assert second.status == "ditolak" and "baris 3" in second.reasons[0]
    assert third.status == "ok" and third.record.role == "pendukung" and third.record.active
    assert parse_role("Asesor SDM Aparatur") == "asesor" and parse_role("juri") is None


def test_schedule_documents_render_with_their_titles(tmp_path: Path) -> None:
    entry = TimetableEntry("Senin, 23 November 2026", "08.00-09.00", "Wawancara", "Ruang 1", "Fajar Nugroho")
    data = ScheduleDocData(
        event_name="Penilaian Kompetensi 2026", event_code="UKOM-2026-001", subtitle="Gelombang 1",
        matrix=(MatrixDay("Gelombang 1 - Senin, 23 November 2026", ("Aula", "Ruang 1"),
                          (("08.00", ("Psikotes (08.00-09.30)\n4 peserta", "")),)),),
        participants=(PersonTimetable("1. Budi Santoso - Gelombang 1", "Budi Santoso", (entry,)),),
        assessors=(PersonTimetable("Fajar Nugroho - 1 sesi", "Fajar Nugroho", (entry,)),),
        exercises=("Wawancara",),
        relations=(RelationRow("1", "Budi Santoso", "19860926 201505 1 001", "Biro Umum", "1", "A", "Fajar",
                               ("Fajar Nugroho",)),),
        printed="Dicetak 22 November 2026",
    )
    for kind, title in (("matriks", "MATRIKS JADWAL"), ("peserta", "JADWAL PER PESERTA"),
                        ("asesor", "JADWAL PER ASESOR"), ("relasi", "RELASI ASESOR")):
        path = tmp_path / f"{kind}.pdf"
        assert render_schedule(data, kind, path) == 1  # type: ignore[arg-type]
        text = PdfReader(path).pages[0].extract_text()
        assert title in text and "Dicetak 22 November 2026" in text


def test_roles_are_read_by_their_short_words_and_by_the_shown_labels() -> None:
    # The rejection sentence names "asesor, penilai teknis, admin, tester, pendukung": each is accepted,
    # and so are the labels the window shows (Petugas administrasi, Petugas tes).
    for text, key in (("admin", "admin"), ("Tester", "tester"), ("Penilai Teknis", "penilai_teknis"),
                      ("Petugas administrasi", "admin"), ("Petugas tes", "tester"), ("pendukung", "pendukung")):
        assert parse_role(text) == key, text
    assert parse_role("juru masak") is None
