"""Penilaian tab: keyboard-only rating entry, the assessor meeting dialog, results and printing."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from sqlalchemy import func, select

from ukom_desktop.db.models import IntegratedResult, Participant, Rating, TeamMember


def _entry(main_window, qtbot):  # type: ignore[no-untyped-def]
    tab = main_window.show_tab("scoring_tab")
    qtbot.waitUntil(lambda: tab.entry.assessor_combo.count() > 0)
    return tab, tab.entry


def test_tab_follows_the_event_and_lists_only_the_assessors_participants(main_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    tab, entry = _entry(main_window, qtbot)
    assert tab.pages.tabText(0) == "Input penilaian"
    # No schedule, no lead assessors yet: the whole team rates, each assessor every participant of another unit.
    with main_window.context.session() as session:
        unit = session.get(TeamMember, entry.assessor_id).unit
        own_unit = session.scalar(select(func.count()).select_from(Participant).where(Participant.unit == unit))
    assert own_unit > 0 and entry.participant_list.count() == 30 - own_unit
    assert "(kurang " in entry.participant_list.item(0).text()
    assert entry.grid.currentIndex().column() == 2  # the level of the first missing row


def test_a_participant_is_rated_with_the_keyboard_only(main_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    _tab, entry = _entry(main_window, qtbot)
    grid = entry.grid
    rows = entry.model.rowCount()
    assert rows > 10
    grid.setFocus()
    qtbot.keyClick(grid, "4")  # row 0 -> 4, moves down
    qtbot.keyClick(grid, "t")  # row 1 -> tanpa bukti
    qtbot.keyClick(grid, "7")  # out of the scale: ignored, stays on row 2
    for _ in range(rows - 2):
        qtbot.keyClick(grid, "3")
    assert entry.model.missing == 0
    # Back to the first row and into its notes: Tab twice from the level, type, Enter.
    qtbot.keyClick(grid, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    grid.setCurrentIndex(entry.model.index(0, 2))
    qtbot.keyClick(grid, Qt.Key.Key_Tab)
    qtbot.keyClick(grid, Qt.Key.Key_Tab)
    assert grid.currentIndex().column() == 4
    qtbot.keyClick(grid, "M")  # typing starts the editor with that letter
    editor = grid.findChild(QLineEdit)
    assert editor is not None and editor.text() == "M"
    qtbot.keyClicks(editor, "enolak gratifikasi dengan tegas")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: entry.model.rows[0].evidence != "")  # the delegate commits on the next turn
    assert "Tersimpan" in entry.status.text() and "Belum diisi: 0" in entry.status.text()
    with main_window.context.session() as session:
        saved = session.scalars(select(Rating).where(
            Rating.event_participant_id == entry.participant_id, Rating.assessor_id == entry.assessor_id
        )).all()
    assert len(saved) == rows
    by_level = sorted((r.level is None, r.no_evidence) for r in saved)
    assert by_level.count((True, True)) == 1
    assert sorted(r.level for r in saved if r.level is not None)[-1] == Decimal(4)
    assert any(r.evidence == "Menolak gratifikasi dengan tegas" for r in saved)
    assert "(lengkap)" in entry.participant_list.currentItem().text()


def test_delete_clears_and_a_refused_level_is_explained(main_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    _tab, entry = _entry(main_window, qtbot)
    grid = entry.grid
    grid.setFocus()
    qtbot.keyClick(grid, "2")
    grid.setCurrentIndex(entry.model.index(0, 2))
    qtbot.keyClick(grid, Qt.Key.Key_Delete)
    assert entry.model.rows[0].level is None
    qtbot.keyClick(grid, "2")
    qtbot.keyClick(grid, ",")  # halves are off by default: nothing happens
    assert entry.model.rows[0].level == 2


@pytest.fixture
def rated_window(qtbot, sqlite_database):  # type: ignore[no-untyped-def]
    from ukom_desktop.services.demo import build_demo
    from ukom_desktop.services.demo_ratings import build_demo_ratings
    from ukom_desktop.ui.main_window import MainWindow

    with sqlite_database.sessions.begin() as session:
        demo = build_demo(session, participants=6, seed=3)
        build_demo_ratings(session, demo.event_id, seed=3)
    window = MainWindow(sqlite_database.url)
    qtbot.addWidget(window)
    window.show()
    assert window.open_database()
    return window


def test_meeting_dialog_requires_a_reason_when_departing(rated_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.ui.scoring.integration_dialog import IntegrationDialog

    tab = rated_window.show_tab("scoring_tab")
    tab.pages.setCurrentIndex(2)
    qtbot.waitUntil(lambda: tab.results.model.rowCount() == 6)
    ep_id = tab.results.model.row_object(0).event_participant_id
    dialog = IntegrationDialog(rated_window.context, ep_id, rated_window)
    qtbot.addWidget(dialog)
    sheet = dialog.sheet
    assert sheet.columns and all(c.title for c in sheet.columns)
    combo = dialog.table.cellWidget(0, dialog.final_col)
    suggested = sheet.rows[0].summary.suggested_level
    other = "1" if suggested != 1 else "2"
    combo.setCurrentIndex(combo.findText(other))
    dialog.table.item(0, dialog.reason_col).setText("")
    dialog.save()
    assert "tuliskan alasannya" in dialog.error.text() and dialog.result() == 0
    dialog.table.item(0, dialog.reason_col).setText("Disepakati berdasarkan bukti wawancara.")
    dialog.save()
    assert dialog.result() == 1
    with rated_window.context.session() as session:
        result = session.scalars(select(IntegratedResult).where(IntegratedResult.event_participant_id == ep_id)).one()
        level = next(lv for lv in result.levels if lv.competency_id == sheet.rows[0].competency_id)
        assert level.final_level == Decimal(other) and level.reason.startswith("Disepakati")


def test_result_view_draws_the_psychogram_and_saves_narratives(rated_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.ui.scoring.result_dialog import ResultDialog

    with rated_window.context.session() as session:
        ep_id = session.scalars(select(IntegratedResult.event_participant_id)).first()
    dialog = ResultDialog(rated_window.context, ep_id, rated_window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert len(dialog.psychogram.rows) == 9 and "JPM" in dialog.summary.text()
    image = dialog.psychogram.grab().toImage()
    assert image.width() > 400 and image.height() >= 9 * 26
    editor = dialog.editors["kekuatan"]
    editor.setFocus()
    editor.setPlainText("Integritas menonjol")
    dialog.sections.setCurrentIndex(1)
    dialog.bullet_button.click()
    assert editor.toPlainText() == "- Integritas menonjol"
    dialog.save_button.click()
    assert dialog.status.text() == "Uraian tersimpan."
    from ukom_desktop.services.report_content import report_row

    with rated_window.context.session() as session:
        assert report_row(session, ep_id).sections["kekuatan"] == "- Integritas menonjol"


def test_print_menu_writes_psychograms_and_the_recap(rated_window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.ui.background import wait_for
    from ukom_desktop.ui.scoring import menu

    texts = [a.text() for a in rated_window.print_menu.actions()]
    assert {"Psikogram...", "Laporan individu...", "Rekap hasil (Excel)..."} <= set(texts)
    task = menu.print_job(rated_window, "psychograms", str(tmp_path / "psikogram.pdf"))
    wait_for(task)
    assert task.state == "selesai" and (tmp_path / "psikogram.pdf").stat().st_size > 1000
    recap = menu.export_recap(rated_window, "xlsx", str(tmp_path / "rekap.xlsx"))
    wait_for(recap)
    assert recap.state == "selesai" and (tmp_path / "rekap.xlsx").exists()
    assert "Rekap hasil tersimpan" in rated_window.statusBar().currentMessage()
