"""Who is working, in the window: the banner of a database without users, the signed-in user, the tabs
and actions the permission table allows, the idle lock, and the Berkas menu entries for users, audit
and encryption (issue 13)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QPushButton, QToolBar, QWidget

from ukom_desktop.ui import messages

if TYPE_CHECKING:
    from ukom_desktop.domain.permissions import Actor
    from ukom_desktop.ui.context import AppContext
    from ukom_desktop.ui.main_window import MainWindow

NO_LOGIN_TEXT = "Tanpa login: siapa pun yang membuka berkas ini dapat melihat dan mengubah semuanya"

# A tab is shown when the user holds any of these actions (the services refuse the rest anyway).
TAB_ACTIONS: dict[str, tuple[str, ...]] = {
    "events_tab": ("kegiatan.lihat",),
    "participants_tab": ("peserta.lihat", "peserta.kelola"),
    "assessors_tab": ("tim.kelola",),
    "schedule_tab": ("jadwal.kelola",),
    "scoring_tab": ("penilaian.isi", "penilaian.progres", "integrasi.putuskan", "hasil.lihat"),
    "qc_tab": ("laporan.susun", "laporan.tinjau", "hasil.lihat"),
}


def context_actor(context: AppContext) -> Actor | None:
    """The signed-in user of the open database (None without users)."""
    return context.actor  # the user bound to the database's sessions (services.access.bound_actor)


def context_allows(context: AppContext, action: str) -> bool:
    """The window asks the same table the services check (everything in a database without users)."""
    from ukom_desktop.domain.permissions import allowed as table_allows

    actor = context_actor(context)
    return True if actor is None else table_allows(actor.roles, action)


def current_actor(window: MainWindow) -> Actor | None:
    return context_actor(window.context)


def allowed(window: MainWindow, action: str) -> bool:
    if current_actor(window) is None:
        return not getattr(window, "has_users", False)
    return context_allows(window.context, action)


# The pages of the Penilaian tab and the actions that show them.
SCORING_PAGES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("entry", ("penilaian.isi",)),
    ("progress", ("penilaian.progres",)),
    ("results", ("hasil.lihat", "integrasi.putuskan")),
)


def show_allowed_pages(tab: QWidget) -> None:
    """Hide the Penilaian pages the signed-in user may not use (the services refuse them anyway)."""
    pages = tab.pages  # type: ignore[attr-defined]
    visible = []
    for attr, actions in SCORING_PAGES:
        index = pages.indexOf(getattr(tab, attr))
        shown = any(context_allows(tab.context, a) for a in actions)  # type: ignore[attr-defined]
        pages.setTabVisible(index, shown)
        if shown:
            visible.append(index)
    if visible and pages.currentIndex() not in visible:
        pages.setCurrentIndex(visible[0])


def keep_own_assessor(context: AppContext, combo: QWidget) -> None:
    """Ratings are entered only as oneself: the assessor choice shrinks to the signed-in user's."""
    actor = context_actor(context)
    if actor is None:
        combo.setEnabled(True)
        return
    for index in reversed(range(combo.count())):  # type: ignore[attr-defined]
        if combo.itemData(index) != actor.assessor_id:  # type: ignore[attr-defined]
            combo.removeItem(index)  # type: ignore[attr-defined]
    combo.setEnabled(False)


class IdentityArea:
    def __init__(self, window: MainWindow) -> None:
        from ukom_desktop.ui.identity.lock import IdleLock

        self.window = window
        window.has_users = False  # type: ignore[attr-defined]
        self.banner = QToolBar("Peringatan tanpa login")
        self.banner.setObjectName("no_login_banner")
        self.banner.setMovable(False)
        self.banner.setStyleSheet("QToolBar#no_login_banner { background: #fff3cd; border: 1px solid #e0c36b; }")
        self.banner_label = QLabel(f"  {NO_LOGIN_TEXT}  ")
        self.banner_label.setObjectName("no_login_text")
        self.first_admin_button = QPushButton("Buat administrator pertama...")
        self.banner.addWidget(self.banner_label)
        self.banner.addWidget(self.first_admin_button)
        window.addToolBarBreak()
        window.addToolBar(self.banner)
        self.banner.hide()
        self.user_label = QLabel("")
        window.statusBar().addPermanentWidget(self.user_label)
        self.lock = IdleLock(window)
        window.idle_lock = self.lock  # type: ignore[attr-defined]

        self.act_users = QAction("Pengguna dan peran...", window)
        self.act_audit = QAction("Catatan audit...", window)
        self.act_lock = QAction("Kunci layar", window)
        self.act_lock.setShortcut(QKeySequence("Ctrl+L"))
        self.act_encrypt = QAction("Enkripsi basis data...", window)
        quit_action = window.act_quit
        for action in (self.act_users, self.act_audit, self.act_encrypt, self.act_lock):
            window.file_menu.insertAction(quit_action, action)
        window.file_menu.insertSeparator(quit_action)
        self.first_admin_button.clicked.connect(self.create_first_admin)
        self.act_users.triggered.connect(self.open_users)
        self.act_audit.triggered.connect(self.open_audit)
        self.act_lock.triggered.connect(self.lock.lock)
        self.act_encrypt.triggered.connect(self.open_encrypt)
        window.context.database_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        from ukom_desktop.domain.permissions import ROLE_LABELS

        window = self.window
        db = window.context.database
        actor = current_actor(window)
        has_users = False
        minutes = 0
        if db is not None:
            from ukom_desktop.services.access import users_exist
            from ukom_desktop.services.users import lock_minutes

            with window.context.session() as session:
                has_users = users_exist(session)
                minutes = lock_minutes(session)
        window.has_users = has_users  # type: ignore[attr-defined]
        self.banner.setVisible(db is not None and not has_users)
        if actor is not None:
            roles = ", ".join(ROLE_LABELS.get(r, r) for r in sorted(actor.roles))
            self.user_label.setText(f"Pengguna: {actor.label} - {roles}")
        else:
            self.user_label.setText("")
        for key, actions in TAB_ACTIONS.items():
            index = window.tabs.indexOf(window.pages[key])
            window.tabs.setTabVisible(index, any(allowed(window, a) for a in actions))
        self.act_users.setEnabled(db is not None and has_users and allowed(window, "pengguna.kelola"))
        self.act_users.setVisible(has_users and allowed(window, "pengguna.kelola"))
        self.act_audit.setEnabled(db is not None and allowed(window, "audit.lihat"))
        self.act_lock.setEnabled(actor is not None)
        self.act_encrypt.setEnabled(db is not None and db.file is not None and allowed(window, "basis_data.kelola"))
        window.act_backup.setEnabled(db is not None and allowed(window, "basis_data.kelola"))
        for hook in getattr(window, "permission_hooks", ()):  # feature areas hide what the user may not use
            hook()
        for name, action in (("act_package_export", "paket.buat"), ("act_package_import", "paket.gabung"),
                             ("act_package_conflicts", "paket.gabung")):
            if hasattr(window, name):  # issue 14's package menu: only for who may use it
                getattr(window, name).setEnabled(db is not None and allowed(window, action))
        self.lock.start(db, actor, minutes)

    def create_first_admin(self) -> None:
        from ukom_desktop.services.access import bind_actor
        from ukom_desktop.ui.identity.login import FirstAdminDialog

        db = self.window.context.database
        if db is None:
            return
        dialog = FirstAdminDialog(db, self.window)
        if dialog.exec() and dialog.actor is not None:
            bind_actor(db.sessions, dialog.actor)
            self.refresh()
            self.window.refresh_all()
            messages.info(self.window, f"Administrator {dialog.actor.username} dibuat dan sedang masuk. Mulai sekarang "
                                       "setiap orang masuk dengan akunnya sendiri.")

    def open_users(self) -> None:
        from ukom_desktop.ui.identity.users_dialog import UsersDialog

        UsersDialog(self.window.context, self.window).exec()

    def open_audit(self) -> None:
        from ukom_desktop.ui.identity.audit_dialog import AuditDialog

        AuditDialog(self.window.context, self.window).exec()

    def open_encrypt(self) -> None:
        from ukom_desktop.ui.identity.encrypt_dialog import EncryptDialog

        EncryptDialog(self.window, self.window).exec()


def install(window: MainWindow) -> None:
    window.identity = IdentityArea(window)  # type: ignore[attr-defined]


def hide_when_refused(window: QWidget, widget: QWidget, action: str) -> None:
    """For feature areas: hide a control the signed-in user may not use."""
    widget.setVisible(allowed(window, action))  # type: ignore[arg-type]
