"""Issue 13 in the window: login when the database has users, the banner without users, the idle lock that
keeps unsaved input, an asesor's window showing only their participants, the audit viewer."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLineEdit
from sqlalchemy import select

from ukom_desktop.db.models import AuditEntry, EventParticipant, User

PASSWORD = "kata-sandi-rahasia-1"


@pytest.fixture
def rated_database(tmp_path: Path):  # type: ignore[no-untyped-def]
    """The rated demo: every participant has a lead assessor, so an asesor rates only some of them."""
    from tests.db.rated_demo import rated_demo_copy
    from ukom_desktop.db.database import open_database

    db = open_database(f"sqlite:///{rated_demo_copy(tmp_path)}", auto_backup=False)
    yield db
    db.dispose()


def _add_users(db) -> int:  # type: ignore[no-untyped-def]
    """admin and an asesor linked to the lead assessor of the first participant (or a rater when there are
    no leads); returns that assessor."""
    from ukom_desktop.services import ratings, users

    with db.sessions.begin() as s:
        event_id = s.scalars(select(EventParticipant.event_id)).first()
        assessor = s.scalars(select(EventParticipant.lead_assessor_id).where(
            EventParticipant.lead_assessor_id.is_not(None)).order_by(EventParticipant.id)).first()
        if assessor is None:
            assessor = min(ratings.event_assignments(s, event_id), key=lambda a: a.event_participant_id).assessor_id
        users.create_user(s, username="admin", full_name="Admin", roles=["admin"], password=PASSWORD)
        s.info["actor"] = users.to_actor(s.scalars(select(User)).one())
        users.create_user(s, username="asesor", full_name="Bu Asesor", roles=["asesor"], password=PASSWORD,
                          assessor=assessor)
    return assessor


def _answer_login(qtbot, attempts: list[tuple[str, str]], seen: list[str]) -> None:  # type: ignore[no-untyped-def]
    def step() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not hasattr(dialog, "password"):
            QTimer.singleShot(20, step)
            return
        username, password = attempts.pop(0)
        dialog.username.setText(username)
        dialog.password.setText(password)
        dialog.accept()
        seen.append(dialog.problem.text())
        if attempts:
            QTimer.singleShot(0, step)

    QTimer.singleShot(0, step)


def test_login_then_asesor_sees_only_their_participants(qtbot, rated_database) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.services import access
    from ukom_desktop.ui.main_window import MainWindow

    demo_database = rated_database
    assessor = _add_users(demo_database)
    window = MainWindow(demo_database.url)
    qtbot.addWidget(window)
    window.show()
    seen: list[str] = []
    _answer_login(qtbot, [("asesor", "salah-sandinya-1"), ("asesor", PASSWORD)], seen)
    assert window.open_database()
    assert seen[0] == "Nama pengguna atau kata sandi salah."
    assert "Bu Asesor" in window.identity.user_label.text()
    assert not window.identity.banner.isVisible()
    tab = window.show_tab("participants_tab")
    with window.context.session() as s:
        mine = access.assigned_participants(s, window.context.event_id, assessor)
        everyone = s.scalars(select(EventParticipant.id).where(
            EventParticipant.event_id == window.context.event_id)).all()
    assert 0 < tab.model.rowCount() == len(mine) < len(everyone)
    titles = {window.tabs.tabText(i) for i in range(window.tabs.count()) if window.tabs.isTabVisible(i)}
    assert "Asesor" not in titles and "Jadwal" not in titles and "Penilaian" in titles
    assert not window.identity.act_users.isEnabled() and not window.act_backup.isEnabled()
    scoring = window.show_tab("scoring_tab")
    shown = [scoring.pages.tabText(i) for i in range(scoring.pages.count()) if scoring.pages.isTabVisible(i)]
    assert shown == ["Input penilaian", "Hasil dan rapat integrasi"]
    entry = scoring.entry
    entry.refresh()
    assert [entry.assessor_combo.itemData(i) for i in range(entry.assessor_combo.count())] == [assessor]
    assert not entry.assessor_combo.isEnabled()
    scoring.pages.setCurrentWidget(scoring.results)
    with window.context.session() as s:
        led = set(s.scalars(select(EventParticipant.id).where(EventParticipant.lead_assessor_id == assessor)))
    assert scoring.results.model.rowCount() == len(led)
    with window.context.session() as s:
        kinds = [(a.action, a.actor) for a in s.scalars(select(AuditEntry).where(AuditEntry.entity == "pengguna"))]
    assert ("login_gagal", "asesor") in kinds and ("login", "asesor") in kinds


def test_cancelled_login_shows_nothing(qtbot, demo_database) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.ui.main_window import MainWindow

    _add_users(demo_database)
    window = MainWindow(demo_database.url)
    qtbot.addWidget(window)
    window.show()
    QTimer.singleShot(0, lambda: QApplication.activeModalWidget().reject())
    assert not window.open_database()
    assert window.context.database is None and window.event_combo.count() == 0


def test_idle_lock_hides_data_and_keeps_unsaved_input(qtbot, demo_database) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.ui.main_window import MainWindow

    _add_users(demo_database)
    window = MainWindow(demo_database.url)
    qtbot.addWidget(window)
    window.show()
    _answer_login(qtbot, [("admin", PASSWORD)], [])
    assert window.open_database()
    tab = window.show_tab("events_tab")
    tab.table.filter_edit.setText("belum disimpan")
    note = QLineEdit()
    qtbot.addWidget(note)
    note.setText("catatan yang sedang diketik")
    note.show()
    lock = window.idle_lock
    assert lock.minutes == 15
    lock.last_input = time.monotonic() - 14 * 60
    lock.check()
    assert not lock.locked
    lock.last_input = time.monotonic() - 15 * 60
    lock.check()
    assert lock.locked and lock.panel.geometry() == window.rect()
    assert not window.menuBar().isEnabled() and not window.tabs.isEnabled()
    assert any(cover.parentWidget() is note and cover.isVisible() for cover in lock.covers)
    lock.panel.password.setText("bukan-sandinya-1")
    lock.try_unlock(lock.panel)
    assert lock.locked and "salah" in lock.panel.problem.text()
    lock.panel.password.setText(PASSWORD)
    lock.try_unlock(lock.panel)
    assert not lock.locked and window.menuBar().isEnabled() and window.tabs.isEnabled()
    assert tab.table.filter_edit.text() == "belum disimpan" and note.text() == "catatan yang sedang diketik"


def test_without_users_banner_and_first_admin(qtbot, main_window, recorded_messages) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.ui.identity.menu import NO_LOGIN_TEXT

    identity = main_window.identity
    assert identity.banner.isVisible() and NO_LOGIN_TEXT in identity.banner_label.text()
    assert main_window.idle_lock.minutes == 0

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        dialog.password.setText("pendek")
        dialog.repeat.setText("pendek")
        dialog.accept()
        assert "minimal 10" in dialog.problem.text()
        dialog.password.setText(PASSWORD)
        dialog.repeat.setText(PASSWORD)
        dialog.accept()

    QTimer.singleShot(0, fill)
    identity.first_admin_button.click()
    assert not identity.banner.isVisible()
    assert "admin" in identity.user_label.text()
    assert main_window.identity.act_users.isEnabled()


def test_audit_viewer_filters_and_exports(qtbot, demo_database, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook
    from PySide6.QtWidgets import QFileDialog

    from ukom_desktop.ui.identity.audit_dialog import AuditDialog
    from ukom_desktop.ui.main_window import MainWindow

    _add_users(demo_database)
    window = MainWindow(demo_database.url)
    qtbot.addWidget(window)
    window.show()
    _answer_login(qtbot, [("asesor", "salah-sandinya-1"), ("admin", PASSWORD)], [])
    assert window.open_database()
    dialog = AuditDialog(window.context, window)
    qtbot.addWidget(dialog)
    dialog.user.setCurrentIndex(dialog.user.findData("asesor"))
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 2).text() == "Gagal masuk"
    target = tmp_path / "audit.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    dialog.export()
    sheet = load_workbook(target).active
    texts = [c for row in sheet.iter_rows(values_only=True) for c in row if c]
    assert "Gagal masuk" in texts and "asesor" in texts and "Masuk" not in texts


def test_window_asks_the_key_of_an_encrypted_file(qtbot, demo_database, tmp_path: Path, monkeypatch,
                                                  recorded_messages) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFileDialog, QInputDialog

    from ukom_desktop.db import encryption
    from ukom_desktop.ui.identity.encrypt_dialog import EncryptDialog
    from ukom_desktop.ui.main_window import MainWindow

    window = MainWindow(demo_database.url)
    qtbot.addWidget(window)
    window.show()
    assert window.open_database()
    target = tmp_path / "terenkripsi.sqlite"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    dialog = EncryptDialog(window, window)
    qtbot.addWidget(dialog)
    dialog.key.setText("kunci-jendela-001")
    dialog.repeat.setText("kunci-jendela-001")
    dialog.accept()
    assert encryption.is_encrypted(target)

    asked: list[str] = []

    def answer(keys: list[str]) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QInputDialog):
            QTimer.singleShot(20, lambda: answer(keys))
            return
        asked.append(box.labelText())
        box.setTextValue(keys.pop(0))
        box.accept()
        if keys:
            QTimer.singleShot(0, lambda: answer(keys))

    QTimer.singleShot(0, lambda: answer(["kunci-yang-salah", "kunci-jendela-001"]))
    try:
        assert window.open_database(str(target))
        assert window.context.database.file == target and window.event_combo.count() == 1
        assert "salah" not in asked[0] and "salah" in asked[1]
    finally:
        window.context.set_database(None)
        encryption.register_key(target, None)


def test_admin_adds_resets_and_disables_users(qtbot, demo_database, monkeypatch, recorded_messages) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QInputDialog

    from ukom_desktop.services import users
    from ukom_desktop.ui.identity.users_dialog import UserFormDialog, UsersDialog
    from ukom_desktop.ui.main_window import MainWindow

    _add_users(demo_database)
    window = MainWindow(demo_database.url)
    qtbot.addWidget(window)
    window.show()
    _answer_login(qtbot, [("admin", PASSWORD)], [])
    assert window.open_database()
    form = UserFormDialog(window.context, window)
    qtbot.addWidget(form)
    form.username.setText("pimpinan1")
    form.full_name.setText("Ibu Kepala")
    form.password.setText("pendek")
    form.roles["pimpinan"].setChecked(True)
    form.accept()
    assert recorded_messages[-1] == ("warn", "Kata sandi minimal 10 karakter.")
    form.password.setText("sandi-awal-kepala")
    form.accept()
    dialog = UsersDialog(window.context, window)
    qtbot.addWidget(dialog)
    names = [dialog.table.item(i, 0).text() for i in range(dialog.table.rowCount())]
    assert names == ["admin", "asesor", "pimpinan1"]
    assert "wajib ganti sandi" in dialog.table.item(2, 4).text()
    dialog.table.selectRow(1)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("sekali-pakai-777", True))
    dialog.reset()
    dialog.table.selectRow(1)
    dialog.toggle()
    assert "nonaktif" in dialog.table.item(1, 4).text()
    with demo_database.sessions.begin() as s, pytest.raises(users.UserError, match="nonaktif"):
        users.login(s, "asesor", "sekali-pakai-777")
    dialog.lock_minutes.setValue(5)
    dialog.accept()
    window.identity.refresh()
    assert window.idle_lock.minutes == 5
