"""Dates are typed as dd-mm-yyyy into every date field, also an empty one, and the calendar opens at
today or the event's date and speaks Indonesian."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QToolButton

from ukom_desktop.db.models import Event
from ukom_desktop.ui.widgets.date_field import DateField, parse_date


@pytest.mark.parametrize("text", ["20-11-2026", "20/11/2026", "20.11.2026", "20112026", "20-11-26", " 20-11-2026 "])
def test_the_ways_people_type_a_date(text: str) -> None:
    assert parse_date(text) == date(2026, 11, 20)


@pytest.mark.parametrize("text", ["31-02-2026", "2026-11-20", "20-13-2026", "besok", "2011202"])
def test_what_is_not_a_date(text: str) -> None:
    assert parse_date(text) is None


def test_typing_into_an_empty_optional_field(qtbot) -> None:  # type: ignore[no-untyped-def]
    field = DateField(optional=True)
    qtbot.addWidget(field)
    field.show()
    assert field.date() is None and field.edit.text() == "" and field.edit.placeholderText()
    field.edit.setFocus()
    qtbot.keyClicks(field.edit, "20112026")
    qtbot.keyClick(field.edit, Qt.Key.Key_Return)
    assert field.date() == date(2026, 11, 20)
    assert field.edit.text() == "20-11-2026"
    assert field.day_label.text() == "Jumat, 20 November 2026"
    field.edit.selectAll()
    qtbot.keyClick(field.edit, Qt.Key.Key_Delete)
    qtbot.keyClick(field.edit, Qt.Key.Key_Return)
    assert field.date() is None  # an optional date can be emptied again


def test_a_wrong_date_is_named_and_keeps_the_last_good_one(qtbot) -> None:  # type: ignore[no-untyped-def]
    field = DateField(date(2026, 12, 7))
    qtbot.addWidget(field)
    field.edit.selectAll()
    qtbot.keyClicks(field.edit, "31-02-2026")
    qtbot.keyClick(field.edit, Qt.Key.Key_Return)
    assert field.date() == date(2026, 12, 7)
    assert "tidak sah" in field.day_label.text()
    field.edit.selectAll()
    qtbot.keyClick(field.edit, Qt.Key.Key_Delete)
    qtbot.keyClick(field.edit, Qt.Key.Key_Return)
    assert field.date() == date(2026, 12, 7)  # a required date is never empty
    assert field.edit.text() == "07-12-2026"


def test_the_calendar_opens_at_today_or_the_anchor_in_indonesian(qtbot) -> None:  # type: ignore[no-untyped-def]
    field = DateField(optional=True)
    qtbot.addWidget(field)
    field.show()
    popup = field.open_calendar()
    today = date.today()
    assert (popup.calendar.yearShown(), popup.calendar.monthShown()) == (today.year, today.month)
    popup.close()
    field.setAnchor(date(2026, 12, 7))
    popup = field.open_calendar()
    assert (popup.calendar.yearShown(), popup.calendar.monthShown()) == (2026, 12)
    assert popup.calendar.locale().name() == "id_ID"
    assert popup.calendar.locale().monthName(12) == "Desember"
    assert popup.calendar.locale().dayName(1) == "Senin"
    assert popup.calendar.firstDayOfWeek() == Qt.DayOfWeek.Monday
    popup.calendar.setSelectedDate(popup.calendar.selectedDate().addDays(3))
    popup.calendar.activated.emit(popup.calendar.selectedDate())
    assert field.date() == date(2026, 12, 10) and not popup.isVisible()


def test_a_new_event_gets_typed_dates(qtbot, main_window, demo_database) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.ui.events.editor import EventEditorDialog

    dialog = EventEditorDialog(main_window.context, None, main_window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.name_edit, "Uji Kompetensi Pranata Komputer")
    for field, text in ((dialog.letter_date_edit, "02-11-2026"), (dialog.start_edit, "07122026"),
                        (dialog.end_edit, "08-12-2026")):
        assert isinstance(field, DateField) and field.date() is None
        field.edit.setFocus()
        qtbot.keyClicks(field.edit, text)
        qtbot.keyClick(field.edit, Qt.Key.Key_Tab)
    popup = DateField.open_calendar(dialog.end_edit)
    assert (popup.calendar.yearShown(), popup.calendar.monthShown()) == (2026, 12)
    popup.close()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.event_id is not None
    assert "Uji Kompetensi Pranata Komputer tersimpan" in main_window.statusBar().currentMessage()
    with demo_database.sessions() as session:
        event = session.get(Event, dialog.event_id)
        assert (event.request_letter_date, event.start_date, event.end_date) == (
            date(2026, 11, 2), date(2026, 12, 7), date(2026, 12, 8))


def test_the_end_date_calendar_opens_at_the_first_day(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.ui.events.editor import EventEditorDialog

    dialog = EventEditorDialog(main_window.context, None, main_window)
    qtbot.addWidget(dialog)
    dialog.start_edit.setDate(date(2027, 3, 15))
    popup = dialog.end_edit.open_calendar()
    assert (popup.calendar.yearShown(), popup.calendar.monthShown()) == (2027, 3)


def test_every_date_field_of_the_window_is_a_date_field(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from dialog_catalog import dialogs, open_rated_window
    from PySide6.QtWidgets import QDateEdit

    window = open_rated_window(qtbot, tmp_path)
    fields = 0
    for name, make in dialogs().items():
        dialog = make(window)
        qtbot.addWidget(dialog)
        assert not dialog.findChildren(QDateEdit), f"{name} still has a QDateEdit"
        fields += len(dialog.findChildren(DateField))
        for field in dialog.findChildren(DateField):
            assert field.findChild(QToolButton) is field.button
        dialog.close()
    assert fields >= 8
