"""The Asesor tab as the secretariat uses it: add, filter, availability, assign, import and export."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

NIP = "198609262015051001"


@pytest.fixture
def tab(main_window):  # type: ignore[no-untyped-def]
    tab = main_window.show_tab("assessors_tab") if hasattr(main_window, "show_tab") else main_window.assessors_tab
    if not hasattr(main_window, "show_tab"):
        main_window.tabs.setCurrentWidget(tab)
    tab.ensure_built()
    tab.refresh()
    return tab


def _answer_member_form(monkeypatch, fill) -> list[object]:  # type: ignore[no-untyped-def]
    """Replace the modal exec: fill the form like a user, press Simpan once, then Batal."""
    from ukom_desktop.ui.schedule.team_dialogs import MemberDialog

    seen: list[object] = []

    def fake_exec(dialog):  # type: ignore[no-untyped-def]
        seen.append(dialog)
        if len(seen) > 2:
            return False
        fill(dialog, len(seen))
        return True

    monkeypatch.setattr(MemberDialog, "exec", fake_exec)
    return seen


def test_add_member_with_a_bad_nip_then_fixed(tab, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def fill(dialog, attempt):  # type: ignore[no-untyped-def]
        dialog.name.setText("Ratna Dewi, M.Psi.")
        qtbot.keyClicks(dialog.nip, "12345" if attempt == 1 else "")
        if attempt == 2:
            dialog.nip.setText("19860926 201505 1 001")
            dialog.unit.setText("Pusat Penilaian Kompetensi")
            dialog.role.setCurrentIndex(dialog.role.findData("penilai_teknis"))

    forms = _answer_member_form(monkeypatch, fill)
    assert tab.add_member()
    assert "NIP tidak sah" in forms[0].error_label.text()
    rows = {r.nip: r for r in tab.model.rows()}
    assert rows[NIP].name == "Ratna Dewi, M.Psi." and rows[NIP].role == "penilai_teknis"
    tab.role_filter.setCurrentIndex(tab.role_filter.findData("penilai_teknis"))
    assert [r.nip for r in tab.model.rows()] == [NIP]


def test_deactivate_hides_with_the_filter_and_assign_to_event(tab, recorded_messages) -> None:  # type: ignore[no-untyped-def]
    rows = tab.model.rows()
    target = next(r for r in rows if r.role == "asesor")
    assert target.in_event
    tab.table.view.selectRow(next(i for i, r in enumerate(tab.table.visible_rows()) if r.id == target.id))
    tab.toggle_active()
    assert any(kind == "confirm" for kind, _ in recorded_messages)
    tab.show_inactive.setChecked(False)
    assert target.id not in {r.id for r in tab.model.rows()}
    tab.show_inactive.setChecked(True)
    again = next(r for r in tab.model.rows() if r.id == target.id)
    assert not again.active
    assert tab.model.cell_text(tab.model.rows().index(again), 13) == "Nonaktif"
    # An inactive member cannot be put on the team.
    tab.table.view.clearSelection()
    tab.table.view.selectRow(next(i for i, r in enumerate(tab.table.visible_rows()) if r.id == target.id))
    tab.unassign_selected()
    tab.only_event.setChecked(True)
    assert target.id not in {r.id for r in tab.model.rows()}
    tab.only_event.setChecked(False)
    tab.table.view.selectRow(next(i for i, r in enumerate(tab.table.visible_rows()) if r.id == target.id))
    tab.assign_selected()
    assert recorded_messages[-1][0] == "error" and "nonaktif" in recorded_messages[-1][1]


def test_import_with_preview_and_export(tab, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.ui.background import wait_for

    book = Workbook()
    sheet = book.active
    sheet.append(["No", "Nama", "NIP", "Peran", "Unit Kerja"])
    sheet.append([1, "Yoga Pratama", NIP, "asesor", "Biro SDM"])
    sheet.append([2, "Tanpa Peran Sah", "", "juri", "Biro SDM"])
    source = tmp_path / "tim.xlsx"
    book.save(source)
    shown: list[object] = []
    monkeypatch.setattr(tab, "ask_open_path", lambda: str(source))
    monkeypatch.setattr(tab, "confirm_import", lambda dialog: shown.append(dialog) or True)
    wait_for(tab.import_roster())
    assert shown and shown[0].model.rowCount() == 2
    assert "1 siap diimpor" in shown[0].preview.summary() and "1 ditolak" in shown[0].preview.summary()
    assert "Yoga Pratama" in {r.name for r in tab.model.rows()}
    target = tmp_path / "ekspor.xlsx"
    monkeypatch.setattr(tab, "ask_save_path", lambda: str(target))
    task = tab.export_roster()
    wait_for(task)
    assert task.state == "selesai" and "diekspor ke" in tab.window().statusBar().currentMessage()
    names = {row[1].value for row in load_workbook(target).active.iter_rows()}
    assert "Yoga Pratama" in names


def test_availability_dialog_records_half_days(tab, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QDate

    from ukom_desktop.ui.schedule.team_dialogs import AvailabilityDialog

    def fake_exec(dialog):  # type: ignore[no-untyped-def]
        dialog.day.setDate(QDate(2026, 12, 7))
        dialog.part.setCurrentIndex(dialog.part.findData("pagi"))
        dialog.add_entry()
        dialog.add_entry()  # the same day and part again is refused in place
        assert "sudah tercatat" in dialog.error_label.text()
        return True

    monkeypatch.setattr(AvailabilityDialog, "exec", fake_exec)
    row_index = next(i for i, r in enumerate(tab.table.visible_rows()) if r.role == "asesor")
    tab.table.view.selectRow(row_index)
    member = tab.table.selected_rows()[0]
    tab.edit_availability()
    updated = next(r for r in tab.model.rows() if r.id == member.id)
    assert updated.unavailable_days == 1
