"""The main window: tabs, current-event selector, menus, toolbar and status bar."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QComboBox, QFileDialog, QLabel, QMainWindow, QTabWidget, QWidget

from ukom_desktop import APP_NAME, __version__
from ukom_desktop.ui import messages
from ukom_desktop.ui.context import AppContext
from ukom_desktop.ui.icons import icon
from ukom_desktop.ui.widgets.lazy_page import LazyPage

# Each feature module has install(window): it adds its menu actions (and may replace a tab's content).
# Keep these modules light at import time; dialogs are imported inside their slots.
FEATURE_MODULES: tuple[str, ...] = ("ukom_desktop.ui.schedule.menu", "ukom_desktop.ui.scoring.menu",
                                     "ukom_desktop.ui.documents.menu", "ukom_desktop.ui.competency.menu",
                                     "ukom_desktop.ui.events.menu", "ukom_desktop.ui.qc.menu",
                                     "ukom_desktop.ui.packages.menu",
                                     "ukom_desktop.ui.identity.menu",
                                     "ukom_desktop.ui.materials.menu",
                                     "ukom_desktop.ui.help.menu", "ukom_desktop.ui.home.timetables_menu",
                                     "ukom_desktop.ui.administration.menu",
                                     "ukom_desktop.ui.identity.gating")  # last: sees every area's entries

# The tabs in order: attribute name, title, icon, "module:Class" (a RecordTab or any QWidget taking the
# AppContext). A tab's module is imported and its page built when it is first shown or first asked for, so
# the window frame appears before any of them is loaded.
TAB_SPECS: tuple[tuple[str, str, str, str], ...] = (
    ("home_tab", "Beranda", "home", "ukom_desktop.ui.home.tab:HomeTab"),
    ("events_tab", "Kegiatan", "events", "ukom_desktop.ui.tabs.events_tab:EventsTab"),
    ("participants_tab", "Peserta", "participants", "ukom_desktop.ui.tabs.participants_tab:ParticipantsTab"),
    ("assessors_tab", "Asesor", "assessors", "ukom_desktop.ui.tabs.assessors_tab:AssessorsTab"),
    ("schedule_tab", "Jadwal", "schedule", "ukom_desktop.ui.tabs.schedule_tab:ScheduleTab"),
    ("scoring_tab", "Penilaian", "edit", "ukom_desktop.ui.scoring.tab:ScoringTab"),
    ("qc_tab", "QC Laporan", "qc", "ukom_desktop.ui.tabs.qc_tab:QcTab"),
)


class MainWindow(QMainWindow):
    database_opened = Signal()

    def __init__(self, database_url: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database_url = database_url
        self.context = AppContext(self)
        self.setWindowTitle(APP_NAME)
        self._setup_ui()
        self._connect_signals()
        self._features_installed = False
        self._restore_geometry()

    # -- construction -------------------------------------------------------------------------
    def _setup_ui(self) -> None:
        self.tabs = QTabWidget()
        self.pages: dict[str, LazyPage] = {}
        for key, title, icon_name, target in TAB_SPECS:
            page = LazyPage(lambda target=target: self._make_tab(target),
                            lambda widget, key=key: self._on_tab_created(key, widget))
            self.pages[key] = page
            self.tabs.addTab(page, icon(icon_name), title)
        self.setCentralWidget(self.tabs)

        self.event_combo = QComboBox()
        self.event_combo.setMinimumWidth(380)
        self.event_combo.setToolTip("Kegiatan aktif: tab Peserta, Jadwal dan QC Laporan menampilkan datanya")
        self._make_actions()
        self._make_menus()
        self._make_toolbar()
        self.db_label = QLabel("Membuka basis data...")
        self.statusBar().addPermanentWidget(self.db_label)

    def _make_actions(self) -> None:
        self.act_open_db = QAction(icon("open_db"), "Buka basis data...", self)
        self.act_open_db.setShortcut(QKeySequence.StandardKey.Open)
        self.act_new_db = QAction(icon("new_db"), "Basis data baru...", self)
        self.act_new_db.setShortcut(QKeySequence.StandardKey.New)
        self.act_backup = QAction(icon("backup"), "Cadangkan basis data...", self)
        self.act_restore = QAction(icon("open_db"), "Pulihkan dari cadangan...", self)
        self.act_server = QAction(icon("open_db"), "Hubungkan ke server...", self)
        self.act_quit = QAction(icon("quit"), "Keluar", self)
        self.act_quit.setShortcut(QKeySequence.StandardKey.Quit)
        self.act_refresh = QAction(icon("refresh"), "Muat ulang", self)
        self.act_refresh.setShortcut(QKeySequence.StandardKey.Refresh)
        self.act_about = QAction(icon("about"), "Tentang UKOM Desktop", self)
        self.act_setup = QAction(icon("settings"), "Penyiapan awal...", self)

    def _make_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("&Berkas")
        for action in (self.act_open_db, self.act_new_db, self.act_server, self.act_backup, self.act_restore,
                       self.act_setup):
            self.file_menu.addAction(action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.act_quit)
        self.data_menu = bar.addMenu("&Data")
        self.data_menu.addAction(self.act_refresh)
        self.data_menu.addSeparator()
        self.print_menu = bar.addMenu("&Cetak")
        self.help_menu = bar.addMenu("Ban&tuan")
        self.help_menu.addAction(self.act_about)

    def _make_toolbar(self) -> None:
        self.toolbar = self.addToolBar("Utama")
        self.toolbar.setObjectName("main_toolbar")
        self.toolbar.addWidget(QLabel(" Kegiatan aktif: "))
        self.toolbar.addWidget(self.event_combo)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.act_refresh)
        self.toolbar.addAction(self.act_backup)

    def _connect_signals(self) -> None:
        self.act_open_db.triggered.connect(self._on_open_database)
        self.act_new_db.triggered.connect(self._on_new_database)
        self.act_backup.triggered.connect(self._on_backup)
        self.act_restore.triggered.connect(self._on_restore)
        self.act_server.triggered.connect(self._on_server)
        self.act_quit.triggered.connect(self.close)
        self.act_refresh.triggered.connect(self.refresh_all)
        self.act_about.triggered.connect(self._on_about)
        self.act_setup.triggered.connect(self.show_setup_wizard)
        self.event_combo.currentIndexChanged.connect(self._on_event_combo)
        self.context.database_changed.connect(self._on_database_changed)
        self.context.data_changed.connect(lambda _what: self.refresh_all())

    def _install_features(self) -> None:
        import importlib

        for name in FEATURE_MODULES:
            importlib.import_module(name).install(self)
        self.print_menu.menuAction().setVisible(not self.print_menu.isEmpty())

    def _make_tab(self, target: str) -> QWidget:
        import importlib

        module_name, class_name = target.split(":")
        return getattr(importlib.import_module(module_name), class_name)(self.context)

    def _on_tab_created(self, key: str, widget: QWidget) -> None:
        for hook in getattr(self, "tab_created_hooks", ()):  # the permission table hides refused buttons
            hook(key, widget)
        if key == "events_tab":
            widget.event_chosen.connect(self.select_event)  # type: ignore[attr-defined]
        elif key == "home_tab":
            widget.open_tab.connect(self.show_tab)  # type: ignore[attr-defined]

    def tab(self, key: str) -> QWidget:
        """The tab's widget, built now if it was not shown yet."""
        return self.pages[key].widget()

    def show_tab(self, key: str) -> QWidget:
        self.tabs.setCurrentWidget(self.pages[key])
        return self.tab(key)

    def record_tabs(self) -> list[QWidget]:
        """The tabs built so far (the others load fresh data when first shown)."""
        return [page.widget() for page in self.pages.values() if page.is_created]

    # -- database -----------------------------------------------------------------------------
    def finish_startup(self) -> None:
        """What can wait until the frame is on screen: the feature areas' menu actions, and touches that
        need the Qt namespace (about 20 ms on first use). Runs once, before the database opens."""
        if self._features_installed:
            return
        from PySide6.QtCore import Qt

        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self._install_features()
        self._features_installed = True

    def open_database(self, url: str | None = None, *, allow_empty: bool = False) -> bool:
        """Open (creating and upgrading as needed) a database; tell the user in words when it fails."""
        self.finish_startup()
        from ukom_desktop.services.database_access import open_for_window
        from ukom_desktop.ui import single_instance
        from ukom_desktop.ui.actions import run_action
        from ukom_desktop.ui.identity.encrypt_dialog import ask_key
        from ukom_desktop.ui.server_login import complete_for_window, keep_password

        login = complete_for_window(self, url if url is not None else self.database_url)
        if login.url is None:
            return False
        if not single_instance.claim(self, login.url):  # another window holds the file: told, nothing opened
            if self.context.database is None:
                self.db_label.setText("Tidak ada basis data yang terbuka")
            return False
        self.db_label.setText("Membuka basis data...")
        target = login.url
        opened = run_action(self, lambda: open_for_window(
            target, ask_key=lambda name, problem: ask_key(self, name, problem),  # an encrypted file's key
            confirm_empty=self._confirm_empty_file, allow_empty=allow_empty,
        ), report=lambda text: messages.error(self, f"Basis data tidak dapat dibuka.\n\n{text}"))
        database = opened.value
        if database is None:  # told why, or the user declined an empty file
            single_instance.settle(self, False)
            self.db_label.setText("Tidak ada basis data yang terbuka")
            return False
        keep_password(self, login)
        from ukom_desktop.ui.identity.login import sign_in

        if not sign_in(self, database):  # issue 13: a database with users shows nothing before a login
            single_instance.settle(self, False)
            database.dispose()
            self.db_label.setText("Tidak ada basis data yang terbuka")
            return False
        self.database_url = database.url
        self.context.set_database(database)
        for warning in database.warnings:  # backup failed, network drive: said once, never a blocker
            messages.warn(self, warning)
        single_instance.settle(self, True)
        if database.upgraded_from:
            self.statusBar().showMessage(
                f"Basis data diperbarui dari revisi {database.upgraded_from}; cadangan: {database.backup_made}",
                15000,
            )
        if database.created:  # a new database: the first-run setup (every page can be skipped) instead of
            # the profile offer of the documents area
            getattr(self, "documents_profile_offered", set()).add(database.url)
            from PySide6.QtCore import QTimer

            QTimer.singleShot(0, self.show_setup_wizard)
        self.database_opened.emit()
        return True

    def _confirm_empty_file(self, path: object) -> bool:
        """A 0-byte file never becomes a database without asking."""
        return messages.confirm(self, f"Berkas {path} kosong (0 byte). Jadikan berkas ini basis data UKOM "
                                      "Desktop yang baru?", "Berkas kosong")

    def open_package(self, path: str) -> None:
        """A .ukom package given at start (double-clicked): handed to the assessor-package area when it
        is installed (a feature module that sets `package_opener`), otherwise told in words."""
        opener = getattr(self, "package_opener", None)
        if opener is not None:
            opener(path)
            return
        messages.info(self, f"Paket {path} belum dapat dibuka oleh versi aplikasi ini.")

    def show_setup_wizard(self) -> QWidget | None:
        """Penyiapan awal, window-modal and not blocking (Berkas > Penyiapan awal, or on a new database)."""
        if self.context.database is None:
            return None
        from ukom_desktop.ui.setup.wizard import SetupWizard

        wizard = SetupWizard(self.context, self)
        wizard.open()
        self.setup_wizard = wizard
        return wizard

    def _on_database_changed(self) -> None:
        db = self.context.database
        read_only = bool(db is not None and db.read_only)
        suffix = " (hanya-baca)" if read_only else ""
        self.db_label.setText(db.description + suffix if db else "Tidak ada basis data yang terbuka")
        self.setWindowTitle(f"{APP_NAME} - {db.description}{suffix}" if db else APP_NAME)
        self._show_read_only_banner(read_only)
        self.reload_events(select=self.context.remembered_event())

    def _show_read_only_banner(self, shown: bool) -> None:
        """A band above the tabs while the database can only be read (its file or folder is not writable)."""
        bar = getattr(self, "read_only_bar", None)
        if bar is None and shown:
            from PySide6.QtCore import Qt
            from PySide6.QtWidgets import QToolBar

            bar = QToolBar("Hanya-baca", self)
            bar.setMovable(False)
            bar.setFloatable(False)
            bar.toggleViewAction().setVisible(False)
            label = QLabel("Hanya-baca: berkas basis data atau foldernya tidak dapat ditulis. Data dapat dilihat "
                           "dan dicetak; perubahan tidak dapat disimpan.")
            label.setStyleSheet("background: #fff3cd; color: #664d03; padding: 6px; font-weight: bold;")
            bar.addWidget(label)
            self.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)
            self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
            self.read_only_bar = bar
        if bar is not None:
            bar.setVisible(shown)

    def reload_events(self, select: int | None = None) -> None:
        current = select if select is not None else self.context.event_id
        self.event_combo.blockSignals(True)
        self.event_combo.clear()
        rows = []
        if self.context.database is not None:
            from ukom_desktop.services.listings import list_events

            with self.context.session() as session:
                rows = list_events(session)
        for row in rows:
            self.event_combo.addItem(f"{row.code} - {row.name}", row.id)
        index = self.event_combo.findData(current) if current is not None else -1
        if index < 0 and rows:
            index = 0
        self.event_combo.setCurrentIndex(index)
        self.event_combo.blockSignals(False)
        self.context.set_event(self.event_combo.itemData(index) if index >= 0 else None)

    def select_event(self, event_id: int) -> None:
        index = self.event_combo.findData(event_id)
        if index >= 0:
            self.event_combo.setCurrentIndex(index)

    def _on_event_combo(self, index: int) -> None:
        self.context.set_event(self.event_combo.itemData(index) if index >= 0 else None)

    def refresh_all(self) -> None:
        self.reload_events()
        for tab in self.record_tabs():
            if hasattr(tab, "mark_dirty"):
                tab.mark_dirty()

    def _on_open_database(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Buka basis data", "", "Basis data UKOM (*.sqlite *.db);;Semua berkas (*)"
        )
        if path:
            self.open_database(path)

    def _on_new_database(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Basis data baru", "ukom.sqlite", "Basis data UKOM (*.sqlite)")
        if path:
            self.open_database(path)

    def _on_backup(self) -> None:
        from ukom_desktop.services.database_access import backup_copy
        from ukom_desktop.ui.actions import run_action

        db = self.context.database
        if db is None or db.file is None:
            messages.info(self, "Pencadangan dari aplikasi hanya untuk berkas SQLite. Server PostgreSQL "
                                "dicadangkan oleh pengelola server dengan pg_dump.")
            return
        path, _ = QFileDialog.getSaveFileName(self, "Simpan cadangan", f"{db.file.stem}-cadangan.sqlite",
                                              "Basis data UKOM (*.sqlite)")
        if not path:
            return
        from pathlib import Path

        source = db.file
        made = run_action(self, lambda: backup_copy(source, Path(path)))
        if made:
            self.statusBar().showMessage(f"Cadangan tersimpan: {made.value}", 10000)

    def _on_server(self) -> None:
        from ukom_desktop.ui.server_login import ask_server_address

        address = ask_server_address(self)
        if address:
            self.open_database(address)

    def _on_restore(self) -> None:
        from ukom_desktop.ui.dialogs.restore_dialog import restore_from_backup

        restore_from_backup(self)

    def _on_about(self) -> None:
        from ukom_desktop.logging_setup import setup_logging

        db = self.context.database
        messages.info(
            self,
            f"{APP_NAME} versi {__version__}\n\n"
            "Aplikasi penilaian kompetensi ASN: kegiatan, peserta, asesor, jadwal, penilaian, laporan dan QC.\n\n"
            f"Basis data: {db.description if db else '(tidak ada)'}\n"
            f"Berkas log: {setup_logging()}",
            title=f"Tentang {APP_NAME}",
        )

    # -- geometry -----------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        settings = QSettings()
        geometry = settings.value("main_window/geometry")
        if geometry:
            self.restoreGeometry(geometry)
        if not geometry or self.width() < 640 or self.height() < 400:
            # First start, or a size saved on a smaller screen: a comfortable size that fits this screen.
            screen = self.screen().availableGeometry()
            self.resize(min(1280, screen.width()), min(800, screen.height()))
        state = settings.value("main_window/state")
        if state:
            self.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        settings = QSettings()
        settings.setValue("main_window/geometry", self.saveGeometry())
        settings.setValue("main_window/state", self.saveState())
        for tab in self.record_tabs():
            if getattr(tab, "is_built", False):
                tab.table.save_columns()
        if self.context.database is not None:
            self.context.database.dispose()
        from ukom_desktop.ui import single_instance

        single_instance.release(self)
        super().closeEvent(event)


for _key, *_rest in TAB_SPECS:
    setattr(MainWindow, _key, property(lambda self, key=_key: self.tab(key)))
