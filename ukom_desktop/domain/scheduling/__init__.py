"""Automatic scheduling of an assessment event and the independent checker of any schedule.

Pure Python over dataclasses (no database, no Qt). Typical use::

    result = build_schedule(problem)          # ScheduleResult: schedule, violations, warnings, stats
    findings = check_schedule(problem, schedule)
    tentative = move_participant(schedule, "P07", "g1-0012", "g1-0015")
    added = new_violations(problem, schedule, tentative)
"""

from ukom_desktop.domain.scheduling.checker import (
    check_schedule,
    hard_violations,
    new_violations,
    soft_warnings,
)
from ukom_desktop.domain.scheduling.edits import (
    EditError,
    move_assessor,
    move_participant,
    replace_assessor,
    reschedule_session,
    set_lead,
)
from ukom_desktop.domain.scheduling.feasibility import check_feasibility, infeasible_waves
from ukom_desktop.domain.scheduling.model import (
    HARD,
    ROOM_KIND_FOR,
    SOFT,
    Assessor,
    Exercise,
    Participant,
    Room,
    Rule,
    Schedule,
    ScheduleProblem,
    Session,
    Settings,
    Violation,
)
from ukom_desktop.domain.scheduling.solver import ScheduleResult, build_schedule, greedy_baseline
from ukom_desktop.domain.scheduling.stats import ScheduleStats, compute_stats

__all__ = [
    "HARD",
    "ROOM_KIND_FOR",
    "SOFT",
    "Assessor",
    "EditError",
    "Exercise",
    "Participant",
    "Room",
    "Rule",
    "Schedule",
    "ScheduleProblem",
    "ScheduleResult",
    "ScheduleStats",
    "Session",
    "Settings",
    "Violation",
    "build_schedule",
    "check_feasibility",
    "check_schedule",
    "compute_stats",
    "greedy_baseline",
    "hard_violations",
    "infeasible_waves",
    "move_assessor",
    "move_participant",
    "new_violations",
    "replace_assessor",
    "reschedule_session",
    "set_lead",
    "soft_warnings",
]
