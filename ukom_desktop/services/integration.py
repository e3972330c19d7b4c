"""The assessor meeting (integrasi) for one participant and the result it produces.

- ``integration_sheet``: every submitted independent rating side by side (competency x exercise x
  assessor), the suggested final level per competency and its flags (domain.integration), the
  final levels agreed so far. Ratings not yet submitted stay out of the meeting (the blind rule:
  nobody sees them before their author has handed them in) and the assessors concerned are named.
- ``save_integration``: the agreed final levels, with a reason wherever a level departs from the
  suggestion; creates or updates IntegratedResult/IntegratedLevel. The standard levels, position,
  job level and purpose are copied onto the result when it is first made (the snapshot), so a later
  edit of the position standard never changes a result. JPM, category and gaps come from
  domain.results with the "jpm" setting; the potential category from the "potential" setting and
  the participant's PotentialScore rows; the 9-box when EventParticipant.performance_category is
  set; validity 3 years from the assessment date.
- ``refresh_result``: recompute JPM, potential and 9-box of an existing result from its snapshot
  (after a potential import or a change of settings or performance category).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from ukom_desktop.db import audit
from ukom_desktop.db.models import (
    Competency,
    Event,
    EventParticipant,
    Exercise,
    IntegratedLevel,
    IntegratedResult,
    PositionStandard,
    PotentialScore,
    Rating,
    TeamMember,
    Wave,
)
from ukom_desktop.domain import integration as rules
from ukom_desktop.domain import ninebox, potential, results
from ukom_desktop.errors import UserFacingError, check_version
from ukom_desktop.services import access
from ukom_desktop.services import ratings as rating_service
from ukom_desktop.services.settings import event_setting
from ukom_desktop.services.waves import wave_dates


class IntegrationError(UserFacingError):
    """The meeting's levels cannot be saved; the message is in Bahasa Indonesia."""


@dataclass(frozen=True)
class RatingColumn:
    exercise_id: int
    exercise_code: str
    exercise_name: str
    assessor_id: int
    assessor_name: str

    @property
    def title(self) -> str:
        return f"{self.exercise_code}\n{self.assessor_name}"


@dataclass(frozen=True)
class CellValue:
    level: Decimal | None
    no_evidence: bool = False

    @property
    def text(self) -> str:
        if self.no_evidence:
            return "TB"
        return rules.format_level(self.level) if self.level is not None else ""


@dataclass(frozen=True)
class IntegrationRow:
    competency_id: int
    code: str
    name: str
    standard: Decimal
    cells: tuple[CellValue | None, ...]  # one per column; None: that column does not rate this competency
    summary: rules.CompetencyIntegration
    final: Decimal | None
    reason: str


@dataclass(frozen=True)
class IntegrationSheet:
    event_participant_id: int
    participant_name: str
    nip: str
    position_name: str
    job_level_name: str
    purpose: str
    columns: tuple[RatingColumn, ...]
    rows: tuple[IntegrationRow, ...]
    settings: rules.IntegrationSettings
    waiting_for: tuple[str, ...]  # assessors who have not submitted their ratings yet
    has_result: bool
    result_version: int = 0  # version of the stored result as read (0: none yet), for the stale-save check


@dataclass(frozen=True)
class SavedResult:
    result_id: int
    jpm: Decimal | None
    category_code: str
    category_name: str
    potential_category: str
    nine_box: int | None
    valid_until: date | None


def jpm_settings(session: Session, event_id: int) -> results.JpmSettings:
    try:
        return results.JpmSettings.from_dict(event_setting(session, event_id, "jpm", None))
    except ValueError as exc:
        raise IntegrationError(str(exc)) from exc


def potential_settings(session: Session, event_id: int) -> potential.PotentialSettings:
    try:
        return potential.PotentialSettings.from_dict(event_setting(session, event_id, "potential", None))
    except ValueError as exc:
        raise IntegrationError(str(exc)) from exc


def _participant(session: Session, ep_id: int) -> EventParticipant:
    ep = session.get(EventParticipant, ep_id)
    if ep is None:
        raise IntegrationError("Peserta tidak ditemukan.")
    return ep


def _result_of(session: Session, ep_id: int) -> IntegratedResult | None:
    return session.scalars(
        select(IntegratedResult).where(IntegratedResult.event_participant_id == ep_id)
    ).one_or_none()


@dataclass(frozen=True)
class _Standard:
    competency_id: int
    code: str
    name: str
    level: Decimal


def _standards(session: Session, ep: EventParticipant, result: IntegratedResult | None) -> list[_Standard]:
    """The snapshot on an existing result, otherwise the target position's current standard."""
    order = dict(session.execute(select(Competency.id, Competency.sort_order)).all())
    if result is not None and result.levels:
        items = [
            _Standard(lv.competency_id, lv.competency_code, lv.competency_name, Decimal(lv.standard_level))
            for lv in result.levels
        ]
    else:
        if ep.target_position_id is None:
            raise IntegrationError(
                f"{ep.participant.name} belum memiliki jabatan sasaran, sehingga standar kompetensinya belum ada."
            )
        rows = session.execute(
            select(Competency.id, Competency.code, Competency.name, PositionStandard.level)
            .join(PositionStandard, PositionStandard.competency_id == Competency.id)
            .where(PositionStandard.position_id == ep.target_position_id)
        ).all()
        if not rows:
            raise IntegrationError(
                f"Jabatan sasaran {ep.target_position.name if ep.target_position else ''} belum memiliki "
                "standar kompetensi; isi standarnya terlebih dahulu."
            )
        items = [_Standard(r[0], r[1], r[2], Decimal(r[3])) for r in rows]
    return sorted(items, key=lambda s: (order.get(s.competency_id, 0), s.code))


def integration_sheet(
    session: Session, event_participant_id: int, *, include_unsubmitted: bool = False
) -> IntegrationSheet:
    """Everything the meeting needs for one participant (see module doc)."""
    access.require_integration(session, event_participant_id)
    ep = _participant(session, event_participant_id)
    result = _result_of(session, ep.id)
    standards = _standards(session, ep, result)
    settings = rating_service.integration_settings(session, ep.event_id)
    rows = session.execute(
        select(Rating, Exercise.code, Exercise.name, Exercise.sort_order, TeamMember.name)
        .join(Exercise, Exercise.id == Rating.exercise_id)
        .join(TeamMember, TeamMember.id == Rating.assessor_id)
        .where(Rating.event_participant_id == ep.id)
    ).all()
    assignments = rating_service.event_assignments(session, ep.event_id, [ep.id])
    names = dict(session.execute(
        select(TeamMember.id, TeamMember.name).where(TeamMember.id.in_({a.assessor_id for a in assignments}))
    ).all())
    submitted_by = {r.assessor_id for r, *_ in rows if r.submitted_at is not None}
    waiting = sorted({names.get(a.assessor_id, "?") for a in assignments if a.assessor_id not in submitted_by})
    used = [(r, code, name, order, who) for r, code, name, order, who in rows
            if include_unsubmitted or r.submitted_at is not None]
    columns: dict[tuple[int, int], RatingColumn] = {}
    col_order: dict[tuple[int, int], tuple[int, str]] = {}
    for r, code, name, order, who in used:
        key = (r.exercise_id, r.assessor_id)
        columns.setdefault(key, RatingColumn(r.exercise_id, code, name, r.assessor_id, who))
        col_order[key] = (order, who)
    keys = sorted(columns, key=lambda k: col_order[k])
    comp_code = {s.competency_id: s.code for s in standards}
    cell_of: dict[tuple[int, int, int], CellValue] = {}
    domain: list[rules.Rating] = []
    for r, code, _name, _order, _who in used:
        level = None if r.level is None else Decimal(r.level)
        cell_of[(r.competency_id, r.exercise_id, r.assessor_id)] = CellValue(level, r.no_evidence)
        if r.competency_id in comp_code:
            domain.append(rules.Rating(comp_code[r.competency_id], code, r.assessor_id, level, r.no_evidence))
    summaries = {code: rules.integrate_competency(code, domain, settings) for code in comp_code.values()}
    finals = {lv.competency_id: lv for lv in (result.levels if result else [])}
    sheet_rows = []
    for s in standards:
        final = finals.get(s.competency_id)
        sheet_rows.append(IntegrationRow(
            s.competency_id, s.code, s.name, s.level,
            tuple(cell_of.get((s.competency_id, k[0], k[1])) for k in keys),
            summaries[s.code],
            None if final is None or final.final_level is None else Decimal(final.final_level),
            final.reason if final else "",
        ))
    position = ep.target_position
    return IntegrationSheet(
        ep.id, ep.participant.name, ep.participant.nip,
        result.position_name if result else (position.name if position else ""),
        result.job_level_name if result else (position.job_level.name if position else ""),
        result.purpose if result else rating_service.event_purpose(session, ep.event_id),
        tuple(columns[k] for k in keys), tuple(sheet_rows), settings, tuple(waiting), result is not None,
        result.version if result is not None else 0,
    )


def _assessed_on(session: Session, ep: EventParticipant) -> date:
    if ep.wave_id is not None:
        wave = session.get(Wave, ep.wave_id)
        if wave is not None and (day := wave_dates(session, wave)[1]) is not None:  # own dates or share of event's
            return day
    event = session.get(Event, ep.event_id)
    if event is not None and (event.end_date or event.start_date):
        return event.end_date or event.start_date  # type: ignore[return-value]
    return date.today()


def save_integration(
    session: Session,
    event_participant_id: int,
    finals: Mapping[int, tuple[Decimal | float | int | str | None, str]],
    *,
    actor: str = "",
    expected_version: int | None = None,
) -> SavedResult:
    """Store the agreed final level (and reason) of every competency, keyed by competency id.

    `expected_version` (IntegrationSheet.result_version) refuses a save over another workstation's.

    Every competency of the standard needs a final level; one that departs from the suggestion
    needs a reason. All problems are reported together and nothing is written when there is one.
    """
    access.require_integration(session, event_participant_id)
    sheet = integration_sheet(session, event_participant_id)
    problems = []
    chosen: dict[int, tuple[Decimal, str]] = {}
    for row in sheet.rows:
        level, reason = finals.get(row.competency_id, (None, ""))
        reason = (reason or "").strip()
        try:
            value = rules.as_decimal(level) if level not in (None, "") else None
        except ValueError:
            value = None
        problem = rules.validate_final(row.summary.suggested_level, value, reason, sheet.settings)
        if problem:
            problems.append(f"{row.name}: {problem}")
        elif value is not None:
            chosen[row.competency_id] = (value, reason)
    if problems:
        raise IntegrationError("Level akhir belum dapat disimpan.\n" + "\n".join(problems))

    ep = _participant(session, event_participant_id)
    result = _result_of(session, ep.id)
    check_version(result.version if result is not None else 0, expected_version, f"hasil {sheet.participant_name}")
    if result is None:
        position = ep.target_position
        result = IntegratedResult(
            event_participant_id=ep.id,
            position_name=position.name if position else "",
            job_level_name=position.job_level.name if position else "",
            purpose=sheet.purpose,
        )
        session.add(result)
        session.flush()
        for row in sheet.rows:
            result.levels.append(IntegratedLevel(
                competency_id=row.competency_id, competency_code=row.code, competency_name=row.name,
                standard_level=row.standard,
            ))
        session.flush()
    levels = {lv.competency_id: lv for lv in result.levels}
    for row in sheet.rows:
        lv = levels[row.competency_id]
        value, reason = chosen[row.competency_id]
        old = {"final": _text(lv.final_level), "reason": lv.reason, "suggested": _text(lv.suggested_level)}
        lv.final_level = value
        lv.reason = reason
        lv.suggested_level = row.summary.suggested_level
        new = {"final": _text(value), "reason": reason, "suggested": _text(row.summary.suggested_level)}
        if new != old:
            audit.record(session, action="level_akhir", entity="integrated_level", entity_id=lv.id,
                         old=old if old["final"] is not None else None, new=new, actor=actor,
                         note=f"{sheet.participant_name}: {row.code} {row.name}")
    result.assessed_on = result.assessed_on or _assessed_on(session, ep)
    result.finalized_at = datetime.now(UTC)
    session.flush()
    return refresh_result(session, ep.id, actor=actor)


def _text(value: Decimal | None) -> str | None:
    return None if value is None else rules.format_level(Decimal(value))


def refresh_result(session: Session, event_participant_id: int, *, actor: str = "") -> SavedResult:
    """Recompute JPM/category/potential/9-box of the stored result from its snapshot."""
    access.require_integration(session, event_participant_id)
    ep = _participant(session, event_participant_id)
    result = _result_of(session, ep.id)
    if result is None:
        raise IntegrationError(f"{ep.participant.name} belum memiliki hasil rapat integrasi.")
    scores = [
        results.CompetencyScore(lv.competency_code, lv.competency_name, Decimal(lv.standard_level),
                                None if lv.final_level is None else Decimal(lv.final_level))
        for lv in sorted(result.levels, key=lambda x: x.competency_code)
    ]
    old = {"jpm": _str(result.jpm), "category": result.category_code, "potential": result.potential_category,
           "box": result.nine_box}
    purpose = result.purpose or rating_service.event_purpose(session, ep.event_id)
    try:
        summary = results.compute_result(scores, purpose, jpm_settings(session, ep.event_id))
    except (results.ResultError, ValueError) as exc:
        raise IntegrationError(str(exc)) from exc
    result.total_final = summary.total_final
    result.total_standard = summary.total_standard
    result.jpm = summary.jpm
    result.category_code = summary.category_code
    result.category_name = summary.category_name
    from ukom_desktop.services.potential_axis import participant_axis

    pot = potential_summary(session, ep.id, ep.event_id)
    axis = participant_axis(session, ep.id, ep.event_id, result.jpm, pot)  # competency, potential, track record
    result.potential_category = axis.band.value if axis else ""
    box = None
    if axis is not None and ep.performance_category:
        try:
            box = ninebox.box_number(axis.band, ep.performance_category)
        except ninebox.NineBoxError:
            box = None
    result.nine_box = box
    if result.assessed_on is None:
        result.assessed_on = _assessed_on(session, ep)
    result.valid_until = results.valid_until(result.assessed_on)
    session.flush()
    new = {"jpm": _str(result.jpm), "category": result.category_code, "potential": result.potential_category,
           "box": result.nine_box}
    if new != old:
        audit.record(session, action="hitung_hasil", entity="integrated_result", entity_id=result.id,
                     entity_uuid=result.uuid, old=old, new=new, actor=actor, note=ep.participant.name)
    return SavedResult(result.id, result.jpm, result.category_code, result.category_name,
                       result.potential_category, result.nine_box, result.valid_until)


def _str(value: Decimal | None) -> str | None:
    return None if value is None else f"{Decimal(value):.2f}"


def potential_summary(
    session: Session, event_participant_id: int, event_id: int
) -> potential.PotentialSummary | None:
    """The potential result when all 8 aspects are scored, else None (the track record is not an aspect)."""
    aspects = {a.code for a in potential.ASPECTS}
    scores = {
        code: score for code, score in session.execute(
            select(PotentialScore.aspect_code, PotentialScore.score).where(
                PotentialScore.event_participant_id == event_participant_id
            )
        ) if score is not None and code in aspects
    }
    if len(scores) < len(potential.ASPECTS):
        return None
    try:
        return potential.compute_potential(scores, potential_settings(session, event_id))
    except potential.PotentialError:
        return None
