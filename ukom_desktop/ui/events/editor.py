"""The event editor: the request and its letter, purpose, dates, venue, waves; status with the SOP
checklist of the current stage; the rundown."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ukom_desktop.domain.labels import EVENT_PURPOSE, EVENT_STATUS, label
from ukom_desktop.domain.sentences import join_sentences
from ukom_desktop.ui import messages
from ukom_desktop.ui.context import AppContext
from ukom_desktop.ui.events.agenda import AgendaEditor
from ukom_desktop.ui.geometry import fit_to_screen
from ukom_desktop.ui.widgets.date_field import DateField

METHODS = ("assessment center", "metode sederhana", "CACT")
CHECK_HEADERS = ("Langkah SOP", "Sumber", "Mutu baku", "Kekurangan", "Selesai")


def _date_edit() -> DateField:
    return DateField(optional=True)


def _get_date(edit: DateField) -> date | None:
    return edit.date()


def _set_date(edit: DateField, value: date | None) -> None:
    edit.setDate(value)


class EventEditorDialog(QDialog):
    """Create (event_id None) or edit an event. After Simpan, `event_id` holds the saved event."""

    def __init__(self, context: AppContext, event_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.event_id = event_id
        self._version: int | None = None
        self.setWindowTitle("Kegiatan baru" if event_id is None else "Ubah kegiatan")
        fit_to_screen(self, 980, 640)
        self._setup_ui()
        self._connect_signals()
        if event_id is not None:
            self._load()

    # -- construction ----------------------------------------------------------------------------
    def _setup_ui(self) -> None:
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._form_page(), "Data kegiatan")
        self.tabs.addTab(self._status_page(), "Status dan daftar periksa")
        self.agenda = AgendaEditor()
        self.tabs.addTab(self.agenda, "Susunan acara")
        layout.addWidget(self.tabs)
        bottom = QHBoxLayout()
        self.standards_button = QPushButton("Standar kompetensi...")
        self.matrix_button = QPushButton("Matriks alat ukur...")
        bottom.addWidget(self.standards_button)
        bottom.addWidget(self.matrix_button)
        self._competency = self._competency_module()
        for button in (self.standards_button, self.matrix_button):
            button.setVisible(self._competency is not None)
            button.setEnabled(self.event_id is not None)
        bottom.addStretch(1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText("Simpan")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Batal")
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)
        self.tabs.setTabEnabled(1, self.event_id is not None)

    def _form_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.code_edit = QLineEdit()
        self._code_year: int | None = None  # the year the code placeholder names (the first day's, as typed)
        self.name_edit = QLineEdit()
        self.agency_edit = QLineEdit()
        self.letter_number_edit = QLineEdit()
        self.letter_date_edit = _date_edit()
        self.purpose_combo = QComboBox()
        for value, text in EVENT_PURPOSE.items():
            self.purpose_combo.addItem(text, value)
        self.method_combo = QComboBox()
        self.method_combo.setEditable(True)
        self.method_combo.addItems(METHODS)
        self.start_edit = _date_edit()
        self.end_edit = _date_edit()
        self.start_edit.dateChanged.connect(self.end_edit.setAnchor)  # the calendar opens at the first day
        self.start_edit.dateChanged.connect(lambda _d: self.suggest_code())
        self.start_edit.edit.textEdited.connect(lambda _t: self.suggest_code())  # a typed date counts at once
        self.venue_edit = QLineEdit()
        self.wave_spin = QSpinBox()
        self.wave_spin.setRange(1, 200)
        self.wave_spin.setValue(30)
        self.wave_spin.setSuffix(" peserta per gelombang")
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setMaximumHeight(90)
        form.addRow("Kode kegiatan", self.code_edit)
        form.addRow("Nama kegiatan *", self.name_edit)
        form.addRow("Instansi pengusul", self.agency_edit)
        form.addRow("Nomor surat permohonan", self.letter_number_edit)
        form.addRow("Tanggal surat permohonan", self.letter_date_edit)
        form.addRow("Tujuan penilaian", self.purpose_combo)
        form.addRow("Metode", self.method_combo)
        form.addRow("Tanggal mulai", self.start_edit)
        form.addRow("Tanggal selesai", self.end_edit)
        form.addRow("Tempat", self.venue_edit)
        form.addRow("Gelombang", self.wave_spin)
        form.addRow("Catatan", self.notes_edit)
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #b00020")
        self.error_label.setWordWrap(True)
        form.addRow(self.error_label)
        self.suggest_code()
        return page

    def suggest_code(self) -> None:
        """The code placeholder names the code a save would give: the next number of the first day's year."""
        from ukom_desktop.services.events import next_event_code

        start = self.start_edit.date()
        year = start.year if start is not None else date.today().year
        if year == self._code_year:
            return
        self._code_year = year
        code = f"UKOM-{year}-001"
        if self.context.database is not None:
            with self.context.session() as session:
                code = next_event_code(session, year)
        self.code_edit.setPlaceholderText(f"kosongkan untuk kode otomatis: {code}")

    def _status_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        top = QHBoxLayout()
        self.status_label = QLabel()
        self.status_label.setStyleSheet("font-weight: bold")
        top.addWidget(self.status_label, 1)
        self.next_button = QPushButton("Lanjut ke tahap berikutnya")
        top.addWidget(self.next_button)
        self.status_combo = QComboBox()
        for value, text in EVENT_STATUS.items():
            self.status_combo.addItem(text, value)
        top.addWidget(self.status_combo)
        self.set_status_button = QPushButton("Ubah status")
        top.addWidget(self.set_status_button)
        layout.addLayout(top)
        self.stage_label = QLabel()
        self.stage_label.setWordWrap(True)
        layout.addWidget(self.stage_label)
        self.checklist_table = QTableWidget(0, len(CHECK_HEADERS))
        self.checklist_table.setHorizontalHeaderLabels(CHECK_HEADERS)
        self.checklist_table.verticalHeader().setVisible(False)
        self.checklist_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.checklist_table.setWordWrap(True)
        header = self.checklist_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 130), (2, 80), (4, 70)):
            self.checklist_table.setColumnWidth(column, width)
        layout.addWidget(self.checklist_table)
        note = QLabel("Langkah yang diperiksa otomatis selesai bila tidak ada kekurangan; langkah lain dicentang sendiri.")
        note.setWordWrap(True)
        layout.addWidget(note)
        return page

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self._on_save)
        self.buttons.rejected.connect(self.reject)
        self.next_button.clicked.connect(self._on_next_status)
        self.set_status_button.clicked.connect(self._on_set_status)
        self.checklist_table.itemChanged.connect(self._on_tick)
        self.standards_button.clicked.connect(lambda: self._open_competency("open_event_standards"))
        self.matrix_button.clicked.connect(lambda: self._open_competency("open_event_matrix"))

    @staticmethod
    def _competency_module():  # type: ignore[no-untyped-def]
        try:
            from ukom_desktop.ui import competency
        except ImportError:
            return None
        if not all(hasattr(competency, n) for n in ("open_event_standards", "open_event_matrix")):
            return None
        return competency

    # -- data --------------------------------------------------------------------------------------
    def _load(self) -> None:
        from ukom_desktop.services.events import event_data, list_agenda

        with self.context.session() as session:
            data = event_data(session, self.event_id)  # type: ignore[arg-type]
            agenda = list_agenda(session, self.event_id)  # type: ignore[arg-type]
        self._version = data.version
        self.code_edit.setText(data.code)
        self.name_edit.setText(data.name)
        self.agency_edit.setText(data.requesting_agency)
        self.letter_number_edit.setText(data.request_letter_number)
        _set_date(self.letter_date_edit, data.request_letter_date)
        self.purpose_combo.setCurrentIndex(max(0, self.purpose_combo.findData(data.purpose)))
        self.method_combo.setCurrentText(data.method)
        _set_date(self.start_edit, data.start_date)
        _set_date(self.end_edit, data.end_date)
        self.venue_edit.setText(data.venue)
        self.wave_spin.setValue(data.wave_size)
        self.notes_edit.setPlainText(data.notes)
        self.agenda.set_items(agenda)
        self.refresh_checklist()

    def form_data(self):  # type: ignore[no-untyped-def]
        from ukom_desktop.services.events import EventData

        return EventData(
            code=self.code_edit.text(), name=self.name_edit.text(), requesting_agency=self.agency_edit.text(),
            request_letter_number=self.letter_number_edit.text(), request_letter_date=_get_date(self.letter_date_edit),
            purpose=self.purpose_combo.currentData(), method=self.method_combo.currentText(),
            start_date=_get_date(self.start_edit), end_date=_get_date(self.end_edit), venue=self.venue_edit.text(),
            wave_size=self.wave_spin.value(), notes=self.notes_edit.toPlainText(), version=self._version,
        )

    def refresh_checklist(self) -> None:
        from ukom_desktop.services.events import checklist

        if self.event_id is None:
            return
        with self.context.session() as session:
            result = checklist(session, self.event_id)
        self.checklist = result
        self.status_label.setText(f"Status: {label(EVENT_STATUS, result.status)}")
        self.status_combo.setCurrentIndex(max(0, self.status_combo.findData(result.status)))
        timing = []
        if result.stage_days:
            timing.append(f"mutu baku tahap ini {result.stage_days} hari")
        if result.stage_minutes_000:
            timing.append(f"langkah SOP 000 seluruhnya {result.stage_minutes_000} menit kerja")
        if result.days_in_stage is not None:
            timing.append(f"sudah berjalan {result.days_in_stage} hari"
                          + (" (melewati mutu baku)" if result.overdue else ""))
        lines = ["; ".join(timing).capitalize()] if timing else []
        if not result.items:
            lines.append("Tidak ada langkah SOP pada tahap ini.")
        if result.missing_summary:
            lines.append(f"Masih kurang: {result.missing_summary}")
        self.stage_label.setText(join_sentences(lines))
        table = self.checklist_table
        table.blockSignals(True)
        table.setRowCount(len(result.items))
        for row, item in enumerate(result.items):
            cells = (item.title, item.source, item.standard_time or "-", "; ".join(item.missing) or "-")
            for column, text in enumerate(cells):
                table.setItem(row, column, QTableWidgetItem(text))
            done = QTableWidgetItem("Ya" if item.done else "Belum")
            done.setData(Qt.ItemDataRole.UserRole, item.code)
            if not item.automatic or item.ticked:
                done.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                done.setCheckState(Qt.CheckState.Checked if item.ticked else Qt.CheckState.Unchecked)
            table.setItem(row, 4, done)
        table.resizeRowsToContents()
        table.blockSignals(False)

    # -- slots -------------------------------------------------------------------------------------
    def _on_save(self) -> None:
        from ukom_desktop.errors import UserFacingError
        from ukom_desktop.services.events import create_event, save_agenda, update_event

        try:
            agenda = self.agenda.items()
        except ValueError as exc:
            self.error_label.setText(str(exc))
            self.tabs.setCurrentWidget(self.agenda)
            return
        try:
            with self.context.transaction() as session:
                data = self.form_data()
                if self.event_id is None:
                    self.event_id = create_event(session, data)
                else:
                    update_event(session, self.event_id, data)
                save_agenda(session, self.event_id, agenda)
        except UserFacingError as exc:
            if self.event_id is not None and self._version is None:
                self.event_id = None  # the new event was rolled back
            self.error_label.setText(str(exc))
            self.tabs.setCurrentIndex(0)
            return
        self.context.data_changed.emit("events")
        from ukom_desktop.ui.actions import status_message

        status_message(self.parentWidget(), f"Kegiatan {self.name_edit.text().strip()} tersimpan.")
        self.accept()

    def _change_status(self, status: str | None) -> None:
        from ukom_desktop.errors import UserFacingError
        from ukom_desktop.services.events import advance_status, set_status

        try:
            with self.context.transaction() as session:
                if status is None:
                    advance_status(session, self.event_id)  # type: ignore[arg-type]
                else:
                    try:
                        set_status(session, self.event_id, status)  # type: ignore[arg-type]
                    except UserFacingError as exc:
                        if "terlewati" not in str(exc) or not messages.confirm(self, f"{exc}\n\nTetap ubah status?"):
                            raise
                        set_status(session, self.event_id, status, allow_skip=True)  # type: ignore[arg-type]
        except UserFacingError as exc:
            messages.warn(self, str(exc))
        with self.context.session() as session:
            from ukom_desktop.services.events import event_data

            self._version = event_data(session, self.event_id).version  # type: ignore[arg-type]
        self.refresh_checklist()
        self.context.data_changed.emit("events")

    def _on_next_status(self) -> None:
        self._change_status(None)

    def _on_set_status(self) -> None:
        self._change_status(self.status_combo.currentData())

    def _on_tick(self, item: QTableWidgetItem) -> None:
        from ukom_desktop.services.events import tick_step

        code = item.data(Qt.ItemDataRole.UserRole)
        if item.column() != 4 or not code:
            return
        with self.context.transaction() as session:
            tick_step(session, self.event_id, code, item.checkState() == Qt.CheckState.Checked)  # type: ignore[arg-type]
        with self.context.session() as session:
            from ukom_desktop.services.events import event_data

            self._version = event_data(session, self.event_id).version  # type: ignore[arg-type]
        self.refresh_checklist()

    def _open_competency(self, name: str) -> None:
        if self._competency is not None and self.event_id is not None:
            getattr(self._competency, name)(self, self.context, self.event_id)
