"""The main window on a demo database, as a secretariat user first meets it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication

from ukom_desktop.domain.nip import format_nip


def _show_tab(window, tab) -> None:  # type: ignore[no-untyped-def]
    window.tabs.setCurrentWidget(tab.parentWidget())
    assert tab.isVisible()


def test_tabs_are_in_indonesian_and_in_order(main_window) -> None:  # type: ignore[no-untyped-def]
    titles = [main_window.tabs.tabText(i) for i in range(main_window.tabs.count())]
    assert titles == ["Beranda", "Kegiatan", "Peserta", "Asesor", "Jadwal", "Penilaian", "QC Laporan"]
    menus = [a.text() for a in main_window.menuBar().actions()]
    assert menus[:2] == ["&Berkas", "&Data"] and menus[-1] == "Ban&tuan"
    assert "SQLite" in main_window.db_label.text()


def test_every_tab_shows_the_demo_records(main_window, demo_database) -> None:  # type: ignore[no-untyped-def]
    demo = demo_database.demo
    assert main_window.event_combo.count() == 1
    assert main_window.event_combo.currentText().startswith(demo.event_code)

    _show_tab(main_window, main_window.events_tab)
    assert main_window.events_tab.model.rowCount() == 1
    assert main_window.events_tab.model.cell_text(0, 0) == demo.event_code

    _show_tab(main_window, main_window.participants_tab)
    model = main_window.participants_tab.model
    assert model.rowCount() == 30
    nip = model.row_object(0).nip
    assert model.cell_text(0, 1) == format_nip(nip)
    assert "30 peserta" in main_window.participants_tab.hint.text()

    _show_tab(main_window, main_window.assessors_tab)
    roles = {r.role for r in main_window.assessors_tab.model.rows()}
    assert {"asesor", "admin", "tester", "pendukung"} <= roles

    _show_tab(main_window, main_window.schedule_tab)
    assert main_window.schedule_tab.model.rowCount() == demo.waves
    assert main_window.schedule_tab.rooms_model.rowCount() == demo.rooms

    _show_tab(main_window, main_window.qc_tab)
    assert main_window.qc_tab.model.rowCount() == 30
    assert main_window.qc_tab.model.cell_text(0, 4) == "Belum dibuat"


def test_filter_as_you_type_and_copy_as_tsv(main_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    tab = main_window.participants_tab
    _show_tab(main_window, tab)
    target = tab.model.row_object(5)
    qtbot.keyClicks(tab.table.filter_edit, target.nip[:14])
    shown = tab.table.visible_rows()
    assert target in shown and len(shown) < 30
    assert "dari 30 baris" in tab.table.count_label.text()
    tab.table.filter_edit.clear()
    first_word, last_word = target.name.split()[0], target.name.split()[1].rstrip(",")
    qtbot.keyClicks(tab.table.filter_edit, f"{last_word.upper()} {first_word.lower()}")
    assert target in tab.table.visible_rows()
    tab.table.filter_edit.clear()
    qtbot.keyClicks(tab.table.filter_edit, target.nip[:14])
    tab.table.view.selectAll()
    tab.table.copy_selection()
    lines = QGuiApplication.clipboard().text().splitlines()
    assert lines[0].split("\t")[:3] == ["No", "NIP", "Nama"]
    assert len(lines) == len(shown) + 1
    assert any(format_nip(target.nip) in line and target.name in line for line in lines[1:])


def test_sorting_uses_the_real_values(main_window) -> None:  # type: ignore[no-untyped-def]
    tab = main_window.participants_tab
    _show_tab(main_window, tab)
    tab.table.view.sortByColumn(0, tab.table.view.horizontalHeader().sortIndicatorOrder().DescendingOrder)
    assert tab.table.visible_rows()[0].number == 30


def test_column_widths_and_geometry_are_remembered(qtbot, demo_database) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.ui.main_window import MainWindow

    first = MainWindow(demo_database.url)
    qtbot.addWidget(first)
    first.show()
    first.open_database()
    first.resize(700, 500)
    first.show_tab("events_tab")
    first.events_tab.table.view.setColumnWidth(1, 411)
    first.close()
    assert QSettings().value("main_window/geometry") is not None

    second = MainWindow(demo_database.url)
    qtbot.addWidget(second)
    second.show()
    second.open_database()
    second.show_tab("events_tab")
    assert second.events_tab.table.view.columnWidth(1) == 411
    assert second.size().width() == 700


def test_choosing_another_event_updates_the_participant_tab(qtbot, demo_database, main_window) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.services.demo import build_demo

    with demo_database.sessions.begin() as session:
        other = build_demo(session, participants=4, seed=99)
    main_window.refresh_all()
    assert main_window.event_combo.count() == 2
    _show_tab(main_window, main_window.participants_tab)
    main_window.select_event(other.event_id)
    assert main_window.participants_tab.model.rowCount() == 4


def test_a_database_that_cannot_be_opened_is_explained(qtbot, tmp_path: Path, recorded_messages) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.ui.main_window import MainWindow

    junk = tmp_path / "rusak.sqlite"
    junk.write_bytes(b"bukan basis data" * 200)
    window = MainWindow(str(junk))
    qtbot.addWidget(window)
    assert window.open_database() is False
    assert recorded_messages and recorded_messages[0][0] == "error"
    assert "bukan basis data SQLite yang sah" in recorded_messages[0][1]
    assert window.context.database is None


def test_unexpected_errors_get_a_dialog_with_copyable_details(qtbot) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.ui.dialogs.error_dialog import ErrorDialog

    dialog = ErrorDialog("Terjadi kesalahan tak terduga (ZeroDivisionError).", "Traceback ...\nZeroDivisionError")
    qtbot.addWidget(dialog)
    dialog._on_copy()
    assert QGuiApplication.clipboard().text() == "Traceback ...\nZeroDivisionError"
    assert dialog.details_view.isReadOnly()


def test_excepthook_logs_and_shows_the_dialog(recorded_messages) -> None:  # type: ignore[no-untyped-def]
    import sys

    from ukom_desktop.logging_setup import setup_logging
    from ukom_desktop.ui.app import install_excepthook

    old = sys.excepthook
    install_excepthook()
    try:
        try:
            raise ZeroDivisionError("bagi nol")
        except ZeroDivisionError as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)
    finally:
        sys.excepthook = old
    kind, text = recorded_messages[-1]
    assert kind == "unexpected" and "ZeroDivisionError" in text
    assert "bagi nol" in setup_logging().read_text(encoding="utf-8")


def test_export_of_the_participant_table_reads_back(main_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    from ukom_desktop.ui.table_export import table_to_workbook

    tab = main_window.participants_tab
    _show_tab(main_window, tab)
    target = table_to_workbook(tab.table, tmp_path / "peserta.xlsx", "Daftar Peserta")
    sheet = load_workbook(target).active
    values = [tuple(row) for row in sheet.iter_rows(values_only=True)]
    header_index = next(i for i, row in enumerate(values) if row[:3] == ("No", "NIP", "Nama"))
    body = values[header_index + 1:]
    assert len(body) == 30
    first = tab.table.visible_rows()[0]
    assert first.number == 1
    assert body[0][0] == first.number and body[0][1] == format_nip(first.nip)
    assert values[0][0] == "Daftar Peserta"


def test_plain_role_numbers_match_qt() -> None:
    from PySide6.QtCore import Qt

    from ukom_desktop.ui.models import record_table_model as m

    assert Qt.ItemDataRole.DisplayRole.value == m.DISPLAY_ROLE
    assert Qt.ItemDataRole.TextAlignmentRole.value == m.TEXT_ALIGNMENT_ROLE
    assert Qt.ItemDataRole.UserRole.value == m.USER_ROLE
    assert Qt.Orientation.Horizontal.value == m.HORIZONTAL
    assert (Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value == m.ALIGN_RIGHT_VCENTER
