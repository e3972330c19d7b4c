"""The one date field of the app: type dd-mm-yyyy (also into an empty field) or pick from an Indonesian calendar.

- Typing: "20-11-2026", "20/11/2026", "20.11.2026", "20112026" and "20-11-26" all give 20 November 2026;
  the field shows dd-mm-yyyy once it loses focus or Enter is pressed.
- Optional fields (`optional=True`) may stay empty and show their placeholder; a required field keeps its
  last valid date when the text is cleared or wrong.
- Beside the field the date is spelled out ("Jumat, 20 November 2026"), or the problem is named.
- The calendar opens at the field's date or, when empty, at `anchor` (e.g. the event's first day), else today.
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ukom_desktop.domain.dates import format_day_date_id

_SPLIT = re.compile(r"^\s*(\d{1,2})\s*[-/. ]\s*(\d{1,2})\s*[-/. ]\s*(\d{2}|\d{4})\s*$")
_DIGITS = re.compile(r"^\s*(\d{2})(\d{2})(\d{4}|\d{2})\s*$")
_ERROR_STYLE = "color: #b00020;"


def parse_date(text: str) -> date | None:
    """A typed date as a person in Indonesia writes it (day first); None when it is not a real date."""
    match = _SPLIT.match(text) or _DIGITS.match(text)
    if match is None:
        return None
    day, month, year = (int(part) for part in match.groups())
    if len(match.group(3)) == 2:
        year += 2000 if year < 70 else 1900
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _as_date(value: date | QDate | None) -> date | None:
    if isinstance(value, QDate):
        return None if not value.isValid() else date(value.year(), value.month(), value.day())
    return value


class _CalendarPopup(QWidget):
    picked = Signal(object)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 1, 1, 1)
        self.calendar = QCalendarWidget(self)
        self.calendar.setLocale(self.locale())
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.calendar.setGridVisible(True)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        layout.addWidget(self.calendar)
        self.calendar.clicked.connect(self._on_clicked)
        self.calendar.activated.connect(self._on_clicked)

    def _on_clicked(self, qdate: QDate) -> None:
        self.picked.emit(_as_date(qdate))
        self.close()


class DateField(QWidget):
    """A date typed as dd-mm-yyyy or picked from the calendar. `date()` gives a datetime.date or None."""

    dateChanged = Signal(object)  # noqa: N815 - Qt-style name, like QDateEdit's signal

    def __init__(self, value: date | None = None, *, optional: bool = False, placeholder: str = "",
                 anchor: date | None = None, show_day: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.optional = optional
        self.anchor = anchor
        self._date: date | None = None
        self._minimum: date | None = None
        self._maximum: date | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(placeholder or ("belum ditentukan" if optional else "hh-bb-tttt"))
        self.edit.setToolTip("Ketik tanggal sebagai hh-bb-tttt, mis. 20-11-2026, atau pilih dari kalender (F4)."
                             + (" Boleh dikosongkan." if optional else ""))
        self.edit.setMaxLength(16)
        metrics = self.edit.fontMetrics()
        self.edit.setFixedWidth(max(metrics.horizontalAdvance(self.edit.placeholderText()),
                                    metrics.horizontalAdvance("00-00-00000")) + 20)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.button = QToolButton()
        self.button.setText("▾")
        self.button.setToolTip("Pilih dari kalender")
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.day_label = QLabel()
        self.day_label.setVisible(show_day)
        layout.addWidget(self.edit)
        layout.addWidget(self.button)
        layout.addWidget(self.day_label, 1)
        self.setFocusProxy(self.edit)
        self.popup: _CalendarPopup | None = None
        self.edit.editingFinished.connect(self._commit_text)
        self.edit.textEdited.connect(self._on_text_edited)
        self.button.clicked.connect(self.open_calendar)
        self.edit.installEventFilter(self)
        self.setDate(value)

    # -- value --------------------------------------------------------------------------------
    def date(self) -> date | None:
        """The date in the field (a text being typed counts once it is a real date)."""
        typed = parse_date(self.edit.text())
        if typed is not None and self._in_range(typed):
            return typed
        return self._date

    def setDate(self, value: date | QDate | None) -> None:  # noqa: N802 - like QDateEdit
        value = _as_date(value)
        if value is None and not self.optional:
            value = self._date or self.anchor or date.today()
        changed = value != self._date
        self._date = value
        self.edit.setText(value.strftime("%d-%m-%Y") if value else "")
        self._show_day(value)
        if changed:
            self.dateChanged.emit(value)

    def clear(self) -> None:
        self.setDate(None)

    def isEmpty(self) -> bool:  # noqa: N802
        return self.date() is None

    def setDateRange(self, minimum: date | None, maximum: date | None) -> None:  # noqa: N802
        self._minimum, self._maximum = minimum, maximum

    def setAnchor(self, anchor: date | None) -> None:  # noqa: N802
        """The date the calendar opens at while the field is empty (e.g. the event's first day)."""
        self.anchor = anchor

    # -- behaviour ----------------------------------------------------------------------------
    def _in_range(self, value: date) -> bool:
        return (self._minimum is None or value >= self._minimum) and (self._maximum is None or value <= self._maximum)

    def _show_day(self, value: date | None, problem: str = "") -> None:
        if problem:
            self.day_label.setStyleSheet(_ERROR_STYLE)
            self.day_label.setText(problem)
        else:
            self.day_label.setStyleSheet("")
            self.day_label.setText(format_day_date_id(value) if value else "")

    def _on_text_edited(self, text: str) -> None:
        typed = parse_date(text)
        if typed is not None and self._in_range(typed):
            self._show_day(typed)
        elif text.strip():
            self._show_day(None, "hh-bb-tttt" if len(re.sub(r"\D", "", text)) < 6 else "tanggal tidak sah")
        else:
            self._show_day(None)

    def _commit_text(self) -> None:
        text = self.edit.text()
        if not text.strip():
            if self.optional:
                self.setDate(None)
            else:
                self.setDate(self._date)
            return
        typed = parse_date(text)
        if typed is None or not self._in_range(typed):
            self._show_day(None, "tanggal tidak sah: ketik hh-bb-tttt")
            return
        self.setDate(typed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.edit and event.type() == QEvent.Type.KeyPress and (
                event.key() == Qt.Key.Key_F4  # type: ignore[attr-defined]
                or (event.key() == Qt.Key.Key_Down  # type: ignore[attr-defined]
                    and event.modifiers() & Qt.KeyboardModifier.AltModifier)):  # type: ignore[attr-defined]
            self.open_calendar()
            return True
        return super().eventFilter(watched, event)

    def calendar_start(self) -> date:
        return self.date() or self.anchor or date.today()

    def open_calendar(self) -> _CalendarPopup:
        if self.popup is None:
            self.popup = _CalendarPopup(self)
            self.popup.picked.connect(self._on_picked)
        start = self.calendar_start()
        qstart = QDate(start.year, start.month, start.day)
        calendar = self.popup.calendar
        calendar.setMinimumDate(QDate(1900, 1, 1) if self._minimum is None else
                                QDate(self._minimum.year, self._minimum.month, self._minimum.day))
        calendar.setMaximumDate(QDate(2100, 12, 31) if self._maximum is None else
                                QDate(self._maximum.year, self._maximum.month, self._maximum.day))
        calendar.setSelectedDate(qstart)
        calendar.setCurrentPage(start.year, start.month)
        self.popup.adjustSize()
        self.popup.move(self.edit.mapToGlobal(self.edit.rect().bottomLeft()))
        self.popup.show()
        calendar.setFocus()
        return self.popup

    def _on_picked(self, value: date | None) -> None:
        if value is not None:
            self.setDate(value)
            self.edit.setFocus()
