"""User-editable settings stored in the database (the UNVERIFIED rules of domain.md become settings).

A setting is a JSON value under a dotted key such as "jpm", "potential", "integration", "deadlines",
"scheduling" or "competency.min_exercises". An event may override any key in Event.settings.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from ukom_desktop.db.models import Event, Setting


def get_setting(session: Session, key: str, default: Any = None) -> Any:
    row = session.get(Setting, key)
    return default if row is None else row.value


def set_setting(session: Session, key: str, value: Any) -> None:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value


def event_setting(session: Session, event: Event | int, key: str, default: Any = None) -> Any:
    """The event's own value when it has one, otherwise the global setting, otherwise the default."""
    ev = session.get(Event, event) if isinstance(event, int) else event
    if ev is not None and key in (ev.settings or {}):
        return ev.settings[key]
    return get_setting(session, key, default)


def set_event_setting(session: Session, event: Event, key: str, value: Any) -> None:
    settings = dict(event.settings or {})
    settings[key] = value
    event.settings = settings  # a new dict so the JSON column is marked dirty
