"""What a first-time user meets on an event made in the window from an empty database: the code the editor
offers follows the typed dates, the Jadwal tab shows the event's first wave at once and it follows the event's
dates, and the empty-state hints read as sentences."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox

# Mon 4 .. Tue 5 January 2027
START, END = date(2027, 1, 4), date(2027, 1, 5)


@pytest.fixture
def window(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    from ukom_desktop.db.database import open_database
    from ukom_desktop.ui.main_window import MainWindow

    url = f"sqlite:///{tmp_path / 'ukom.sqlite'}"
    open_database(url).dispose()  # an empty database (no demo data), set up before the window opens it
    win = MainWindow(url)
    qtbot.addWidget(win)
    win.show()
    assert win.open_database()
    return win


def _type_date(qtbot, field, value: date) -> None:  # type: ignore[no-untyped-def]
    field.edit.setFocus()
    field.edit.selectAll()
    qtbot.keyClicks(field.edit, value.strftime("%d%m%Y"))
    assert field.date() == value


def _editor(window, event_id: int | None = None):  # type: ignore[no-untyped-def]
    from ukom_desktop.ui.events.editor import EventEditorDialog

    return EventEditorDialog(window.context, event_id, window)


def _new_event(qtbot, window) -> int:  # type: ignore[no-untyped-def]
    dialog = _editor(window)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.name_edit, "Penilaian Kompetensi Pejabat Pengawas")
    _type_date(qtbot, dialog.start_edit, START)
    _type_date(qtbot, dialog.end_edit, END)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.event_id is not None, dialog.error_label.text()
    window.context.set_event(dialog.event_id)
    return int(dialog.event_id)


def test_the_code_placeholder_follows_the_typed_first_day(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    dialog = _editor(window)
    qtbot.addWidget(dialog)
    assert f"UKOM-{date.today().year}-001" in dialog.code_edit.placeholderText()  # no date yet: this year
    dialog.start_edit.edit.setFocus()
    qtbot.keyClicks(dialog.start_edit.edit, "04012027")  # counts while typed, before the field is left
    assert dialog.code_edit.placeholderText().endswith("UKOM-2027-001")
    dialog.close()
    _new_event(qtbot, window)
    second = _editor(window)
    qtbot.addWidget(second)
    _type_date(qtbot, second.start_edit, date(2027, 3, 1))
    assert second.code_edit.placeholderText().endswith("UKOM-2027-002")  # the code a save would give
    _type_date(qtbot, second.start_edit, date(2028, 2, 7))
    assert second.code_edit.placeholderText().endswith("UKOM-2028-001")
    qtbot.keyClicks(second.name_edit, "Seleksi Terbuka")
    second.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    with window.context.session() as session:
        from ukom_desktop.services.events import event_data

        assert event_data(session, second.event_id).code == "UKOM-2028-001"


def test_a_new_events_first_wave_is_in_the_schedule_tab_and_follows_its_dates(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.ui.schedule.waves_dialog import WavesDialog

    event_id = _new_event(qtbot, window)
    tab = window.show_tab("schedule_tab")
    tab.refresh()
    assert [(r.number, r.start_date, r.end_date) for r in tab.model.rows()] == [(1, START, END)]
    assert tab.hint.text().startswith("1 gelombang")
    waves = WavesDialog(window.context, window)
    qtbot.addWidget(waves)
    assert waves.table.rowCount() == 1 and "(mengikuti kegiatan)" in waves.table.item(0, 3).text()
    waves.close()

    editor = _editor(window, event_id)  # the event moved a week later: the untouched wave moves with it
    qtbot.addWidget(editor)
    _type_date(qtbot, editor.start_edit, date(2027, 1, 11))
    _type_date(qtbot, editor.end_edit, date(2027, 1, 12))
    editor.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    tab.refresh()
    assert [(r.start_date, r.end_date) for r in tab.model.rows()] == [(date(2027, 1, 11), date(2027, 1, 12))]


def _doubled_dots(text: str) -> bool:
    """A sentence ending in two dots: "Gelombang....", "Bagi kelompok...," or "selesai.." (an ellipsis before a
    word, as a menu path is written, is fine)."""
    return re.search(r"\.{4,}|\.{2,}[,;:)]|(?<!\.)\.\.(?!\.)", text) is not None


def test_empty_state_hints_never_end_a_sentence_with_two_dots(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    import importlib
    import pkgutil

    from ukom_desktop.services.waves import remove_wave
    from ukom_desktop.ui import tabs as tab_package
    from ukom_desktop.ui.tabs.base import RecordTab

    for module in pkgutil.iter_modules(tab_package.__path__):  # the tabs are imported when first shown
        importlib.import_module(f"{tab_package.__name__}.{module.name}")

    def subclasses(cls: type) -> list[type]:
        return [c for sub in cls.__subclasses__() for c in (sub, *subclasses(sub))]

    tabs = subclasses(RecordTab)
    assert {t.__name__ for t in tabs} >= {"ScheduleTab", "EventsTab", "ParticipantsTab"}
    for tab_class in tabs:
        hint = tab_class.empty_hint
        assert not _doubled_dots(hint) and hint.endswith("."), f"{tab_class.__name__}: {hint}"

    events = window.show_tab("events_tab")
    events.refresh()
    assert events.hint.text() == events.empty_hint and "Data > Kegiatan baru... lalu" in events.hint.text()
    event_id = _new_event(qtbot, window)
    with window.context.transaction() as session:
        remove_wave(session, event_id, 1)  # an event without waves: the Jadwal tab says what to do first
    tab = window.show_tab("schedule_tab")
    tab.refresh()
    text = tab.hint.text()
    assert text == tab.empty_hint and "Bagi kelompok" in text and not _doubled_dots(text), text
