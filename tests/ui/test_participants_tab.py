"""The Peserta tab: import wizard with verdicts in the background, bulk actions, editor, groups, exports."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from menu_support import find_action, select_rows
from sqlalchemy import func, select

from ukom_desktop.db.models import EventParticipant

IMPORT = Path(__file__).resolve().parents[1] / "fixtures" / "import"


def _wizard(main_window, demo_database):  # type: ignore[no-untyped-def]
    from ukom_desktop.ui.participants.import_wizard import ImportWizard

    return ImportWizard(main_window.context, demo_database.demo.event_id, main_window)


def test_import_wizard_previews_then_imports_the_valid_rows(qtbot, main_window, demo_database) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.ui.background import wait_for

    wizard = _wizard(main_window, demo_database)
    qtbot.addWidget(wizard)
    assert not wizard.import_button.isEnabled()
    wizard.load(str(IMPORT / "bad_rows.xlsx"))
    wait_for(wizard.task)
    assert wizard.model.rowCount() == 20
    assert wizard.summary_label.text().startswith("20 baris: 2 siap diimpor, 8 dengan peringatan, 10 ditolak")
    wizard.filter_combo.setCurrentIndex(wizard.filter_combo.findData("ditolak"))
    rejected = wizard.model.rows()
    assert len(rejected) == 10 and all(row.status == "ditolak" for row in rejected)
    assert wizard.model.cell_text(0, 1) == "Ditolak" and wizard.model.cell_text(0, 2).startswith("NIP tidak sah")
    assert wizard.import_button.text() == "Impor 10 baris yang sah"
    wizard.import_button.click()
    wait_for(wizard.task)
    assert "diimpor 10" in wizard.result_label.text() and not wizard.import_button.isEnabled()
    tab = main_window.show_tab("participants_tab")
    assert tab.model.rowCount() == 40 and tab.hint.text().startswith("40 peserta")


def test_a_file_that_cannot_be_read_is_explained_in_the_wizard(qtbot, main_window, demo_database) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.ui.background import wait_for

    wizard = _wizard(main_window, demo_database)
    qtbot.addWidget(wizard)
    wizard.load(str(IMPORT / "renamed_text.xlsx"))
    wait_for(wizard.task)
    assert "renamed_text.xlsx" in wizard.summary_label.text() and not wizard.import_button.isEnabled()
    wizard.load(str(IMPORT / "no_nip_column.xlsx"))
    wait_for(wizard.task)
    assert "NIP" in wizard.notes_label.text() and not wizard.import_button.isEnabled()
    with demo_database.sessions() as session:
        assert session.scalar(select(func.count()).select_from(EventParticipant)) == 30


def test_bulk_actions_apply_to_the_selection(qtbot, main_window, demo_database, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.ui.participants import prompts

    tab = main_window.show_tab("participants_tab")
    assert not tab.bulk_button.isEnabled()
    select_rows(tab, [0, 1, 2])
    assert tab.bulk_button.text() == "Tindakan (3)"
    find_action(tab.bulk_menu, "Hadir").trigger()
    select_rows(tab, [3])
    monkeypatch.setattr(prompts, "text", lambda *_a, **_k: "Tugas dinas")
    find_action(tab.bulk_menu, "Tidak hadir (dengan alasan)...").trigger()
    select_rows(tab, [0, 1, 2, 3, 4])
    find_action(tab.bulk_menu, "Tandai undangan dikirim").trigger()
    rows = tab.model.rows()
    assert Counter(r.attendance for r in rows) == {"hadir": 3, "tidak_hadir": 1, "belum": 26}
    assert rows[3].attendance_reason == "Tugas dinas"
    assert sum(r.invitation == "dikirim" for r in rows) == 5
    assert "1 tidak hadir" in tab.hint.text() and "26 belum konfirmasi" in tab.hint.text()


def test_the_editor_saves_a_phone_number(qtbot, main_window, demo_database) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.ui.participants.editor import ParticipantEditorDialog

    tab = main_window.show_tab("participants_tab")
    target = next(r for r in tab.model.rows() if not r.phone)
    before = sum(1 for r in tab.model.rows() if not r.phone)
    dialog = ParticipantEditorDialog(main_window.context, demo_database.demo.event_id, target.id, main_window)
    qtbot.addWidget(dialog)
    assert dialog.nip_edit.text() == target.nip
    qtbot.keyClicks(dialog.phone_edit, "+62 812 9999 0000")
    dialog.buttons.accepted.emit()
    assert dialog.result() == dialog.DialogCode.Accepted
    saved = next(r for r in tab.model.rows() if r.id == target.id)
    assert saved.phone == "081299990000"
    assert f"{before - 1} tanpa nomor HP" in tab.hint.text()


def test_grouping_dialog_fills_groups_and_question_sets(qtbot, main_window, demo_database, recorded_messages) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.ui.participants.grouping_dialog import GroupingDialog

    dialog = GroupingDialog(main_window.context, demo_database.demo.event_id, main_window)
    qtbot.addWidget(dialog)
    assert (dialog.min_spin.value(), dialog.max_spin.value(), dialog.wave_spin.value()) == (4, 8, 30)
    dialog.sets_spin.setValue(3)
    dialog.apply()
    assert recorded_messages[-1][0] == "info" and "30 peserta dibagi" in recorded_messages[-1][1]
    tab = main_window.show_tab("participants_tab")
    rows = tab.model.rows()
    assert all(r.group is not None for r in rows) and {r.question_set for r in rows} <= {"A", "B", "C"}


def test_exports_from_the_tab(qtbot, main_window, demo_database, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    from ukom_desktop.ui.participants import prompts

    target = tmp_path / "kehadiran.xlsx"
    monkeypatch.setattr(prompts, "save_file", lambda *_a, **_k: str(target))
    tab = main_window.show_tab("participants_tab")
    find_action(tab.export_menu, "Rekapitulasi Kehadiran Peserta...").trigger()
    from ukom_desktop.ui.background import wait_for

    wait_for(tab.task)
    assert "Tersimpan" in main_window.statusBar().currentMessage()
    assert load_workbook(target).sheetnames == ["Kehadiran", "Per Unit Kerja"]
