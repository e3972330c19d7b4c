"""The main window: tabs, current-event selector, menus, toolbar and status bar."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QComboBox, QFileDialog, QLabel, QMainWindow, QTabWidget, QWidget

from ukom_desktop import APP_NAME, __version__
from ukom_desktop.ui import messages
from ukom_desktop.ui.context import AppContext
from ukom_desktop.ui.icons import icon
from ukom_desktop.ui.tabs.assessors_tab import AssessorsTab
from ukom_desktop.ui.tabs.base import RecordTab
from ukom_desktop.ui.tabs.events_tab import EventsTab
from ukom_desktop.ui.tabs.participants_tab import ParticipantsTab
from ukom_desktop.ui.tabs.qc_tab import QcTab
from ukom_desktop.ui.tabs.schedule_tab import ScheduleTab

# Each feature module has install(window): it adds its menu actions (and may replace a tab's content).
# Keep these modules light at import time; dialogs are imported inside their slots.
FEATURE_MODULES: tuple[str, ...] = ()

TAB_ICONS = {"Kegiatan": "events", "Peserta": "participants", "Asesor": "assessors", "Jadwal": "schedule",
             "QC Laporan": "qc"}


class MainWindow(QMainWindow):
    database_opened = Signal()

    def __init__(self, database_url: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database_url = database_url
        self.context = AppContext(self)
        self.setWindowTitle(APP_NAME)
        self._setup_ui()
        self._connect_signals()
        self._install_features()
        self._restore_geometry()

    # -- construction -------------------------------------------------------------------------
    def _setup_ui(self) -> None:
        self.tabs = QTabWidget()
        self.events_tab = EventsTab(self.context)
        self.participants_tab = ParticipantsTab(self.context)
        self.assessors_tab = AssessorsTab(self.context)
        self.schedule_tab = ScheduleTab(self.context)
        self.qc_tab = QcTab(self.context)
        for tab in self.record_tabs():
            self.tabs.addTab(tab, icon(TAB_ICONS[tab.title]), tab.title)
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
        self.act_quit = QAction(icon("quit"), "Keluar", self)
        self.act_quit.setShortcut(QKeySequence.StandardKey.Quit)
        self.act_refresh = QAction(icon("refresh"), "Muat ulang", self)
        self.act_refresh.setShortcut(QKeySequence.StandardKey.Refresh)
        self.act_about = QAction(icon("about"), "Tentang UKOM Desktop", self)

    def _make_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("&Berkas")
        for action in (self.act_open_db, self.act_new_db, self.act_backup):
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
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.addWidget(QLabel(" Kegiatan aktif: "))
        self.toolbar.addWidget(self.event_combo)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.act_refresh)
        self.toolbar.addAction(self.act_backup)

    def _connect_signals(self) -> None:
        self.act_open_db.triggered.connect(self._on_open_database)
        self.act_new_db.triggered.connect(self._on_new_database)
        self.act_backup.triggered.connect(self._on_backup)
        self.act_quit.triggered.connect(self.close)
        self.act_refresh.triggered.connect(self.refresh_all)
        self.act_about.triggered.connect(self._on_about)
        self.event_combo.currentIndexChanged.connect(self._on_event_combo)
        self.events_tab.event_chosen.connect(self.select_event)
        self.context.database_changed.connect(self._on_database_changed)
        self.context.data_changed.connect(lambda _what: self.refresh_all())

    def _install_features(self) -> None:
        import importlib

        for name in FEATURE_MODULES:
            importlib.import_module(name).install(self)
        self.print_menu.menuAction().setVisible(not self.print_menu.isEmpty())

    def record_tabs(self) -> list[RecordTab]:
        return [self.events_tab, self.participants_tab, self.assessors_tab, self.schedule_tab, self.qc_tab]

    # -- database -----------------------------------------------------------------------------
    def open_database(self, url: str | None = None) -> bool:
        """Open (creating and upgrading as needed) a database; tell the user in words when it fails."""
        from ukom_desktop.db.database import open_database
        from ukom_desktop.errors import user_message

        target = url if url is not None else self.database_url
        self.db_label.setText("Membuka basis data...")
        try:
            database = open_database(target)
        except Exception as exc:  # noqa: BLE001 - shown to the user in words, logged when unexpected
            text = user_message(exc)
            if text is None:
                raise
            self.db_label.setText("Tidak ada basis data yang terbuka")
            messages.error(self, f"Basis data tidak dapat dibuka.\n\n{text}")
            return False
        if database.created:
            from ukom_desktop.services.reference_data import ensure_reference_data

            with database.sessions.begin() as session:
                ensure_reference_data(session)
        self.database_url = database.url
        self.context.set_database(database)
        if database.upgraded_from:
            self.statusBar().showMessage(
                f"Basis data diperbarui dari revisi {database.upgraded_from}; cadangan: {database.backup_made}",
                15000,
            )
        self.database_opened.emit()
        return True

    def _on_database_changed(self) -> None:
        db = self.context.database
        self.db_label.setText(db.description if db else "Tidak ada basis data yang terbuka")
        self.setWindowTitle(f"{APP_NAME} - {db.description}" if db else APP_NAME)
        self.reload_events(select=self.context.remembered_event())

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
        from ukom_desktop.db.backup import backup_sqlite

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

        made = backup_sqlite(db.file, Path(path))
        self.statusBar().showMessage(f"Cadangan tersimpan: {made}", 10000)

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
            if tab.is_built:
                tab.table.save_columns()
        if self.context.database is not None:
            self.context.database.dispose()
        super().closeEvent(event)
