"""The print dialog of one kind of event document: options, destination, printing off the UI thread
with a progress bar and Batal, then opening the result in the system viewer."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ukom_desktop.ui import messages
from ukom_desktop.ui.actions import status_message
from ukom_desktop.ui.context import AppContext
from ukom_desktop.ui.widgets.date_field import DateField

LETTERS = ("undangan", "pemanggilan")
NUMBERED = ("undangan", "pemanggilan", "surat_tugas", "berita_acara")
WITH_COPIES = ("undangan", "pemanggilan", "surat_tugas")


def open_result(path: Path) -> None:
    """Open a PDF (or a folder) in the system viewer; tests replace this."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class PrintDialog(QDialog):
    def __init__(self, context: AppContext, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from ukom_desktop.services.document_printing import PRINT_KINDS

        self.context = context
        self.kind = kind
        self.title = PRINT_KINDS[kind]
        self.task: Any = None
        self.result: Any = None
        self.setWindowTitle(f"Cetak {self.title}")
        self.setMinimumWidth(620)
        self._load()
        self._setup_ui()
        self._connect_signals()
        self._update_mode()

    # -- construction -------------------------------------------------------------------------
    def _load(self) -> None:
        from ukom_desktop.services.event_documents import DEFAULT_TIME, SUBJECTS
        from ukom_desktop.services.print_setup import load_print_setup

        with self.context.session() as session:
            self.setup = setup = load_print_setup(session, self.context.event_id, self.kind)
        self.event_id = setup.event_id
        self.event_code = setup.event_code
        self.event_label = setup.event_label
        self.event_end = setup.event_end
        self.waves = list(setup.waves)
        self.paper = setup.paper
        self.contact = setup.contact
        self.copies = list(setup.copies)
        self.event_start = setup.event_start
        self.default_subject = SUBJECTS.get(self.kind, "")
        self.default_time = DEFAULT_TIME

    def _setup_ui(self) -> None:
        layout = QVBoxLayout(self)
        form = QFormLayout()
        event_label = QLabel(self.event_label)
        event_label.setWordWrap(True)
        form.addRow("Kegiatan:", event_label)
        from ukom_desktop.domain.letter_dates import default_letter_date

        first = default_letter_date(self.kind, date.today(), self.event_start, self.event_end)
        self.date_edit = DateField(first, anchor=self.setup.event_start)
        form.addRow("Tanggal naskah:", self.date_edit)
        self.date_warning = QLabel()
        self.date_warning.setWordWrap(True)
        self.date_warning.setStyleSheet("color: #8a5a00")
        form.addRow("", self.date_warning)
        self._on_date_changed()
        self.wave_combo = QComboBox()
        self.wave_combo.addItem("Semua gelombang", None)
        for number in self.waves:
            self.wave_combo.addItem(f"Gelombang {number}", number)
        form.addRow("Gelombang:", self.wave_combo)
        self.paper_combo = QComboBox()
        self.paper_combo.addItems(["A4", "F4"])
        self.paper_combo.setCurrentText(self.paper)
        form.addRow("Ukuran kertas:", self.paper_combo)

        self.sifat_combo = QComboBox()
        self.subject_edit = QLineEdit(self.default_subject)
        self.contact_edit = QLineEdit(self.contact)
        self.contact_edit.setPlaceholderText("mis. Sdr. Andi Wijaya (0812 3456 7890)")
        self.time_edit = QLineEdit(self.default_time)
        self.mode_group = QButtonGroup(self)
        self.mode_merged = QRadioButton("Satu surat per peserta, digabung dalam satu berkas PDF")
        self.mode_files = QRadioButton("Satu berkas PDF per peserta, dinamai NIP_Nama.pdf")
        self.mode_collective = QRadioButton("Satu surat kolektif dengan daftar peserta sebagai lampiran")
        if self.kind in LETTERS:
            self.sifat_combo.setEditable(True)
            self.sifat_combo.addItems(["Biasa", "Segera", "Sangat Segera"])
            form.addRow("Sifat:", self.sifat_combo)
            form.addRow("Hal:", self.subject_edit)
            form.addRow("Waktu:", self.time_edit)
            form.addRow("Narahubung:", self.contact_edit)
            modes = QVBoxLayout()
            for index, button in enumerate((self.mode_merged, self.mode_files, self.mode_collective)):
                self.mode_group.addButton(button, index)
                modes.addWidget(button)
            self.mode_merged.setChecked(True)
            form.addRow("Bentuk:", modes)
        self.copies_edit = QPlainTextEdit("\n".join(self.copies))
        self.copies_edit.setPlaceholderText("satu baris per tujuan tembusan, mis. Sekretaris Jenderal")
        self.copies_edit.setFixedHeight(70)
        if self.kind in WITH_COPIES:
            form.addRow("Tembusan:", self.copies_edit)
        self.session_combo = QComboBox()
        self.session_combo.addItem("Per sesi jadwal bila jadwal sudah disusun", None)
        self.session_combo.addItem("Per sesi jadwal", True)
        self.session_combo.addItem("Per gelombang per hari", False)
        if self.kind == "daftar_hadir":
            form.addRow("Lembar:", self.session_combo)
        self.letterhead_check = QCheckBox("Cetak dengan kop surat")
        if self.kind in ("daftar_hadir", "susunan_acara"):
            form.addRow("", self.letterhead_check)
        self.renumber_check = QCheckBox("Beri nomor dan tanggal baru (terbitkan ulang)")
        if self.kind in NUMBERED:
            form.addRow("Nomor:", self.renumber_check)
            note = QLabel("Naskah yang pernah terbit dicetak ulang dengan nomor dan tanggal yang sama.")
            note.setWordWrap(True)
            note.setStyleSheet("color: palette(mid);")
            form.addRow("", note)

        self.out_edit = QLineEdit()
        browse = QPushButton("Pilih...")
        browse.clicked.connect(self._on_browse)
        row = QHBoxLayout()
        row.addWidget(self.out_edit, 1)
        row.addWidget(browse)
        form.addRow("Simpan ke:", row)
        self.open_check = QCheckBox("Buka hasilnya setelah selesai")
        self.open_check.setChecked(QSettings().value("documents/open_after_print", True, type=bool))
        form.addRow("", self.open_check)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Batal")
        self.print_button = self.buttons.addButton("Cetak", QDialogButtonBox.ButtonRole.AcceptRole)
        layout.addWidget(self.buttons)

    def _on_date_changed(self) -> None:
        """A letter dated on or after the event's first day, or on a weekend, is flagged as it is chosen."""
        from ukom_desktop.domain.letter_dates import letter_date_warnings

        chosen = self.date_edit.date()
        warnings = letter_date_warnings(self.kind, chosen, self.event_start) if chosen is not None else []
        self.date_warning.setText("\n".join(f"Perhatian: {w}" for w in warnings))
        self.date_warning.setVisible(bool(warnings))

    def _connect_signals(self) -> None:
        self.date_edit.dateChanged.connect(lambda *_: self._on_date_changed())
        self.buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self._on_print)
        self.mode_group.idToggled.connect(lambda *_: self._update_mode())

    # -- behaviour ----------------------------------------------------------------------------
    def per_participant(self) -> bool:
        return self.kind in LETTERS and self.mode_files.isChecked()

    def _default_target(self) -> Path:
        folder = Path(QSettings().value("documents/last_folder", "") or
                      QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
                      or str(Path.home()))
        name = f"{self.title} {self.event_code}"
        return folder / name if self.per_participant() else folder / f"{name}.pdf"

    def _update_mode(self) -> None:
        current = self.out_edit.text().strip()
        if not current or Path(current).parent == self._default_target().parent:
            self.out_edit.setText(str(self._default_target()))

    def _on_browse(self) -> None:
        if self.per_participant():
            path = QFileDialog.getExistingDirectory(self, "Folder tujuan", str(self._default_target().parent))
        else:
            path, _ = QFileDialog.getSaveFileName(self, "Simpan PDF", self.out_edit.text(), "PDF (*.pdf)")
            if path and not path.lower().endswith(".pdf"):
                path += ".pdf"
        if path:
            self.out_edit.setText(path)

    def options(self) -> Any:
        from ukom_desktop.services.event_documents import PrintOptions

        letters = self.kind in LETTERS
        return PrintOptions(
            letter_date=self.date_edit.date() or date.today(),
            sifat=self.sifat_combo.currentText().strip() or "Biasa" if letters else "Biasa",
            paper=self.paper_combo.currentText(),
            contact=self.contact_edit.text().strip() if letters else "",
            copies=tuple(line.strip() for line in self.copies_edit.toPlainText().splitlines() if line.strip()),
            subject=self.subject_edit.text().strip() if letters else "",
            time=self.time_edit.text().strip() if letters else "",
            collective=letters and self.mode_collective.isChecked(),
            per_participant=self.per_participant(),
            wave=self.wave_combo.currentData(),
            renumber=self.renumber_check.isChecked(),
            by_session=self.session_combo.currentData() if self.kind == "daftar_hadir" else None,
            with_letterhead=self.letterhead_check.isChecked(),
        )

    def _remember(self, options: Any) -> None:
        """Keep the narahubung (per event) and the tembusan (per kind) for the next print."""
        from ukom_desktop.services.print_setup import remember_print_choices

        with self.context.transaction() as session:
            remember_print_choices(session, self.setup, self.kind,
                                   contact=options.contact if self.kind in LETTERS else None,
                                   copies=options.copies if self.kind in WITH_COPIES else None)

    def _on_print(self) -> None:
        from ukom_desktop.services.document_printing import PrintRequest, print_documents
        from ukom_desktop.ui.actions import run_action
        from ukom_desktop.ui.background import run_in_background

        text = self.out_edit.text().strip()
        if not text:
            messages.warn(self, "Tentukan berkas atau folder tujuan.")
            return
        options = self.options()
        target = Path(text).expanduser()
        request = PrintRequest(self.event_id, self.kind, target, options)
        if not run_action(self, lambda: self._remember(options)):
            return
        QSettings().setValue("documents/last_folder", str(target.parent))
        QSettings().setValue("documents/open_after_print", self.open_check.isChecked())
        context = self.context

        def work():  # type: ignore[no-untyped-def]
            with context.transaction() as session:
                return (yield from print_documents(session, request))

        self.print_button.setEnabled(False)
        self.task = run_in_background(
            self, work, title=f"Mencetak {self.title}", on_done=self._on_done, on_error=self._on_error,
            on_cancel=self._on_cancel,
        )

    def _on_done(self, result: Any) -> None:
        self.result = result
        self.context.data_changed.emit("documents")
        status_message(self.parentWidget(), result.summary(), 15000)
        if self.open_check.isChecked():
            open_result(result.files[0] if len(result.files) == 1 else result.files[0].parent)
        else:
            messages.info(self, result.summary(), title=f"Cetak {self.title}")
        self.accept()

    def _on_error(self, exc: BaseException, details: str) -> None:
        from ukom_desktop.ui.actions import describe_error

        self.print_button.setEnabled(True)
        text = describe_error(exc)
        if text is None:
            messages.unexpected(self, f"Pencetakan gagal ({exc.__class__.__name__}).", details)
        else:
            messages.error(self, text)

    def _on_cancel(self) -> None:
        self.print_button.setEnabled(True)
        messages.info(self, "Pencetakan dibatalkan. Tidak ada berkas yang disimpan dan tidak ada nomor yang terpakai.")
