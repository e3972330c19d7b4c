"""After a save or a print the user sees what happened; the rows an import refused can be read in full and
sent back to the HR office as a workbook with the reasons."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import Qt

from ukom_desktop.ui.background import wait_for
from ukom_desktop.ui.documents import menu, print_dialog

IMPORT = Path(__file__).resolve().parents[1] / "fixtures" / "import"


def _wizard(main_window, demo_database):  # type: ignore[no-untyped-def]
    from ukom_desktop.ui.participants.import_wizard import ImportWizard

    return ImportWizard(main_window.context, demo_database.demo.event_id, main_window)


def test_rejected_rows_show_their_reasons_in_full_and_go_back_to_hr_as_xlsx(  # type: ignore[no-untyped-def]
        qtbot, main_window, demo_database, tmp_path: Path) -> None:
    wizard = _wizard(main_window, demo_database)
    qtbot.addWidget(wizard)
    assert not wizard.rejected_button.isEnabled()
    wizard.load(str(IMPORT / "bad_rows.xlsx"))
    wait_for(wizard.task)
    assert wizard.rejected_button.isEnabled()
    wizard.filter_combo.setCurrentIndex(wizard.filter_combo.findData("ditolak"))
    model = wizard.model
    reason = model.cell_text(0, 2)
    assert model.data(model.index(0, 2), Qt.ItemDataRole.ToolTipRole) == reason  # full text on hover
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole) is None  # a row number needs none
    rejected = {v.row_number: "; ".join(v.reasons) for v in model.rows()}

    target = tmp_path / "ditolak.xlsx"
    task = wizard.export_rejected(str(target))
    wait_for(task)
    assert task.state == "selesai"
    assert "10 baris ditolak" in wizard.result_label.text() and str(target) in wizard.result_label.text()
    sheet = load_workbook(target).active
    values = [[c for c in row] for row in sheet.iter_rows(values_only=True)]
    header_at = next(i for i, row in enumerate(values) if row[0] == "Baris")
    assert values[header_at][1] == "Alasan ditolak" and values[header_at][2] == "NIP"
    body = [row for row in values[header_at + 1:] if row[0] is not None]
    assert {int(row[0]): row[1] for row in body} == rejected
    assert sheet.cell(header_at + 2, 3).number_format == "@"  # NIP kept as text


def test_export_of_rejections_to_an_impossible_place_is_a_sentence(  # type: ignore[no-untyped-def]
        qtbot, main_window, demo_database, tmp_path: Path, recorded_messages) -> None:
    wizard = _wizard(main_window, demo_database)
    qtbot.addWidget(wizard)
    wizard.load(str(IMPORT / "bad_rows.xlsx"))
    wait_for(wizard.task)
    not_a_folder = tmp_path / "catatan.txt"
    not_a_folder.write_text("bukan folder")
    task = wizard.export_rejected(str(not_a_folder / "ditolak.xlsx"))
    wait_for(task)
    assert task.state == "gagal"
    kind, text = recorded_messages[-1]
    assert kind == "error" and "'ditolak.xlsx'" in text and "bagian jalurnya adalah berkas" in text
    assert "Error" not in text and "directory" not in text


def test_describe_error_names_file_problems_in_indonesian() -> None:
    from ukom_desktop.errors import UserFacingError
    from ukom_desktop.ui.actions import describe_error

    assert describe_error(UserFacingError("Kegiatan tidak ditemukan.")) == "Kegiatan tidak ditemukan."
    text = describe_error(PermissionError(13, "Permission denied", "/data/rekap.xlsx"))
    # a file open in Excel: named, with the folder, and what to do (errors.user_message, one sentence for all)
    assert text is not None and "'rekap.xlsx'" in text and "/data" in text and "Tutup berkas ini di Excel" in text
    assert "tidak ditemukan" in (describe_error(FileNotFoundError(2, "No such file", "/x.xlsx")) or "")
    assert "ruang disk penuh" in (describe_error(OSError(28, "No space left on device", "/x.pdf")) or "")
    assert describe_error(KeyError("bug")) is None  # a bug is not dressed up as a sentence


def test_run_action_tells_known_errors_and_reraises_bugs(qtbot, recorded_messages) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.errors import UserFacingError
    from ukom_desktop.ui.actions import run_action

    def refuse() -> None:
        raise UserFacingError("Nama kegiatan wajib diisi.")

    outcome = run_action(None, refuse, level="warn")
    assert not outcome and outcome.message == "Nama kegiatan wajib diisi."
    assert recorded_messages[-1] == ("warn", "Nama kegiatan wajib diisi.")
    shown: list[str] = []
    assert not run_action(None, refuse, report=shown.append) and shown == ["Nama kegiatan wajib diisi."]
    assert run_action(None, lambda: 42).value == 42
    with pytest.raises(ZeroDivisionError):
        run_action(None, lambda: 1 / 0)


def test_print_dialog_closes_after_success_and_says_so(  # type: ignore[no-untyped-def]
        main_window, qtbot, tmp_path: Path, monkeypatch, recorded_messages) -> None:
    opened: list[Path] = []
    monkeypatch.setattr(print_dialog, "open_result", opened.append)
    menu.open_print(main_window, "daftar_hadir")
    dialog = main_window.documents_dialog
    assert dialog.isVisible()
    dialog.open_check.setChecked(False)
    dialog.out_edit.setText(str(tmp_path / "hadir.pdf"))
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    wait_for(dialog.task)
    assert not dialog.isVisible() and list(dialog.result.files) == [tmp_path / "hadir.pdf"]
    assert main_window.statusBar().currentMessage()  # the summary of what was written
    assert recorded_messages[-1][0] == "info"  # not opened: the result is told
    assert len(PdfReader(tmp_path / "hadir.pdf").pages) >= 1 and opened == []


def test_a_save_is_confirmed_in_the_status_bar(main_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QDialogButtonBox

    menu.open_profile(main_window)
    dialog = main_window.documents_dialog
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert "Profil instansi tersimpan" in main_window.statusBar().currentMessage()
