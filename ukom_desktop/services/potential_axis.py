"""The 9-box potential axis of a participant from the stored scores and settings (domain.potential_axis)."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from ukom_desktop.db.models import PotentialScore
from ukom_desktop.domain import potential
from ukom_desktop.domain import potential_axis as axis_rules
from ukom_desktop.domain.results import SettingsError
from ukom_desktop.errors import UserFacingError
from ukom_desktop.services.settings import event_setting


def track_record(session: Session, event_participant_id: int) -> Decimal | None:
    """The rekam jejak rating stored beside the potential aspects, when there is one."""
    value = session.scalar(select(PotentialScore.score).where(
        PotentialScore.event_participant_id == event_participant_id,
        PotentialScore.aspect_code == axis_rules.TRACK_RECORD_CODE,
    ))
    return None if value is None else Decimal(value)


def axis_mix(session: Session, event_id: int) -> dict[str, Decimal]:
    try:
        return axis_rules.parse_mix(event_setting(session, event_id, axis_rules.SETTING_KEY, None))
    except SettingsError as exc:
        raise UserFacingError(str(exc)) from exc


def participant_axis(
    session: Session, event_participant_id: int, event_id: int, jpm: Decimal | None,
    summary: potential.PotentialSummary | None,
) -> axis_rules.PotentialAxis | None:
    from ukom_desktop.services.integration import potential_settings

    return axis_rules.potential_axis(jpm, summary, track_record(session, event_participant_id),
                                     potential_settings(session, event_id), axis_mix(session, event_id))
