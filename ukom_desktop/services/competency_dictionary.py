"""The competency dictionary (kamus kompetensi): reading and editing competencies, levels and indicators.

The nine competencies of PermenPAN-RB 38/2017 are shipped by services/reference_data.ensure_reference_data;
here users edit them and add their own technical competencies (group "teknis"). The maximum level is a
property of each competency, and new competencies start from the dictionary setting
``competency.max_level`` (default 5).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import InstrumentedAttribute, Session, selectinload

from ukom_desktop.db import audit
from ukom_desktop.db.models import (
    Competency,
    CompetencyGroup,
    CompetencyLevel,
    EventMatrixCell,
    ExerciseCompetency,
    IntegratedLevel,
    PositionStandard,
    Rating,
)
from ukom_desktop.domain.labels import COMPETENCY_GROUP
from ukom_desktop.errors import UserFacingError, check_version
from ukom_desktop.services.settings import get_setting, set_setting

SETTING_MAX_LEVEL = "competency.max_level"
DEFAULT_MAX_LEVEL = 5
LEVEL_LIMIT = 10  # no dictionary goes beyond this
CODE_PATTERN = re.compile(r"^[A-Za-z][A-Za-z0-9]{0,7}([.\-][A-Za-z0-9]{1,6}){0,3}$")


@dataclass(frozen=True)
class LevelInfo:
    level: int
    description: str = ""
    indicators: tuple[str, ...] = ()


@dataclass(frozen=True)
class CompetencyInfo:
    id: int | None
    code: str
    name: str
    group: str
    definition: str = ""
    max_level: int = DEFAULT_MAX_LEVEL
    aliases: tuple[str, ...] = ()
    active: bool = True
    sort_order: int = 0
    levels: tuple[LevelInfo, ...] = field(default_factory=tuple)
    version: int = 0

    @property
    def group_label(self) -> str:
        return COMPETENCY_GROUP.get(self.group, self.group)

    def level(self, number: int) -> LevelInfo | None:
        return next((lv for lv in self.levels if lv.level == number), None)


def default_max_level(session: Session) -> int:
    value = get_setting(session, SETTING_MAX_LEVEL, DEFAULT_MAX_LEVEL)
    try:
        return max(1, min(LEVEL_LIMIT, int(value)))
    except (TypeError, ValueError):
        return DEFAULT_MAX_LEVEL


def set_default_max_level(session: Session, value: int) -> None:
    if not 1 <= int(value) <= LEVEL_LIMIT:
        raise UserFacingError(f"Level maksimal kamus harus antara 1 dan {LEVEL_LIMIT}.")
    set_setting(session, SETTING_MAX_LEVEL, int(value))


def _info(comp: Competency) -> CompetencyInfo:
    return CompetencyInfo(
        id=comp.id,
        code=comp.code,
        name=comp.name,
        group=comp.group.value,
        definition=comp.definition or "",
        max_level=comp.max_level,
        aliases=tuple(comp.aliases or ()),
        active=comp.active,
        sort_order=comp.sort_order,
        levels=tuple(
            LevelInfo(lv.level, lv.description or "", tuple(lv.indicators or ())) for lv in comp.levels
        ),
        version=comp.version,
    )


def list_competencies(session: Session, *, include_inactive: bool = True) -> list[CompetencyInfo]:
    """The dictionary in display order: manajerial, sosial kultural, teknis, then by sort order and code."""
    query = select(Competency).options(selectinload(Competency.levels))
    if not include_inactive:
        query = query.where(Competency.active.is_(True))
    order = {CompetencyGroup.MANAJERIAL: 0, CompetencyGroup.SOSIAL_KULTURAL: 1, CompetencyGroup.TEKNIS: 2}
    rows = sorted(session.scalars(query), key=lambda c: (order.get(c.group, 3), c.sort_order, c.code))
    return [_info(c) for c in rows]


def competency_by_code(session: Session, code: str) -> Competency | None:
    return session.scalars(select(Competency).where(func.upper(Competency.code) == code.strip().upper())).first()


def validate_competency(data: CompetencyInfo) -> list[str]:
    """Every problem of the entered competency, as Indonesian sentences (empty when it can be saved)."""
    problems = []
    code = data.code.strip()
    if not code:
        problems.append("Kode kompetensi wajib diisi.")
    elif not CODE_PATTERN.match(code):
        problems.append(f"Kode kompetensi '{code}' tidak sah; gunakan huruf dan angka seperti M.01 atau T.03.")
    if not data.name.strip():
        problems.append("Nama kompetensi wajib diisi.")
    if data.group not in {g.value for g in CompetencyGroup}:
        problems.append("Kelompok kompetensi harus manajerial, sosial kultural, atau teknis.")
    if not 1 <= data.max_level <= LEVEL_LIMIT:
        problems.append(f"Level maksimal harus antara 1 dan {LEVEL_LIMIT}.")
    seen: set[int] = set()
    for lv in data.levels:
        if not 1 <= lv.level <= data.max_level:
            problems.append(f"Level {lv.level} di luar rentang 1 sampai {data.max_level}.")
        if lv.level in seen:
            problems.append(f"Level {lv.level} tercantum lebih dari sekali.")
        seen.add(lv.level)
    return problems


def save_competency(session: Session, data: CompetencyInfo, *, actor: str = "") -> CompetencyInfo:
    """Create (id None) or update a competency with its levels. Raises UserFacingError on bad input."""
    problems = validate_competency(data)
    code = data.code.strip()
    existing = competency_by_code(session, code) if code else None
    if existing is not None and existing.id != data.id:
        problems.append(f"Kode {code} sudah dipakai oleh kompetensi {existing.name}.")
    if problems:
        raise UserFacingError(" ".join(problems))
    if data.id is None:
        order = (session.scalar(select(func.max(Competency.sort_order))) or 0) + 1
        comp = Competency(code=code, name=data.name.strip(), group=CompetencyGroup(data.group), sort_order=order)
        session.add(comp)
        old = None
    else:
        found = session.get(Competency, data.id)
        if found is None:
            raise UserFacingError("Kompetensi tidak ditemukan; mungkin telah dihapus oleh pengguna lain.")
        comp = found
        check_version(comp.version, data.version or None, f"kompetensi {comp.name}")
        too_high = _levels_used_above(session, comp.id, data.max_level)
        if too_high:
            raise UserFacingError(
                f"Level maksimal tidak dapat diturunkan ke {data.max_level}: standar jabatan {too_high} "
                "memakai level yang lebih tinggi."
            )
        old = _snapshot(comp)
    comp.code = code
    comp.name = data.name.strip()
    comp.group = CompetencyGroup(data.group)
    comp.definition = data.definition.strip()
    comp.max_level = data.max_level
    comp.aliases = [a.strip() for a in data.aliases if a.strip()]
    comp.active = data.active
    _replace_levels(comp, data.levels)
    session.flush()
    audit.record(session, action="create" if old is None else "update", entity="competency", entity_id=comp.id,
                 entity_uuid=comp.uuid, old=old, new=_snapshot(comp), actor=actor)
    return _info(comp)


def _replace_levels(comp: Competency, levels: Sequence[LevelInfo]) -> None:
    by_level = {lv.level: lv for lv in comp.levels}
    wanted = {lv.level: lv for lv in levels}
    for number, row in list(by_level.items()):
        if number not in wanted:
            comp.levels.remove(row)
    for number in sorted(wanted):
        info = wanted[number]
        indicators = [text.strip() for text in info.indicators if text.strip()]
        existing = by_level.get(number)
        if existing is None:
            comp.levels.append(
                CompetencyLevel(level=number, description=info.description.strip(), indicators=indicators)
            )
        else:
            existing.description = info.description.strip()
            existing.indicators = indicators


def _levels_used_above(session: Session, competency_id: int, max_level: int) -> str:
    from ukom_desktop.db.models import Position

    names = session.scalars(
        select(Position.name).join(PositionStandard, PositionStandard.position_id == Position.id)
        .where(PositionStandard.competency_id == competency_id, PositionStandard.level > max_level)
    ).all()
    return ", ".join(sorted(set(names)))


def _snapshot(comp: Competency) -> dict[str, object]:
    return {
        "code": comp.code, "name": comp.name, "group": comp.group.value, "max_level": comp.max_level,
        "active": comp.active, "levels": {str(lv.level): lv.description for lv in comp.levels},
    }


def competency_usage(session: Session, competency_id: int) -> dict[str, int]:
    """Where a competency is used: standards, event matrices, the library matrix, ratings, results."""
    def count(model: type, column: InstrumentedAttribute[int]) -> int:
        return session.scalar(select(func.count()).select_from(model).where(column == competency_id)) or 0

    return {
        "standar": count(PositionStandard, PositionStandard.competency_id),
        "matriks": count(EventMatrixCell, EventMatrixCell.competency_id),
        "pustaka": count(ExerciseCompetency, ExerciseCompetency.competency_id),
        "penilaian": count(Rating, Rating.competency_id),
        "hasil": count(IntegratedLevel, IntegratedLevel.competency_id),
    }


def remove_competency(session: Session, competency_id: int, *, actor: str = "") -> str:
    """Delete an unused competency; one that is used anywhere is only deactivated. Returns what happened."""
    comp = session.get(Competency, competency_id)
    if comp is None:
        raise UserFacingError("Kompetensi tidak ditemukan; mungkin telah dihapus oleh pengguna lain.")
    usage = competency_usage(session, competency_id)
    used = {k: v for k, v in usage.items() if v and k != "pustaka"}
    if used:
        comp.active = False
        audit.record(session, action="deactivate", entity="competency", entity_id=comp.id, entity_uuid=comp.uuid,
                     actor=actor)
        return (f"Kompetensi {comp.code} {comp.name} sudah dipakai sehingga hanya dinonaktifkan; "
                "data lama yang memakainya tetap utuh.")
    for row in session.scalars(select(ExerciseCompetency).where(ExerciseCompetency.competency_id == competency_id)):
        session.delete(row)
    audit.record(session, action="delete", entity="competency", entity_id=comp.id, entity_uuid=comp.uuid,
                 old=_snapshot(comp), actor=actor)
    session.delete(comp)
    session.flush()
    return f"Kompetensi {comp.code} {comp.name} dihapus."


def next_technical_code(session: Session) -> str:
    """A free code for a new technical competency: T.01, T.02, ..."""
    codes = set(session.scalars(select(Competency.code)))
    number = 1
    while f"T.{number:02d}" in codes:
        number += 1
    return f"T.{number:02d}"
