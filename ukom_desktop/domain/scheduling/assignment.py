"""Who assesses whom in one wave: lead assessors, one-to-one assessors and group observers.

CP-SAT earns its place here: conflict of interest, the lead limit K, assessor minutes, D distinct
assessors per participant and an even load interact, and a small 0-1 model settles them together in
well under a second per wave. A balanced greedy assignment seeds the model as a hint and stands in
when the solver finds nothing in time (or is not installed). Times are chosen later (``timetable``).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ukom_desktop.domain.scheduling.model import Assessor, Exercise, Participant
from ukom_desktop.domain.scheduling.timegrid import Window, intersect, longest

# Objective weights: reaching D distinct assessors first, then even session load, then even leads.
_W_SHORT = 1000
_W_LOAD = 20
_W_LEAD = 10


@dataclass
class WaveTask:
    """Everything the assignment of one wave needs, already filtered to that wave."""

    wave: int
    members: list[Participant]
    groups: list[list[Participant]]
    pool: list[Assessor]
    one_to_one: list[Exercise]
    group_exercises: list[Exercise]
    capacity_minutes: dict[str, int]
    max_lead: dict[str, int]
    distinct_target: dict[str, int]
    observers: int
    changeover: int
    windows: dict[str, list[Window]] = field(default_factory=dict)  # usable time per assessor; empty: any

    def fits(self, assessor_ids: Sequence[str], minutes: int) -> bool:
        """Whether the assessors share a usable window of at least ``minutes``."""
        if not self.windows:
            return True
        common: list[Window] | None = None
        for aid in assessor_ids:
            own = self.windows.get(aid, [])
            common = own if common is None else intersect(common, own)
        return common is None or longest(common) >= minutes

    def eligible(self, participant: Participant) -> list[Assessor]:
        return [a for a in self.pool if a.unit != participant.unit]

    def eligible_for_group(self, index: int) -> list[Assessor]:
        units = {p.unit for p in self.groups[index]}
        return [a for a in self.pool if a.unit not in units]

    def group_of(self) -> dict[str, int]:
        return {p.id: i for i, g in enumerate(self.groups) for p in g}


@dataclass
class Assignment:
    lead: dict[str, str] = field(default_factory=dict)
    # (participant, exercise) -> assessor
    one_to_one: dict[tuple[str, str], str] = field(default_factory=dict)
    observers: dict[tuple[int, str], tuple[str, ...]] = field(default_factory=dict)  # (group, exercise)
    method: str = "greedy"


def greedy_assignment(task: WaveTask, balanced: bool = True) -> Assignment:
    """Balanced (least loaded first, new faces first) or plain first-fit (pool order) assignment."""
    load: Counter[str] = Counter()
    minutes: Counter[str] = Counter()
    leads: Counter[str] = Counter()
    seen: dict[str, set[str]] = defaultdict(set)
    order = {a.id: i for i, a in enumerate(task.pool)}
    out = Assignment(method="greedy" if balanced else "first-fit")

    def fits(a: Assessor, cost: int) -> bool:
        return minutes[a.id] + cost <= task.capacity_minutes.get(a.id, 0)

    def rank(a: Assessor, people: Sequence[Participant]) -> tuple[int, ...]:
        if not balanced:
            return (order[a.id],)
        repeat = sum(1 for p in people if a.id in seen[p.id])
        return (repeat, load[a.id], minutes[a.id], order[a.id])

    def take(a: Assessor, people: Sequence[Participant], cost: int) -> None:
        load[a.id] += 1
        minutes[a.id] += cost
        for p in people:
            seen[p.id].add(a.id)

    for gi, group in enumerate(task.groups):
        candidates = task.eligible_for_group(gi)
        for exercise in task.group_exercises:
            cost = exercise.duration_minutes + task.changeover
            chosen: list[str] = []
            for a in sorted(candidates, key=lambda a: rank(a, group)):
                if len(chosen) == task.observers:
                    break
                if fits(a, cost) and task.fits([*chosen, a.id], exercise.duration_minutes):
                    chosen.append(a.id)
                    take(a, group, cost)
            out.observers[(gi, exercise.id)] = tuple(chosen)
    for exercise in task.one_to_one:
        cost = exercise.duration_minutes + task.changeover
        for p in task.members:
            options = sorted(
                (a for a in task.eligible(p) if task.fits([a.id], exercise.duration_minutes)),
                key=lambda a: rank(a, [p]),
            )
            pick = next((a for a in options if fits(a, cost)), options[0] if options else None)
            if pick is not None:
                out.one_to_one[(p.id, exercise.id)] = pick.id
                take(pick, [p], cost)
    for p in task.members:
        options = [a for a in task.eligible(p) if leads[a.id] < task.max_lead[a.id]]
        if balanced:
            options.sort(key=lambda a: (a.id not in seen[p.id], leads[a.id], order[a.id]))
        if options:
            out.lead[p.id] = options[0].id
            leads[options[0].id] += 1
    return out


def _lower_bound(total: int, bins: int) -> int:
    return 0 if bins == 0 or total % bins == 0 else 1


def cp_sat_assignment(
    task: WaveTask, time_limit_s: float, workers: int = 2, hint: Assignment | None = None
) -> Assignment | None:
    """The CP-SAT assignment, or None when the solver is missing or found no solution in time."""
    try:
        from ortools.sat.python import cp_model
    except ImportError:  # pragma: no cover - ortools is a declared dependency
        return None

    model = cp_model.CpModel()
    pool_ids = [a.id for a in task.pool]
    group_index = task.group_of()
    load_terms: dict[str, list[cp_model.IntVar]] = defaultdict(list)
    minute_terms: dict[str, list[tuple[int, cp_model.IntVar]]] = defaultdict(list)
    lead_terms: dict[str, list[cp_model.IntVar]] = defaultdict(list)
    x: dict[tuple[str, str, str], cp_model.IntVar] = {}
    obs: dict[tuple[int, str, str], cp_model.IntVar] = {}
    lead: dict[tuple[str, str], cp_model.IntVar] = {}
    shortfalls: list[cp_model.IntVar] = []
    seen_vars: dict[tuple[str, str], cp_model.IntVar] = {}

    for gi in range(len(task.groups)):
        candidates = task.eligible_for_group(gi)
        for exercise in task.group_exercises:
            cost = exercise.duration_minutes + task.changeover
            usable = [a for a in candidates if task.fits([a.id], exercise.duration_minutes)]
            chosen = []
            for a in usable:
                var = model.new_bool_var(f"o_{gi}_{exercise.id}_{a.id}")
                obs[(gi, exercise.id, a.id)] = var
                chosen.append(var)
                load_terms[a.id].append(var)
                minute_terms[a.id].append((cost, var))
            model.add(sum(chosen) == min(task.observers, len(usable)))
            # Observers of one session must share a free window long enough for it.
            for i, a in enumerate(usable):
                for b in usable[i + 1 :]:
                    if not task.fits([a.id, b.id], exercise.duration_minutes):
                        model.add(obs[(gi, exercise.id, a.id)] + obs[(gi, exercise.id, b.id)] <= 1)
    for p in task.members:
        eligible = task.eligible(p)
        for exercise in task.one_to_one:
            cost = exercise.duration_minutes + task.changeover
            row = []
            for a in eligible:
                if not task.fits([a.id], exercise.duration_minutes):
                    continue
                var = model.new_bool_var(f"x_{p.id}_{exercise.id}_{a.id}")
                x[(p.id, exercise.id, a.id)] = var
                row.append(var)
                load_terms[a.id].append(var)
                minute_terms[a.id].append((cost, var))
            if row:
                model.add_exactly_one(row)
        lead_row = []
        seen_row = []
        p_group = group_index.get(p.id)
        for a in eligible:
            var = model.new_bool_var(f"l_{p.id}_{a.id}")
            lead[(p.id, a.id)] = var
            lead_row.append(var)
            lead_terms[a.id].append(var)
            sources = [x[k] for e in task.one_to_one if (k := (p.id, e.id, a.id)) in x]
            if p_group is not None:
                sources += [obs[g] for e in task.group_exercises if (g := (p_group, e.id, a.id)) in obs]
            if sources:
                seen = model.new_bool_var(f"s_{p.id}_{a.id}")
                model.add(seen <= sum(sources))
                model.add(var <= sum(sources))  # the lead observes the participant at least once
                seen_row.append(seen)
                seen_vars[(p.id, a.id)] = seen
        if lead_row:
            model.add_exactly_one(lead_row)
        target = task.distinct_target.get(p.id, 0)
        if target and seen_row:
            short = model.new_int_var(0, target, f"short_{p.id}")
            model.add(sum(seen_row) + short >= target)
            shortfalls.append(short)
    for aid in pool_ids:
        model.add(sum(lead_terms[aid]) <= task.max_lead[aid])
        if minute_terms[aid]:
            model.add(sum(c * v for c, v in minute_terms[aid]) <= task.capacity_minutes.get(aid, 0))

    shortest = min(
        (e.duration_minutes + task.changeover for e in task.one_to_one + task.group_exercises), default=0
    )
    active = [aid for aid in pool_ids if load_terms[aid] and task.capacity_minutes.get(aid, 0) >= shortest]
    lead_active = [aid for aid in pool_ids if lead_terms[aid] and task.max_lead[aid] > 0]
    objective = [_W_SHORT * s for s in shortfalls]
    bound = 0
    if len(active) > 1:
        top, bottom = model.new_int_var(0, 1000, "load_max"), model.new_int_var(0, 1000, "load_min")
        for aid in active:
            model.add(top >= sum(load_terms[aid]))
            model.add(bottom <= sum(load_terms[aid]))
        objective.append(_W_LOAD * (top - bottom))
        total = len(task.members) * len(task.one_to_one)
        total += sum(
            min(task.observers, len(task.eligible_for_group(g))) for g in range(len(task.groups))
        ) * len(task.group_exercises)
        bound += _W_LOAD * _lower_bound(total, len(active))
    if len(lead_active) > 1:
        top, bottom = model.new_int_var(0, 1000, "lead_max"), model.new_int_var(0, 1000, "lead_min")
        for aid in lead_active:
            model.add(top >= sum(lead_terms[aid]))
            model.add(bottom <= sum(lead_terms[aid]))
        objective.append(_W_LEAD * (top - bottom))
        bound += _W_LEAD * _lower_bound(len(task.members), len(lead_active))
    if objective:
        model.minimize(sum(objective))

    if hint is not None:
        _add_hint(model, hint, x, obs, lead, seen_vars, task)

    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(0.05, time_limit_s)
    solver.parameters.num_workers = max(1, workers)
    solver.parameters.random_seed = 11

    class _StopAtBound(cp_model.CpSolverSolutionCallback):
        def on_solution_callback(self) -> None:
            if self.objective_value <= bound:
                self.stop_search()

    status = solver.solve(model, _StopAtBound())
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    out = Assignment(method="cp-sat optimal" if status == cp_model.OPTIMAL else "cp-sat")
    for (pid, eid, aid), var in x.items():
        if solver.value(var):
            out.one_to_one[(pid, eid)] = aid
    chosen_obs: dict[tuple[int, str], list[str]] = defaultdict(list)
    for (gi, eid, aid), var in obs.items():
        if solver.value(var):
            chosen_obs[(gi, eid)].append(aid)
    for gi in range(len(task.groups)):
        for e in task.group_exercises:
            out.observers[(gi, e.id)] = tuple(chosen_obs.get((gi, e.id), []))
    for (pid, aid), var in lead.items():
        if solver.value(var):
            out.lead[pid] = aid
    if objective and solver.objective_value <= bound:
        out.method = "cp-sat optimal"
    return out


def _add_hint(
    model: Any,
    hint: Assignment,
    x: Mapping[tuple[str, str, str], Any],
    obs: Mapping[tuple[int, str, str], Any],
    lead: Mapping[tuple[str, str], Any],
    seen_vars: Mapping[tuple[str, str], Any],
    task: WaveTask,
) -> None:
    for (pid, eid, aid), var in x.items():
        model.add_hint(var, hint.one_to_one.get((pid, eid)) == aid)
    for (gi, eid, aid), var in obs.items():
        model.add_hint(var, aid in hint.observers.get((gi, eid), ()))
    for (pid, aid), var in lead.items():
        model.add_hint(var, hint.lead.get(pid) == aid)
    group_index = task.group_of()
    for (pid, aid), var in seen_vars.items():
        sees = any(hint.one_to_one.get((pid, e.id)) == aid for e in task.one_to_one)
        p_group = group_index.get(pid)
        if p_group is not None:
            sees = sees or any(aid in hint.observers.get((p_group, e.id), ()) for e in task.group_exercises)
        model.add_hint(var, sees)
