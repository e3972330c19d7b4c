"""Checks before solving that explain, per wave and in Indonesian, why a schedule cannot exist.

Each finding is a Violation: "berat" means the wave cannot be scheduled as set up (the solver skips
it); "ringan" means it can, with a reduced target (fewer distinct assessors than wanted).
A finding with ``wave=None`` concerns every wave.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from math import ceil

from ukom_desktop.domain.scheduling.model import (
    EXERCISE_KIND_LABEL,
    EXERCISE_KINDS,
    HARD,
    ROOM_KIND_FOR,
    ROOM_KIND_LABEL,
    ROOM_KINDS,
    SOFT,
    Assessor,
    Exercise,
    Participant,
    Rule,
    ScheduleProblem,
    Severity,
    Violation,
)
from ukom_desktop.domain.scheduling.timegrid import (
    available_windows,
    format_minutes,
    total_minutes,
    working_windows,
)


def observation_slots(problem: ScheduleProblem) -> int:
    """How many assessor observations one participant gets: one per one-to-one exercise, observers per group."""
    kinds = Counter(e.kind for e in problem.exercises)
    return kinds["one_to_one"] + kinds["group"] * problem.settings.group_observers


def wave_pool(problem: ScheduleProblem, wave: int) -> list[Assessor]:
    """Assessors who can work at least part of one day of the wave."""
    days = problem.wave_days.get(wave, ())
    return [a for a in problem.assessors if any(available_windows(problem.settings, a, d) for d in days)]


def assessor_minutes(problem: ScheduleProblem, assessor: Assessor, wave: int) -> int:
    days = problem.wave_days.get(wave, ())
    return sum(total_minutes(available_windows(problem.settings, assessor, d)) for d in days)


def effective_min_distinct(
    problem: ScheduleProblem, participant: Participant, pool: Sequence[Assessor]
) -> int:
    """The distinct-assessor target this participant can reach: D, or less when exercises or team are short."""
    eligible = sum(1 for a in pool if a.unit != participant.unit)
    return max(0, min(problem.settings.min_distinct_assessors, observation_slots(problem), eligible))


def group_count(size: int, group_min: int, group_max: int) -> int | None:
    """The fewest groups of group_min..group_max that hold ``size`` participants, or None."""
    if size <= 0:
        return 0
    for count in range(ceil(size / group_max), size // group_min + 1):
        if count * group_min <= size <= count * group_max:
            return count
    return None


class _Findings:
    def __init__(self) -> None:
        self.items: list[Violation] = []

    def add(
        self,
        code: Rule,
        message: str,
        wave: int | None,
        persons: Iterable[str] = (),
        severity: Severity = HARD,
    ) -> None:
        self.items.append(
            Violation(code=code, severity=severity, message=message, person_ids=tuple(persons), wave=wave)
        )


def _names(items: Sequence[str], limit: int = 6) -> str:
    if len(items) <= limit:
        return ", ".join(items)
    return f"{', '.join(items[:limit])} dan {len(items) - limit} lainnya"


def _check_problem(problem: ScheduleProblem, out: _Findings) -> None:
    st = problem.settings
    for what, ids in (
        ("peserta", [p.id for p in problem.participants]),
        ("asesor", [a.id for a in problem.assessors]),
        ("ruang", [r.id for r in problem.rooms]),
        ("latihan", [e.id for e in problem.exercises]),
    ):
        doubles = sorted(k for k, n in Counter(ids).items() if n > 1)
        if doubles:
            out.add(Rule.INVALID_PROBLEM, f"ID {what} ganda: {_names(doubles)}.", None)
    for e in problem.exercises:
        if e.kind not in EXERCISE_KINDS:
            out.add(Rule.INVALID_PROBLEM, f"Jenis latihan {e.name} tidak dikenal: {e.kind}.", None)
        if e.duration_minutes <= 0:
            out.add(Rule.INVALID_PROBLEM, f"Durasi latihan {e.name} harus lebih dari 0 menit.", None)
    for r in problem.rooms:
        if r.kind not in ROOM_KINDS:
            out.add(Rule.INVALID_PROBLEM, f"Jenis ruang {r.label} tidak dikenal: {r.kind}.", None)
        if r.capacity <= 0:
            out.add(Rule.INVALID_PROBLEM, f"Kapasitas ruang {r.label} harus lebih dari 0.", None)
    if st.day_start >= st.day_end:
        out.add(Rule.INVALID_PROBLEM, "Jam mulai kerja harus sebelum jam selesai kerja.", None)
    if not 1 <= st.group_min <= st.group_max:
        out.add(
            Rule.INVALID_PROBLEM,
            f"Ukuran kelompok {st.group_min}-{st.group_max} tidak sah: minimal 1 dan tidak melebihi maksimal.",
            None,
        )
    needed = {e.kind for e in problem.exercises if e.kind in EXERCISE_KINDS}
    for kind in sorted(needed):
        room_kind = ROOM_KIND_FOR[kind]
        if not any(r.kind == room_kind for r in problem.rooms):
            names = [e.name for e in problem.exercises if e.kind == kind]
            out.add(
                Rule.NO_ROOM_OF_KIND,
                f"Tidak ada {ROOM_KIND_LABEL[room_kind]} untuk latihan {EXERCISE_KIND_LABEL[kind]}: "
                f"{_names(names)}.",
                None,
            )


def _check_wave(problem: ScheduleProblem, wave: int, members: list[Participant], out: _Findings) -> None:
    st = problem.settings
    n = len(members)
    days = list(problem.wave_days.get(wave, ()))
    prefix = f"Gelombang {wave}"
    if not days:
        out.add(Rule.NO_WAVE_DAYS, f"{prefix}: {n} peserta, tetapi belum ada tanggal pelaksanaan.", wave)
        return
    windows = [w for d in days for w in working_windows(st, d)]
    work = total_minutes(windows)
    longest_window = max((b - a for a, b in windows), default=0)
    pool = wave_pool(problem, wave)
    exercises = [e for e in problem.exercises if e.kind in EXERCISE_KINDS and e.duration_minutes > 0]
    by_kind: dict[str, list[Exercise]] = defaultdict(list)
    for e in exercises:
        by_kind[e.kind].append(e)
    if problem.wave_rooms.get(wave):
        own_kinds = {r.kind for r in problem.rooms_of(wave)}
        for kind in sorted({e.kind for e in exercises}):
            room_kind = ROOM_KIND_FOR[kind]
            if room_kind not in own_kinds and any(r.kind == room_kind for r in problem.rooms):
                out.add(
                    Rule.NO_ROOM_OF_KIND,
                    f"{prefix}: ruang yang dipilih untuk gelombang ini tidak memuat {ROOM_KIND_LABEL[room_kind]} "
                    f"untuk latihan {EXERCISE_KIND_LABEL[kind]}.",
                    wave,
                )

    if not pool:
        out.add(
            Rule.NO_ASSESSORS,
            f"{prefix}: {n} peserta, tetapi tidak ada asesor yang tersedia pada hari pelaksanaan.",
            wave,
        )
        return

    # Lead assessors: total capacity, then per unit (an assessor never leads someone of their own unit).
    capacity = sum(problem.max_lead(a) for a in pool)
    if n > capacity:
        uniform = {problem.max_lead(a) for a in pool}
        detail = (
            f"{len(pool)} asesor tersedia x {uniform.pop()} peserta per asesor"
            if len(uniform) == 1
            else f"jumlah batas asesor utama dari {len(pool)} asesor yang tersedia"
        )
        out.add(Rule.LEAD_CAPACITY, f"{prefix}: {n} peserta, kapasitas asesor {capacity} ({detail}).", wave)
    by_unit: dict[str, list[Participant]] = defaultdict(list)
    for p in members:
        by_unit[p.unit].append(p)
    for unit, people in sorted(by_unit.items()):
        others = [a for a in pool if a.unit != unit]
        ids = [p.id for p in people]
        if not others:
            out.add(
                Rule.UNIT_COVERS_ALL_ASSESSORS,
                f"{prefix}: {len(people)} peserta dari unit {unit} ({_names([p.label for p in people])}) tidak dapat dinilai karena "
                f"semua asesor yang tersedia berasal dari unit {unit}.",
                wave,
                ids,
            )
            continue
        unit_capacity = sum(problem.max_lead(a) for a in others)
        if len(people) > unit_capacity:
            out.add(
                Rule.LEAD_CAPACITY,
                f"{prefix}: {len(people)} peserta dari unit {unit}, kapasitas asesor dari unit lain "
                f"{unit_capacity} ({len(others)} asesor).",
                wave,
                ids,
            )

    # Groups.
    groups = 0
    if by_kind["group"]:
        preset: dict[str, list[Participant]] = defaultdict(list)
        for p in members:
            if p.group is not None:
                preset[p.group].append(p)
        for name, people in sorted(preset.items()):
            ids = [p.id for p in people]
            if not st.group_min <= len(ids) <= st.group_max:
                out.add(
                    Rule.GROUP_PARTITION,
                    f"{prefix}: kelompok {name} berisi {len(ids)} peserta; ukuran kelompok harus "
                    f"{st.group_min}-{st.group_max} peserta.",
                    wave,
                    ids,
                )
            units = {p.unit for p in people}
            observers = sum(1 for a in pool if a.unit not in units)
            if observers < st.group_observers:
                out.add(
                    Rule.GROUP_PARTITION,
                    f"{prefix}: kelompok {name} ({_names([p.label for p in people])}) memerlukan {st.group_observers} asesor pengamat, "
                    f"tetapi hanya {observers} asesor tersedia yang bukan berasal dari unit "
                    f"{' atau '.join(sorted(units))}.",
                    wave,
                    ids,
                )
        free = sum(1 for p in members if p.group is None)
        count = group_count(free, st.group_min, st.group_max)
        if count is None:
            out.add(
                Rule.GROUP_PARTITION,
                f"{prefix}: {free} peserta tidak dapat dibagi menjadi kelompok berukuran "
                f"{st.group_min}-{st.group_max} peserta.",
                wave,
            )
            count = ceil(free / st.group_max)
        groups = len(preset) + count
        group_rooms = [r for r in problem.rooms_of(wave) if r.kind == "ruang_kelompok"]
        if group_rooms and max(r.capacity for r in group_rooms) < st.group_min:
            out.add(
                Rule.GROUP_ROOM_TOO_SMALL,
                f"{prefix}: ruang kelompok terbesar hanya memuat {max(r.capacity for r in group_rooms)} "
                f"peserta, padahal kelompok berisi minimal {st.group_min} peserta.",
                wave,
            )
        if len(pool) < st.group_observers:
            out.add(
                Rule.NO_ASSESSORS,
                f"{prefix}: hanya {len(pool)} asesor tersedia, padahal setiap kelompok diamati minimal "
                f"{st.group_observers} asesor.",
                wave,
            )

    # Time: each exercise must fit one working window and the continuous-activity limit.
    for e in exercises:
        if e.duration_minutes > longest_window:
            out.add(
                Rule.PARTICIPANT_TIME,
                f"{prefix}: latihan {e.name} berlangsung {e.duration_minutes} menit, lebih panjang dari "
                f"rentang kerja terpanjang {longest_window} menit.",
                wave,
            )
        if e.duration_minutes > st.max_continuous_minutes:
            out.add(
                Rule.PARTICIPANT_TIME,
                f"{prefix}: latihan {e.name} berlangsung {e.duration_minutes} menit, melebihi batas "
                f"{st.max_continuous_minutes} menit tanpa istirahat.",
                wave,
            )
    per_participant = sum(e.duration_minutes for e in exercises) + st.changeover_minutes * max(
        0, len(exercises) - 1
    )
    if per_participant > work:
        out.add(
            Rule.PARTICIPANT_TIME,
            f"{prefix}: setiap peserta membutuhkan {format_minutes(per_participant)} menit latihan dan jeda, "
            f"waktu kerja yang tersedia {format_minutes(work)} menit ({len(days)} hari).",
            wave,
        )
    co = st.changeover_minutes
    needed = n * sum(e.duration_minutes + co for e in by_kind["one_to_one"])
    needed += groups * st.group_observers * sum(e.duration_minutes + co for e in by_kind["group"])
    supply = sum(assessor_minutes(problem, a, wave) for a in pool)
    if needed > supply:
        out.add(
            Rule.ASSESSOR_TIME,
            f"{prefix}: latihan yang dinilai asesor membutuhkan {format_minutes(needed)} menit kerja asesor, "
            f"tersedia {format_minutes(supply)} menit.",
            wave,
        )
    aulas = [r for r in problem.rooms_of(wave) if r.kind == "aula"]
    batches = ceil(n / max(r.capacity for r in aulas)) if aulas else 0
    for room_kind, demand in (
        ("ruang_wawancara", n * sum(e.duration_minutes for e in by_kind["one_to_one"])),
        ("ruang_kelompok", groups * sum(e.duration_minutes for e in by_kind["group"])),
        ("aula", batches * sum(e.duration_minutes for e in by_kind["whole_wave"])),
    ):
        count = sum(1 for r in problem.rooms_of(wave) if r.kind == room_kind)
        if count and demand > count * work:
            out.add(
                Rule.ROOM_TIME,
                f"{prefix}: {ROOM_KIND_LABEL[room_kind]} dibutuhkan {format_minutes(demand)} menit, "
                f"tersedia {format_minutes(count * work)} menit ({count} ruang).",
                wave,
            )

    # Distinct assessors: a reduced target is allowed but said aloud.
    slots = observation_slots(problem)
    if slots < st.min_distinct_assessors:
        out.add(
            Rule.DISTINCT_REDUCED,
            f"{prefix}: setiap peserta hanya dapat diamati paling banyak {slots} asesor berbeda "
            f"({slots} kesempatan pengamatan), kurang dari target {st.min_distinct_assessors}.",
            wave,
            severity=SOFT,
        )
    for unit, people in sorted(by_unit.items()):
        eligible = sum(1 for a in pool if a.unit != unit)
        if 0 < eligible < min(st.min_distinct_assessors, slots):
            out.add(
                Rule.DISTINCT_REDUCED,
                f"{prefix}: peserta dari unit {unit} hanya dapat dinilai oleh {eligible} asesor yang tersedia "
                f"dari unit lain, kurang dari target {st.min_distinct_assessors} asesor berbeda.",
                wave,
                [p.id for p in people],
                severity=SOFT,
            )


def check_feasibility(problem: ScheduleProblem, waves: Iterable[int] | None = None) -> list[Violation]:
    """Reasons, per wave, why a schedule cannot be built (berat) or must settle for less (ringan)."""
    out = _Findings()
    _check_problem(problem, out)
    for wave in problem.waves if waves is None else sorted(set(waves)):
        members = problem.participants_of(wave)
        if members:
            _check_wave(problem, wave, members, out)
    return out.items


def infeasible_waves(findings: Iterable[Violation], waves: Iterable[int]) -> set[int]:
    """The waves that a hard finding blocks (a finding without a wave blocks them all)."""
    wave_set = set(waves)
    blocked: set[int] = set()
    for f in findings:
        if f.is_hard:
            if f.wave is None:
                return wave_set
            blocked.add(f.wave)
    return blocked & wave_set
