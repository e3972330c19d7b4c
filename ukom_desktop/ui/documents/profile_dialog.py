"""Profil instansi: kop surat (three lines, address, contacts, logo), city and paper, the head who signs,
the signatories and who signs which document, and the numbering pattern of each kind of letter."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ukom_desktop.ui import messages
from ukom_desktop.ui.context import AppContext
from ukom_desktop.ui.documents.numbering_page import NumberingPage
from ukom_desktop.ui.documents.signatories_page import SignatoriesPage
from ukom_desktop.ui.geometry import fit_to_screen


def add_letterhead_fields(owner: Any, form: QFormLayout) -> None:
    """The three kop lines, address, phone, e-mail, website and city as rows of `form`; the edits become
    `owner.kop_edits`, `address_edit`, `phone_edit`, `email_edit`, `website_edit` and `city_edit`."""
    owner.kop_edits = [QLineEdit() for _ in range(3)]
    placeholders = ("mis. KEMENTERIAN PEKERJAAN UMUM", "mis. BADAN PENGEMBANGAN SUMBER DAYA MANUSIA",
                    "mis. BALAI PENILAIAN KOMPETENSI")
    for index, (edit, hint) in enumerate(zip(owner.kop_edits, placeholders, strict=True), start=1):
        edit.setPlaceholderText(hint)
        form.addRow(f"Kop baris {index}:", edit)
    owner.address_edit, owner.phone_edit, owner.email_edit = QLineEdit(), QLineEdit(), QLineEdit()
    owner.website_edit, owner.city_edit = QLineEdit(), QLineEdit()
    owner.city_edit.setPlaceholderText("ditulis sebelum tanggal surat, mis. Jakarta")
    for label, edit in (("Alamat:", owner.address_edit), ("Telepon:", owner.phone_edit),
                        ("Pos-el:", owner.email_edit), ("Laman:", owner.website_edit), ("Kota:", owner.city_edit)):
        form.addRow(label, edit)



def fill_letterhead_fields(owner: Any, profile: Any) -> None:
    """Put a stored profile's kop lines, address and contacts into the edits `add_letterhead_fields` made."""
    for edit, text in zip(owner.kop_edits, [*profile.kop_lines, "", "", ""], strict=False):
        edit.setText(text)
    owner.address_edit.setText(profile.address)
    owner.phone_edit.setText(profile.phone)
    owner.email_edit.setText(profile.email)
    owner.website_edit.setText(profile.website)
    owner.city_edit.setText(profile.city)

class InstitutionDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.logo: bytes | None = None
        self.logo_filename = ""
        self.setWindowTitle("Profil instansi, penandatangan dan penomoran surat")
        fit_to_screen(self, 820, 600)
        self._setup_ui()
        self._load()

    # -- construction -------------------------------------------------------------------------
    def _setup_ui(self) -> None:
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._kop_page(), "Kop surat")
        self.signatories = SignatoriesPage(self.context, self)
        self.signatories.signatories_changed.connect(self._refill_head)
        self.tabs.addTab(self.signatories, "Penandatangan")
        self.numbering = NumberingPage(self.context, self)
        self.tabs.addTab(self.numbering, "Penomoran surat")
        layout.addWidget(self.tabs, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText("Simpan")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Batal")
        self.buttons.accepted.connect(self._on_save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _kop_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        add_letterhead_fields(self, form)
        self.paper_combo = QComboBox()
        self.paper_combo.addItem("A4 (210 x 297 mm)", "A4")
        self.paper_combo.addItem("F4/folio (215 x 330 mm)", "F4")
        form.addRow("Ukuran kertas:", self.paper_combo)
        self.head_combo = QComboBox()
        form.addRow("Pimpinan (penanda tangan bawaan):", self.head_combo)
        logo_row = QHBoxLayout()
        self.logo_preview = QLabel("(tanpa logo)")
        self.logo_preview.setFixedSize(90, 90)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_preview.setStyleSheet("border: 1px solid palette(mid);")
        choose = QPushButton("Pilih logo...")
        choose.clicked.connect(self._on_choose_logo)
        remove = QPushButton("Hapus logo")
        remove.clicked.connect(self._on_remove_logo)
        logo_row.addWidget(self.logo_preview)
        logo_row.addWidget(choose)
        logo_row.addWidget(remove)
        logo_row.addStretch(1)
        form.addRow("Logo:", logo_row)
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #b00020;")
        form.addRow("", self.problems)
        return page

    # -- data ---------------------------------------------------------------------------------
    def _load(self) -> None:
        from ukom_desktop.services.institution import get_profile

        with self.context.session() as session:
            profile = get_profile(session)
        self._profile_version = profile.version  # a save over a colleague's change is refused
        fill_letterhead_fields(self, profile)
        self.paper_combo.setCurrentIndex(max(0, self.paper_combo.findData(profile.paper_size)))
        self.head_id = profile.head_signatory_id
        self._refill_head()
        self._set_logo(profile.logo, profile.logo_filename)

    def _refill_head(self) -> None:
        current = self.head_combo.currentData() if self.head_combo.count() else self.head_id
        self.head_combo.clear()
        self.head_combo.addItem("(belum dipilih)", None)
        for s in self.signatories.signatories:
            self.head_combo.addItem(f"{s.name} - {s.jabatan}", s.id)
        self.head_combo.setCurrentIndex(max(0, self.head_combo.findData(current)))

    def _set_logo(self, data: bytes | None, filename: str) -> None:
        self.logo, self.logo_filename = data, filename
        if not data:
            self.logo_preview.setPixmap(QPixmap())
            self.logo_preview.setText("(tanpa logo)")
            return
        pixmap = QPixmap()
        pixmap.loadFromData(data)
        self.logo_preview.setPixmap(pixmap.scaled(84, 84, Qt.AspectRatioMode.KeepAspectRatio,
                                                  Qt.TransformationMode.SmoothTransformation))

    def _on_choose_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Pilih logo instansi", "", "Gambar (*.png *.jpg *.jpeg)")
        if path:
            self.load_logo_file(Path(path))

    def load_logo_file(self, path: Path) -> None:
        from ukom_desktop.documents.letterhead import LogoError, logo_size

        data = path.read_bytes()
        try:
            logo_size(data)
        except LogoError as exc:
            messages.error(self, str(exc))
            return
        self._set_logo(data, path.name)

    def _on_remove_logo(self) -> None:
        self._set_logo(None, "")

    def profile_data(self) -> Any:
        from ukom_desktop.services.institution import ProfileData

        return ProfileData(
            [edit.text().strip() for edit in self.kop_edits if edit.text().strip()],
            self.address_edit.text(), self.phone_edit.text(), self.email_edit.text(), self.website_edit.text(),
            self.city_edit.text(), self.logo, self.logo_filename, self.paper_combo.currentData(),
            self.head_combo.currentData(), getattr(self, "_profile_version", None),
        )

    def _on_save(self) -> None:
        from ukom_desktop.services.institution import profile_problems, save_profile, save_signer_choices
        from ukom_desktop.services.numbering import save_patterns

        data = self.profile_data()
        problems = profile_problems(data)
        self.problems.setText("\n".join(problems))
        if problems:
            self.tabs.setCurrentIndex(0)
            return
        pattern_problems = self.numbering.problems()
        if pattern_problems:
            self.tabs.setCurrentWidget(self.numbering)
            messages.warn(self, "\n".join(pattern_problems))
            return
        from ukom_desktop.ui.actions import in_transaction, status_message

        def save(session):  # type: ignore[no-untyped-def]
            save_profile(session, data)
            save_signer_choices(session, self.signatories.choices())
            save_patterns(session, self.numbering.patterns())

        if not in_transaction(self, self.context, save):
            return
        status_message(self.parentWidget(), "Profil instansi tersimpan.")
        self.context.data_changed.emit("institution")
        self.accept()
