"""The scheduling grid on screen: a card per session, a chip per participant and assessor.

Drag a chip onto another session card to move that person there; drop it on a person of the same kind
to swap the two. While dragging, the target card turns green, or red with the reason in words when
the checker would refuse the move. A right click offers "Pindahkan sesi..." (the whole session to another
day, time or room) and, on a participant, another lead assessor among those who observe them. The grid
only asks: `move_requested(GridEdit)` and `reschedule_requested(session id)` go to the tab, which applies
the edit through the scheduling service.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QMimeData, QPoint, Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QDrag, QDragEnterEvent, QDragLeaveEvent, QDropEvent, QMouseEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ukom_desktop.ui.schedule.grid_model import Chip, ScheduleGridModel, SessionCell

MIME = "application/x-ukom-jadwal-orang"
CELL_WIDTH = 190
COMPACT_ABOVE = 8  # a session with more participants (a whole wave) lists their numbers in one line

_CHIP_STYLE = {
    "participant": "background:#e3ecf8; border:1px solid #9fb6d8; border-radius:3px; padding:1px 4px;",
    "assessor": "background:#e6f4ea; border:1px solid #95c9a5; border-radius:3px; padding:1px 4px;",
}
_CARD_STYLE = {
    "": "QFrame#sessionCard { background:#ffffff; border:1px solid #b8c2cc; border-radius:4px; }",
    "ringan": "QFrame#sessionCard { background:#fff3cd; border:1px solid #d6a700; border-radius:4px; }",
    "berat": "QFrame#sessionCard { background:#f8d7da; border:2px solid #c0392b; border-radius:4px; }",
    "ok": "QFrame#sessionCard { background:#e6f4ea; border:2px solid #2e7d32; border-radius:4px; }",
}


def chip_mime(chip: Chip) -> QMimeData:
    mime = QMimeData()
    mime.setData(MIME, json.dumps({"kind": chip.kind, "person": chip.person_id, "session": chip.session_id}).encode())
    mime.setText(chip.text)
    return mime


def read_mime(mime: QMimeData) -> dict[str, str] | None:
    if not mime.hasFormat(MIME):
        return None
    try:
        return dict(json.loads(bytes(mime.data(MIME).data()).decode()))
    except (ValueError, TypeError):
        return None


def edit_for_drop(payload: dict[str, str], target: SessionCell, onto: Chip | None) -> Any:
    """The GridEdit a drop means: a move, or a swap when dropped on a person of the same kind."""
    from ukom_desktop.services.scheduling import GridEdit

    kind, person, source = payload["kind"], payload["person"], payload["session"]
    if onto is not None and onto.kind == kind and onto.session_id != source and onto.person_id != person:
        swap = "swap_participants" if kind == "participant" else "swap_assessors"
        return GridEdit(swap, person=person, source=source, target=target.session_id, other=onto.person_id)
    move = "move_participant" if kind == "participant" else "move_assessor"
    return GridEdit(move, person=person, source=source, target=target.session_id)


class ChipLabel(QLabel):
    """A person in a session; press and drag to move them."""

    def __init__(self, chip: Chip, parent: QWidget | None = None) -> None:
        text = ("\u2605 " if chip.is_lead else "") + chip.text
        super().__init__(text, parent)
        self.chip = chip
        self.setStyleSheet(_CHIP_STYLE[chip.kind])
        self.setWordWrap(True)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        role = "peserta" if chip.kind == "participant" else "asesor"
        tip = "asesor utama peserta di sesi ini; " if chip.is_lead else ""
        self.setToolTip(f"{tip}Seret {role} ini ke sesi lain untuk memindahkannya, "
                        f"atau ke {role} lain untuk menukar keduanya.")
        self._press: QPoint | None = None

    def mime_data(self) -> QMimeData:
        return chip_mime(self.chip)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._press is None or not event.buttons() & Qt.MouseButton.LeftButton:
            return
        if (event.position().toPoint() - self._press).manhattanLength() < QApplication.startDragDistance():
            return
        self._press = None
        drag = QDrag(self)
        drag.setMimeData(self.mime_data())
        drag.setPixmap(self.grab())
        drag.exec(Qt.DropAction.MoveAction)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        card = self.parent()
        if isinstance(card, SessionCard):
            card.grid.context_menu(card.cell, self.chip).exec(event.globalPos())


class SessionCard(QFrame):
    """One session; accepts dropped people and shows in colour whether the checker would accept them."""

    def __init__(self, cell: SessionCell, grid: ScheduleGrid, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cell = cell
        self.grid = grid
        self.setObjectName("sessionCard")
        self.setAcceptDrops(True)
        self.verdict = ""  # while a drag hovers: "ok" or the refusal reason
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 3, 4, 3)
        layout.setSpacing(2)
        title = QLabel(f"<b>{cell.title}</b>")
        title.setWordWrap(True)
        layout.addWidget(title)
        place = cell.place + (f" \u2013 {cell.label}" if cell.label else "")
        layout.addWidget(QLabel(f"<span style='color:#555'>{place}</span>"))
        self.chips: list[ChipLabel] = []
        people = cell.participants
        if len(people) > COMPACT_ABOVE:
            numbers = ", ".join(c.text.split(".")[0] for c in people)
            crowd = QLabel(f"{len(people)} peserta: no. {numbers}")
            crowd.setWordWrap(True)
            crowd.setToolTip("\n".join(c.text for c in people))
            crowd.setStyleSheet(_CHIP_STYLE["participant"])
            layout.addWidget(crowd)
            people = ()
        for chip in (*people, *cell.assessors):
            label = ChipLabel(chip, self)
            self.chips.append(label)
            layout.addWidget(label)
        if cell.reasons:
            self.setToolTip("\n".join(cell.reasons))
        self._apply_style(cell.severity)

    def _apply_style(self, state: str) -> None:
        self.setStyleSheet(_CARD_STYLE.get(state, _CARD_STYLE[""]))

    def chip_at(self, pos: QPoint) -> Chip | None:
        for label in self.chips:
            if label.geometry().contains(pos):
                return label.chip
        return None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        payload = read_mime(event.mimeData())
        if payload is None or payload["session"] == self.cell.session_id:
            event.ignore()
            return
        edit = edit_for_drop(payload, self.cell, self.chip_at(event.position().toPoint()))
        reasons = self.grid.judge(edit)
        self.verdict = "ok" if not reasons else reasons[0]
        self._apply_style("ok" if not reasons else "berat")
        self.setToolTip("Dapat dipindahkan ke sini." if not reasons else "Ditolak: " + " ".join(reasons))
        self.grid.hover_changed.emit("" if not reasons else "Ditolak: " + " ".join(reasons))
        event.acceptProposedAction()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:  # noqa: N802
        self.verdict = ""
        self._apply_style(self.cell.severity)
        self.grid.hover_changed.emit("")
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        payload = read_mime(event.mimeData())
        self._apply_style(self.cell.severity)
        self.grid.hover_changed.emit("")
        if payload is None or payload["session"] == self.cell.session_id:
            event.ignore()
            return
        edit = edit_for_drop(payload, self.cell, self.chip_at(event.position().toPoint()))
        event.acceptProposedAction()
        self.grid.move_requested.emit(edit)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self.grid.session_clicked.emit(self.cell.session_id)
        super().mousePressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        self.grid.context_menu(self.cell, None).exec(event.globalPos())


class ScheduleGrid(QScrollArea):
    """Draws a ScheduleGridModel as cards; emits move_requested(GridEdit) when a person is dropped."""

    move_requested = Signal(object)
    reschedule_requested = Signal(str)  # session id: the user wants to move the whole session
    session_clicked = Signal(str)
    hover_changed = Signal(str)  # the refusal reason under the cursor while dragging, or ""

    def __init__(self, model: ScheduleGridModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.setWidgetResizable(True)
        self._judge: Callable[[Any], list[str]] | None = None
        self.cards: dict[str, list[SessionCard]] = {}
        self.empty_text = "Belum ada jadwal. Tekan \u201cSusun otomatis\u201d untuk menyusunnya."
        model.modelReset.connect(self.rebuild)
        self.rebuild()

    def set_judge(self, judge: Callable[[Any], list[str]]) -> None:
        """judge(edit) -> reasons the checker would refuse the edit (empty: acceptable)."""
        self._judge = judge

    def judge(self, edit: Any) -> list[str]:
        return self._judge(edit) if self._judge is not None else []

    def rebuild(self) -> None:
        self.cards = {}
        body = QWidget()
        grid = QGridLayout(body)
        grid.setSpacing(4)
        grid.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        model = self.model
        if model.rowCount() == 0:
            note = QLabel(self.empty_text)
            note.setStyleSheet("color:#555; padding:20px;")
            grid.addWidget(note, 0, 0)
        else:
            corner = QLabel("<b>Waktu</b>")
            grid.addWidget(corner, 0, 0)
            for column in range(model.columnCount()):
                header = QLabel(f"<b>{model.columns[column][1]}</b>")
                header.setWordWrap(True)
                header.setMinimumWidth(CELL_WIDTH)
                header.setAlignment(Qt.AlignmentFlag.AlignCenter)
                header.setStyleSheet("background:#d9e1f2; padding:3px;")
                grid.addWidget(header, 0, column + 1)
            for row in range(model.rowCount()):
                label = QLabel(f"<b>{model.row_label(row)}</b>")
                label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight)
                grid.addWidget(label, row + 1, 0)
                for column in range(model.columnCount()):
                    cells = model.sessions_at(row, column)
                    if not cells:
                        continue
                    # Two sessions of one room (or assessor) starting at the same time stand side by side,
                    # each card at its full width, so they never overlap or squeeze each other.
                    holder = QWidget()
                    box = QHBoxLayout(holder)
                    box.setContentsMargins(0, 0, 0, 0)
                    box.setSpacing(3)
                    for cell in cells:
                        card = SessionCard(cell, self, holder)
                        card.setFixedWidth(CELL_WIDTH if len(cells) == 1 else CELL_WIDTH - 2)
                        self.cards.setdefault(cell.session_id, []).append(card)
                        box.addWidget(card, 0, Qt.AlignmentFlag.AlignTop)
                    grid.addWidget(holder, row + 1, column + 1, Qt.AlignmentFlag.AlignTop)
        self.setWidget(body)

    def context_menu(self, cell: SessionCell, chip: Chip | None) -> QMenu:
        """Right-click menu of a session card (and of a participant in it)."""
        menu = QMenu(self)
        move = menu.addAction("Pindahkan sesi (hari, jam, ruang)...")
        move.triggered.connect(lambda: self.reschedule_requested.emit(cell.session_id))
        if chip is not None and chip.kind == "participant":
            self._add_lead_menu(menu, chip)
        return menu

    def _add_lead_menu(self, menu: QMenu, chip: Chip) -> None:
        from ukom_desktop.services.scheduling import GridEdit

        stored = self.model.stored
        if stored is None:
            return
        current = stored.schedule.lead.get(chip.person_id)
        observers = {a for s in stored.schedule.sessions_of_participant(chip.person_id) for a in s.assessor_ids}
        names = {a: stored.event.assessors[a].name if a in stored.event.assessors else a for a in observers}
        leads = menu.addMenu(f"Asesor utama {chip.text.split('. ', 1)[-1]}")
        for aid in sorted(observers, key=lambda a: names[a].casefold()):
            action = leads.addAction(names[aid])
            action.setCheckable(True)
            action.setChecked(aid == current)
            if aid != current:
                edit = GridEdit("set_lead", person=chip.person_id, source=chip.session_id, other=aid)
                action.triggered.connect(lambda _checked=False, e=edit: self.move_requested.emit(e))
        if not observers:
            leads.setEnabled(False)

    def card(self, session_id: str) -> SessionCard | None:
        cards = self.cards.get(session_id)
        return cards[0] if cards else None

    def chip(self, session_id: str, person_id: str) -> ChipLabel | None:
        for card in self.cards.get(session_id, []):
            for label in card.chips:
                if label.chip.person_id == person_id:
                    return label
        return None

    def scroll_to_session(self, session_id: str) -> None:
        card = self.card(session_id)
        if card is not None:
            self.ensureWidgetVisible(card, 40, 40)
