"""`demo --with-users`: one user per role, with one-time passwords shown once (issue 13)."""

from __future__ import annotations

import secrets

from sqlalchemy import select
from sqlalchemy.orm import Session

from ukom_desktop.db.models import EventParticipant, User
from ukom_desktop.domain import permissions as perm
from ukom_desktop.services.users import create_user, to_actor


def _password() -> str:
    return secrets.token_urlsafe(9)  # 12 characters


def build_demo_users(session: Session, event_id: int) -> list[dict[str, object]]:
    """admin, sekretariat, asesor (the lead assessor of the first participant), reviewer QC, pimpinan."""
    leads = [m for m in session.scalars(
        select(EventParticipant.lead_assessor_id).where(EventParticipant.event_id == event_id)
        .order_by(EventParticipant.number, EventParticipant.id)) if m is not None]
    if not leads:  # no lead assessors yet: whoever the schedule (or the fallback) lets rate
        from ukom_desktop.services.rating_assignments import event_assignments

        ordered = sorted(event_assignments(session, event_id), key=lambda a: (a.event_participant_id, a.assessor_id))
        leads = list(dict.fromkeys(a.assessor_id for a in ordered))
    lead = leads[0] if leads else None
    reviewer = next((m for m in leads if m != lead), None)
    plan = [
        ("admin", "Admin Demo", [perm.ADMIN], None),
        ("sekretariat", "Sekretariat Demo", [perm.SEKRETARIAT], None),
        ("asesor", "Asesor Demo", [perm.ASESOR], lead),
        ("reviewer", "Reviewer QC Demo", [perm.QC], reviewer),
        ("pimpinan", "Pimpinan Demo", [perm.PIMPINAN], None),
    ]
    made: list[dict[str, object]] = []
    acting = session.info.get("actor")
    for username, name, roles, member in plan:
        if member is None and perm.ASESOR in roles:
            continue  # an event without lead assessors has nobody to link
        password = _password()
        user_id = create_user(session, username=username, full_name=name, roles=roles, password=password,
                              assessor=member, must_change_password=True)
        if acting is None and perm.ADMIN in roles:  # the first admin creates the others
            session.info["actor"] = to_actor(session.get_one(User, user_id))
        made.append({"username": username, "password": password, "roles": roles})
    session.info["actor"] = acting
    return made
