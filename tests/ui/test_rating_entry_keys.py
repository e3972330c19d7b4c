"""Penilaian > Input penilaian at 1366x768: the notes column is usable, typing a level moves down exactly one
row as the hint says and never overwrites the last row silently, and Serahkan moves on to the next
participant (issue 11 item 6)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt

from ukom_desktop.ui.scoring.rating_grid import COL_EVIDENCE


def _entry(main_window, qtbot):  # type: ignore[no-untyped-def]
    main_window.resize(1366, 768)
    tab = main_window.show_tab("scoring_tab")
    qtbot.waitUntil(lambda: tab.entry.assessor_combo.count() > 0)
    qtbot.waitUntil(lambda: tab.entry.model.rowCount() > 0)
    return tab.entry


def test_notes_column_is_readable_at_1366(main_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    entry = _entry(main_window, qtbot)
    qtbot.waitUntil(lambda: entry.grid.columnWidth(COL_EVIDENCE) > 0)
    assert entry.grid.columnWidth(COL_EVIDENCE) >= 200


def test_typing_moves_one_row_and_the_last_row_is_not_overwritten(main_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    entry = _entry(main_window, qtbot)
    grid, model = entry.grid, entry.model
    assert "tidak perlu menekan panah" in " ".join(w.text() for w in entry.findChildren(type(entry.status)))
    grid.setFocus()
    qtbot.keyClick(grid, "4")
    assert grid.currentIndex().row() == 1  # exactly one row down
    rows = model.rowCount()
    for _ in range(rows - 1):
        qtbot.keyClick(grid, "3")
    assert model.missing == 0 and grid.currentIndex().row() == rows - 1
    assert "Baris terakhir terisi" in entry.status.text()
    qtbot.keyClick(grid, "5")  # one digit too many: refused, said, not written
    assert model.rows[-1].level == Decimal(3) and "tidak ditimpa" in entry.status.text()
    qtbot.keyClick(grid, Qt.Key.Key_Up)
    qtbot.keyClick(grid, Qt.Key.Key_Down)  # the user chooses the last row: now it may change
    qtbot.keyClick(grid, "5")
    assert model.rows[-1].level == Decimal(5) and model.rows[0].level == Decimal(4)


def test_serahkan_moves_to_the_next_participant(main_window, qtbot, recorded_messages) -> None:  # type: ignore[no-untyped-def]
    entry = _entry(main_window, qtbot)
    first = entry.participant_id
    entry.grid.setFocus()
    for _ in range(entry.model.rowCount()):
        qtbot.keyClick(entry.grid, "3")
    entry.submit_button.click()
    assert entry.participant_id != first and entry.participant_list.currentRow() == 1
    assert "penilaian diserahkan. Berikutnya:" in entry.status.text()
    assert "(diserahkan)" in entry.participant_list.item(0).text()
