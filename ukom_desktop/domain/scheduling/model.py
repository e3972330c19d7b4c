"""Plain data of a scheduling problem and of a schedule: no database, no Qt.

Ids are strings chosen by the caller (the services layer maps database keys to them). Waves are
integers ("gelombang 1", "gelombang 2", ...). Times are naive local datetimes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import StrEnum
from functools import cached_property
from typing import Literal, TypeAlias

HalfDay: TypeAlias = Literal["pagi", "siang"]
ExerciseKind: TypeAlias = Literal["whole_wave", "group", "one_to_one"]
RoomKind: TypeAlias = Literal["aula", "ruang_kelompok", "ruang_wawancara"]
Severity: TypeAlias = Literal["berat", "ringan"]

HARD: Severity = "berat"
SOFT: Severity = "ringan"

EXERCISE_KINDS: tuple[ExerciseKind, ...] = ("whole_wave", "group", "one_to_one")
ROOM_KINDS: tuple[RoomKind, ...] = ("aula", "ruang_kelompok", "ruang_wawancara")
HALF_DAYS: tuple[HalfDay, ...] = ("pagi", "siang")

#: The room kind each exercise kind is meant to use.
ROOM_KIND_FOR: Mapping[ExerciseKind, RoomKind] = {
    "whole_wave": "aula",
    "group": "ruang_kelompok",
    "one_to_one": "ruang_wawancara",
}

#: Indonesian words for the kinds, for messages.
EXERCISE_KIND_LABEL: Mapping[str, str] = {
    "whole_wave": "klasikal (satu gelombang)",
    "group": "kelompok",
    "one_to_one": "satu peserta dengan satu asesor",
}
ROOM_KIND_LABEL: Mapping[str, str] = {
    "aula": "aula",
    "ruang_kelompok": "ruang kelompok",
    "ruang_wawancara": "ruang wawancara",
}


class Rule(StrEnum):
    """Stable codes of checker rules and feasibility findings (the UI keys icons and filters on them)."""

    # Checker: hard
    PERSON_DOUBLE_BOOKED = "person_double_booked"
    ROOM_DOUBLE_BOOKED = "room_double_booked"
    CONFLICT_OF_INTEREST = "conflict_of_interest"
    ASSESSOR_UNAVAILABLE = "assessor_unavailable"
    ROOM_CAPACITY = "room_capacity"
    LEAD_OVERLOAD = "lead_overload"
    ONE_TO_ONE_SIZE = "one_to_one_size"
    NO_CHANGEOVER = "no_changeover"
    CONTINUOUS_TOO_LONG = "continuous_too_long"
    GROUP_SIZE = "group_size"
    GROUP_OBSERVERS = "group_observers"
    OUTSIDE_WORKING_DAY = "outside_working_day"
    OUTSIDE_WAVE_DAYS = "outside_wave_days"
    WAVE_MISMATCH = "wave_mismatch"
    ROOM_NOT_OF_WAVE = "room_not_of_wave"
    MISSING_EXERCISE = "missing_exercise"
    DUPLICATE_EXERCISE = "duplicate_exercise"
    MISSING_LEAD = "missing_lead"
    UNKNOWN_REFERENCE = "unknown_reference"
    INVALID_TIME = "invalid_time"
    # Checker: soft
    ROOM_KIND_MISMATCH = "room_kind_mismatch"
    FEW_DISTINCT_ASSESSORS = "few_distinct_assessors"
    LOAD_IMBALANCE = "load_imbalance"
    LEAD_IMBALANCE = "lead_imbalance"
    LEAD_NOT_OBSERVING = "lead_not_observing"
    LUNCH_OVERLAP = "lunch_overlap"
    DURATION_MISMATCH = "duration_mismatch"
    # Feasibility (before solving)
    INVALID_PROBLEM = "invalid_problem"
    NO_WAVE_DAYS = "no_wave_days"
    NO_ASSESSORS = "no_assessors"
    LEAD_CAPACITY = "lead_capacity"
    UNIT_COVERS_ALL_ASSESSORS = "unit_covers_all_assessors"
    NO_ROOM_OF_KIND = "no_room_of_kind"
    GROUP_ROOM_TOO_SMALL = "group_room_too_small"
    GROUP_PARTITION = "group_partition"
    PARTICIPANT_TIME = "participant_time"
    ASSESSOR_TIME = "assessor_time"
    ROOM_TIME = "room_time"
    DISTINCT_REDUCED = "distinct_reduced"


@dataclass(frozen=True)
class Participant:
    id: str
    unit: str
    wave: int
    group: str | None = None
    name: str = ""

    @property
    def label(self) -> str:
        """The name in words; the id only when no name was given (the caller keeps names distinct)."""
        return self.name or self.id


@dataclass(frozen=True)
class Assessor:
    """``availability`` holds the (date, half day) pairs the assessor can work; None means always."""

    id: str
    unit: str
    availability: frozenset[tuple[date, HalfDay]] | None = None
    max_lead: int | None = None  # None: Settings.lead_per_assessor
    name: str = ""

    @property
    def label(self) -> str:
        """The name in words; the id only when no name was given (the caller keeps names distinct)."""
        return self.name or self.id

    def is_available(self, day: date, half: HalfDay) -> bool:
        return self.availability is None or (day, half) in self.availability


@dataclass(frozen=True)
class Room:
    id: str
    capacity: int  # participants it seats
    kind: RoomKind
    name: str = ""

    @property
    def label(self) -> str:
        """The name in words; the id only when no name was given (the caller keeps names distinct)."""
        return self.name or self.id


@dataclass(frozen=True)
class Exercise:
    id: str
    name: str
    kind: ExerciseKind
    duration_minutes: int


@dataclass(frozen=True)
class Settings:
    """Event settings; the defaults follow common assessment-center practice (shared/domain.md §9)."""

    day_start: time = time(8, 0)
    day_end: time = time(16, 0)
    midday: time = time(12, 0)  # pagi ends and siang begins here (availability)
    lunch_start: time | None = time(12, 0)  # None: no lunch break
    lunch_end: time | None = time(13, 0)
    changeover_minutes: int = 10
    rest_break_minutes: int = 15  # a gap at least this long counts as a rest
    max_continuous_minutes: int = 180
    lead_per_assessor: int = 3
    min_distinct_assessors: int = 3
    group_min: int = 4
    group_max: int = 8
    group_observers: int = 2
    slot_minutes: int = 5  # the solver starts sessions on multiples of this

    @property
    def has_lunch(self) -> bool:
        return (
            self.lunch_start is not None and self.lunch_end is not None and self.lunch_start < self.lunch_end
        )


@dataclass(frozen=True)
class ScheduleProblem:
    wave_days: Mapping[int, Sequence[date]]
    participants: Sequence[Participant]
    assessors: Sequence[Assessor]
    rooms: Sequence[Room]
    exercises: Sequence[Exercise]
    settings: Settings = field(default_factory=Settings)
    #: wave -> the room ids the wave may use; a wave not listed (or listed empty) uses every room.
    wave_rooms: Mapping[int, Sequence[str]] = field(default_factory=dict)

    def rooms_of(self, wave: int) -> list[Room]:
        """The rooms a wave's sessions may take place in."""
        chosen = set(self.wave_rooms.get(wave, ()))
        return [r for r in self.rooms if r.id in chosen] if chosen else list(self.rooms)

    @cached_property
    def participant_by_id(self) -> dict[str, Participant]:
        return {p.id: p for p in self.participants}

    @cached_property
    def assessor_by_id(self) -> dict[str, Assessor]:
        return {a.id: a for a in self.assessors}

    @cached_property
    def room_by_id(self) -> dict[str, Room]:
        return {r.id: r for r in self.rooms}

    @cached_property
    def exercise_by_id(self) -> dict[str, Exercise]:
        return {e.id: e for e in self.exercises}

    @property
    def waves(self) -> list[int]:
        found = set(self.wave_days) | {p.wave for p in self.participants}
        return sorted(found)

    def participants_of(self, wave: int) -> list[Participant]:
        return [p for p in self.participants if p.wave == wave]

    def max_lead(self, assessor: Assessor) -> int:
        return self.settings.lead_per_assessor if assessor.max_lead is None else assessor.max_lead


@dataclass(frozen=True)
class Session:
    id: str
    exercise_id: str
    wave: int
    room_id: str
    start: datetime
    end: datetime
    participant_ids: tuple[str, ...]
    assessor_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Schedule:
    sessions: tuple[Session, ...] = ()
    lead: Mapping[str, str] = field(default_factory=dict)  # participant id -> lead assessor id

    def session(self, session_id: str) -> Session:
        for s in self.sessions:
            if s.id == session_id:
                return s
        raise KeyError(session_id)

    def sessions_of_participant(self, participant_id: str) -> list[Session]:
        return sorted(
            (s for s in self.sessions if participant_id in s.participant_ids), key=lambda s: s.start
        )

    def sessions_of_assessor(self, assessor_id: str) -> list[Session]:
        return sorted((s for s in self.sessions if assessor_id in s.assessor_ids), key=lambda s: s.start)


@dataclass(frozen=True)
class Violation:
    """One broken rule. ``severity`` is "berat" (hard: the schedule cannot be used) or "ringan"."""

    code: Rule
    severity: Severity
    message: str
    session_ids: tuple[str, ...] = ()
    person_ids: tuple[str, ...] = ()
    wave: int | None = None

    @property
    def is_hard(self) -> bool:
        return self.severity == HARD

    @property
    def key(self) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
        """What identifies the same finding before and after an edit."""
        return (str(self.code), tuple(sorted(self.session_ids)), tuple(sorted(self.person_ids)))
