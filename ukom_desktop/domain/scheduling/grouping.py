"""Splitting a wave into discussion groups (LGD) of group_min..group_max participants.

Groups mix units (peers from one office in one discussion tell the assessors little), but a group that
covers too many units leaves no assessor free of a conflict of interest to observe it, so the split
keeps enough eligible observers for every group.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from ukom_desktop.domain.scheduling.feasibility import group_count
from ukom_desktop.domain.scheduling.model import Assessor, Participant, Settings


def _sizes(total: int, count: int) -> list[int]:
    base, extra = divmod(total, count)
    return [base + (1 if i < extra else 0) for i in range(count)]


def _preset_groups(members: Sequence[Participant]) -> tuple[list[list[Participant]], list[Participant]]:
    preset: dict[str, list[Participant]] = defaultdict(list)
    free: list[Participant] = []
    for p in members:
        if p.group is None:
            free.append(p)
        else:
            preset[p.group].append(p)
    return [preset[k] for k in sorted(preset)], free


def form_groups(
    members: Sequence[Participant],
    pool: Sequence[Assessor],
    settings: Settings,
    observers_needed: int,
) -> list[list[Participant]]:
    """Groups mixing units while each keeps at least ``observers_needed`` eligible assessors where it can."""
    groups, free = _preset_groups(members)
    if not free:
        return groups
    count = group_count(len(free), settings.group_min, settings.group_max)
    if count is None:
        count = max(1, -(-len(free) // settings.group_max))
    targets = _sizes(len(free), count)
    unit_size = Counter(p.unit for p in free)
    ordered = sorted(free, key=lambda p: (-unit_size[p.unit], p.unit, p.id))
    pool_units = Counter(a.unit for a in pool)
    built: list[list[Participant]] = [[] for _ in targets]
    units: list[set[str]] = [set() for _ in targets]

    def eligible_after(index: int, unit: str) -> int:
        covered = units[index] | {unit}
        return sum(n for u, n in pool_units.items() if u not in covered)

    for p in ordered:
        best = min(
            (i for i in range(len(built)) if len(built[i]) < targets[i]),
            key=lambda i: (
                eligible_after(i, p.unit) < observers_needed,
                sum(1 for q in built[i] if q.unit == p.unit),
                -eligible_after(i, p.unit),
                len(built[i]),
                i,
            ),
        )
        built[best].append(p)
        units[best].add(p.unit)
    return groups + built


def group_label(index: int) -> str:
    """Group names on the schedule: A, B, ..., Z, AA, AB, ..."""
    label = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        label = chr(ord("A") + rest) + label
    return label
