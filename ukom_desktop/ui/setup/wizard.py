"""Penyiapan awal: where the data lives, the institution profile, signatories, letter numbering and (when
the users of the identity work exist) the first administrator. Every page can be skipped ("Lewati
halaman"); the wizard opens by itself on a new database and from Berkas > Penyiapan awal."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ukom_desktop.ui import messages
from ukom_desktop.ui.actions import in_transaction
from ukom_desktop.ui.documents.profile_dialog import add_letterhead_fields, fill_letterhead_fields
from ukom_desktop.ui.geometry import fit_to_screen
from ukom_desktop.ui.widgets.form_parts import password_field

RED = "color: #b00020;"


class SkippablePage(QWizardPage):
    """A page that saves what was entered when Lanjut is pressed, and nothing when skipped."""

    def __init__(self, wizard: SetupWizard, title: str, subtitle: str) -> None:
        super().__init__()
        self.setup = wizard
        self.setTitle(title)
        self.setSubTitle(subtitle)
        self.skipped = False
        self.saved = False
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet(RED)

    def initializePage(self) -> None:  # noqa: N802
        self.skipped = False

    def validatePage(self) -> bool:  # noqa: N802
        if self.skipped:
            return True
        return self.save()

    def save(self) -> bool:
        return True


class LocationPage(SkippablePage):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard, "Tempat penyimpanan data",
                         "Di mana data kegiatan disimpan. Bila ragu, pakai berkas di komputer ini.")
        layout = QVBoxLayout(self)
        self.choice = QButtonGroup(self)
        self.local = QRadioButton("Berkas di komputer ini (SQLite)")
        self.server = QRadioButton("Server PostgreSQL bersama di jaringan kantor")
        self.encrypted = QRadioButton("Berkas terenkripsi di komputer ini (SQLCipher, dengan kunci)")
        self.encrypted.setToolTip("Membuat salinan terenkripsi dari berkas ini lalu membukanya; kunci ditanyakan "
                                  "setiap kali berkas dibuka.")
        for index, radio in enumerate((self.local, self.server, self.encrypted)):
            self.choice.addButton(radio, index)
        self.local.setChecked(True)
        layout.addWidget(self.local)
        file_row = QHBoxLayout()
        self.file_edit = QLineEdit()
        browse = QPushButton("Pilih berkas...")
        browse.clicked.connect(self._on_browse)
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(browse)
        layout.addLayout(file_row)
        layout.addWidget(self.server)
        form = QFormLayout()
        self.host_edit = QLineEdit()
        self.host_edit.setPlaceholderText("mis. 192.168.1.10")
        self.port_spin = QSpinBox()
        self.port_spin.setRange(1, 65535)
        self.port_spin.setValue(5432)
        self.db_edit = QLineEdit("ukom")
        self.user_edit = QLineEdit("postgres")
        self.password_edit = password_field()
        for label, widget in (("Server:", self.host_edit), ("Port:", self.port_spin),
                              ("Nama basis data:", self.db_edit), ("Pengguna:", self.user_edit),
                              ("Kata sandi:", self.password_edit)):
            form.addRow(label, widget)
        test_row = QHBoxLayout()
        self.test_button = QPushButton("Uji koneksi")
        self.test_button.clicked.connect(self.test_connection)
        self.test_result = QLabel()
        self.test_result.setWordWrap(True)
        self.test_result.setMinimumHeight(40)
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.test_result, 1)
        form.addRow("", test_row)
        self.server_box = QWidget()
        self.server_box.setLayout(form)
        layout.addWidget(self.server_box)
        layout.addWidget(self.encrypted)
        note = QLabel("Berkas terenkripsi cocok untuk laptop dan folder bersama: tanpa kunci isinya tidak dapat "
                      "dibaca. Kata sandi server tidak disimpan; untuk membuka server yang sama berikutnya, "
                      "jalankan aplikasi dengan --db atau variabel UKOM_DATABASE_URL.")
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(self.problems)
        self.choice.idToggled.connect(lambda _id, _on: self._update())

    def initializePage(self) -> None:  # noqa: N802
        super().initializePage()
        db = self.setup.context.database
        if db is not None and db.file is not None:
            self.file_edit.setText(str(db.file))
        self._update()

    def _update(self) -> None:
        self.file_edit.setEnabled(self.local.isChecked())
        self.server_box.setEnabled(self.server.isChecked())

    def _on_browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Berkas basis data", self.file_edit.text() or "ukom.sqlite",
                                              "Basis data UKOM (*.sqlite)",
                                              options=QFileDialog.Option.DontConfirmOverwrite)
        if path:
            self.file_edit.setText(path)

    def _encrypt(self, window: Any) -> bool:
        """An encrypted copy of the open file (Berkas > Enkripsi basis data), then the copy is the database."""
        from ukom_desktop.ui.identity.encrypt_dialog import EncryptDialog

        dialog = EncryptDialog(window, self)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        copy = dialog.copy_path
        dialog.deleteLater()
        if not accepted or copy is None:
            return False
        return bool(window.open_database(str(copy)))

    def address(self) -> Any:
        from ukom_desktop.services.first_run import ServerAddress

        return ServerAddress(self.host_edit.text(), self.port_spin.value(), self.db_edit.text(),
                             self.user_edit.text().strip(), self.password_edit.text())

    def test_connection(self) -> bool:
        from ukom_desktop.services.first_run import connection_problem

        problem = connection_problem(self.address())
        self.test_result.setStyleSheet(RED if problem else "color: #1b5e20;")
        self.test_result.setText(problem or "Koneksi berhasil.")
        return problem is None

    def save(self) -> bool:
        window = self.setup.window_
        if self.encrypted.isChecked():
            return window is None or self._encrypt(window)
        if self.server.isChecked():
            if not self.test_connection():
                return False
            return window is None or window.open_database(self.address().url())
        wanted = self.file_edit.text().strip()
        db = self.setup.context.database
        if not wanted or (db is not None and db.file is not None and Path(wanted) == db.file):
            return True
        return window is None or window.open_database(wanted)


class ProfilePage(SkippablePage):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard, "Profil instansi",
                         "Kop surat, alamat dan kontak yang tercetak di setiap surat dan laporan.")
        form = QFormLayout(self)
        add_letterhead_fields(self, form)
        logo_row = QHBoxLayout()
        self.logo: bytes | None = None
        self.logo_filename = ""
        self.logo_label = QLabel("(tanpa logo)")
        choose = QPushButton("Pilih logo...")
        choose.clicked.connect(self._on_logo)
        logo_row.addWidget(self.logo_label, 1)
        logo_row.addWidget(choose)
        form.addRow("Logo:", logo_row)
        form.addRow("", self.problems)

    def initializePage(self) -> None:  # noqa: N802
        super().initializePage()
        from ukom_desktop.services.institution import get_profile

        with self.setup.context.session() as session:
            profile = get_profile(session)
        fill_letterhead_fields(self, profile)
        self.set_logo(profile.logo, profile.logo_filename)
        self.profile = profile

    def set_logo(self, data: bytes | None, filename: str) -> None:
        self.logo, self.logo_filename = data, filename
        self.logo_label.setText(filename or "(tanpa logo)")

    def _on_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Pilih logo instansi", "", "Gambar (*.png *.jpg *.jpeg)")
        if path:
            self.set_logo(Path(path).read_bytes(), Path(path).name)

    def save(self) -> bool:
        from ukom_desktop.services.institution import ProfileData, profile_problems, save_profile

        lines = [e.text().strip() for e in self.kop_edits if e.text().strip()]
        edits = (*self.kop_edits, self.address_edit, self.phone_edit, self.email_edit, self.website_edit,
                 self.city_edit)
        if not any(e.text().strip() for e in edits) and not self.logo:
            return True  # nothing entered: the page is passed over, as with Lewati
        data = ProfileData(lines, self.address_edit.text(), self.phone_edit.text(), self.email_edit.text(),
                           self.website_edit.text(), self.city_edit.text(), self.logo, self.logo_filename,
                           self.profile.paper_size, self.profile.head_signatory_id)
        problems = profile_problems(data)
        self.problems.setText("\n".join(problems))
        if problems:
            return False
        self.saved = bool(in_transaction(self, self.setup.context, lambda s: save_profile(s, data),
                                         done="Profil instansi tersimpan."))
        return self.saved


class HostPage(SkippablePage):
    """Hosts a page of the Profil instansi dialog (signatories, numbering), built when first shown."""

    def __init__(self, wizard: SetupWizard, title: str, subtitle: str, factory: Any) -> None:
        super().__init__(wizard, title, subtitle)
        self.factory = factory
        self.inner: Any = None
        self.box = QVBoxLayout(self)

    def initializePage(self) -> None:  # noqa: N802
        super().initializePage()
        if self.inner is not None:
            self.inner.deleteLater()
        self.inner = self.factory(self.setup.context, self)
        self.box.insertWidget(0, self.inner, 1)
        self.box.addWidget(self.problems)


class SignatoriesHostPage(HostPage):
    def save(self) -> bool:
        choices = self.inner.choices()
        first = self.inner.signatories[0].id if self.inner.signatories else None

        def save(session: Any) -> None:
            from ukom_desktop.services.institution import get_profile, save_profile, save_signer_choices

            save_signer_choices(session, choices)
            profile = get_profile(session)
            if first is not None and profile.kop_lines and profile.head_signatory_id is None:
                profile.head_signatory_id = first  # the head who signs by default: the first signatory
                save_profile(session, profile)

        self.saved = bool(in_transaction(self, self.setup.context, save))
        return self.saved


class NumberingHostPage(HostPage):
    def save(self) -> bool:
        from ukom_desktop.services.numbering import save_patterns

        problems = self.inner.problems()
        self.problems.setText("\n".join(problems))
        if problems:
            return False
        patterns = self.inner.patterns()
        self.saved = bool(in_transaction(self, self.setup.context, lambda s: save_patterns(s, patterns)))
        return self.saved


class AdminPage(SkippablePage):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard, "Administrator pertama",
                         "Pengguna yang mengelola pengguna lain dan hak aksesnya.")
        form = QFormLayout(self)
        self.username_edit, self.name_edit = QLineEdit(), QLineEdit()
        self.password_edit, self.repeat_edit = password_field(), password_field()
        for label, edit in (("Nama pengguna:", self.username_edit), ("Nama lengkap:", self.name_edit),
                            ("Kata sandi:", self.password_edit), ("Ulangi kata sandi:", self.repeat_edit)):
            form.addRow(label, edit)
        form.addRow("", self.problems)

    def save(self) -> bool:
        from ukom_desktop.services.first_run import create_first_admin

        if self.password_edit.text() != self.repeat_edit.text():
            self.problems.setText("Kedua kata sandi tidak sama.")
            return False
        username, name, password = self.username_edit.text().strip(), self.name_edit.text().strip(), \
            self.password_edit.text()
        outcome = in_transaction(self, self.setup.context,
                                 lambda s: create_first_admin(s, username, name, password))
        self.saved = bool(outcome)
        if outcome:  # the window goes on as the new admin (the database has users from now on)
            from ukom_desktop.services.access import bind_actor

            bind_actor(self.setup.context.database.sessions, outcome.value)
            identity = getattr(self.setup.window_, "identity", None)
            if identity is not None:
                identity.refresh()
        return self.saved


class SetupWizard(QWizard):
    def __init__(self, context: Any, window: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        from ukom_desktop.services.first_run import first_admin_needed
        from ukom_desktop.ui.documents.numbering_page import NumberingPage
        from ukom_desktop.ui.documents.signatories_page import SignatoriesPage

        self.context = context
        self.window_ = window
        self.setWindowTitle("Penyiapan awal UKOM Desktop")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        fit_to_screen(self, 860, 620)
        self.location_page = LocationPage(self)
        self.profile_page = ProfilePage(self)
        self.signatories_page = SignatoriesHostPage(self, "Penandatangan",
                                         "Pejabat yang menandatangani surat. Simpan tiap penandatangan, lalu Lanjut.",
                                         SignatoriesPage)
        self.numbering_page = NumberingHostPage(self, "Penomoran surat", "Pola nomor setiap jenis surat.",
                                                NumberingPage)
        with context.session() as session:
            needed = first_admin_needed(session)
        self.admin_page = AdminPage(self) if needed else None
        for page in (self.location_page, self.profile_page, self.signatories_page, self.numbering_page,
                     self.admin_page):
            if page is not None:
                self.addPage(page)
        self.setButtonText(QWizard.WizardButton.CustomButton1, "Lewati halaman")
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
        self.customButtonClicked.connect(self._on_custom)
        for button, text in ((QWizard.WizardButton.CancelButton, "Tutup"),
                             (QWizard.WizardButton.NextButton, "Lanjut >"),
                             (QWizard.WizardButton.BackButton, "< Kembali"),
                             (QWizard.WizardButton.FinishButton, "Selesai")):
            self.setButtonText(button, text)

    def _on_custom(self, which: int) -> None:
        page = self.currentPage()
        if which != int(QWizard.WizardButton.CustomButton1.value) or not isinstance(page, SkippablePage):
            return
        page.skipped = True
        if self.nextId() == -1:
            self.accept()
        else:
            self.next()

    def accept(self) -> None:  # Selesai validates (saves) the last page before this; Lewati does not
        super().accept()
        self.context.data_changed.emit("institution")

    def done(self, result: int) -> None:
        super().done(result)
        if result != self.DialogCode.Accepted:
            messages.info(self.parentWidget(), "Penyiapan awal dapat dibuka lagi dari Berkas > Penyiapan awal.")
