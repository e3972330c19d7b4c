"""Figures that describe a schedule's quality, for the result panel and the benchmark."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from statistics import median

from ukom_desktop.domain.scheduling.load import load_counts
from ukom_desktop.domain.scheduling.model import Schedule, ScheduleProblem, Violation


@dataclass(frozen=True)
class ScheduleStats:
    sessions: int
    participants: int
    distinct_min: int  # fewest distinct assessors who observe one participant
    distinct_median: float
    load_spread: int  # largest (most - fewest rated sessions per assessor) over the waves
    lead_spread: int  # the same for participants led
    hard_violations: int
    soft_warnings: int
    seconds: float


def compute_stats(
    problem: ScheduleProblem,
    schedule: Schedule,
    violations: Iterable[Violation],
    seconds: float,
    waves: Iterable[int] | None = None,
) -> ScheduleStats:
    wave_list = sorted(problem.waves if waves is None else set(waves))
    members = [p for p in problem.participants if p.wave in wave_list]
    seen: dict[str, set[str]] = defaultdict(set)
    for s in schedule.sessions:
        for pid in s.participant_ids:
            seen[pid].update(s.assessor_ids)
    distinct = [len(seen[p.id]) for p in members]
    load_spread = lead_spread = 0
    for wave in wave_list:
        counts = load_counts(problem, schedule, wave)
        if counts is None:
            continue
        sessions, leads = counts
        load_spread = max(load_spread, max(sessions.values()) - min(sessions.values()))
        lead_spread = max(lead_spread, max(leads.values()) - min(leads.values()))
    found = list(violations)
    return ScheduleStats(
        sessions=sum(1 for s in schedule.sessions if s.wave in wave_list),
        participants=len(members),
        distinct_min=min(distinct, default=0),
        distinct_median=float(median(distinct)) if distinct else 0.0,
        load_spread=load_spread,
        lead_spread=lead_spread,
        hard_violations=sum(1 for v in found if v.is_hard),
        soft_warnings=sum(1 for v in found if not v.is_hard),
        seconds=seconds,
    )
