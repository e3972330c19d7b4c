"""Job levels and target positions with their competency standard (standar kompetensi jabatan).

A structural position starts from its job level's default (domain.md 1.4: JPT Madya 5 ... Pelaksana 1) for
every managerial and socio-cultural competency; a functional position (JF) gets its standard entered by
hand. Either way the standard is stored per position x competency and can be edited cell by cell.

Versioning: results keep a snapshot of the standard (IntegratedResult/IntegratedLevel), so editing a
standard never changes a delivered result. The screen still says which events use the position and
warns before a standard used by events with results is changed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from ukom_desktop.db import audit
from ukom_desktop.db.models import (
    Competency,
    CompetencyGroup,
    Event,
    EventParticipant,
    EventPosition,
    IntegratedResult,
    JobLevel,
    Position,
    PositionStandard,
    utcnow,
)
from ukom_desktop.errors import UserFacingError, check_version
from ukom_desktop.services.competency_dictionary import CompetencyInfo, list_competencies
from ukom_desktop.services.reference_data import create_position


@dataclass(frozen=True)
class JobLevelInfo:
    id: int
    code: str
    name: str
    kind: str
    default_standard: int | None


@dataclass(frozen=True)
class PositionInfo:
    id: int
    name: str
    job_level_id: int
    job_level_code: str
    job_level_name: str
    unit: str
    active: bool
    standard_count: int
    events: int
    version: int

    @property
    def label(self) -> str:
        return f"{self.name} ({self.job_level_name})"


@dataclass(frozen=True)
class EventUse:
    """An event that uses a position as target (EventPosition or a participant's target position)."""

    event_id: int
    code: str
    name: str
    participants: int
    results: int

    @property
    def has_results(self) -> bool:
        return self.results > 0


@dataclass(frozen=True)
class StandardRow:
    competency: CompetencyInfo
    level: Decimal | None

    @property
    def required(self) -> bool:
        return self.level is not None


@dataclass(frozen=True)
class PositionStandardView:
    position: PositionInfo
    default_level: int | None
    rows: tuple[StandardRow, ...]
    events: tuple[EventUse, ...]

    def levels(self) -> dict[str, Decimal]:
        return {row.competency.code: row.level for row in self.rows if row.level is not None}


def list_job_levels(session: Session) -> list[JobLevelInfo]:
    return [
        JobLevelInfo(jl.id, jl.code, jl.name, jl.kind.value, jl.default_standard)
        for jl in session.scalars(select(JobLevel).order_by(JobLevel.sort_order, JobLevel.id))
    ]


def set_job_level_default(session: Session, job_level_id: int, level: int | None) -> None:
    """Change a job level's default standard (used for positions created afterwards)."""
    jl = session.get(JobLevel, job_level_id)
    if jl is None:
        raise UserFacingError("Jenjang jabatan tidak ditemukan.")
    if level is not None and not 1 <= level <= 10:
        raise UserFacingError("Level standar bawaan harus antara 1 dan 10, atau kosong untuk jabatan fungsional.")
    old = jl.default_standard
    jl.default_standard = level
    audit.record(session, action="update", entity="job_level", entity_id=jl.id,
                 old={"default_standard": old}, new={"default_standard": level})


def _event_counts(session: Session) -> dict[int, int]:
    direct = select(EventPosition.position_id, EventPosition.event_id)
    via_participants = select(EventParticipant.target_position_id, EventParticipant.event_id).where(
        EventParticipant.target_position_id.is_not(None)
    )
    pairs = set(session.execute(direct).all()) | set(session.execute(via_participants).all())
    counts: dict[int, int] = {}
    for position_id, _event_id in pairs:
        if position_id is not None:
            counts[position_id] = counts.get(position_id, 0) + 1
    return counts


def _info(position: Position, standard_count: int, events: int) -> PositionInfo:
    return PositionInfo(
        id=position.id, name=position.name, job_level_id=position.job_level_id,
        job_level_code=position.job_level.code, job_level_name=position.job_level.name, unit=position.unit or "",
        active=position.active, standard_count=standard_count, events=events, version=position.version,
    )


def list_positions(session: Session, *, include_inactive: bool = False) -> list[PositionInfo]:
    query = select(Position).join(JobLevel).order_by(JobLevel.sort_order, Position.name)
    if not include_inactive:
        query = query.where(Position.active.is_(True))
    counts = dict(session.execute(
        select(PositionStandard.position_id, func.count()).group_by(PositionStandard.position_id)
    ).all())
    events = _event_counts(session)
    return [_info(p, counts.get(p.id, 0), events.get(p.id, 0)) for p in session.scalars(query)]


def get_position(session: Session, position_id: int) -> Position:
    position = session.get(Position, position_id)
    if position is None:
        raise UserFacingError("Jabatan tidak ditemukan; mungkin telah dihapus oleh pengguna lain.")
    return position


def add_position(session: Session, name: str, job_level_id: int, unit: str = "") -> PositionInfo:
    """A new position; a structural one starts at its job level's default level for every competency."""
    name = " ".join(name.split())
    if not name:
        raise UserFacingError("Nama jabatan wajib diisi.")
    jl = session.get(JobLevel, job_level_id)
    if jl is None:
        raise UserFacingError("Pilih jenjang jabatan.")
    duplicate = session.scalars(select(Position).where(
        func.lower(Position.name) == name.lower(), Position.job_level_id == jl.id, Position.unit == unit.strip(),
    )).first()
    if duplicate is not None:
        raise UserFacingError(f"Jabatan {name} ({jl.name}) sudah ada.")
    position = create_position(session, name, jl.code, unit.strip())
    audit.record(session, action="create", entity="position", entity_id=position.id, entity_uuid=position.uuid,
                 new={"name": name, "job_level": jl.code})
    return _info(position, len(position.standards), 0)


def update_position(session: Session, position_id: int, *, name: str, job_level_id: int, unit: str = "",
                    active: bool = True) -> PositionInfo:
    position = get_position(session, position_id)
    name = " ".join(name.split())
    if not name:
        raise UserFacingError("Nama jabatan wajib diisi.")
    if session.get(JobLevel, job_level_id) is None:
        raise UserFacingError("Pilih jenjang jabatan.")
    position.name, position.job_level_id, position.unit, position.active = name, job_level_id, unit.strip(), active
    session.flush()
    session.refresh(position)
    return _info(position, len(position.standards), _event_counts(session).get(position.id, 0))


def events_using_position(session: Session, position_id: int) -> list[EventUse]:
    """Events with this position as a target, with their participant and finished-result counts."""
    event_ids = set(session.scalars(select(EventPosition.event_id).where(EventPosition.position_id == position_id)))
    event_ids |= set(session.scalars(
        select(EventParticipant.event_id).where(EventParticipant.target_position_id == position_id)
    ))
    uses = []
    for event in session.scalars(select(Event).where(Event.id.in_(event_ids)).order_by(Event.code)):
        participants = session.scalar(select(func.count()).select_from(EventParticipant).where(
            EventParticipant.event_id == event.id, EventParticipant.target_position_id == position_id,
        )) or 0
        results = session.scalar(
            select(func.count()).select_from(IntegratedResult)
            .join(EventParticipant, EventParticipant.id == IntegratedResult.event_participant_id)
            .where(EventParticipant.event_id == event.id,
                   or_(EventParticipant.target_position_id == position_id,
                       EventParticipant.target_position_id.is_(None)))
        ) or 0
        uses.append(EventUse(event.id, event.code, event.name, participants, results))
    return uses


def standard_edit_warning(session: Session, position_id: int) -> str | None:
    """A warning to show before editing a standard that events with results use; None when there are none."""
    with_results = [use for use in events_using_position(session, position_id) if use.has_results]
    if not with_results:
        return None
    listed = ", ".join(f"{use.code} ({use.results} hasil)" for use in with_results)
    return (
        f"Standar jabatan ini dipakai oleh kegiatan yang sudah memiliki hasil: {listed}. Hasil yang sudah ada "
        "tetap memakai standar lama yang tersimpan bersamanya; perubahan hanya berlaku untuk hasil yang dihitung "
        "sesudahnya. Lanjutkan mengubah standar?"
    )


def position_standard(session: Session, position_id: int, *, include_inactive: bool = False) -> PositionStandardView:
    """The standard grid: every dictionary competency with the position's required level (or None)."""
    position = get_position(session, position_id)
    levels = {s.competency_id: s.level for s in position.standards}
    rows = tuple(
        StandardRow(comp, levels.get(comp.id) if comp.id is not None else None)
        for comp in list_competencies(session)
        if comp.active or include_inactive or comp.id in levels
    )
    events = tuple(events_using_position(session, position_id))
    return PositionStandardView(
        position=_info(position, len(levels), len(events)),
        default_level=position.job_level.default_standard,
        rows=rows,
        events=events,
    )


def save_position_standard(
    session: Session, position_id: int, levels: Mapping[int, Decimal | int | float | None], *,
    expected_version: int | None = None, actor: str = "",
) -> PositionStandardView:
    """Set the required levels of a position (competency id -> level; None removes the competency).

    Competencies not in `levels` keep their level. Results already computed are untouched: they carry
    their own snapshot of the standard.
    """
    position = get_position(session, position_id)
    check_version(position.version, expected_version, f"standar jabatan {position.name}")
    competencies = {c.id: c for c in session.scalars(select(Competency).where(Competency.id.in_(list(levels))))}
    problems = []
    for comp_id, value in levels.items():
        comp = competencies.get(comp_id)
        if comp is None:
            problems.append(f"Kompetensi dengan nomor {comp_id} tidak dikenal.")
            continue
        if value is None:
            continue
        level = Decimal(str(value))
        if not 1 <= level <= comp.max_level:
            problems.append(f"Level {level.normalize()} untuk {comp.code} {comp.name} di luar rentang 1 sampai "
                            f"{comp.max_level}.")
    if problems:
        raise UserFacingError(" ".join(problems))
    existing = {s.competency_id: s for s in position.standards}
    old = {competencies[cid].code: str(s.level) for cid, s in existing.items() if cid in competencies}
    for comp_id, value in levels.items():
        row = existing.get(comp_id)
        if value is None:
            if row is not None:
                position.standards.remove(row)
        elif row is None:
            position.standards.append(PositionStandard(competency_id=comp_id, level=Decimal(str(value))))
        else:
            row.level = Decimal(str(value))
    position.updated_at = utcnow()  # bumps the version: a second editor gets a clear conflict
    session.flush()
    new = {competencies[cid].code: str(Decimal(str(v))) for cid, v in levels.items() if v is not None}
    audit.record(session, action="update_standard", entity="position", entity_id=position.id,
                 entity_uuid=position.uuid, old=old, new=new, actor=actor)
    session.refresh(position)
    return position_standard(session, position_id)


def reset_to_job_level_default(session: Session, position_id: int) -> PositionStandardView:
    """Set every managerial and socio-cultural competency to the job level's default (structural positions)."""
    position = get_position(session, position_id)
    default = position.job_level.default_standard
    if default is None:
        raise UserFacingError(
            f"Jenjang {position.job_level.name} tidak memiliki level bawaan; standar jabatan fungsional diisi "
            "per kompetensi sesuai SKJ jabatannya."
        )
    levels: dict[int, Decimal | None] = {
        comp.id: Decimal(min(default, comp.max_level))
        for comp in session.scalars(select(Competency).where(Competency.active.is_(True)))
        if comp.group != CompetencyGroup.TEKNIS
    }
    return save_position_standard(session, position_id, levels)


