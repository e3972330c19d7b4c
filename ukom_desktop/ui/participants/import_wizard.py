"""Participant import: choose a file, see every row's verdict (ok / peringatan / ditolak with the
reasons), then import the valid rows in one transaction or nothing. Reading and saving run in the
background with a progress bar and Batal, so a 20,000-row file never freezes the window."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ukom_desktop.ui import messages
from ukom_desktop.ui.context import AppContext
from ukom_desktop.ui.geometry import fit_to_screen
from ukom_desktop.ui.icons import icon
from ukom_desktop.ui.models.record_table_model import Column, RecordTableModel
from ukom_desktop.ui.participants import prompts
from ukom_desktop.ui.widgets.record_table import RecordTable

STATUS_TEXT = {"ok": "Siap", "peringatan": "Peringatan", "ditolak": "Ditolak", "perbarui": "Diperbarui",
               "dilewati": "Dilewati"}
FILTERS = (("Semua baris", None), ("Siap diimpor", "ok"), ("Peringatan", "peringatan"), ("Ditolak", "ditolak"),
           ("Diperbarui", "perbarui"), ("Dilewati", "dilewati"))


def _nip_text(nip: str) -> str:
    from ukom_desktop.domain.nip import format_nip

    return format_nip(nip)


class ImportWizard(QDialog):
    def __init__(self, context: AppContext, event_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.event_id = event_id
        self.path: str | None = None
        self.plan: Any = None
        self.result: Any = None
        self.task: Any = None
        self.setWindowTitle("Impor peserta dari lembar kerja")
        fit_to_screen(self, 1180, 660)
        self._setup_ui()
        self._connect_signals()
        self._update()

    def _setup_ui(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel("Berkas:"))
        self.file_edit = QLineEdit()
        self.file_edit.setReadOnly(True)
        self.file_edit.setPlaceholderText("xlsx, xls, ods atau csv dari e-HR / kepegawaian")
        top.addWidget(self.file_edit, 1)
        self.sheet_combo = QComboBox()
        self.sheet_combo.setVisible(False)
        top.addWidget(self.sheet_combo)
        self.choose_button = QPushButton(icon("open_db"), "Pilih berkas...")
        top.addWidget(self.choose_button)
        self.check_button = QPushButton(icon("refresh"), "Periksa ulang")
        top.addWidget(self.check_button)
        layout.addLayout(top)
        known_bar = QHBoxLayout()
        known_bar.addWidget(QLabel("Peserta yang sudah terdaftar di kegiatan ini (NIP sama):"))
        self.known_combo = QComboBox()
        from ukom_desktop.services.participant_reimport import KNOWN_MODES

        for key, text in KNOWN_MODES.items():
            self.known_combo.addItem(text, key)
        self.known_combo.setToolTip("Perbarui: kolom kosong diisi dan yang berubah diganti; pratinjau menunjukkan "
                                    "perubahannya per baris dan menandai nama yang berbeda. Lewati: baris dibiarkan.")
        known_bar.addWidget(self.known_combo)
        known_bar.addStretch(1)
        layout.addLayout(known_bar)
        self.summary_label = QLabel("Pilih berkas daftar peserta. Setiap baris diperiksa sebelum ada yang disimpan.")
        self.summary_label.setWordWrap(True)
        self.summary_label.setStyleSheet("font-weight: bold")
        layout.addWidget(self.summary_label)
        self.notes_label = QLabel()
        self.notes_label.setWordWrap(True)
        layout.addWidget(self.notes_label)
        filter_bar = QHBoxLayout()
        filter_bar.addWidget(QLabel("Tampilkan:"))
        self.filter_combo = QComboBox()
        for text, value in FILTERS:
            self.filter_combo.addItem(text, value)
        filter_bar.addWidget(self.filter_combo)
        filter_bar.addStretch(1)
        layout.addLayout(filter_bar)
        self.model = RecordTableModel((
            Column("row", "Baris", lambda v: v.row_number, align_right=True, width=55),
            Column("status", "Hasil", lambda v: v.status, lambda s: STATUS_TEXT.get(s, s), width=85),
            Column("reasons", "Alasan", lambda v: "; ".join(v.reasons), width=440),
            Column("nip", "NIP", lambda v: v.record.nip, _nip_text, width=168),
            Column("name", "Nama", lambda v: v.record.name, width=160),
            Column("golongan", "Gol.", lambda v: v.record.golongan or "", width=55),
            Column("unit", "Unit kerja", lambda v: v.record.unit, width=160),
            Column("phone", "No. HP", lambda v: v.record.phone, width=115),
        ))
        self.table = RecordTable(self.model, "import_preview")
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        bottom.addWidget(self.result_label, 1)
        self.import_button = QPushButton(icon("import"), "Impor baris yang sah")
        self.close_button = QPushButton("Tutup")
        self.rejected_button = QPushButton(icon("export"), "Ekspor baris ditolak...")
        self.rejected_button.setToolTip("Simpan baris yang ditolak beserta alasannya sebagai berkas Excel untuk "
                                        "dikirim kembali ke kepegawaian")
        bottom.addWidget(self.rejected_button)
        bottom.addWidget(self.import_button)
        bottom.addWidget(self.close_button)
        layout.addLayout(bottom)

    def _connect_signals(self) -> None:
        self.choose_button.clicked.connect(self._on_choose)
        self.check_button.clicked.connect(lambda: self.start_preview())
        self.sheet_combo.activated.connect(lambda _i: self.start_preview())
        self.known_combo.currentIndexChanged.connect(lambda _i: self.start_preview() if self.path else None)
        self.filter_combo.currentIndexChanged.connect(lambda _i: self._show_rows())
        self.import_button.clicked.connect(self.start_commit)
        self.rejected_button.clicked.connect(lambda: self.export_rejected())
        self.close_button.clicked.connect(self.accept)

    # -- file and preview ------------------------------------------------------------------------
    def _on_choose(self) -> None:
        path = prompts.open_file(self, "Pilih daftar peserta")
        if path:
            self.load(path)

    def load(self, path: str) -> None:
        """Take a file and start its preview."""
        from ukom_desktop.io.spreadsheet_reader import SpreadsheetError, list_sheets

        self.path = path
        self.file_edit.setText(path)
        self.sheet_combo.clear()
        try:
            sheets = list_sheets(path)
        except (SpreadsheetError, OSError):
            sheets = []  # the preview explains what is wrong with the file
        self.sheet_combo.addItems(sheets)
        self.sheet_combo.setVisible(len(sheets) > 1)
        self.start_preview()

    def start_preview(self) -> None:
        from ukom_desktop.services.participant_import import preview_import
        from ukom_desktop.ui.background import run_in_background

        if not self.path:
            return
        path = self.path
        sheet = self.sheet_combo.currentText() if self.sheet_combo.count() > 1 else None
        known = self.known_combo.currentData()
        self.plan = None
        self.result = None
        self.result_label.clear()
        self.model.set_rows([])
        self.summary_label.setText("Memeriksa berkas...")
        self._update()

        def work():  # type: ignore[no-untyped-def]
            with self.context.session() as session:
                return (yield from preview_import(session, self.event_id, path, sheet, known))

        self.task = run_in_background(self, work, title="Memeriksa daftar peserta", on_done=self._on_preview,
                                      on_error=self._on_error, on_cancel=self._on_cancel)

    def _on_preview(self, plan: Any) -> None:
        self.plan = plan
        preview = plan.preview
        self.summary_label.setText(plan.summary() + ".")
        lines = [f"<span style='color:#b00020'>{p}</span>" for p in preview.problems]
        if preview.header_row_number:
            lines.append(f"Judul kolom ditemukan di baris {preview.header_row_number} lembar '{preview.sheet_name}'.")
        lines += list(preview.notes)
        lines += [f"Jabatan sasaran '{name}' ({count} peserta) belum ada dalam daftar jabatan; kolom itu dibiarkan "
                  "kosong." for name, count in sorted(plan.unknown_positions.items())]
        self.notes_label.setText("<br>".join(lines))
        self._show_rows()
        self._update()

    def _show_rows(self) -> None:
        if self.plan is None:
            return
        wanted = self.filter_combo.currentData()
        rows = self.plan.preview.rows
        self.model.set_rows([r for r in rows if wanted is None or r.status == wanted])

    def _on_error(self, exc: BaseException, details: str) -> None:
        from ukom_desktop.ui.actions import describe_error

        text = describe_error(exc)
        if text is None:
            messages.unexpected(self, f"Pemeriksaan berkas gagal ({exc.__class__.__name__}).", details)
            text = "Berkas tidak dapat diperiksa."
        self.summary_label.setText(text)
        self.notes_label.clear()
        self._update()

    def _on_cancel(self) -> None:
        self.summary_label.setText("Dibatalkan. Tidak ada data yang disimpan.")
        self._update()

    def export_rejected(self, path: str | None = None) -> Any:
        """Write the refused rows with their reasons to an xlsx file, in the background; returns the task."""
        from ukom_desktop.services.import_rejections import write_rejected_rows
        from ukom_desktop.ui.actions import write_file_in_background

        if self.plan is None:
            return None
        preview = self.plan.preview
        if path is None:
            from pathlib import Path

            from PySide6.QtWidgets import QFileDialog

            suggested = str(Path(self.path or "peserta").with_name(f"{Path(self.path or 'peserta').stem} - ditolak.xlsx"))
            path, _ = QFileDialog.getSaveFileName(self, "Simpan baris yang ditolak", suggested,
                                                  "Buku kerja Excel (*.xlsx)")
            if not path:
                return None
            if not path.lower().endswith(".xlsx"):
                path += ".xlsx"
        target = path

        def done(count: int) -> None:
            self.result_label.setText(f"{count} baris ditolak beserta alasannya tersimpan di {target}.")

        return write_file_in_background(self, lambda: write_rejected_rows(preview, target),
                                        title="Menyimpan baris yang ditolak...", on_done=done)

    # -- commit ------------------------------------------------------------------------------------
    def start_commit(self) -> None:
        from ukom_desktop.services.participant_import import commit_import
        from ukom_desktop.ui.background import run_in_background

        plan = self.plan
        if plan is None or not plan.can_import or self.result is not None:
            return

        def work():  # type: ignore[no-untyped-def]
            with self.context.transaction() as session:
                return (yield from commit_import(session, plan))

        self.import_button.setEnabled(False)
        self.task = run_in_background(self, work, title="Menyimpan peserta", on_done=self._on_committed,
                                      on_error=self._on_commit_error, on_cancel=self._on_commit_cancel)

    def _on_committed(self, result: Any) -> None:
        self.result = result
        self.result_label.setText(
            f"Selesai: diimpor {result.imported} (baru {result.created}, ditautkan {result.linked}), "
            f"diperbarui {result.updated}, ditolak {result.rejected}."
            + (f" Nomor peserta {result.first_number}-{result.last_number}." if result.imported else "")
        )
        self.context.data_changed.emit("participants")
        self._update()

    def _on_commit_error(self, exc: BaseException, details: str) -> None:
        from ukom_desktop.ui.actions import describe_error

        text = describe_error(exc)
        if text is None:
            messages.unexpected(self, f"Impor gagal ({exc.__class__.__name__}); tidak ada yang disimpan.", details)
        else:
            messages.warn(self, text)
        self._update()

    def _on_commit_cancel(self) -> None:
        self.result_label.setText("Impor dibatalkan. Tidak ada data yang disimpan.")
        self._update()

    def _update(self) -> None:
        plan = self.plan
        ready = plan is not None and plan.can_import and self.result is None
        count = len(plan.preview.valid_records()) if ready else 0
        self.import_button.setEnabled(ready)
        self.rejected_button.setEnabled(plan is not None and plan.preview.rejected_count > 0)
        self.import_button.setText(f"Impor {count} baris yang sah" if ready else "Impor baris yang sah")
        self.check_button.setEnabled(self.path is not None)
