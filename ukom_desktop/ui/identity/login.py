"""Signing in when the database has users, changing a one-time password, creating the first admin."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ukom_desktop.ui.widgets.form_parts import password_field

if TYPE_CHECKING:
    from ukom_desktop.domain.permissions import Actor
    from ukom_desktop.services.database_access import Database, Session
    from ukom_desktop.services.users import LoginOutcome


class _Form(QDialog):
    def __init__(self, title: str, intro: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        if intro:
            text = QLabel(intro)
            text.setWordWrap(True)
            layout.addWidget(text)
        self.form = QFormLayout()
        layout.addLayout(self.form)
        self.problem = QLabel("")
        self.problem.setObjectName("login_problem")
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.setWordWrap(True)
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Batal")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)


class LoginDialog(_Form):
    """Username and password; every attempt (also a failed one) is written to the audit log."""

    def __init__(self, database: Database, parent: QWidget | None = None, username: str = "") -> None:
        super().__init__("Masuk", f"Basis data {database.description} memakai akun pengguna.", parent)
        self.database = database
        self.username = QLineEdit(username)
        self.username.setObjectName("login_username")
        self.password = password_field()
        self.password.setObjectName("login_password")
        self.form.addRow("Nama pengguna:", self.username)
        self.form.addRow("Kata sandi:", self.password)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Masuk")
        self.outcome: LoginOutcome | None = None
        (self.password if username else self.username).setFocus()

    def accept(self) -> None:
        from ukom_desktop.services.users import sign_in as check_login
        from ukom_desktop.ui.actions import run_action

        # every attempt, also a failed one, is committed to the audit log by the service
        outcome = run_action(self, lambda: check_login(self.database.sessions, self.username.text(),
                                                       self.password.text()), report=self.problem.setText)
        if not outcome:
            self.password.clear()
            self.password.setFocus()
            return
        self.outcome = outcome.value
        self.entered = self.password.text()
        self.password.clear()
        super().accept()


class ChangePasswordDialog(_Form):
    """The user's own new password (required after a reset or a one-time password)."""

    def __init__(self, database: Database, actor: Actor, old_password: str = "", parent: QWidget | None = None,
                 ) -> None:
        super().__init__("Ganti kata sandi", f"Akun {actor.username} memakai kata sandi sekali pakai. Buat kata "
                         "sandi baru (minimal 10 karakter).", parent)
        self.database, self.actor = database, actor
        self.old = password_field()
        self.old.setText(old_password)
        self.new = password_field()
        self.new.setObjectName("new_password")
        self.repeat = password_field()
        self.repeat.setObjectName("repeat_password")
        if not old_password:
            self.form.addRow("Kata sandi lama:", self.old)
        self.form.addRow("Kata sandi baru:", self.new)
        self.form.addRow("Ulangi kata sandi baru:", self.repeat)

    def accept(self) -> None:
        from ukom_desktop.services.database_access import in_transaction
        from ukom_desktop.services.users import change_password
        from ukom_desktop.ui.actions import run_action

        if self.new.text() != self.repeat.text():
            self.problem.setText("Kedua kata sandi baru tidak sama.")
            return
        user_id, old, new = self.actor.id, self.old.text(), self.new.text()
        if run_action(self, lambda: in_transaction(self.database, lambda s: change_password(s, user_id, old, new)),
                      report=self.problem.setText):
            super().accept()


class FirstAdminDialog(_Form):
    """The first account of a database without users: an admin (and, by default, the secretariat's work)."""

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(
            "Buat administrator pertama",
            "Setelah akun pertama dibuat, setiap orang harus masuk dengan akunnya sendiri dan hanya dapat "
            "melakukan apa yang diizinkan perannya. Akun tidak pernah dihapus, hanya dinonaktifkan.",
            parent,
        )
        self.database = database
        self.username = QLineEdit("administrator")
        self.username.setObjectName("admin_username")
        self.full_name = QLineEdit()
        self.password = password_field()
        self.password.setObjectName("admin_password")
        self.repeat = password_field()
        self.repeat.setObjectName("admin_repeat")
        self.sekretariat = QCheckBox("Juga berperan sekretariat (menyiapkan kegiatan, peserta, jadwal, surat)")
        self.sekretariat.setChecked(True)
        self.form.addRow("Nama pengguna:", self.username)
        self.form.addRow("Nama lengkap:", self.full_name)
        self.form.addRow("Kata sandi:", self.password)
        self.form.addRow("Ulangi kata sandi:", self.repeat)
        self.form.addRow("", self.sekretariat)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Buat administrator")
        self.actor: Actor | None = None

    def accept(self) -> None:
        from ukom_desktop.services.database_access import in_transaction
        from ukom_desktop.services.users import actor_for, create_user
        from ukom_desktop.ui.actions import run_action

        if self.password.text() != self.repeat.text():
            self.problem.setText("Kedua kata sandi tidak sama.")
            return
        roles = ["admin", "sekretariat"] if self.sekretariat.isChecked() else ["admin"]
        username, full_name, password = self.username.text(), self.full_name.text(), self.password.text()

        def create(session: Session) -> Actor:
            user_id = create_user(session, username=username, full_name=full_name, roles=roles, password=password)
            return actor_for(session, user_id)

        outcome = run_action(self, lambda: in_transaction(self.database, create), report=self.problem.setText)
        if outcome:
            self.actor = outcome.value
            super().accept()


def sign_in(parent: QWidget | None, database: Database) -> bool:
    """Before the window shows a database's data: ask who is working when it has users.

    Binds the signed-in user to the database's sessions; False when the user gave up.
    """
    from ukom_desktop.services.access import bind_actor, users_exist
    from ukom_desktop.services.database_access import session

    with session(database) as opened:
        has_users = users_exist(opened)
    if not has_users:
        bind_actor(database.sessions, None)
        return True
    dialog = LoginDialog(database, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.outcome is None:
        return False
    outcome = dialog.outcome
    if outcome.must_change_password:
        change = ChangePasswordDialog(database, outcome.actor, dialog.entered, parent)
        if change.exec() != QDialog.DialogCode.Accepted:
            return False
    bind_actor(database.sessions, outcome.actor)
    return True
