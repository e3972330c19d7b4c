"""The shipped competency dictionary (PermenPAN-RB 38/2017) and default job-level standards.

Written as the product's own summaries; users edit them in the dictionary screen.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LevelSeed:
    level: int
    description: str
    indicators: tuple[str, ...]


@dataclass(frozen=True)
class CompetencySeed:
    code: str
    name: str
    group: str  # "manajerial" | "sosial_kultural" | "teknis"
    definition: str
    levels: tuple[LevelSeed, ...]


@dataclass(frozen=True)
class JobLevelSeed:
    code: str
    name: str
    kind: str  # "struktural" | "fungsional" | "pelaksana"
    default_standard: int | None  # None: entered per position (JF)


COMPETENCIES: tuple[CompetencySeed, ...] = ()  # filled in below

JOB_LEVELS: tuple[JobLevelSeed, ...] = ()  # filled in below
