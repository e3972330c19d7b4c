"""Results of an event and of one participant, read from the stored integrated results.

Everything printed (psychogram, report, recap) and shown (result view, `results` command) comes from
here, so the numbers always agree with what the assessor meeting stored: the standard snapshot, the
final levels, JPM and category, the potential category and the 9-box.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from ukom_desktop.db.models import (
    Competency,
    Event,
    EventParticipant,
    IntegratedLevel,
    IntegratedResult,
    Participant,
    Position,
    PositionStandard,
    Wave,
)
from ukom_desktop.domain import ninebox, potential, results
from ukom_desktop.domain.labels import EVENT_PURPOSE, label
from ukom_desktop.errors import UserFacingError
from ukom_desktop.services import access
from ukom_desktop.services.integration import jpm_settings, potential_summary


@dataclass(frozen=True)
class LevelRow:
    code: str
    name: str
    standard: Decimal
    final: Decimal | None
    gap: Decimal | None
    suggested: Decimal | None = None
    reason: str = ""


@dataclass(frozen=True)
class ParticipantResult:
    event_participant_id: int
    event_id: int
    event_code: str
    event_name: str
    number: int | None
    name: str
    nip: str
    golongan: str
    jabatan: str
    unit: str
    wave: int | None
    purpose: str
    purpose_label: str
    position_name: str
    job_level_name: str
    levels: tuple[LevelRow, ...]
    total_final: Decimal | None
    total_standard: Decimal | None
    jpm: Decimal | None
    category_code: str
    category_name: str
    category_range: str
    potential: potential.PotentialSummary | None
    potential_category: str
    nine_box: int | None
    nine_box_description: str
    nine_box_recommendations: tuple[str, ...]
    performance_category: str
    assessed_on: date | None
    valid_until: date | None
    lead_assessor_id: int | None
    integrated: bool

    @property
    def strengths(self) -> list[LevelRow]:
        return [row for row in self.levels if row.gap is not None and row.gap >= 0]

    @property
    def development_areas(self) -> list[LevelRow]:
        return [row for row in self.levels if row.gap is not None and row.gap < 0]


@dataclass(frozen=True)
class ResultRow:
    event_participant_id: int
    number: int | None
    name: str
    nip: str
    unit: str
    position_name: str
    wave: int | None
    levels: dict[str, Decimal | None]  # competency code -> final level
    jpm: Decimal | None
    category_code: str
    category_name: str
    potential_category: str
    nine_box: int | None
    valid_until: date | None
    standards: dict[str, Decimal] = field(default_factory=dict)  # competency code -> standard level (snapshot)

    @property
    def integrated(self) -> bool:
        return self.jpm is not None

    def gap(self, code: str) -> Decimal | None:
        """Achieved minus standard (domain.md 2.3); None when either is missing."""
        final, standard = self.levels.get(code), self.standards.get(code)
        return None if final is None or standard is None else final - standard


@dataclass(frozen=True)
class EventResults:
    event_id: int
    event_code: str
    event_name: str
    purpose: str
    competencies: tuple[tuple[str, str], ...]  # (code, name) in print order
    rows: tuple[ResultRow, ...]


def find_event(session: Session, code: str) -> Event:
    event = session.scalars(select(Event).where(Event.code == code.strip())).one_or_none()
    if event is None:
        raise UserFacingError(f"Kegiatan dengan kode '{code}' tidak ditemukan.")
    return event


def _purpose(value: object) -> str:
    return str(getattr(value, "value", value) or "")


def participant_result(session: Session, event_participant_id: int) -> ParticipantResult:
    """One participant's result; when the meeting has not been held, levels carry the standard only."""
    access.require_result(session, event_participant_id)
    ep = session.get(EventParticipant, event_participant_id)
    if ep is None:
        raise UserFacingError("Peserta tidak ditemukan.")
    event = session.get(Event, ep.event_id)
    assert event is not None
    person = ep.participant
    result = session.scalars(
        select(IntegratedResult).where(IntegratedResult.event_participant_id == ep.id)
    ).one_or_none()
    order = dict(session.execute(select(Competency.code, Competency.sort_order)).all())
    if result is not None:
        levels = [
            LevelRow(
                lv.competency_code, lv.competency_name, Decimal(lv.standard_level),
                None if lv.final_level is None else Decimal(lv.final_level),
                None if lv.final_level is None else Decimal(lv.final_level) - Decimal(lv.standard_level),
                None if lv.suggested_level is None else Decimal(lv.suggested_level), lv.reason,
            )
            for lv in result.levels
        ]
        purpose = result.purpose or _purpose(event.purpose)
    else:
        rows = session.execute(
            select(Competency.code, Competency.name, PositionStandard.level)
            .join(PositionStandard, PositionStandard.competency_id == Competency.id)
            .where(PositionStandard.position_id == ep.target_position_id)
        ).all() if ep.target_position_id else []
        levels = [LevelRow(c, n, Decimal(s), None, None) for c, n, s in rows]
        purpose = _purpose(event.purpose)
    levels.sort(key=lambda r: (order.get(r.code, 0), r.code))
    pot = potential_summary(session, ep.id, ep.event_id)
    box = result.nine_box if result else None
    category_range = ""
    if result is not None and result.category_code:
        try:
            category_range = jpm_settings(session, ep.event_id).category_set(purpose).range_text(result.category_code)
        except (KeyError, ValueError):
            category_range = ""
    position = ep.target_position
    wave = session.get(Wave, ep.wave_id) if ep.wave_id else None
    return ParticipantResult(
        event_participant_id=ep.id, event_id=event.id, event_code=event.code, event_name=event.name,
        number=ep.number, name=person.name, nip=person.nip, golongan=person.golongan, jabatan=person.jabatan,
        unit=person.unit, wave=wave.number if wave else None, purpose=purpose,
        purpose_label=purpose_label(purpose),
        position_name=result.position_name if result else (position.name if position else ""),
        job_level_name=result.job_level_name if result else (position.job_level.name if position else ""),
        levels=tuple(levels),
        total_final=_dec(result.total_final) if result else None,
        total_standard=_dec(result.total_standard) if result else sum((r.standard for r in levels), Decimal(0)),
        jpm=_dec(result.jpm) if result else None,
        category_code=result.category_code if result else "",
        category_name=result.category_name if result else "",
        category_range=category_range,
        potential=pot,
        potential_category=_band_name(result.potential_category) if result and result.potential_category
        else (pot.category_name if pot else ""),
        nine_box=box,
        nine_box_description=ninebox.box_description(box) if box else "",
        nine_box_recommendations=ninebox.box_recommendations(box) if box else (),
        performance_category=ep.performance_category,
        assessed_on=result.assessed_on if result else None,
        valid_until=result.valid_until if result else None,
        lead_assessor_id=ep.lead_assessor_id,
        integrated=result is not None and result.jpm is not None,
    )


def _band_name(value: str) -> str:
    """The stored 9-box potential band ("menengah") as printed ("Menengah")."""
    try:
        return potential.CATEGORY_NAMES[ninebox.PotentialBand(value)]
    except ValueError:
        return ""


def purpose_label(purpose: str) -> str:
    """"Pemetaan Kompetensi" / "Pengisian Jabatan" (the wording of the report)."""
    try:
        return results.PURPOSE_LABELS[results.parse_purpose(purpose)]
    except ValueError:
        return label(EVENT_PURPOSE, purpose)


def _dec(value: Decimal | None) -> Decimal | None:
    return None if value is None else Decimal(value)


def event_results(session: Session, event_id: int) -> EventResults:
    """One row per participant of the event (integrated or not), in participant-number order."""
    scope = access.results_scope(session, event_id)  # issue 13: pimpinan approved only, asesor as lead
    event = session.get(Event, event_id)
    if event is None:
        raise UserFacingError("Kegiatan tidak ditemukan.")
    stmt = (
        select(EventParticipant.id, EventParticipant.number, Participant.name, Participant.nip, Participant.unit,
               Wave.number, IntegratedResult)
        .join(Participant, Participant.id == EventParticipant.participant_id)
        .outerjoin(Wave, Wave.id == EventParticipant.wave_id)
        .outerjoin(IntegratedResult, IntegratedResult.event_participant_id == EventParticipant.id)
        .where(EventParticipant.event_id == event_id)
        .order_by(EventParticipant.number, Participant.name)
    )
    records = [r for r in session.execute(stmt).all() if scope is None or r[0] in scope]
    result_ids = [r[6].id for r in records if r[6] is not None]
    levels: dict[int, dict[str, Decimal | None]] = {}
    standards: dict[int, dict[str, Decimal]] = {}
    comp_names: dict[str, str] = {}
    if result_ids:
        for rid, code, name, final, standard in session.execute(
            select(IntegratedLevel.result_id, IntegratedLevel.competency_code, IntegratedLevel.competency_name,
                   IntegratedLevel.final_level, IntegratedLevel.standard_level)
            .where(IntegratedLevel.result_id.in_(result_ids))
        ):
            levels.setdefault(rid, {})[code] = None if final is None else Decimal(final)
            if standard is not None:
                standards.setdefault(rid, {})[code] = Decimal(standard)
            comp_names.setdefault(code, name)
    positions = dict(session.execute(
        select(EventParticipant.id, EventParticipant.target_position_id).where(EventParticipant.event_id == event_id)
    ).all())
    position_names = dict(session.execute(select(Position.id, Position.name)).all())
    if not comp_names:
        for code, name in session.execute(
            select(Competency.code, Competency.name)
            .join(PositionStandard, PositionStandard.competency_id == Competency.id)
            .where(PositionStandard.position_id.in_({p for p in positions.values() if p}))
        ):
            comp_names.setdefault(code, name)
    order = dict(session.execute(select(Competency.code, Competency.sort_order)).all())
    codes = sorted(comp_names, key=lambda c: (order.get(c, 0), c))
    rows = []
    for ep_id, number, name, nip, unit, wave, result in records:
        rows.append(ResultRow(
            ep_id, number, name, nip, unit,
            result.position_name if result else position_names.get(positions.get(ep_id) or 0, ""),
            wave, levels.get(result.id, {}) if result else {},
            _dec(result.jpm) if result else None,
            result.category_code if result else "", result.category_name if result else "",
            potential.CATEGORY_NAMES.get(ninebox.PotentialBand(result.potential_category), "")
            if result and result.potential_category else "",
            result.nine_box if result else None, result.valid_until if result else None,
            standards.get(result.id, {}) if result else {},
        ))
    return EventResults(event.id, event.code, event.name, _purpose(event.purpose),
                        tuple((c, comp_names[c]) for c in codes), tuple(rows))


def result_as_json(row: ResultRow) -> dict[str, object]:
    return {
        "nomor": row.number, "nama": row.name, "nip": row.nip, "unit_kerja": row.unit,
        "jabatan_sasaran": row.position_name, "gelombang": row.wave,
        "level": {code: (None if v is None else float(v)) for code, v in row.levels.items()},
        "jpm": None if row.jpm is None else float(row.jpm), "kategori": row.category_code,
        "kategori_nama": row.category_name, "potensi": row.potential_category, "kotak": row.nine_box,
        "berlaku_sampai": row.valid_until.isoformat() if row.valid_until else None,
    }


def format_jpm(value: Decimal | None) -> str:
    return results.format_percent_id(value) if value is not None else "-"
