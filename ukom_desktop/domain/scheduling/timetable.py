"""Putting sessions on the clock: a constructive earliest-start placement with repair.

Each session goes to the earliest start where its participants, its assessors (with a changeover on
both sides) and a room of the right kind are free, the assessors are available that half day, and no
participant ends up longer than the continuous-activity limit without a rest. When the assessor the
assignment chose cannot be fitted, another eligible assessor is taken instead (repair).
Assessor and room calendars live across waves, so waves that share days never double-book anyone.
"""

from __future__ import annotations

from bisect import insort
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from math import ceil

from ukom_desktop.domain.scheduling.assignment import Assignment, WaveTask
from ukom_desktop.domain.scheduling.grouping import group_label
from ukom_desktop.domain.scheduling.model import (
    ROOM_KIND_FOR,
    Assessor,
    Exercise,
    Participant,
    RoomKind,
    ScheduleProblem,
    Session,
)
from ukom_desktop.domain.scheduling.timegrid import (
    Window,
    available_windows,
    from_minutes,
    intersect,
    working_windows,
)


@dataclass
class WaveTimetable:
    sessions: list[Session] = field(default_factory=list)
    lead: dict[str, str] = field(default_factory=dict)
    unplaced: list[str] = field(default_factory=list)  # Indonesian notes on what could not be placed
    groups: dict[str, list[str]] = field(default_factory=dict)  # group label -> participant ids


@dataclass(frozen=True)
class Frame:
    """The time a wave may use: its working windows and each assessor's available windows."""

    wave_windows: list[Window]
    assessor_windows: dict[str, list[Window]]


@dataclass
class _Slot:
    start: int
    room_id: str
    assessor_ids: tuple[str, ...]


class Timetabler:
    """Holds the assessor and room calendars of one build; ``place_wave`` adds one wave to them."""

    def __init__(self, problem: ScheduleProblem) -> None:
        self.problem = problem
        self.st = problem.settings
        self.assessor_busy: dict[str, list[Window]] = defaultdict(list)
        self.room_busy: dict[str, list[Window]] = defaultdict(list)
        self.participant_busy: dict[str, list[Window]] = defaultdict(list)
        self._counter = 0

    # -- calendars -------------------------------------------------------------------------------
    def booked_minutes(self, assessor_id: str, windows: Iterable[Window]) -> int:
        """Minutes of ``windows`` the assessor already spends in sessions of earlier waves."""
        total = 0
        for s, e in self.assessor_busy.get(assessor_id, ()):
            for ws, we in windows:
                total += max(0, min(e, we) - max(s, ws))
        return total

    def _participant_free(self, pid: str, start: int, end: int) -> bool:
        co, rest = self.st.changeover_minutes, self.st.rest_break_minutes
        busy = self.participant_busy.get(pid, ())
        for s, e in busy:
            if s < end + co and e + co > start:
                return False
        chain_start, chain_end = start, end
        items = sorted([*busy, (start, end)])
        # Grow the chain around the new session while neighbours are closer than a rest break.
        idx = items.index((start, end))
        i = idx - 1
        while i >= 0 and chain_start - items[i][1] < rest:
            chain_start = min(chain_start, items[i][0])
            i -= 1
        j = idx + 1
        while j < len(items) and items[j][0] - chain_end < rest:
            chain_end = max(chain_end, items[j][1])
            j += 1
        return chain_end - chain_start <= self.st.max_continuous_minutes

    def _assessor_free(self, aid: str, start: int, end: int, windows: Sequence[Window]) -> bool:
        if not any(ws <= start and end <= we for ws, we in windows):
            return False
        co = self.st.changeover_minutes
        return all(not (s < end + co and e + co > start) for s, e in self.assessor_busy.get(aid, ()))

    def _room_free(self, rid: str, start: int, end: int) -> bool:
        return all(not (s < end and e > start) for s, e in self.room_busy.get(rid, ()))

    # -- search ----------------------------------------------------------------------------------
    def _round_up(self, minute: int) -> int:
        slot = max(1, self.st.slot_minutes)
        return -(-minute // slot) * slot

    def find_slot(
        self,
        pids: Sequence[str],
        fixed: Sequence[str],
        options: Sequence[str],
        need: int,
        rooms: Sequence[str],
        duration: int,
        frame: Frame,
    ) -> _Slot | None:
        """Earliest start for the participants with all ``fixed`` assessors plus ``need`` of ``options``."""
        co, rest = self.st.changeover_minutes, self.st.rest_break_minutes
        assessor_windows = frame.assessor_windows
        windows = list(frame.wave_windows)
        for aid in fixed:
            windows = intersect(windows, assessor_windows.get(aid, []))
        if not windows or not rooms:
            return None
        points: set[int] = {ws for ws, _ in windows}
        for pid in pids:
            for _, e in self.participant_busy.get(pid, ()):
                points.update((e + co, e + rest))
        for aid in fixed:
            points.update(e + co for _, e in self.assessor_busy.get(aid, ()))
        for rid in rooms:
            points.update(e for _, e in self.room_busy.get(rid, ()))
        if need:
            for aid in options:
                points.update(e + co for _, e in self.assessor_busy.get(aid, ()))
                points.update(ws for ws, _ in assessor_windows.get(aid, []))
        candidates = sorted({self._round_up(t) for t in points})
        for ws, we in windows:
            for t in candidates:
                if t < ws:
                    continue
                end = t + duration
                if end > we:
                    break
                if not all(self._participant_free(pid, t, end) for pid in pids):
                    continue
                if not all(self._assessor_free(aid, t, end, assessor_windows.get(aid, [])) for aid in fixed):
                    continue
                room = next((rid for rid in rooms if self._room_free(rid, t, end)), None)
                if room is None:
                    continue
                chosen = list(fixed)
                if need:
                    for aid in options:
                        if len(chosen) - len(fixed) == need:
                            break
                        free = self._assessor_free(aid, t, end, assessor_windows.get(aid, []))
                        if free and aid not in chosen:
                            chosen.append(aid)
                    if len(chosen) - len(fixed) < need:
                        continue
                return _Slot(start=t, room_id=room, assessor_ids=tuple(chosen))
        return None

    def _book(
        self, exercise: Exercise, wave: int, slot: _Slot, pids: Sequence[str], duration: int
    ) -> Session:
        end = slot.start + duration
        for pid in pids:
            insort(self.participant_busy[pid], (slot.start, end))
        for aid in slot.assessor_ids:
            insort(self.assessor_busy[aid], (slot.start, end))
        insort(self.room_busy[slot.room_id], (slot.start, end))
        self._counter += 1
        return Session(
            id=f"g{wave}-{self._counter:04d}",
            exercise_id=exercise.id,
            wave=wave,
            room_id=slot.room_id,
            start=from_minutes(slot.start),
            end=from_minutes(end),
            participant_ids=tuple(pids),
            assessor_ids=slot.assessor_ids,
        )

    def _rooms(self, kind: RoomKind, size: int, wave: int) -> list[str]:
        rooms = [r for r in self.problem.rooms_of(wave) if r.kind == kind and r.capacity >= size]
        return [r.id for r in sorted(rooms, key=lambda r: (r.capacity, r.id))]

    # -- one wave --------------------------------------------------------------------------------
    def place_whole_wave(self, wave: int, members: Sequence[Participant]) -> WaveTimetable:
        """Whole-wave sessions first (in batches when no hall seats the whole wave)."""
        problem = self.problem
        frame = Frame([w for d in problem.wave_days.get(wave, ()) for w in working_windows(self.st, d)], {})
        out = WaveTimetable()
        ids = [p.id for p in members]
        halls = [r for r in problem.rooms_of(wave) if r.kind == ROOM_KIND_FOR["whole_wave"]]
        hall_size = max((r.capacity for r in halls), default=0)
        for exercise in (e for e in problem.exercises if e.kind == "whole_wave"):
            batches = _split(ids, ceil(len(ids) / hall_size)) if hall_size else [ids]
            for batch in batches:
                rooms = self._rooms("aula", len(batch), wave)
                slot = self.find_slot(batch, (), (), 0, rooms, exercise.duration_minutes, frame)
                if slot is None:
                    out.unplaced.append(f"{exercise.name} untuk {len(batch)} peserta gelombang {wave}")
                else:
                    out.sessions.append(self._book(exercise, wave, slot, batch, exercise.duration_minutes))
        return out

    def blocked_for_all(self, members: Sequence[Participant]) -> list[Window]:
        """Times when every participant of the wave is already busy (an assessor can do nothing then)."""
        if not members:
            return []
        common = list(self.participant_busy.get(members[0].id, []))
        for p in members[1:]:
            common = intersect(common, self.participant_busy.get(p.id, []))
            if not common:
                break
        return common

    def place_wave(
        self, task: WaveTask, assignment: Assignment, out: WaveTimetable | None = None
    ) -> WaveTimetable:
        """Group and one-to-one sessions of the wave, after ``place_whole_wave``."""
        problem, st = self.problem, self.st
        wave = task.wave
        days = list(problem.wave_days.get(wave, ()))
        frame = Frame(
            [w for d in days for w in working_windows(st, d)],
            {a.id: [w for d in days for w in available_windows(st, a, d)] for a in task.pool},
        )
        out = out if out is not None else WaveTimetable()
        # Planned load from the assignment; a repair moves one unit of load from one assessor to another.
        load: Counter[str] = Counter(assignment.one_to_one.values())
        for chosen in assignment.observers.values():
            load.update(chosen)
        seen: dict[str, set[str]] = defaultdict(set)
        order = {a.id: i for i, a in enumerate(task.pool)}

        def ranked(candidates: Iterable[Assessor], people: Sequence[str]) -> list[str]:
            return [
                a.id
                for a in sorted(
                    candidates,
                    key=lambda a: (sum(1 for p in people if a.id in seen[p]), load[a.id], order[a.id]),
                )
            ]

        def book(exercise: Exercise, slot: _Slot, pids: Sequence[str], planned: Sequence[str]) -> None:
            out.sessions.append(self._book(exercise, wave, slot, pids, exercise.duration_minutes))
            load.subtract(planned)
            for aid in slot.assessor_ids:
                load[aid] += 1
                for pid in pids:
                    seen[pid].add(aid)

        # Group sessions.
        for gi, group in enumerate(task.groups):
            out.groups[group[0].group or group_label(gi)] = [p.id for p in group]
        for exercise in task.group_exercises:
            for gi, group in enumerate(task.groups):
                pids = [p.id for p in group]
                rooms = self._rooms("ruang_kelompok", len(pids), wave)
                preferred = assignment.observers.get((gi, exercise.id), ())
                slot = self.find_slot(pids, preferred, (), 0, rooms, exercise.duration_minutes, frame)
                if slot is None:
                    eligible = ranked(task.eligible_for_group(gi), pids)
                    need = min(task.observers, len(eligible))
                    slot = self.find_slot(pids, (), eligible, need, rooms, exercise.duration_minutes, frame)
                if slot is None:
                    out.unplaced.append(f"{exercise.name} kelompok {gi + 1} gelombang {wave}")
                else:
                    book(exercise, slot, pids, preferred)

        # One-to-one sessions: the assessors with the least time left go first.
        rooms_1 = self._rooms("ruang_wawancara", 1, wave)
        jobs = [
            (p, e, assignment.one_to_one.get((p.id, e.id))) for e in task.one_to_one for p in task.members
        ]
        jobs.sort(key=lambda job: task.capacity_minutes.get(job[2], 0) if job[2] is not None else 0)
        for p, exercise, planned in jobs:
            slot = None
            if planned is not None:
                slot = self.find_slot([p.id], [planned], (), 0, rooms_1, exercise.duration_minutes, frame)
            if slot is None:
                eligible = ranked(task.eligible(p), [p.id])
                slot = self.find_slot([p.id], (), eligible, 1, rooms_1, exercise.duration_minutes, frame)
            if slot is None:
                out.unplaced.append(f"{exercise.name} peserta {p.label}")
            else:
                book(exercise, slot, [p.id], [planned] if planned is not None else [])

        out.lead = self._settle_leads(task, assignment, seen)
        return out

    def _settle_leads(
        self, task: WaveTask, assignment: Assignment, seen: dict[str, set[str]]
    ) -> dict[str, str]:
        """Keep the assigned leads where they still observe the participant; repair the rest."""
        count: Counter[str] = Counter()
        lead: dict[str, str] = {}
        pending: list[Participant] = []
        for p in task.members:
            aid = assignment.lead.get(p.id)
            if aid is not None and (aid in seen[p.id] or not seen[p.id]) and count[aid] < task.max_lead[aid]:
                lead[p.id] = aid
                count[aid] += 1
            else:
                pending.append(p)
        order = {a.id: i for i, a in enumerate(task.pool)}
        for p in pending:
            options = [a for a in task.eligible(p) if count[a.id] < task.max_lead[a.id]]
            options.sort(key=lambda a: (a.id not in seen[p.id], count[a.id], order[a.id]))
            if options:
                lead[p.id] = options[0].id
                count[options[0].id] += 1
        return lead


def _split(items: Sequence[str], parts: int) -> list[list[str]]:
    parts = max(1, parts)
    base, extra = divmod(len(items), parts)
    out, start = [], 0
    for i in range(parts):
        size = base + (1 if i < extra else 0)
        out.append(list(items[start : start + size]))
        start += size
    return [b for b in out if b]
