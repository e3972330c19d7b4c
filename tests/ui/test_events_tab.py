"""The Kegiatan tab: a new event through the editor, status and SOP checklist, rundown, menu entries."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import select

from ukom_desktop.db.models import Event


def _editor(main_window, event_id=None):  # type: ignore[no-untyped-def]
    from ukom_desktop.ui.events.editor import EventEditorDialog

    return EventEditorDialog(main_window.context, event_id, main_window)


def _save(dialog) -> None:  # type: ignore[no-untyped-def]
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def test_a_new_event_is_saved_and_listed(qtbot, main_window, demo_database) -> None:  # type: ignore[no-untyped-def]
    dialog = _editor(main_window)
    qtbot.addWidget(dialog)
    assert not dialog.tabs.isTabEnabled(1)  # status needs a saved event
    _save(dialog)
    assert "Nama kegiatan wajib diisi" in dialog.error_label.text() and dialog.event_id is None
    qtbot.keyClicks(dialog.name_edit, "Seleksi Terbuka JPT Pratama")
    qtbot.keyClicks(dialog.agency_edit, "Pemerintah Kota Tangerang")
    dialog.purpose_combo.setCurrentIndex(dialog.purpose_combo.findData("pengisian"))
    dialog.agenda.add_row(("", "08:00", "08:30", "Pembukaan", "Kepala UPT", "Aula", ""))
    _save(dialog)
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.event_id is not None
    with demo_database.sessions() as session:
        event = session.get(Event, dialog.event_id)
        assert event.name == "Seleksi Terbuka JPT Pratama" and event.purpose.value == "pengisian"
        assert event.status.value == "usulan" and event.code.startswith("UKOM-")
    tab = main_window.show_tab("events_tab")
    assert "Seleksi Terbuka JPT Pratama" in [r.name for r in tab.model.rows()]


def test_a_bad_rundown_time_is_answered_in_place(qtbot, main_window, demo_database) -> None:  # type: ignore[no-untyped-def]
    dialog = _editor(main_window, demo_database.demo.event_id)
    qtbot.addWidget(dialog)
    dialog.agenda.add_row(("", "jam delapan", "", "Pembukaan"))
    _save(dialog)
    assert "baris 1" in dialog.error_label.text() and "jam delapan" in dialog.error_label.text()
    assert dialog.tabs.currentWidget() is dialog.agenda


def test_status_moves_on_and_the_checklist_shows_what_is_missing(qtbot, main_window, demo_database) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.services.events import checklist

    event_id = demo_database.demo.event_id
    dialog = _editor(main_window, event_id)
    qtbot.addWidget(dialog)
    table = dialog.checklist_table
    texts = [table.item(r, 3).text() for r in range(table.rowCount())]
    with demo_database.sessions() as session:
        phones = checklist(session, event_id).counts.without_phone
    assert f"{phones} peserta tanpa nomor HP" in texts
    assert dialog.status_label.text() == "Status: Persiapan"
    assert "mutu baku tahap ini 3 hari" in dialog.stage_label.text().lower()

    row = next(r for r in range(table.rowCount()) if table.item(r, 4).data(Qt.ItemDataRole.UserRole) == "004.4")
    table.item(row, 4).setCheckState(Qt.CheckState.Checked)
    with demo_database.sessions() as session:
        assert session.get(Event, event_id).checklist == {"004.4": True}

    dialog.next_button.click()
    assert dialog.status_label.text() == "Status: Pelaksanaan"
    _save(dialog)  # the status change did not make the form stale
    assert dialog.result() == dialog.DialogCode.Accepted
    with demo_database.sessions() as session:
        assert session.get(Event, event_id).status.value == "pelaksanaan"


def test_jumping_ahead_asks_first(qtbot, main_window, demo_database, recorded_messages) -> None:  # type: ignore[no-untyped-def]
    dialog = _editor(main_window, demo_database.demo.event_id)
    qtbot.addWidget(dialog)
    dialog.status_combo.setCurrentIndex(dialog.status_combo.findData("qc"))
    dialog.set_status_button.click()
    assert recorded_messages[-1][0] == "confirm" and "terlewati" in recorded_messages[-1][1]
    assert dialog.status_label.text() == "Status: QC"


def test_competency_buttons_follow_the_competency_screens(qtbot, main_window, demo_database, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.ui.events.editor import EventEditorDialog

    shown = _editor(main_window, demo_database.demo.event_id)
    qtbot.addWidget(shown)
    available = EventEditorDialog._competency_module() is not None
    assert shown.matrix_button.isVisibleTo(shown) == available
    monkeypatch.setattr(EventEditorDialog, "_competency_module", staticmethod(lambda: None))
    hidden = _editor(main_window, demo_database.demo.event_id)
    qtbot.addWidget(hidden)
    assert not hidden.matrix_button.isVisibleTo(hidden) and not hidden.standards_button.isVisibleTo(hidden)


def test_tab_buttons_and_data_menu(qtbot, main_window, demo_database) -> None:  # type: ignore[no-untyped-def]
    menu_texts = [a.text() for a in main_window.data_menu.actions()]
    assert {"Kegiatan baru...", "Impor peserta...", "Direktori pegawai..."} <= set(menu_texts)
    tab = main_window.show_tab("events_tab")
    assert not tab.edit_button.isEnabled()
    tab.table.view.selectRow(0)
    assert tab.edit_button.isEnabled()
    tab.next_button.click()
    with demo_database.sessions() as session:
        assert session.scalars(select(Event.status)).one().value == "pelaksanaan"
    assert tab.model.cell_text(0, 2) == "Pelaksanaan"  # Status right after the name (issue 11 item 12)
