"""The QC Laporan tab driven like a user: submit, review and return with a comment, the author fixes the
report and resubmits, the reviewer sees the change and approves; overdue rows highlighted; filters."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QColor

sys.path.insert(0, str(Path(__file__).parents[1] / "db"))
from rated_demo import PARTICIPANTS, rated_demo_copy  # noqa: E402


@pytest.fixture
def window(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    from ukom_desktop.ui.main_window import MainWindow

    win = MainWindow(f"sqlite:///{rated_demo_copy(tmp_path)}")
    qtbot.addWidget(win)
    win.show()
    assert win.open_database()
    return win


def _select(tab, row_object) -> None:  # type: ignore[no-untyped-def]
    view = tab.table.view
    view.clearSelection()
    for r in range(tab.table.proxy.rowCount()):
        if tab.table.proxy.index(r, 0).data(258) is row_object:  # ROW_ROLE
            view.selectionModel().select(
                tab.table.proxy.index(r, 0),
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
            )
            return
    raise AssertionError("row not shown")


def _row(tab, ep_id: int):  # type: ignore[no-untyped-def]
    return next(r for r in tab.model.rows() if r.event_participant_id == ep_id)


def test_return_and_resubmit_in_the_qc_tab(window, qtbot, recorded_messages) -> None:  # type: ignore[no-untyped-def]
    tab = window.show_tab("qc_tab")
    assert tab.model.rowCount() == PARTICIPANTS
    target = next(r for r in tab.model.rows() if r.failed_checks == ())
    ep = target.event_participant_id

    _select(tab, target)
    qtbot.mouseClick(tab.submit_button, Qt.MouseButton.LeftButton)
    assert _row(tab, ep).status == "diajukan" and _row(tab, ep).revision == 1

    tab.open_review(_row(tab, ep))
    dialog = tab.review_dialog
    qtbot.addWidget(dialog)
    assert dialog.return_button.isEnabled() and dialog.approve_button.isEnabled()
    qtbot.mouseClick(dialog.return_button, Qt.MouseButton.LeftButton)  # no note yet: refused
    assert recorded_messages[-1][0] == "warn" and "catatan pengembalian" in recorded_messages[-1][1]
    dialog.section_combo.setCurrentIndex(dialog.section_combo.findData("kekuatan"))
    qtbot.keyClicks(dialog.comment_edit, "Tambahkan bukti perilaku pada kekuatan.")
    qtbot.mouseClick(dialog.return_button, Qt.MouseButton.LeftButton)
    assert dialog.data.status.value == "dikembalikan"
    assert not dialog.return_button.isEnabled() and not dialog.approve_button.isEnabled()
    assert "Tambahkan bukti perilaku pada kekuatan." in dialog.report_view.toPlainText()
    dialog.close()
    assert _row(tab, ep).status == "dikembalikan"

    # The author fixes the section (in the writing screen), then resubmits from the QC tab.
    from ukom_desktop.services import report_qc

    with window.context.transaction() as session:
        report_qc.edit_sections(session, ep, {"kekuatan": "- Menyampaikan gagasan runtut dengan contoh kerja."})
    window.context.data_changed.emit("reports")
    _select(tab, _row(tab, ep))
    qtbot.mouseClick(tab.submit_button, Qt.MouseButton.LeftButton)
    assert _row(tab, ep).status == "diajukan" and _row(tab, ep).revision == 2

    tab.open_review(_row(tab, ep))
    dialog = tab.review_dialog
    qtbot.addWidget(dialog)
    assert dialog.left_tabs.tabText(1) == "Perubahan sejak pemeriksaan terakhir (1)"
    assert "Menyampaikan gagasan runtut" in dialog.diff_view.toPlainText()
    assert "Kekuatan" in dialog.diff_view.toPlainText()
    qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
    assert dialog.data.status.value == "disetujui" and dialog.data.report_number
    assert dialog.reopen_button.isEnabled()
    assert not dialog.reopen("")  # a reason is required
    assert "Alasan revisi baru wajib diisi." in recorded_messages[-1][1]
    dialog.close()
    assert _row(tab, ep).status == "disetujui"
    assert tab.model.cell_text(tab.model.rows().index(_row(tab, ep)), 4) == "Disetujui"


def test_a_failing_report_cannot_be_approved_from_the_dialog(window, qtbot, recorded_messages) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from ukom_desktop.db.models import EventParticipant
    from ukom_desktop.services import report_qc

    tab = window.show_tab("qc_tab")
    ep = next(r for r in tab.model.rows() if r.failed_checks == ()).event_participant_id
    with window.context.transaction() as session:
        report_qc.submit(session, ep, actor="Penulis")
        person = session.scalars(select(EventParticipant).where(EventParticipant.id == ep)).one().participant
        person.name += " Saputra"
    tab.refresh()
    tab.open_review(_row(tab, ep))
    dialog = tab.review_dialog
    qtbot.addWidget(dialog)
    assert not dialog.approve_button.isEnabled()
    assert "Nama dan NIP peserta" in dialog.action_hint.text()
    assert "\u2718" in dialog.checks_view.toPlainText()
    assert dialog.return_button.isEnabled()
    assert "Nama dan NIP peserta" in _row(tab, ep).failed_checks


def test_nothing_is_overdue_before_the_deadline(window) -> None:  # type: ignore[no-untyped-def]
    tab = window.show_tab("qc_tab")
    tab.today = date(2026, 10, 20)  # the demo event was assessed on 6 October 2026, reports due 23 October
    tab.refresh()
    assert tab.model.rowCount() == PARTICIPANTS and not any(r.overdue for r in tab.model.rows())
    assert tab.model.data(tab.model.index(0, 2), 8) is None
    assert "terlambat" not in tab.hint.text()


def test_overdue_rows_are_highlighted_and_filters_narrow_the_table(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    tab = window.show_tab("qc_tab")
    tab.today = date(2026, 11, 2)  # after the reports' deadline of 23 October 2026: every draft is late
    tab.refresh()
    rows = tab.model.rows()
    assert all(r.overdue for r in rows)
    index = tab.model.index(0, 2)
    assert tab.model.data(index, 8) == QColor("#fde2e1")
    assert "lewat" in tab.model.cell_text(0, 8)
    assert f"{PARTICIPANTS} terlambat" in tab.hint.text()

    author = rows[0].author
    tab.assessor_filter.setCurrentIndex(tab.assessor_filter.findData(author))
    assert 0 < tab.model.rowCount() < PARTICIPANTS
    assert all(author in (r.author, r.reviewer) for r in tab.model.rows())
    tab.assessor_filter.setCurrentIndex(0)
    tab.status_filter.setCurrentIndex(tab.status_filter.findData("draft"))
    assert tab.model.rowCount() == PARTICIPANTS
    assert tab.wave_filter.count() == 2  # Semua + Gelombang 1


def test_approve_and_return_ask_first_and_the_follow_up_is_not_an_error(  # type: ignore[no-untyped-def]
        window, qtbot, monkeypatch, recorded_messages) -> None:
    from ukom_desktop.ui import messages

    tab = window.show_tab("qc_tab")
    target = next(r for r in tab.model.rows() if r.failed_checks == ())
    ep = target.event_participant_id
    _select(tab, target)
    qtbot.mouseClick(tab.submit_button, Qt.MouseButton.LeftButton)
    tab.open_review(_row(tab, ep))
    dialog = tab.review_dialog
    qtbot.addWidget(dialog)

    asked: list[str] = []
    monkeypatch.setattr(messages, "confirm", lambda _p, text, title="": asked.append(text) or False)
    qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)  # answered "Tidak"
    assert "dikunci" in asked[-1] and "nomor" in asked[-1]
    assert dialog.data.status.value == "diajukan" and not dialog.data.report_number
    qtbot.keyClicks(dialog.comment_edit, "Lengkapi saran pengembangan.")
    qtbot.mouseClick(dialog.return_button, Qt.MouseButton.LeftButton)  # answered "Tidak"
    assert "Kembalikan laporan" in asked[-1] and "Lengkapi saran pengembangan." in asked[-1]
    assert dialog.data.status.value == "diajukan"

    monkeypatch.setattr(messages, "confirm", lambda _p, text, title="": asked.append(text) or True)
    qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
    assert dialog.data.status.value == "disetujui" and dialog.data.report_number
    assert dialog.data.report_number in dialog.action_hint.text()
    assert "Cetak > Laporan individu" in dialog.action_hint.text()
    assert "#9b1c1c" not in dialog.action_hint.styleSheet()  # a next step, not shown in red


def test_qc_tab_header_fits_1024_pixels(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.resize(1024, 700)
    tab = window.show_tab("qc_tab")
    qtbot.wait(10)
    bar = tab.actions_bar
    assert bar.minimumSize().width() <= tab.width()
    for button in (tab.review_button, tab.submit_button, tab.reviewer_button, tab.deliver_button):
        right = button.mapTo(tab, button.rect().topRight()).x()
        assert right <= tab.width(), button.text()
        assert button.width() >= button.sizeHint().width()  # the text is not cut off
