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


def _eligible(units: set[str], pool_units: Counter[str]) -> int:
    return sum(n for u, n in pool_units.items() if u not in units)


def _deal(
    free: Sequence[Participant], targets: list[int], pool_units: Counter[str], needed: int, mixed: bool
) -> list[list[Participant]]:
    """Place participants one by one.

    mixed: spread each unit over the groups (diverse discussions) while keeping ``needed`` observers;
    otherwise keep units together (the fallback when the team's units leave no other way).
    """
    unit_size = Counter(p.unit for p in free)
    if mixed:
        ordered = sorted(free, key=lambda p: (-unit_size[p.unit], p.unit, p.id))
    else:
        # Units that have assessors first, the biggest first; units without assessors fill the gaps.
        ordered = sorted(free, key=lambda p: (p.unit not in pool_units, -unit_size[p.unit], p.unit, p.id))
    built: list[list[Participant]] = [[] for _ in targets]
    units: list[set[str]] = [set() for _ in targets]
    for p in ordered:
        open_groups = [i for i in range(len(built)) if len(built[i]) < targets[i]]

        def key(i: int, p: Participant = p) -> tuple[int, ...]:
            after = _eligible(units[i] | {p.unit}, pool_units)
            same = sum(1 for q in built[i] if q.unit == p.unit)
            if mixed:
                return (after < needed, same, -after, len(built[i]), i)
            return (after < needed, -after, -same, -len(built[i]), i)

        best = min(open_groups, key=key)
        built[best].append(p)
        units[best].add(p.unit)
    return built


def form_groups(
    members: Sequence[Participant],
    pool: Sequence[Assessor],
    settings: Settings,
    observers_needed: int | None = None,
) -> list[list[Participant]]:
    """Groups of group_min..group_max that mix units while each keeps enough eligible observers.

    Tries mixed groups, then unit-clustered ones, with the fewest groups first and more groups when
    needed; returns the first split where every group has ``observers_needed`` (default: the
    settings' observers) assessors free of a conflict of interest, else the split that comes closest.
    """
    needed = settings.group_observers if observers_needed is None else observers_needed
    groups, free = _preset_groups(members)
    if not free:
        return groups
    pool_units = Counter(a.unit for a in pool)
    fewest = group_count(len(free), settings.group_min, settings.group_max)
    if fewest is None:
        counts = [max(1, -(-len(free) // settings.group_max))]
    else:
        counts = [
            c
            for c in range(fewest, len(free) // settings.group_min + 1)
            if c * settings.group_min <= len(free) <= c * settings.group_max
        ]
    best: list[list[Participant]] | None = None
    best_score = -1
    for count in counts:
        targets = _sizes(len(free), count)
        for mixed in (True, False):
            built = _deal(free, targets, pool_units, needed, mixed)
            score = min(_eligible({p.unit for p in g}, pool_units) for g in built)
            if score >= needed:
                return groups + built
            if score > best_score:
                best, best_score = built, score
    assert best is not None
    return groups + best


def group_label(index: int) -> str:
    """Group names on the schedule: A, B, ..., Z, AA, AB, ..."""
    label = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        label = chr(ord("A") + rest) + label
    return label
