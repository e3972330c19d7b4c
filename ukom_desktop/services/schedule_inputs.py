"""What the scheduler was given, as one digest: a schedule is stored only when its inputs are unchanged."""

from __future__ import annotations

import dataclasses
import hashlib
from typing import Any

from ukom_desktop.services.schedule_problem import EventProblem


def _canonical(value: Any) -> Any:
    """The same facts give the same text, whatever a set's iteration order or a dict's insertion order."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (type(value).__name__, *(_canonical(getattr(value, f.name)) for f in dataclasses.fields(value)))
    if isinstance(value, dict):
        return sorted((repr(_canonical(k)), _canonical(v)) for k, v in value.items())
    if isinstance(value, set | frozenset):
        return sorted(repr(_canonical(v)) for v in value)
    if isinstance(value, list | tuple):
        return [_canonical(v) for v in value]
    return repr(value)


def input_fingerprint(event: EventProblem) -> str:
    """A digest of everything the solver was given (people, waves, groups, team, rooms and each wave's rooms,
    exercises, settings and their database keys): a schedule is stored only when it is still the same as when
    it was solved."""
    facts = (
        event.problem.wave_days, event.problem.participants, event.problem.assessors, event.problem.rooms,
        event.problem.exercises, event.problem.settings, event.participants, event.assessors, event.room_db,
        event.exercise_db, event.wave_db, event.group_db, event.group_names, dict(event.problem.wave_rooms),
    )
    return hashlib.sha256(repr(_canonical(facts)).encode()).hexdigest()
