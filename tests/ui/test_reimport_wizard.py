"""The import wizard offers what to do with participants already in the event; "Perbarui datanya" shows the
change per row and saves it (issue 11 item 10)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from ukom_desktop.ui.background import wait_for

CLEAN = Path(__file__).resolve().parents[1] / "fixtures" / "import" / "clean.xlsx"


def test_wizard_updates_known_participants(qtbot, main_window, demo_database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.ui.participants.import_wizard import ImportWizard

    wizard = ImportWizard(main_window.context, demo_database.demo.event_id, main_window)
    qtbot.addWidget(wizard)
    wizard.load(str(CLEAN))
    wait_for(wizard.task)
    wizard.import_button.click()
    wait_for(wizard.task)

    book = load_workbook(CLEAN)
    header = [c.value for c in book.active[1]]
    book.active.cell(2, header.index("Unit Kerja") + 1).value = "Bagian Organisasi"
    changed = tmp_path / "baru.xlsx"
    book.save(changed)
    again = ImportWizard(main_window.context, demo_database.demo.event_id, main_window)
    qtbot.addWidget(again)
    again.load(str(changed))
    wait_for(again.task)
    assert "ditolak" in again.summary_label.text() and not again.import_button.isEnabled()
    again.known_combo.setCurrentIndex(again.known_combo.findData("perbarui"))
    wait_for(again.task)
    again.filter_combo.setCurrentIndex(again.filter_combo.findData("perbarui"))
    assert again.model.rowCount() == 1
    assert again.model.cell_text(0, 1) == "Diperbarui"
    assert "Unit kerja: Bagian Kepegawaian \u2192 Bagian Organisasi" in again.model.cell_text(0, 2)
    again.import_button.click()
    wait_for(again.task)
    assert "diperbarui 1" in again.result_label.text()
    tab = main_window.show_tab("participants_tab")
    assert "Bagian Organisasi" in {r.unit for r in tab.model.rows()}
