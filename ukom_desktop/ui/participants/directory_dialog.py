"""The employee directory (stands in for e-HRM): import a staff export, fill contacts, missing-phone lists."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ukom_desktop.domain.nip import format_nip
from ukom_desktop.ui import messages
from ukom_desktop.ui.context import AppContext
from ukom_desktop.ui.geometry import fit_to_screen
from ukom_desktop.ui.icons import icon
from ukom_desktop.ui.models.record_table_model import Column, RecordTableModel
from ukom_desktop.ui.participants import prompts
from ukom_desktop.ui.widgets.record_table import RecordTable


class DirectoryDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.task: Any = None
        self.setWindowTitle("Direktori pegawai")
        fit_to_screen(self, 1050, 600)
        self._setup_ui()
        self._connect_signals()
        self.refresh()

    def _setup_ui(self) -> None:
        layout = QVBoxLayout(self)
        intro = QLabel("Direktori pegawai menggantikan basis data kontak e-HRM: impor ekspor data pegawai sekali, lalu "
                       "nomor HP dan surel peserta dilengkapi menurut NIP. Peserta yang masih tanpa nomor HP dikirim "
                       "ke kepegawaian unit sebagai berkas Excel, dan isiannya diimpor kembali.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        bar = QHBoxLayout()
        self.import_button = QPushButton(icon("import"), "Impor data pegawai...")
        self.fill_button = QPushButton(icon("search"), "Lengkapi kontak peserta kegiatan aktif")
        self.missing_button = QPushButton(icon("export"), "Daftar peserta tanpa nomor HP...")
        self.answers_button = QPushButton(icon("import"), "Impor isian dari kepegawaian...")
        for button in (self.import_button, self.fill_button, self.missing_button, self.answers_button):
            bar.addWidget(button)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.summary_label = QLabel()
        layout.addWidget(self.summary_label)
        self.model = RecordTableModel((
            Column("nip", "NIP", lambda r: r.nip, format_nip, width=165),
            Column("name", "Nama", lambda r: r.name, width=220),
            Column("golongan", "Gol.", lambda r: r.golongan, width=55),
            Column("jabatan", "Jabatan", lambda r: r.jabatan, width=200),
            Column("unit", "Unit kerja", lambda r: r.unit, width=200),
            Column("phone", "No. HP", lambda r: r.phone, width=115),
            Column("email", "Surel", lambda r: r.email, width=180),
            Column("source", "Sumber", lambda r: r.source, width=150),
        ))
        self.table = RecordTable(self.model, "directory")
        layout.addWidget(self.table, 1)
        close = QPushButton("Tutup")
        close.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)

    def _connect_signals(self) -> None:
        self.import_button.clicked.connect(self._on_import)
        self.fill_button.clicked.connect(self._on_fill)
        self.missing_button.clicked.connect(self._on_missing)
        self.answers_button.clicked.connect(self._on_answers)

    def refresh(self) -> None:
        from ukom_desktop.services.directory import directory_size, list_directory

        with self.context.session() as session:
            rows = list_directory(session)
            total, phones = directory_size(session)
        self.model.set_rows(rows)
        self.summary_label.setText(f"{total} pegawai dalam direktori, {phones} dengan nomor HP." if total else
                                   "Direktori masih kosong. Impor ekspor data pegawai dari e-HRM/SIMPEG.")
        has_event = self.context.event_id is not None
        for button in (self.fill_button, self.missing_button, self.answers_button):
            button.setEnabled(has_event)

    def import_file(self, path: str) -> None:
        from ukom_desktop.services.directory import import_directory
        from ukom_desktop.ui.background import run_in_background

        def work():  # type: ignore[no-untyped-def]
            with self.context.transaction() as session:
                return (yield from import_directory(session, path))

        def done(result: Any) -> None:
            self.refresh()
            messages.info(self, result.summary().capitalize() + ".", title="Direktori pegawai")

        self.task = run_in_background(self, work, title="Mengimpor data pegawai", on_done=done)

    def _on_import(self) -> None:
        path = prompts.open_file(self, "Impor data pegawai")
        if path:
            self.import_file(path)

    def _run(self, work: Any) -> Any:
        from ukom_desktop.ui.actions import in_transaction

        return in_transaction(self, self.context, work, level="warn").value

    def _on_fill(self) -> None:
        from ukom_desktop.services.directory import fill_contacts

        result = self._run(lambda s: fill_contacts(s, self.context.event_id))
        if result is not None:
            self.context.data_changed.emit("participants")
            messages.info(self, result.summary().capitalize() + ".")

    def _on_missing(self) -> None:
        from ukom_desktop.services.directory import export_missing_phones

        path = prompts.save_file(self, "Daftar peserta tanpa nomor HP", "peserta-tanpa-nomor-hp.xlsx")
        if path:
            count = self._run(lambda s: export_missing_phones(s, self.context.event_id, path))
            if count is not None:
                messages.info(self, f"{count} peserta tanpa nomor HP tersimpan di {path}.")

    def _on_answers(self) -> None:
        from ukom_desktop.services.directory import import_contact_list

        path = prompts.open_file(self, "Impor isian nomor HP")
        if path:
            result = self._run(lambda s: import_contact_list(s, self.context.event_id, path))
            if result is not None:
                self.refresh()
                self.context.data_changed.emit("participants")
                messages.info(self, result.summary().capitalize() + ".")
