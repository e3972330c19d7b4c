"""Competency screens driven like a user: the standard grid, the matrix checkbox grid, the dictionary,
the formulation meeting and the import preview."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from sqlalchemy import select

from ukom_desktop.db.models import EventMatrixCell, IntegratedResult
from ukom_desktop.services.competency_dictionary import list_competencies
from ukom_desktop.services.exercise_matrix import check_event_matrix
from ukom_desktop.services.positions import list_positions, position_standard


def click_cell(qtbot, table, row: int, col: int) -> None:  # type: ignore[no-untyped-def]
    rect = table.visualItemRect(table.item(row, col))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_data_menu_has_the_competency_actions(main_window) -> None:  # type: ignore[no-untyped-def]
    texts = [a.text() for a in main_window.competency_menu.actions() if a.text()]
    assert texts == ["Kamus kompetensi...", "Jabatan dan standar kompetensi...", "Pustaka alat ukur...",
                     "Jabatan sasaran kegiatan...", "Matriks alat ukur kegiatan...", "Rapat perumusan kompetensi...",
                     "Ekspor kompetensi ke Excel...", "Impor kompetensi dari lembar kerja..."]
    assert "Dokumen rumusan kompetensi..." in [a.text() for a in main_window.print_menu.actions()]


def test_editing_a_standard_in_the_grid(qtbot, main_window, recorded_messages) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.ui.competency.positions_dialog import PositionsDialog

    context = main_window.context
    with context.session() as s:
        position = list_positions(s)[0]
    dialog = PositionsDialog(context, main_window, position.id)
    qtbot.addWidget(dialog)
    dialog.show()
    grid = dialog.grid
    assert grid.item(0, 0).text().startswith("M.01")
    assert grid.item(0, 4).text() == "\u25cf 3"  # Administrator: level 3, in the "Level 3" column
    click_cell(qtbot, grid, 0, 6)  # M.01 -> level 5
    click_cell(qtbot, grid, 8, 1)  # SK.01 -> not required
    grid.setCurrentCell(1, 2)
    qtbot.keyClick(grid, Qt.Key.Key_4)  # M.02 -> level 4 from the keyboard
    assert grid.item(0, 6).text() == "\u25cf 5"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert recorded_messages == []
    with context.session() as s:
        levels = position_standard(s, position.id).levels()
    assert levels["M.01"] == Decimal(5) and levels["M.02"] == Decimal(4) and "SK.01" not in levels
    assert levels["M.03"] == Decimal(3)
    assert "UKOM-" in dialog.usage_label.text()


def test_standard_used_by_results_asks_first_and_results_keep_their_snapshot(qtbot, main_window,
                                                                             recorded_messages) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.db.models import EventParticipant, IntegratedLevel
    from ukom_desktop.ui.competency.positions_dialog import PositionsDialog

    context = main_window.context
    with context.transaction() as s:
        position = list_positions(s)[0]
        ep = s.scalars(select(EventParticipant).where(EventParticipant.target_position_id == position.id)).first()
        m01 = list_competencies(s)[0]
        s.add(IntegratedResult(event_participant_id=ep.id, levels=[IntegratedLevel(
            competency_id=m01.id, competency_code="M.01", competency_name="Integritas", standard_level=Decimal(3))]))
    dialog = PositionsDialog(context, main_window, position.id)
    qtbot.addWidget(dialog)
    dialog.show()
    click_cell(qtbot, dialog.grid, 0, 5)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert recorded_messages and recorded_messages[0][0] == "confirm"
    assert "sudah memiliki hasil" in recorded_messages[0][1]
    with context.session() as s:
        assert position_standard(s, position.id).levels()["M.01"] == Decimal(4)
        assert s.scalars(select(IntegratedLevel)).one().standard_level == Decimal(3)


def test_matrix_grid_unticking_shows_the_rule_live_and_saves(qtbot, main_window, recorded_messages) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.ui.competency.matrix_dialog import EventMatrixDialog

    context = main_window.context
    dialog = EventMatrixDialog(context, context.event_id, main_window)
    qtbot.addWidget(dialog)
    dialog.show()
    grid = dialog.grid
    headers = [grid.horizontalHeaderItem(c).text() for c in range(grid.columnCount())]
    assert headers == ["Kompetensi", "Standar", "PSI", "INB", "LGD", "RP", "WWC", "Jumlah"]
    assert dialog.last_check.ok
    assert grid.item(0, 7).text() == "2"
    grid.setCurrentCell(0, 3)  # M.01 x INB
    qtbot.keyClick(grid, Qt.Key.Key_Space)
    assert grid.item(0, 3).checkState() == Qt.CheckState.Unchecked
    assert grid.item(0, 7).text() == "1"
    assert not dialog.last_check.ok
    assert "Kegiatan belum dapat dijadwalkan" in dialog.summary.text()
    assert "M.01 Integritas hanya diukur oleh 1 alat ukur" in dialog.findings.item(0).text()
    grid.setCurrentCell(0, 5)  # M.01 x RP brings it back to two
    qtbot.keyClick(grid, Qt.Key.Key_Space)
    assert dialog.last_check.ok
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert recorded_messages == []
    with context.session() as s:
        cells = set(s.execute(select(EventMatrixCell.exercise_id, EventMatrixCell.competency_id)).all())
        assert check_event_matrix(s, context.event_id).ok
    by_code = {ex.code: ex.id for ex in dialog.library.values()}
    m01 = dialog.row_ids[0]
    assert (by_code["RP"], m01) in cells and (by_code["INB"], m01) not in cells


def test_matrix_adding_an_exercise_column_and_filling_from_the_library(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.ui.competency.matrix_dialog import EventMatrixDialog

    dialog = EventMatrixDialog(main_window.context, main_window.context.event_id, main_window)
    qtbot.addWidget(dialog)
    items = [dialog.exercise_list.item(i) for i in range(dialog.exercise_list.count())]
    ak = next(item for item in items if item.text().startswith("AK"))
    ak.setCheckState(Qt.CheckState.Checked)
    assert dialog.grid.horizontalHeaderItem(7).text() == "AK"
    qtbot.mouseClick(dialog.library_button, Qt.MouseButton.LeftButton)
    codes = [dialog.grid.item(r, 0).text().split()[0] for r in range(dialog.grid.rowCount())]
    assert dialog.grid.item(codes.index("M.04"), 7).checkState() == Qt.CheckState.Checked
    assert dialog.grid.item(codes.index("M.04"), 8).text() == "3"
    assert dialog.is_modified()


def test_adding_a_technical_competency_in_the_dictionary(qtbot, main_window, recorded_messages) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.ui.competency.dictionary_dialog import DictionaryDialog

    dialog = DictionaryDialog(main_window.context, main_window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.levels_table.rowCount() == 5
    qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
    assert dialog.code_edit.text() == "T.01" and dialog.group_combo.currentData() == "teknis"
    qtbot.keyClicks(dialog.name_edit, "Pengelolaan Barang Milik Negara")
    dialog.max_spin.setValue(4)
    assert dialog.levels_table.rowCount() == 4
    dialog.levels_table.item(0, 1).setText("Memahami aturan pengelolaan barang.")
    dialog.levels_table.item(0, 2).setText("\u2022 Mencatat barang.\n\u2022 Memeriksa kondisi barang.")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert recorded_messages == []
    with main_window.context.session() as s:
        tech = list_competencies(s)[-1]
    assert (tech.code, tech.name, tech.max_level) == ("T.01", "Pengelolaan Barang Milik Negara", 4)
    assert tech.levels[0].indicators == ("Mencatat barang.", "Memeriksa kondisi barang.")
    assert dialog.comp_list.currentItem().text().startswith("T.01")
    assert any(dialog.comp_list.item(i).text() == "Kompetensi Teknis" for i in range(dialog.comp_list.count()))


def test_formulation_meeting_is_saved_and_printed(qtbot, main_window, recorded_messages, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.ui.background import wait_for
    from ukom_desktop.ui.competency.formulation_dialog import FormulationDialog

    dialog = FormulationDialog(main_window.context, main_window.context.event_id, main_window)
    qtbot.addWidget(dialog)
    dialog.has_date.setChecked(True)
    qtbot.keyClicks(dialog.place_edit, "Ruang Rapat Utama")
    qtbot.mouseClick(dialog.add_row, Qt.MouseButton.LeftButton)
    for col, value in enumerate(["Budi Santoso, S.H.", "198001012006041001", "Kepala Biro Kepegawaian",
                                 "Instansi Pengusul"]):
        dialog.participants.item(0, col).setText(value)
    qtbot.keyClicks(dialog.stakeholder_box.name, "Ir. Sri Wahyuni, M.M.")
    dialog.stakeholder_box.nip.setText("123")
    assert not dialog.save()
    assert recorded_messages[-1][0] == "error" and "harus 18 angka" in recorded_messages[-1][1]
    dialog.stakeholder_box.nip.setText("196805201992032005")
    assert dialog.save()
    target = tmp_path / "rumusan.pdf"
    wait_for(dialog.print_to(target))
    assert recorded_messages[-1][0] == "info" and "tersimpan" in recorded_messages[-1][1]
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(target).pages)
    assert "Ruang Rapat Utama" in text and "NIP. 19680520 199203 2 005" in text
    assert "19800101 200604 1 001" in text


def test_import_preview_lists_row_errors_and_refuses_import(qtbot, main_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import Workbook

    from ukom_desktop.ui.background import wait_for
    from ukom_desktop.ui.competency.transfer_dialog import ImportPreviewDialog

    wb = Workbook()
    for row in (["Jabatan", "Jenjang", "Kompetensi", "Level Standar"],
                ["Kepala Subbagian Tata Usaha", "Pengawas", "Integritas", 8]):
        wb.active.append(row)
    wb.save(tmp_path / "salah.xlsx")
    dialog = ImportPreviewDialog(main_window.context, tmp_path / "salah.xlsx", main_window)
    qtbot.addWidget(dialog)
    wait_for(dialog.start())
    assert dialog.issues.rowCount() == 1
    assert dialog.issues.item(0, 1).text() == "2"
    assert "Level 8 untuk M.01" in dialog.issues.item(0, 3).text()
    assert not dialog.import_button.isEnabled()
    assert "galat" in dialog.summary.text()
