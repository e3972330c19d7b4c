"""Splitting an event's participants into waves (gelombang), discussion groups and question sets.

Pure rules, no database. Waves hold at most `wave_size` participants (SOP 001: about 30) and are made
as even as possible in participant-number order. Within a wave the groups of group_min..group_max
come from the scheduler's own rule (domain.scheduling.grouping.form_groups): participants of one unit
are spread over the groups, and, when the event's assessors are known, every group keeps enough
observers free of a conflict of interest. Question sets (paket soal) are dealt so that neighbours
differ: per group (adjacent groups get different sets) or per seat (adjacent participants in seating
order get different sets, for tests written in one hall).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from math import ceil
from typing import Literal

from ukom_desktop.domain.scheduling.grouping import form_groups, group_label
from ukom_desktop.domain.scheduling.model import Assessor as SchedAssessor
from ukom_desktop.domain.scheduling.model import Participant as SchedParticipant
from ukom_desktop.domain.scheduling.model import Settings as SchedSettings

QuestionSetMode = Literal["kelompok", "peserta"]
QUESTION_SET_MODES: dict[str, str] = {
    "kelompok": "Satu paket per kelompok (kelompok bersebelahan berbeda)",
    "peserta": "Berselang-seling per peserta (peserta bersebelahan berbeda)",
}


@dataclass(frozen=True)
class Member:
    id: int
    unit: str
    number: int | None = None  # nomor peserta, the order waves are filled in


@dataclass(frozen=True)
class GroupPlan:
    number: int  # 1.. within the wave
    name: str  # "Kelompok A"
    member_ids: tuple[int, ...]
    question_sets: tuple[str, ...]  # per member, same order as member_ids


@dataclass(frozen=True)
class WavePlan:
    number: int
    groups: tuple[GroupPlan, ...]

    @property
    def member_ids(self) -> tuple[int, ...]:
        return tuple(m for group in self.groups for m in group.member_ids)


@dataclass(frozen=True)
class GroupingPlan:
    waves: tuple[WavePlan, ...]
    notes: tuple[str, ...] = field(default=())

    @property
    def group_count(self) -> int:
        return sum(len(w.groups) for w in self.waves)

    def assignment(self) -> dict[int, tuple[int, int, str]]:
        """member id -> (wave number, group number, question set)."""
        out: dict[int, tuple[int, int, str]] = {}
        for wave in self.waves:
            for group in wave.groups:
                for member, qset in zip(group.member_ids, group.question_sets, strict=True):
                    out[member] = (wave.number, group.number, qset)
        return out


def question_set_labels(count: int) -> list[str]:
    """ "A", "B", ... for `count` sets (AA after Z)."""
    return [group_label(i) for i in range(max(count, 1))]


def wave_sizes(total: int, wave_size: int) -> list[int]:
    """Even wave sizes, none above wave_size: 65 people by 30 -> [22, 22, 21]."""
    if total <= 0:
        return []
    if wave_size < 1:
        raise ValueError("ukuran gelombang harus minimal 1")
    count = ceil(total / wave_size)
    base, extra = divmod(total, count)
    return [base + (1 if i < extra else 0) for i in range(count)]


def split_into_waves(members: Sequence[Member], wave_size: int) -> list[list[Member]]:
    """Members in number order (then id) cut into even waves of at most wave_size."""
    ordered = sorted(members, key=lambda m: (m.number is None, m.number or 0, m.id))
    waves: list[list[Member]] = []
    start = 0
    for size in wave_sizes(len(ordered), wave_size):
        waves.append(ordered[start : start + size])
        start += size
    return waves


def deal_question_sets(groups: Sequence[Sequence[int]], sets: int, mode: QuestionSetMode) -> list[list[str]]:
    """Question set per member of each group (groups in seating order) so that neighbours differ."""
    labels = question_set_labels(sets)
    out: list[list[str]] = []
    seat = 0
    for index, group in enumerate(groups):
        if mode == "kelompok":
            out.append([labels[index % len(labels)]] * len(group))
        else:
            out.append([labels[(seat + i) % len(labels)] for i in range(len(group))])
            seat += len(group)
    return out


def plan_grouping(
    members: Sequence[Member],
    *,
    wave_size: int = 30,
    group_min: int = 4,
    group_max: int = 8,
    question_sets: int = 2,
    mode: QuestionSetMode = "kelompok",
    assessors: Sequence[tuple[int, str]] = (),
    observers_needed: int = 2,
) -> GroupingPlan:
    """Waves, groups balanced by unit and question sets for `members`. `assessors` are (id, unit)."""
    if group_min < 1 or group_max < group_min:
        raise ValueError("ukuran kelompok tidak sah")
    notes: list[str] = []
    settings = SchedSettings(group_min=group_min, group_max=group_max, group_observers=observers_needed)
    pool = [SchedAssessor(id=str(a_id), unit=unit) for a_id, unit in assessors]
    waves: list[WavePlan] = []
    for wave_number, wave_members in enumerate(split_into_waves(members, wave_size), start=1):
        sched = [SchedParticipant(id=f"{m.id:09d}", unit=m.unit, wave=wave_number) for m in wave_members]
        groups = form_groups(sched, pool, settings, observers_needed if pool else 0)
        ids = [[int(p.id) for p in group] for group in groups]
        by_id = {m.id: m for m in wave_members}
        # Seat order inside a group: by participant number, so lists read naturally.
        ids = [sorted(g, key=lambda i: (by_id[i].number is None, by_id[i].number or 0, i)) for g in ids]
        qsets = deal_question_sets(ids, question_sets, mode)
        plans = tuple(
            GroupPlan(number=n, name=f"Kelompok {group_label(n - 1)}", member_ids=tuple(g), question_sets=tuple(q))
            for n, (g, q) in enumerate(zip(ids, qsets, strict=True), start=1)
        )
        sizes = [len(g) for g in ids]
        if any(size < group_min or size > group_max for size in sizes):
            notes.append(
                f"Gelombang {wave_number}: {len(wave_members)} peserta tidak dapat dibagi rata ke kelompok "
                f"{group_min}-{group_max} orang (ukuran kelompok: {', '.join(map(str, sizes))})."
            )
        waves.append(WavePlan(number=wave_number, groups=plans))
    return GroupingPlan(waves=tuple(waves), notes=tuple(notes))


def unit_crowding(plan: GroupingPlan, unit_of: dict[int, str]) -> int:
    """How many same-unit pairs sit in one group beyond what the unit sizes force (0 = perfectly spread)."""
    excess = 0
    for wave in plan.waves:
        group_total = len(wave.groups)
        wave_units = Counter(unit_of[m] for m in wave.member_ids)
        for group in wave.groups:
            in_group = Counter(unit_of[m] for m in group.member_ids)
            for unit, count in in_group.items():
                allowed = ceil(wave_units[unit] / group_total)
                excess += max(0, count - allowed)
    return excess
