"""What the window's parts share: the open database and the current event."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSettings, Signal

if TYPE_CHECKING:
    from ukom_desktop.services.database_access import Database, Session


def database_key(url: str) -> str:
    """A settings key part for a database: a hash, never the path (a Windows path breaks the key)."""
    import hashlib

    return hashlib.sha256(url.encode("utf-8")).hexdigest()[:16]


class AppContext(QObject):
    database_changed = Signal()
    event_changed = Signal(object)  # event id or None
    data_changed = Signal(str)  # name of what changed, e.g. "events", "participants"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.database: Database | None = None
        self.event_id: int | None = None

    def set_database(self, database: Database | None) -> None:
        if self.database is not None and self.database is not database:
            self.database.dispose()
        self.database = database
        self.event_id = None
        self.database_changed.emit()

    def set_event(self, event_id: int | None) -> None:
        if event_id == self.event_id:
            return
        self.event_id = event_id
        if event_id is not None and self.database is not None:
            QSettings().setValue(self._event_key(), event_id)
        self.event_changed.emit(event_id)

    def remembered_event(self) -> int | None:
        if self.database is None:
            return None
        value = QSettings().value(self._event_key())
        try:
            return int(value) if value is not None else None
        except (TypeError, ValueError):
            return None

    @property
    def actor(self) -> Any:
        """The signed-in user bound to this database's sessions (None without users or before a login)."""
        if self.database is None:
            return None
        from ukom_desktop.services.access import bound_actor

        return bound_actor(self.database.sessions)

    @property
    def roles(self) -> frozenset[str] | None:
        """The signed-in user's roles; None when nobody is signed in (a database without users)."""
        actor = self.actor
        return actor.roles if actor is not None else None

    @property
    def assessor_id(self) -> int | None:
        actor = self.actor
        return actor.assessor_id if actor is not None else None

    def _event_key(self) -> str:
        """The settings key of the remembered event: the database address without any password."""
        from ukom_desktop.services.database_access import public_address

        assert self.database is not None
        # hashed: a settings key holds neither a password nor a path (a Windows path breaks the key)
        return f"current_event/{database_key(public_address(self.database.url))}"

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A read session (no commit)."""
        from ukom_desktop.services.database_access import session

        assert self.database is not None, "no database open"
        with session(self.database) as opened:
            yield opened

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends normally, rolled back on any error."""
        from ukom_desktop.services.database_access import transaction

        assert self.database is not None, "no database open"
        with transaction(self.database) as opened:
            yield opened
