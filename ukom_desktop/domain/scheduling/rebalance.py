"""A last repair of a wave's assessor load: hand a session from the busiest assessor to the least busy one.

The timetable's repairs (another assessor when the planned one cannot be fitted) can leave counts two or
more apart. Each hand-over is kept only when the checker finds nothing new in the wave apart from the
load findings themselves, so the repair never trades balance for a broken rule.
"""

from __future__ import annotations

from ukom_desktop.domain.scheduling.checker import check_schedule
from ukom_desktop.domain.scheduling.edits import replace_assessor, set_lead
from ukom_desktop.domain.scheduling.load import load_counts
from ukom_desktop.domain.scheduling.model import Rule, Schedule, ScheduleProblem

_LOAD_RULES = {Rule.LOAD_IMBALANCE, Rule.LEAD_IMBALANCE}


def _other_findings(problem: ScheduleProblem, schedule: Schedule, wave: int) -> set[tuple]:  # type: ignore[type-arg]
    return {v.key for v in check_schedule(problem, schedule, [wave]) if v.code not in _LOAD_RULES}


def rebalance_wave(problem: ScheduleProblem, schedule: Schedule, wave: int, max_steps: int = 40) -> Schedule:
    """The wave's rated-session counts, then its lead counts, brought within one where a safe hand-over exists."""
    return _rebalance_leads(problem, _rebalance_sessions(problem, schedule, wave, max_steps), wave, max_steps)


def _rebalance_leads(problem: ScheduleProblem, schedule: Schedule, wave: int, max_steps: int) -> Schedule:
    baseline = _other_findings(problem, schedule, wave)
    for _ in range(max_steps):
        counts = load_counts(problem, schedule, wave)
        if counts is None:
            return schedule
        _sessions, leads = counts
        ranked = sorted(leads, key=lambda a: (leads[a], a))
        if leads[ranked[-1]] - leads[ranked[0]] <= 1:
            return schedule
        improved = False
        for heavy in reversed(ranked):
            led = [pid for pid, aid in schedule.lead.items() if aid == heavy
                   and pid in problem.participant_by_id and problem.participant_by_id[pid].wave == wave]
            for light in ranked:
                if leads[heavy] - leads[light] <= 1:
                    break
                for pid in led:
                    trial = set_lead(schedule, pid, light)
                    if _other_findings(problem, trial, wave) <= baseline:
                        schedule, improved = trial, True
                        break
                if improved:
                    break
            if improved:
                break
        if not improved:
            return schedule
    return schedule


def _rebalance_sessions(problem: ScheduleProblem, schedule: Schedule, wave: int, max_steps: int) -> Schedule:
    rated = {e.id for e in problem.exercises if e.kind in ("group", "one_to_one")}
    baseline = _other_findings(problem, schedule, wave)
    for _ in range(max_steps):
        counts = load_counts(problem, schedule, wave)
        if counts is None:
            return schedule
        sessions, _leads = counts
        ranked = sorted(sessions, key=lambda a: (sessions[a], a))
        if sessions[ranked[-1]] - sessions[ranked[0]] <= 1:
            return schedule
        improved = False
        for heavy in reversed(ranked):
            for light in ranked:
                if sessions[heavy] - sessions[light] <= 1:
                    break
                for s in schedule.sessions_of_assessor(heavy):
                    if s.wave != wave or s.exercise_id not in rated or light in s.assessor_ids:
                        continue
                    trial = replace_assessor(schedule, s.id, heavy, light)
                    if _other_findings(problem, trial, wave) <= baseline:
                        schedule, improved = trial, True
                        break
                if improved:
                    break
            if improved:
                break
        if not improved:
            return schedule
    return schedule
