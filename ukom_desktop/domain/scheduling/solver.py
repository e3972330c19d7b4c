"""The automatic scheduler: feasibility checks, groups, assignment (CP-SAT), timetable, then the checker.

Waves are solved one after another (each has its own days; assessor and room calendars carry over so
waves that share a day still never double-book). Whatever the method, the result is verified by the
independent checker and its findings are returned with the schedule.
"""

from __future__ import annotations

import time as _time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ukom_desktop.domain.scheduling.assignment import (
    Assignment,
    WaveTask,
    cp_sat_assignment,
    greedy_assignment,
)
from ukom_desktop.domain.scheduling.checker import check_schedule
from ukom_desktop.domain.scheduling.feasibility import (
    check_feasibility,
    effective_min_distinct,
    group_count,
    infeasible_waves,
    wave_pool,
)
from ukom_desktop.domain.scheduling.grouping import form_groups
from ukom_desktop.domain.scheduling.model import Participant, Schedule, ScheduleProblem, Session, Violation
from ukom_desktop.domain.scheduling.rebalance import rebalance_wave
from ukom_desktop.domain.scheduling.stats import ScheduleStats, compute_stats
from ukom_desktop.domain.scheduling.timegrid import Window, available_windows, subtract, total_minutes
from ukom_desktop.domain.scheduling.timetable import Timetabler

# How the assessors were assigned, in the words shown to the user.
METHOD_LABELS = {
    "cp-sat optimal": "optimasi (hasil optimal)",
    "cp-sat": "optimasi",
    "greedy": "pembagian merata",
    "first-fit": "pembagian berurutan",
}

#: progress(done_waves, total_waves, message); raise from it to cancel.
ProgressCallback = Callable[[int, int, str], None]


@dataclass(frozen=True)
class ScheduleResult:
    schedule: Schedule
    violations: list[Violation]  # hard findings of the checker on the schedule
    warnings: list[Violation]  # soft findings: the checker's and the feasibility checks'
    infeasible: list[Violation]  # hard feasibility findings: why waves were not scheduled
    stats: ScheduleStats
    waves_scheduled: tuple[int, ...] = ()
    waves_skipped: tuple[int, ...] = ()
    groups: dict[int, dict[str, list[str]]] = field(default_factory=dict)  # wave -> label -> participants
    notes: list[str] = field(default_factory=list)  # Indonesian: method per wave, what could not be placed

    @property
    def ok(self) -> bool:
        """A complete schedule with no hard violation."""
        return not self.violations and not self.infeasible


def _make_task(
    problem: ScheduleProblem,
    timetabler: Timetabler,
    wave: int,
    members: list[Participant],
    groups: list[list[Participant]],
) -> WaveTask:
    """The wave's assignment problem; assessor minutes leave out what earlier waves and the
    whole-wave sessions (when no participant is free) already take."""
    st = problem.settings
    pool = wave_pool(problem, wave)
    days = list(problem.wave_days.get(wave, ()))
    blocked = timetabler.blocked_for_all(members)
    capacity: dict[str, int] = {}
    usable: dict[str, list[Window]] = {}
    for a in pool:
        windows = [w for d in days for w in available_windows(st, a, d)]
        usable[a.id] = subtract(windows, blocked)
        capacity[a.id] = max(0, total_minutes(usable[a.id]) - timetabler.booked_minutes(a.id, usable[a.id]))
    return WaveTask(
        wave=wave,
        members=members,
        groups=groups,
        pool=pool,
        one_to_one=[e for e in problem.exercises if e.kind == "one_to_one"],
        group_exercises=[e for e in problem.exercises if e.kind == "group"],
        capacity_minutes=capacity,
        max_lead={a.id: problem.max_lead(a) for a in pool},
        distinct_target={p.id: effective_min_distinct(problem, p, pool) for p in members},
        observers=st.group_observers,
        changeover=st.changeover_minutes,
        windows=usable,
    )


def _contiguous_groups(problem: ScheduleProblem, members: list[Participant]) -> list[list[Participant]]:
    st = problem.settings
    count = group_count(len(members), st.group_min, st.group_max) or max(1, -(-len(members) // st.group_max))
    base, extra = divmod(len(members), count)
    out, start = [], 0
    for i in range(count):
        size = base + (1 if i < extra else 0)
        out.append(members[start : start + size])
        start += size
    return [g for g in out if g]


def _run(
    problem: ScheduleProblem,
    waves: Iterable[int] | None,
    time_limit_s: float,
    workers: int,
    baseline: bool,
    progress: ProgressCallback | None,
) -> ScheduleResult:
    started = _time.perf_counter()
    target = sorted(problem.waves if waves is None else set(waves))
    findings = check_feasibility(problem, target)
    blocked = infeasible_waves(findings, target)
    timetabler = Timetabler(problem)
    sessions: list[Session] = []
    lead: dict[str, str] = {}
    groups: dict[int, dict[str, list[str]]] = {}
    notes: list[str] = []
    solved: list[int] = []
    has_groups = any(e.kind == "group" for e in problem.exercises)
    todo = [w for w in target if w not in blocked and problem.participants_of(w)]
    for done, wave in enumerate(todo):
        if progress is not None:
            progress(done, len(todo), f"Menyusun jadwal gelombang {wave}")
        members = sorted(problem.participants_of(wave), key=lambda p: p.id)
        pool = wave_pool(problem, wave)
        if not has_groups:
            wave_groups: list[list[Participant]] = []
        elif baseline:
            wave_groups = _contiguous_groups(problem, members)
        else:
            wave_groups = form_groups(members, pool, problem.settings)
        placed = timetabler.place_whole_wave(wave, members)
        task = _make_task(problem, timetabler, wave, members, wave_groups)
        assignment: Assignment | None
        if baseline:
            assignment = greedy_assignment(task, balanced=False)
        else:
            hint = greedy_assignment(task, balanced=True)
            elapsed = _time.perf_counter() - started
            budget = max(0.1, (time_limit_s - elapsed) / (len(todo) - done))
            assignment = cp_sat_assignment(task, budget, workers, hint) or hint
        placed = timetabler.place_wave(task, assignment, placed)
        sessions.extend(placed.sessions)
        lead.update(placed.lead)
        groups[wave] = placed.groups
        solved.append(wave)
        method = METHOD_LABELS.get(assignment.method, assignment.method)
        notes.append(f"Gelombang {wave}: {len(placed.sessions)} sesi, penugasan asesor dengan {method}.")
        notes.extend(f"Tidak dapat dijadwalkan: {item}." for item in placed.unplaced)
    if progress is not None:
        progress(len(todo), len(todo), "Memeriksa jadwal")
    schedule = Schedule(sessions=tuple(sessions), lead=lead)
    if not baseline:
        for wave in solved:
            schedule = rebalance_wave(problem, schedule, wave)
    checked = check_schedule(problem, schedule, solved) if solved else []
    seconds = _time.perf_counter() - started
    hard = [v for v in checked if v.is_hard]
    soft = [v for v in findings if not v.is_hard] + [v for v in checked if not v.is_hard]
    infeasible = [v for v in findings if v.is_hard]
    return ScheduleResult(
        schedule=schedule,
        violations=hard,
        warnings=soft,
        infeasible=infeasible,
        stats=compute_stats(problem, schedule, checked, seconds, solved),
        waves_scheduled=tuple(solved),
        waves_skipped=tuple(sorted(blocked)),
        groups=groups,
        notes=notes,
    )


def build_schedule(
    problem: ScheduleProblem,
    waves: Iterable[int] | None = None,
    time_limit_s: float = 7.0,
    workers: int = 2,
    progress: ProgressCallback | None = None,
) -> ScheduleResult:
    """Schedule the given waves (None: all). Waves a hard feasibility finding blocks are skipped and explained."""
    return _run(problem, waves, time_limit_s, workers, baseline=False, progress=progress)


def greedy_baseline(problem: ScheduleProblem, waves: Iterable[int] | None = None) -> ScheduleResult:
    """Plain first-fit for comparison: groups in list order, first free eligible assessor, no balancing."""
    return _run(problem, waves, 0.0, 1, baseline=True, progress=None)
