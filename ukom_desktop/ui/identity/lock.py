"""Idle lock: after the set minutes without input the window hides its data behind a password panel.

Nothing underneath is closed or reloaded, so unsaved input stays exactly as it was. An open dialog gets
its own panel (a modal dialog keeps the input, so the password can be typed there too).
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from ukom_desktop.domain.permissions import Actor
    from ukom_desktop.services.database_access import Database

_ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel}


class LockPanel(QWidget):
    """Covers the whole main window; only the password of the signed-in user opens it."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("lock_panel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAutoFillBackground(True)
        self.setStyleSheet("#lock_panel { background: #37474f; } QLabel { color: white; font-size: 14pt; }")
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        self.title = QLabel("")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setWordWrap(True)
        outer.addWidget(self.title)
        row = QHBoxLayout()
        row.addStretch(1)
        self.password = QLineEdit()
        self.password.setObjectName("unlock_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText("Kata sandi")
        self.password.setMinimumWidth(260)
        self.button = QPushButton("Buka kunci")
        row.addWidget(self.password)
        row.addWidget(self.button)
        row.addStretch(1)
        outer.addLayout(row)
        self.problem = QLabel("")
        self.problem.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.problem.setStyleSheet("color: #ffcdd2; font-size: 11pt;")
        outer.addWidget(self.problem)
        outer.addStretch(2)
        self.hide()


class IdleLock(QObject):
    """Watches input in the whole application and locks the main window when idle too long."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.panel = self._panel(window)
        self.minutes = 0  # 0: off (a database without users)
        self.database: Database | None = None
        self.actor: Actor | None = None
        self.last_input = time.monotonic()
        self.covers: list[LockPanel] = []
        self.timer = QTimer(self)
        self.timer.setInterval(15_000)
        self.timer.timeout.connect(self.check)
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        window.installEventFilter(self)

    def _panel(self, host: QWidget) -> LockPanel:
        panel = LockPanel(host)
        panel.button.clicked.connect(lambda: self.try_unlock(panel))
        panel.password.returnPressed.connect(lambda: self.try_unlock(panel))
        return panel

    @property
    def locked(self) -> bool:
        return self.panel.isVisible()

    def start(self, database: Database | None, actor: Actor | None, minutes: int) -> None:
        self.database, self.actor, self.minutes = database, actor, minutes if actor is not None else 0
        self.last_input = time.monotonic()
        if self.minutes > 0:
            self.timer.start()
        else:
            self.timer.stop()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in _ACTIVITY and not self.locked:
            self.last_input = time.monotonic()
        if obj is self.window and event.type() == QEvent.Type.Resize and self.locked:
            self.panel.setGeometry(self.window.rect())
        return False

    def check(self) -> None:
        if self.minutes > 0 and not self.locked and time.monotonic() - self.last_input >= self.minutes * 60:
            self.lock()

    def lock(self) -> None:
        if self.actor is None or self.locked:
            return
        others = [w for w in QApplication.topLevelWidgets()
                  if w is not self.window and w.isVisible() and w.isWindow() and not isinstance(w, LockPanel)]
        self.covers = [self._panel(w) for w in others]
        for panel in [self.panel, *self.covers]:
            panel.title.setText(f"Layar terkunci. Masukkan kata sandi {self.actor.label} untuk melanjutkan.")
            panel.problem.clear()
            host = panel.parentWidget()
            if host is not None:
                panel.setGeometry(host.rect())
            panel.show()
            panel.raise_()
        self._set_controls(False)  # menu shortcuts do nothing while locked
        active = QApplication.activeModalWidget()
        target = next((c for c in self.covers if c.parentWidget() is active), self.panel)
        target.password.setFocus()

    def _set_controls(self, enabled: bool) -> None:
        from PySide6.QtWidgets import QMainWindow, QToolBar

        if isinstance(self.window, QMainWindow):
            self.window.menuBar().setEnabled(enabled)
            for bar in self.window.findChildren(QToolBar):
                bar.setEnabled(enabled)
            central = self.window.centralWidget()
            if central is not None:
                central.setEnabled(enabled)

    def try_unlock(self, panel: LockPanel | None = None) -> None:
        from ukom_desktop.services.users import sign_in
        from ukom_desktop.ui.actions import run_action

        if self.database is None or self.actor is None:
            return
        panel = panel or self.panel
        sessions, username, password = self.database.sessions, self.actor.username, panel.password.text()
        # a wrong password counts like at the login form (audit log, lock after five)
        outcome = run_action(panel, lambda: sign_in(sessions, username, password), report=panel.problem.setText)
        if not outcome or outcome.value is None:
            panel.password.clear()
            return
        if outcome.value.actor.id != self.actor.id:
            return
        panel.password.clear()
        self._set_controls(True)
        self.panel.hide()
        for cover in self.covers:
            cover.hide()
            cover.deleteLater()
        self.covers = []
        self.last_input = time.monotonic()
