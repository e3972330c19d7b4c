"""Hand-made scheduling problems and one valid hand-made schedule for the scheduling tests."""

from __future__ import annotations

from datetime import date, datetime

from ukom_desktop.domain.scheduling import (
    Assessor,
    Exercise,
    Participant,
    Room,
    Schedule,
    ScheduleProblem,
    Session,
)

MONDAY = date(2026, 11, 23)


def at(hour: int, minute: int = 0, day: date = MONDAY) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute)


def hand_problem() -> ScheduleProblem:
    """Wave 1 on Monday: 4 participants of 2 units, 4 assessors of 2 other units."""
    participants = [
        Participant("P1", "Biro Umum", 1, name="Budi Santoso"),
        Participant("P2", "Biro Umum", 1, name="Citra Lestari"),
        Participant("P3", "Biro Hukum", 1, name="Dewi Anggraini"),
        Participant("P4", "Biro Hukum", 1, name="Eko Prasetyo"),
    ]
    assessors = [
        Assessor("A1", "Inspektorat", name="Fajar Nugroho"),
        Assessor("A2", "Inspektorat", name="Gita Permata"),
        Assessor("A3", "Biro Keuangan", name="Hadi Wijaya"),
        Assessor("A4", "Biro Keuangan", name="Intan Sari"),
    ]
    rooms = [
        Room("AULA", 30, "aula", name="Aula Utama"),
        Room("RK1", 8, "ruang_kelompok", name="Ruang Kelompok 1"),
        Room("RW1", 1, "ruang_wawancara", name="Ruang Wawancara 1"),
        Room("RW2", 1, "ruang_wawancara", name="Ruang Wawancara 2"),
        Room("RW3", 1, "ruang_wawancara", name="Ruang Wawancara 3"),
    ]
    exercises = [
        Exercise("PSI", "Psikotes", "whole_wave", 90),
        Exercise("LGD", "Diskusi Kelompok", "group", 60),
        Exercise("WAW", "Wawancara", "one_to_one", 60),
    ]
    return ScheduleProblem({1: [MONDAY]}, participants, assessors, rooms, exercises)


def hand_schedule() -> Schedule:
    """A schedule of hand_problem() that breaks no rule at all."""
    sessions = (
        Session("S1", "PSI", 1, "AULA", at(8), at(9, 30), ("P1", "P2", "P3", "P4")),
        Session("S2", "LGD", 1, "RK1", at(9, 45), at(10, 45), ("P1", "P2", "P3", "P4"), ("A1", "A2")),
        Session("S3", "WAW", 1, "RW1", at(11), at(12), ("P1",), ("A3",)),
        Session("S4", "WAW", 1, "RW2", at(11), at(12), ("P2",), ("A4",)),
        Session("S5", "WAW", 1, "RW1", at(13), at(14), ("P3",), ("A3",)),
        Session("S6", "WAW", 1, "RW2", at(13), at(14), ("P4",), ("A4",)),
    )
    return Schedule(sessions, {"P1": "A3", "P2": "A4", "P3": "A1", "P4": "A2"})


def small_problem(days: int = 1) -> ScheduleProblem:
    """8 participants of 3 units, 4 assessors of 2 of those units, a realistic exercise set."""
    units = ["Biro Umum"] * 3 + ["Biro Hukum"] * 3 + ["Biro Keuangan"] * 2
    participants = [Participant(f"P{i + 1}", unit, 1) for i, unit in enumerate(units)]
    assessors = [
        Assessor("A1", "Biro Umum"),
        Assessor("A2", "Biro Umum"),
        Assessor("A3", "Biro Hukum"),
        Assessor("A4", "Biro Hukum"),
    ]
    rooms = [
        Room("AULA", 20, "aula"),
        Room("RK1", 8, "ruang_kelompok"),
        Room("RW1", 1, "ruang_wawancara"),
        Room("RW2", 1, "ruang_wawancara"),
    ]
    exercises = [
        Exercise("PSI", "Psikotes", "whole_wave", 60),
        Exercise("LGD", "Diskusi Kelompok", "group", 60),
        Exercise("WAW", "Wawancara", "one_to_one", 45),
        Exercise("RP", "Role Play", "one_to_one", 30),
    ]
    day_list = [date(2026, 11, 23 + i) for i in range(days)]
    return ScheduleProblem({1: day_list}, participants, assessors, rooms, exercises)
