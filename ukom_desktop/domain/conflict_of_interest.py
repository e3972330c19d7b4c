"""Conflict of interest: an assessor never rates (observes, leads) a participant of their own work unit.

The scheduler applies the same rule to its model (domain/scheduling: assessor.unit == participant.unit
after services/schedule_problem has stripped the names and replaced an empty unit by a placeholder
that matches nobody). This function is that rule for the rest of the app (rating assignments when the
event has no schedule): units are compared after stripping surrounding spaces, and an unknown (empty)
unit is never taken for a conflict.
"""

from __future__ import annotations


def same_unit(assessor_unit: str | None, participant_unit: str | None) -> bool:
    """True when both units are filled in and name the same unit (the assessor must not rate)."""
    a = (assessor_unit or "").strip()
    return bool(a) and a == (participant_unit or "").strip()
