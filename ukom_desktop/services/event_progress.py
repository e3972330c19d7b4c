"""The event's status follows what has been done (issue 11 item 12): a received list of participants means the
proposal is in verification, an assessing team or a schedule means the event is scheduled, invitations sent
mean preparation has started. The status only moves forward, never past what the evidence shows, and a
status set by hand further along is left alone."""

from __future__ import annotations

from sqlalchemy.orm import Session

from ukom_desktop.db.models import Event
from ukom_desktop.domain import sop_steps

from .event_checklist import preparation_counts
from .events import StatusChange, set_status


def evidenced_stage(session: Session, event_id: int) -> str:
    """The furthest stage (up to persiapan) that the event's own data shows has been reached."""
    c = preparation_counts(session, event_id)
    stage = "usulan"
    if c.total:
        stage = "verifikasi"  # the participant proposal has been received and entered
    if c.total and (c.assessors or c.schedule_sessions):
        stage = "terjadwal"  # team assigned or timetable made: the assessment is scheduled
    if c.total and c.not_invited < c.total:
        stage = "persiapan"  # invitations have gone out
    return stage


def follow_progress(session: Session, event_id: int, actor: str = "otomatis") -> StatusChange | None:
    """Move the status forward to the stage the data shows, when it is behind; None when nothing changed."""
    event = session.get(Event, event_id)
    if event is None:
        return None
    current = getattr(event.status, "value", event.status)
    target = evidenced_stage(session, event_id)
    if sop_steps.stage_index(target) <= sop_steps.stage_index(current):
        return None
    return set_status(session, event_id, target, allow_skip=True, actor=actor)
