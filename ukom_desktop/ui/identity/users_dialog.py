"""Admin: the user accounts (add, reset a password, disable or enable again; never delete)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ukom_desktop.ui import messages
from ukom_desktop.ui.actions import in_transaction
from ukom_desktop.ui.geometry import fit_to_screen
from ukom_desktop.ui.widgets.form_parts import password_field, save_cancel_buttons

if TYPE_CHECKING:
    from ukom_desktop.ui.context import AppContext

HEADERS = ("Nama pengguna", "Nama lengkap", "Peran", "Asesor", "Status", "Terakhir masuk")


class UserFormDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        from ukom_desktop.domain.permissions import ROLE_LABELS, ROLES
        from ukom_desktop.services.listings import list_team_members

        super().__init__(parent)
        self.context = context
        self.setWindowTitle("Tambah pengguna")
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.username = QLineEdit()
        self.full_name = QLineEdit()
        self.password = password_field()
        self.roles = {role: QCheckBox(ROLE_LABELS[role]) for role in ROLES}
        roles_box = QVBoxLayout()
        for box in self.roles.values():
            roles_box.addWidget(box)
        self.assessor = QComboBox()
        self.assessor.addItem("(tidak dikaitkan)", None)
        with context.session() as session:
            for member in list_team_members(session, include_inactive=False):
                self.assessor.addItem(f"{member.name} ({member.nip})", member.id)
        form.addRow("Nama pengguna:", self.username)
        form.addRow("Nama lengkap:", self.full_name)
        form.addRow("Kata sandi awal:", self.password)
        form.addRow("Peran:", roles_box)
        form.addRow("Asesor (untuk asesor/QC):", self.assessor)
        layout.addLayout(form)
        note = QLabel("Pengguna wajib mengganti kata sandi awal saat pertama masuk.")
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(save_cancel_buttons(self, ok=QDialogButtonBox.StandardButton.Ok))

    def accept(self) -> None:
        from ukom_desktop.services.users import create_user

        def make(session):  # type: ignore[no-untyped-def]
            return create_user(session, username=self.username.text(), full_name=self.full_name.text(),
                               roles=[r for r, box in self.roles.items() if box.isChecked()],
                               password=self.password.text(), assessor=self.assessor.currentData(),
                               must_change_password=True)

        if not in_transaction(self, self.context, make, level="warn"):
            return
        super().accept()


class UsersDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle("Pengguna dan peran")
        fit_to_screen(self, 900, 480)
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        self.add_button = QPushButton("Tambah...")
        self.reset_button = QPushButton("Atur ulang kata sandi...")
        self.toggle_button = QPushButton("Nonaktifkan / aktifkan")
        close = QPushButton("Tutup")
        for button in (self.add_button, self.reset_button, self.toggle_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(QLabel("Kunci layar setelah"))
        self.lock_minutes = QSpinBox()
        self.lock_minutes.setRange(1, 240)
        self.lock_minutes.setSuffix(" menit tanpa aktivitas")
        row.addWidget(self.lock_minutes)
        row.addWidget(close)
        layout.addLayout(row)
        self.add_button.clicked.connect(self.add)
        self.reset_button.clicked.connect(self.reset)
        self.toggle_button.clicked.connect(self.toggle)
        close.clicked.connect(self.accept)
        self.rows: list = []
        self.reload()
        from ukom_desktop.services.users import lock_minutes

        with context.session() as session:
            self.lock_minutes.setValue(lock_minutes(session))
        self.lock_minutes.valueChanged.connect(self.save_lock_minutes)

    def save_lock_minutes(self, minutes: int) -> None:
        from ukom_desktop.services.users import set_lock_minutes

        in_transaction(self, self.context, lambda session: set_lock_minutes(session, minutes), level="warn")

    def reload(self) -> None:
        from ukom_desktop.domain.permissions import ROLE_LABELS, local_when
        from ukom_desktop.services.users import list_users

        with self.context.session() as session:
            self.rows = list_users(session)
        self.table.setRowCount(len(self.rows))
        for i, r in enumerate(self.rows):
            status = "aktif" if r.active else "nonaktif"
            if r.locked:
                status += ", terkunci"
            if r.must_change_password:
                status += ", wajib ganti sandi"
            values = (r.username, r.full_name, ", ".join(ROLE_LABELS.get(x, x) for x in r.roles), r.assessor_name,
                      status, ' pukul '.join(local_when(r.last_login_at)) if r.last_login_at else "")
            for j, value in enumerate(values):
                self.table.setItem(i, j, QTableWidgetItem(value))

    def _selected(self):  # type: ignore[no-untyped-def]
        index = self.table.currentRow()
        if index < 0 or index >= len(self.rows):
            messages.info(self, "Pilih dulu satu pengguna.")
            return None
        return self.rows[index]

    def add(self) -> None:
        if UserFormDialog(self.context, self).exec():
            self.reload()

    def reset(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        from ukom_desktop.services.users import reset_password

        row = self._selected()
        if row is None:
            return
        password, ok = QInputDialog.getText(self, "Atur ulang kata sandi",
                                            f"Kata sandi sekali pakai untuk {row.username} (minimal 10 karakter):",
                                            QLineEdit.EchoMode.Password)
        if not ok:
            return
        if not in_transaction(self, self.context, lambda session: reset_password(session, row.username, password),
                              level="warn"):
            return
        messages.info(self, f"Kata sandi {row.username} diatur ulang; wajib diganti saat masuk berikutnya.")
        self.reload()

    def toggle(self) -> None:
        from ukom_desktop.services.users import set_active

        row = self._selected()
        if row is None:
            return
        if row.active and not messages.confirm(self, f"Nonaktifkan akun {row.username}? Riwayat auditnya tetap "
                                                     "tersimpan."):
            return
        if not in_transaction(self, self.context, lambda session: set_active(session, row.username, not row.active),
                              level="warn"):
            return
        self.reload()
