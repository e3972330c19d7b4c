"""Rules of the exercise x competency matrix (matriks alat ukur x kompetensi) of an event.

SOP 001 prepares the matrix before the assessment; common practice (domain.md 9) is that every
competency of the target positions' standard is observed in at least two exercises. The minimum is a
setting (``competency.min_exercises``, default 2). An exercise that measures no competency is flagged:
it is a warning, not a blocker, because a psychotest may be in the event only for the potential part.

Pure functions: the caller passes codes and names, gets findings back in Bahasa Indonesia.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

DEFAULT_MIN_EXERCISES = 2
SETTING_MIN_EXERCISES = "competency.min_exercises"

Severity = Literal["error", "warning"]
FindingKind = Literal["no_positions", "no_standard", "no_exercises", "under_covered", "empty_exercise",
                      "outside_standard"]


@dataclass(frozen=True)
class MatrixItem:
    """A competency or an exercise as the rules see it: a code and a name for the messages."""

    code: str
    name: str

    @property
    def label(self) -> str:
        return f"{self.code} {self.name}".strip()


@dataclass(frozen=True)
class MatrixFinding:
    severity: Severity
    kind: FindingKind
    message: str
    competency_code: str = ""
    exercise_code: str = ""

    @property
    def blocking(self) -> bool:
        return self.severity == "error"


@dataclass(frozen=True)
class MatrixCheck:
    """The findings and, per competency code, how many of the event's exercises measure it."""

    findings: tuple[MatrixFinding, ...]
    coverage: dict[str, int] = field(default_factory=dict)
    measured_by_exercise: dict[str, int] = field(default_factory=dict)
    min_exercises: int = DEFAULT_MIN_EXERCISES

    @property
    def errors(self) -> tuple[MatrixFinding, ...]:
        return tuple(f for f in self.findings if f.blocking)

    @property
    def warnings(self) -> tuple[MatrixFinding, ...]:
        return tuple(f for f in self.findings if not f.blocking)

    @property
    def ok(self) -> bool:
        """No blocking finding: the event may be scheduled."""
        return not self.errors

    def summary(self) -> str:
        if not self.findings:
            return "Matriks memenuhi aturan: setiap kompetensi diukur oleh cukup alat ukur."
        parts = []
        if self.errors:
            parts.append(f"{len(self.errors)} masalah")
        if self.warnings:
            parts.append(f"{len(self.warnings)} peringatan")
        return "Matriks: " + " dan ".join(parts) + "."


def normalize_min_exercises(value: object) -> int:
    """The setting as a usable number: at least 1; anything unreadable gives the default."""
    try:
        number = int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return DEFAULT_MIN_EXERCISES
    return max(1, number)


def check_matrix(
    standard: Sequence[MatrixItem],
    exercises: Sequence[MatrixItem],
    cells: Iterable[tuple[str, str]],
    min_exercises: int = DEFAULT_MIN_EXERCISES,
    *,
    has_positions: bool = True,
) -> MatrixCheck:
    """Check an event's matrix.

    standard: the competencies the target positions require (in display order).
    exercises: the exercises used in the event (in running order).
    cells: ticked (exercise code, competency code) pairs; pairs of exercises outside `exercises` are ignored.
    """
    minimum = normalize_min_exercises(min_exercises)
    exercise_codes = {e.code for e in exercises}
    ticked: set[tuple[str, str]] = {(ex, comp) for ex, comp in cells if ex in exercise_codes}
    coverage = {c.code: 0 for c in standard}
    per_exercise = {e.code: 0 for e in exercises}
    for ex, comp in ticked:
        per_exercise[ex] += 1
        if comp in coverage:
            coverage[comp] += 1
    findings: list[MatrixFinding] = []
    if not has_positions:
        findings.append(MatrixFinding(
            "error", "no_positions",
            "Kegiatan belum memiliki jabatan sasaran; tetapkan jabatan sasaran beserta standar kompetensinya.",
        ))
    elif not standard:
        findings.append(MatrixFinding(
            "error", "no_standard",
            "Standar kompetensi jabatan sasaran masih kosong; isi level standar setiap kompetensi.",
        ))
    if not exercises:
        findings.append(MatrixFinding(
            "error", "no_exercises", "Kegiatan belum memiliki alat ukur; pilih alat ukur yang digunakan.",
        ))
    for item in standard:
        count = coverage[item.code]
        if exercises and count < minimum:
            measured = "tidak diukur oleh alat ukur mana pun" if count == 0 else f"hanya diukur oleh {count} alat ukur"
            findings.append(MatrixFinding(
                "error", "under_covered",
                f"Kompetensi {item.label} {measured}; minimal {minimum} alat ukur.",
                competency_code=item.code,
            ))
    for exercise in exercises:
        if per_exercise[exercise.code] == 0:
            findings.append(MatrixFinding(
                "warning", "empty_exercise",
                f"Alat ukur {exercise.label} tidak mengukur kompetensi apa pun "
                "(abaikan bila alat ukur ini hanya untuk penilaian potensi).",
                exercise_code=exercise.code,
            ))
    standard_codes = set(coverage)
    outside = _outside_standard(ticked, standard_codes)
    if standard and outside:
        findings.append(MatrixFinding(
            "warning", "outside_standard",
            "Kompetensi berikut dicentang pada matriks tetapi tidak ada dalam standar jabatan sasaran: "
            + ", ".join(sorted(outside)) + ".",
        ))
    return MatrixCheck(tuple(findings), coverage, per_exercise, minimum)


def _outside_standard(ticked: Collection[tuple[str, str]], standard_codes: set[str]) -> set[str]:
    return {comp for _ex, comp in ticked if comp not in standard_codes}


def problems_text(check: MatrixCheck, event_label: str = "") -> str:
    """One message listing the blocking problems, for refusing to schedule an event."""
    head = f"Kegiatan {event_label} belum dapat dijadwalkan" if event_label else "Kegiatan belum dapat dijadwalkan"
    lines = [f"{head} karena matriks alat ukur x kompetensi belum memenuhi aturan:"]
    lines.extend(f"- {finding.message}" for finding in check.errors)
    lines.append("Perbaiki melalui menu Data > Perumusan Kompetensi > Matriks alat ukur kegiatan...")
    return "\n".join(lines)
