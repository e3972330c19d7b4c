"""The scheduling grid's table model: time slots (rows) by rooms or by assessors (columns).

One wave or one day is shown at a time. A cell holds the sessions that start at the row's time in the
column's room (or with the column's assessor). Works without a window; the grid widget draws it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from ukom_desktop.domain.dates import format_day_date_id
from ukom_desktop.domain.scheduling.timegrid import format_hm

SESSIONS_ROLE = Qt.ItemDataRole.UserRole + 10
SEVERITY_ROLE = Qt.ItemDataRole.UserRole + 11

Mode = Literal["rooms", "assessors"]
HARD_COLOR = QColor("#f8d7da")
SOFT_COLOR = QColor("#fff3cd")
_Index = QModelIndex | QPersistentModelIndex

_DAY_SHORT = {0: "Sen", 1: "Sel", 2: "Rab", 3: "Kam", 4: "Jum", 5: "Sab", 6: "Min"}


@dataclass(frozen=True)
class ViewChoice:
    """What the grid shows: a whole wave, or one day (of any wave)."""

    label: str
    wave: int | None = None
    day: date | None = None
    participant: str | None = None  # one participant's sessions (their own timetable)


@dataclass(frozen=True)
class Chip:
    """A person in a session, as the grid draws (and drags) them."""

    kind: Literal["participant", "assessor"]
    person_id: str
    text: str
    session_id: str
    is_lead: bool = False


@dataclass(frozen=True)
class SessionCell:
    """A session as shown in one cell."""

    session_id: str
    title: str  # "Role Play 10.10-10.50"
    place: str  # room (rooms mode) or room name (assessors mode)
    label: str  # "Kelompok A" or ""
    participants: tuple[Chip, ...]
    assessors: tuple[Chip, ...]
    severity: str = ""  # "berat", "ringan" or ""
    reasons: tuple[str, ...] = ()


def view_choices(stored: Any) -> list[ViewChoice]:
    """Each wave with sessions, then each day with sessions."""
    sessions = stored.schedule.sessions
    waves = sorted({s.wave for s in sessions})
    out = [ViewChoice(f"Gelombang {w}", wave=w) for w in waves]
    days = sorted({s.start.date() for s in sessions})
    out += [ViewChoice(format_day_date_id(d), day=d) for d in days]
    scheduled = {p for s in sessions for p in s.participant_ids}
    people = stored.event.participants
    for pid in sorted(scheduled, key=lambda p: (people[p].number or 0, people[p].name) if p in people else (0, p)):
        out.append(ViewChoice(f"Peserta {_participant_text(stored.event, pid)}", participant=pid))
    return out


class ScheduleGridModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.stored: Any = None  # services.schedule_problem.StoredSchedule
        self.mode: Mode = "rooms"
        self.choice: ViewChoice | None = None
        self.columns: list[tuple[str, str]] = []  # (id, header)
        self.rows: list[datetime] = []
        self._cells: dict[tuple[int, int], list[SessionCell]] = {}
        self._by_session: dict[str, tuple[str, tuple[str, ...]]] = {}  # session -> (severity, reasons)

    # -- feeding ---------------------------------------------------------------------------------
    def set_schedule(self, stored: Any, violations: Iterable[Any] = ()) -> None:
        self.stored = stored
        marks: dict[str, tuple[str, list[str]]] = {}
        for v in violations:
            for sid in v.session_ids:
                severity, reasons = marks.get(sid, ("", []))
                if v.is_hard or not severity:
                    severity = "berat" if v.is_hard else "ringan"
                reasons.append(v.message)
                marks[sid] = (severity, reasons)
        self._by_session = {sid: (sev, tuple(reasons)) for sid, (sev, reasons) in marks.items()}
        choices = view_choices(stored) if stored is not None else []
        if self.choice not in choices:
            self.choice = choices[0] if choices else None
        self._rebuild()

    def set_mode(self, mode: Mode) -> None:
        if mode != self.mode:
            self.mode = mode
            self._rebuild()

    def set_choice(self, choice: ViewChoice | None) -> None:
        self.choice = choice
        self._rebuild()

    def visible_sessions(self) -> list[Any]:
        if self.stored is None or self.choice is None:
            return []
        c = self.choice
        return [
            s for s in self.stored.schedule.sessions
            if (c.wave is None or s.wave == c.wave) and (c.day is None or s.start.date() == c.day)
            and (c.participant is None or c.participant in s.participant_ids)
        ]

    def _rebuild(self) -> None:
        self.beginResetModel()
        self._cells = {}
        self.columns, self.rows = [], []
        sessions = self.visible_sessions()
        if sessions:
            event = self.stored.event
            if self.mode == "rooms":
                used = {s.room_id for s in sessions}
                kind_order = {"aula": 0, "ruang_kelompok": 1, "ruang_wawancara": 2}
                rooms = [r for r in self.stored.problem.rooms if r.id in used]
                rooms.sort(key=lambda r: (kind_order.get(r.kind, 3), r.name))
                self.columns = [(r.id, r.name or r.id) for r in rooms]
                keys_of = lambda s: [s.room_id]  # noqa: E731
            else:
                used_a = {a for s in sessions for a in s.assessor_ids}
                people = sorted(used_a, key=lambda a: event.assessors[a].name.casefold() if a in event.assessors else a)
                self.columns = [(a, event.assessors[a].name if a in event.assessors else a) for a in people]
                keys_of = lambda s: list(s.assessor_ids)  # noqa: E731
            # By assessors, a whole-wave session (no assessor) has no column: its time gets no empty row.
            placed = [s for s in sessions if keys_of(s)] or sessions
            self.rows = sorted({s.start for s in placed})
            row_of = {t: i for i, t in enumerate(self.rows)}
            col_of = {cid: i for i, (cid, _) in enumerate(self.columns)}
            cells: dict[tuple[int, int], list[SessionCell]] = defaultdict(list)
            for s in sorted(sessions, key=lambda s: (s.start, s.id)):
                for key in keys_of(s):
                    if key in col_of:
                        cells[(row_of[s.start], col_of[key])].append(self.session_cell(s))
            self._cells = dict(cells)
        self.endResetModel()

    def session_cell(self, s: Any) -> SessionCell:
        event = self.stored.event
        lead = self.stored.schedule.lead
        title = f"{event.exercise_name(s.exercise_id)} {format_hm(s.start)}-{format_hm(s.end)}"
        participants = tuple(
            Chip("participant", pid, _participant_text(event, pid), s.id) for pid in s.participant_ids
        )
        assessors = tuple(
            Chip("assessor", aid, event.assessors[aid].name if aid in event.assessors else aid, s.id,
                 is_lead=any(lead.get(p) == aid for p in s.participant_ids))
            for aid in s.assessor_ids
        )
        severity, reasons = self._by_session.get(s.id, ("", ()))
        return SessionCell(s.id, title, event.room_name(s.room_id), self.stored.labels.get(s.id, ""),
                           participants, assessors, severity, reasons)

    # -- queries ---------------------------------------------------------------------------------
    def sessions_at(self, row: int, column: int) -> list[SessionCell]:
        return list(self._cells.get((row, column), []))

    def row_label(self, row: int) -> str:
        moment = self.rows[row]
        if self.choice is not None and self.choice.day is None and len({t.date() for t in self.rows}) > 1:
            return f"{_DAY_SHORT[moment.weekday()]} {moment:%d/%m} {format_hm(moment)}"
        return format_hm(moment)

    def find_session(self, session_id: str) -> tuple[int, int] | None:
        for (row, column), cells in self._cells.items():
            if any(c.session_id == session_id for c in cells):
                return row, column
        return None

    # -- Qt --------------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        cells = self._cells.get((index.row(), index.column()), [])
        if role == SESSIONS_ROLE:
            return list(cells)
        if role == Qt.ItemDataRole.DisplayRole:
            return "\n\n".join(cell_text(c) for c in cells)
        if role == SEVERITY_ROLE:
            return _worst(cells)
        if role == Qt.ItemDataRole.BackgroundRole:
            worst = _worst(cells)
            return HARD_COLOR if worst == "berat" else SOFT_COLOR if worst == "ringan" else None
        if role == Qt.ItemDataRole.ToolTipRole:
            reasons = [r for c in cells for r in c.reasons]
            return "\n".join(reasons) or None
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section][1] if section < len(self.columns) else None
        return self.row_label(section) if section < len(self.rows) else None


def _participant_text(event: Any, pid: str) -> str:
    info = event.participants.get(pid)
    if info is None:
        return pid
    return f"{info.number}. {info.name}" if info.number is not None else info.name


def _worst(cells: Sequence[SessionCell]) -> str:
    severities = {c.severity for c in cells}
    return "berat" if "berat" in severities else "ringan" if "ringan" in severities else ""


def cell_text(cell: SessionCell) -> str:
    lines = [cell.title, cell.place]
    if cell.label:
        lines.append(cell.label)
    lines += [c.text for c in cell.participants]
    if cell.assessors:
        lines.append("Asesor: " + ", ".join(c.text for c in cell.assessors))
    return "\n".join(lines)
