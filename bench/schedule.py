"""Benchmark of the automatic scheduler against a plain first-fit baseline, both run here and now.

The problem: 300 participants in 10 waves (2 days each), 40 assessors from 8 units (about 10 % of
their half days unavailable), 12 rooms and 5 exercises. Built from a fixed seed, so every run solves
the same problem. Target: a complete schedule with 0 hard violations in at most 10 s on 2 cores.

    .venv/bin/python bench/schedule.py [--seed N] [--time-limit S]
"""

from __future__ import annotations

import argparse
import random
import sys
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ukom_desktop.domain.scheduling import (  # noqa: E402
    Assessor,
    Exercise,
    Participant,
    Room,
    ScheduleProblem,
    ScheduleResult,
    build_schedule,
    greedy_baseline,
)

UNITS = (
    "Sekretariat Jenderal",
    "Inspektorat Jenderal",
    "Direktorat Jenderal Bina Marga",
    "Direktorat Jenderal Cipta Karya",
    "Direktorat Jenderal Sumber Daya Air",
    "Badan Pengembangan SDM",
    "Biro Keuangan",
    "Biro Hukum",
)


def weekdays(start: date, count: int) -> list[date]:
    days: list[date] = []
    day = start
    while len(days) < count:
        if day.weekday() < 5:
            days.append(day)
        day += timedelta(days=1)
    return days


def bench_problem(seed: int = 2026) -> ScheduleProblem:
    rng = random.Random(seed)
    waves, days_per_wave, per_wave = 10, 2, 30
    days = weekdays(date(2026, 11, 23), waves * days_per_wave)
    wave_days = {w + 1: days[w * days_per_wave : (w + 1) * days_per_wave] for w in range(waves)}
    participants = [
        Participant(id=f"P{i + 1:03d}", unit=rng.choice(UNITS), wave=i // per_wave + 1)
        for i in range(waves * per_wave)
    ]
    assessors = []
    for i in range(40):
        free = frozenset((d, h) for d in days for h in ("pagi", "siang") if rng.random() >= 0.10)
        assessors.append(Assessor(id=f"A{i + 1:02d}", unit=UNITS[i % len(UNITS)], availability=free))
    rooms = [Room(id="AULA", capacity=40, kind="aula")]
    rooms += [Room(id=f"RK{i}", capacity=8, kind="ruang_kelompok") for i in range(1, 4)]
    rooms += [Room(id=f"RW{i}", capacity=1, kind="ruang_wawancara") for i in range(1, 9)]
    exercises = [
        Exercise(id="PSI", name="Psikotes", kind="whole_wave", duration_minutes=120),
        Exercise(id="INB", name="In-basket", kind="whole_wave", duration_minutes=90),
        Exercise(id="LGD", name="Diskusi Kelompok (LGD)", kind="group", duration_minutes=60),
        Exercise(id="WAW", name="Wawancara Kompetensi", kind="one_to_one", duration_minutes=60),
        Exercise(id="RP", name="Role Play", kind="one_to_one", duration_minutes=40),
    ]
    return ScheduleProblem(wave_days, participants, assessors, rooms, exercises)


def report(name: str, result: ScheduleResult) -> None:
    s = result.stats
    print(
        f"{name:<10} time {s.seconds:7.3f} s | sessions {s.sessions:4d} | hard violations {s.hard_violations:3d} | "
        f"soft warnings {s.soft_warnings:3d} | distinct assessors per participant min {s.distinct_min} "
        f"median {s.distinct_median:g} | load spread {s.load_spread} | lead spread {s.lead_spread}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--time-limit", type=float, default=7.0)
    args = parser.parse_args()
    problem = bench_problem(args.seed)
    print(
        f"problem: {len(problem.participants)} participants, {len(problem.wave_days)} waves, "
        f"{len(problem.assessors)} assessors from {len({a.unit for a in problem.assessors})} units, "
        f"{len(problem.rooms)} rooms, {len(problem.exercises)} exercises"
    )
    greedy = greedy_baseline(problem)
    solver = build_schedule(problem, time_limit_s=args.time_limit)
    report("greedy", greedy)
    report("solver", solver)
    g, s = greedy.stats, solver.stats
    print(
        f"ratio solver/greedy: time {s.seconds / max(g.seconds, 1e-9):.1f}x | "
        f"distinct min {s.distinct_min}/{g.distinct_min} | load spread {s.load_spread}/{g.load_spread}"
    )
    for note in solver.notes:
        if note.startswith("Tidak"):
            print("  ", note)
    for v in solver.violations[:10]:
        print("   berat:", v.message)
    target_met = solver.ok and s.seconds <= 10.0
    print(f"target (<= 10 s, 0 hard violations, complete): {'met' if target_met else 'NOT met'}")
    return 0 if target_met else 1


if __name__ == "__main__":
    raise SystemExit(main())
