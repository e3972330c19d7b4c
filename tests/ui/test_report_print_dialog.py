"""Cetak > Laporan individu: approved reports only by default; chosen participants print unapproved
reports as DRAF previews. The PDFs are read back."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog


@pytest.fixture
def rated_window(qtbot, sqlite_database):  # type: ignore[no-untyped-def]
    from ukom_desktop.services import report_qc
    from ukom_desktop.services.demo import build_demo
    from ukom_desktop.services.demo_ratings import build_demo_ratings
    from ukom_desktop.services.results import event_results
    from ukom_desktop.ui.main_window import MainWindow

    when = datetime(2026, 12, 2, 9, tzinfo=UTC)
    with sqlite_database.sessions.begin() as session:
        demo = build_demo(session, participants=5, seed=3)
        build_demo_ratings(session, demo.event_id, seed=3)
        first = event_results(session, demo.event_id).rows[0]
        report_qc.submit(session, first.event_participant_id, actor="asesor", now=when - timedelta(days=2))
        report_qc.approve(session, first.event_participant_id, actor="qc", now=when)
    window = MainWindow(sqlite_database.url)
    qtbot.addWidget(window)
    window.show()
    assert window.open_database()
    window.approved_name = first.name
    return window


def _pages(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(str(path)).pages]


def _run(window, qtbot, monkeypatch, tmp_path: Path, name: str, answer) -> list[str]:  # type: ignore[no-untyped-def]
    from ukom_desktop.ui.scoring.report_print_dialog import ReportPrintDialog

    defaults: list[bool] = []

    def fake_exec(dialog: ReportPrintDialog) -> int:
        defaults.append(dialog.approved_only.isChecked())  # the default: approved reports only
        answer(dialog)
        return ReportPrintDialog.DialogCode.Accepted

    monkeypatch.setattr(ReportPrintDialog, "exec", fake_exec)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / name), "PDF (*.pdf)"))
    action = next(a for a in window.print_menu.actions() if a.text() == "Laporan individu...")
    action.trigger()
    assert defaults == [True]
    qtbot.waitUntil(lambda: (tmp_path / name).exists(), timeout=60000)
    return _pages(tmp_path / name)


def test_default_prints_only_the_approved_report_as_final(rated_window, qtbot, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pages = _run(rated_window, qtbot, monkeypatch, tmp_path, "final.pdf", lambda dialog: None)
    text = "\n".join(pages)
    assert text.count("LAPORAN INDIVIDU") == 1 and rated_window.approved_name in text
    assert "DRAF" not in text and "Nomor:" in text and "2 Desember 2026" in text


def test_chosen_unapproved_participant_prints_as_a_draf_preview(rated_window, qtbot, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    def choose_second(dialog) -> None:  # type: ignore[no-untyped-def]
        assert "1 dari 5 laporan sudah disetujui" in dialog.summary.text()
        assert not dialog.people.isEnabled()
        dialog.chosen.setChecked(True)
        assert dialog.people.isEnabled() and dialog.note.isVisibleTo(dialog)
        first, second = dialog.people.item(0), dialog.people.item(1)
        assert "disetujui" in first.text() and "draf" in second.text()
        first.setCheckState(Qt.CheckState.Unchecked)
        second.setCheckState(Qt.CheckState.Checked)
        assert dialog.print_button.isEnabled()

    pages = _run(rated_window, qtbot, monkeypatch, tmp_path, "draf.pdf", choose_second)
    text = "\n".join(pages)
    assert text.count("LAPORAN INDIVIDU") == 1 and rated_window.approved_name not in text
    assert all("DRAF" in page for page in pages) and "Nomor:" not in text
