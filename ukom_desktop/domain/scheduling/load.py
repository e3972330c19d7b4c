"""Assessor load per wave: who works in a wave and how many sessions and leads each one has."""

from __future__ import annotations

from collections import Counter

from ukom_desktop.domain.scheduling.model import Assessor, Schedule, ScheduleProblem
from ukom_desktop.domain.scheduling.timegrid import available_windows


def works_in_wave(problem: ScheduleProblem, assessor: Assessor, wave: int) -> bool:
    """Whether the assessor is available for part of at least one day of the wave."""
    return any(available_windows(problem.settings, assessor, d) for d in problem.wave_days.get(wave, ()))


def load_counts(
    problem: ScheduleProblem, schedule: Schedule, wave: int
) -> tuple[Counter[str], Counter[str]] | None:
    """Per assessor of the wave: rated sessions (group and one-to-one) and participants led.

    Only assessors who work in the wave and may rate at least one of its participants count;
    None when the wave has no participants or fewer than two such assessors.
    """
    members = problem.participants_of(wave)
    if not members:
        return None
    units = {m.unit for m in members}
    pool = [a for a in problem.assessors if works_in_wave(problem, a, wave) and (units - {a.unit})]
    if len(pool) < 2:
        return None
    rated = {e.id for e in problem.exercises if e.kind in ("group", "one_to_one")}
    sessions: Counter[str] = Counter({a.id: 0 for a in pool})
    for s in schedule.sessions:
        if s.wave == wave and s.exercise_id in rated:
            for aid in s.assessor_ids:
                if aid in sessions:
                    sessions[aid] += 1
    leads: Counter[str] = Counter({a.id: 0 for a in pool})
    for m in members:
        lead_id = schedule.lead.get(m.id)
        if lead_id is not None and lead_id in leads:
            leads[lead_id] += 1
    return sessions, leads
