"""Assessor mode: the window an assessor works in on a laptop, on the working database of their package.

Three tabs: Jadwal (their timetable), Penilaian (participants on the left, the rating form of the chosen
participant on the right: every exercise and competency, level, "tanpa bukti", evidence notes, with the
standard and the level indicators as tooltips) and Uraian laporan (narrative drafts of the reports they
write). Every edit is saved at once (autosave); "Kirim kembali..." writes the return package, which can
be sent again later.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ukom_desktop import APP_NAME
from ukom_desktop.domain.labels import REPORT_STATUS, label
from ukom_desktop.services import packages_laptop as lp
from ukom_desktop.services.packages_laptop_view import LaptopFormRow, load_form, load_view
from ukom_desktop.ui import messages
from ukom_desktop.ui.actions import run_action
from ukom_desktop.ui.geometry import fit_to_screen

SECTION_TITLES = {
    "kekuatan": "Kekuatan", "area_pengembangan": "Area pengembangan", "saran_pengembangan": "Saran pengembangan",
    "saran_penempatan": "Saran penempatan", "potensi": "Potensi",
}
NO_LEVEL = "-"


def ask_return_path(parent: QWidget, suggested: str) -> str:
    """Where to write the return package (tests patch this)."""
    path, _ = QFileDialog.getSaveFileName(parent, "Kirim kembali", suggested, "Paket kiriman asesor (*.ukom)")
    return path


class AssessorWindow(QMainWindow):
    def __init__(self, url: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.url = url
        self.rows: list[LaptopFormRow] = []
        self.current_ep: str | None = None
        self.current_report: str | None = None
        self._loading = False
        self.view = load_view(url)
        self.setWindowTitle(f"{APP_NAME} - Mode asesor: {self.view.assessor}")
        self.tabs = QTabWidget()
        self.tabs.addTab(self._timetable_page(), "Jadwal")
        self.tabs.addTab(self._rating_page(), "Penilaian")
        self.tabs.addTab(self._narrative_page(), "Uraian laporan")
        central = QWidget()
        layout = QVBoxLayout(central)
        top = QHBoxLayout()
        self.header = QLabel(f"<b>{self.view.assessor}</b> &nbsp; {self.view.event}")
        self.send_button = QPushButton("Kirim kembali...")
        self.send_button.setToolTip("Tulis paket kiriman berisi semua perubahan di laptop ini untuk sekretariat")
        self.send_button.clicked.connect(self.send_back)
        top.addWidget(self.header, 1)
        top.addWidget(self.send_button)
        layout.addLayout(top)
        layout.addWidget(self.tabs)
        self.setCentralWidget(central)
        self.statusBar().showMessage("Semua isian tersimpan otomatis di laptop ini; tidak perlu jaringan.")
        self._narrative_timer = QTimer(self, singleShot=True, interval=800)
        self._narrative_timer.timeout.connect(self.save_narrative)
        fit_to_screen(self, 1200, 720)
        self._fill_participants()
        if self.view.narratives:
            self.report_list.setCurrentRow(0)  # a draft open at once, not an empty editor

    # -- pages ----------------------------------------------------------------------------------
    def _timetable_page(self) -> QWidget:
        table = QTableWidget(len(self.view.timetable), 4)
        table.setHorizontalHeaderLabels(["Waktu", "Simulasi", "Ruang", "Peserta"])
        for r, row in enumerate(self.view.timetable):
            for c, text in enumerate((f"{row.starts_at}-{row.ends_at}", row.exercise, row.room, row.participants)):
                table.setItem(r, c, QTableWidgetItem(text))
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        table.resizeColumnsToContents()
        self.timetable = table
        return table

    def _rating_page(self) -> QWidget:
        self.participant_list = QListWidget()
        self.participant_list.currentItemChanged.connect(self._on_participant)
        self.form = QTableWidget(0, 6)
        self.form.setHorizontalHeaderLabels(["Simulasi", "Kompetensi", "Standar", "Level", "Tanpa bukti", "Bukti perilaku"])
        self.form.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.form.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.form.itemChanged.connect(self._on_evidence_changed)
        self.submit_button = QPushButton("Kirim penilaian peserta ini")
        self.submit_button.setToolTip("Menandai penilaian peserta ini selesai; setelah itu tidak dapat diubah")
        self.submit_button.clicked.connect(self.submit_current)
        self.form_title = QLabel("Pilih peserta di sebelah kiri.")
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.addWidget(self.form_title)
        rl.addWidget(self.form)
        rl.addWidget(self.submit_button, 0, Qt.AlignmentFlag.AlignRight)
        splitter = QSplitter()
        splitter.addWidget(self.participant_list)
        splitter.addWidget(right)
        splitter.setSizes([240, 960])
        # Evidence is read whole: the rows grow with the width its column gets.
        self.form.setWordWrap(True)
        self.form.horizontalHeader().sectionResized.connect(
            lambda column, _old, _new: column == 5 and self.form.resizeRowsToContents())
        return splitter

    def _narrative_page(self) -> QWidget:
        self.report_list = QListWidget()
        for n in self.view.narratives:
            item = QListWidgetItem(f"{n.participant} ({label(REPORT_STATUS, n.status).lower()})")
            item.setData(Qt.ItemDataRole.UserRole, n.report)
            self.report_list.addItem(item)
        self.report_list.currentItemChanged.connect(self._on_report)
        self.section_combo = QComboBox()
        self.section_combo.currentIndexChanged.connect(self._show_section)
        self.section_text = QPlainTextEdit()
        self.section_text.textChanged.connect(lambda: None if self._loading else self._narrative_timer.start())
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.addWidget(QLabel("Bagian laporan:"))
        rl.addWidget(self.section_combo)
        rl.addWidget(self.section_text)
        if not self.view.narratives:
            rl.addWidget(QLabel("Tidak ada draf laporan yang Anda tulis dalam paket ini."))
        splitter = QSplitter()
        splitter.addWidget(self.report_list)
        splitter.addWidget(right)
        splitter.setSizes([240, 960])
        return splitter

    # -- participants and forms -------------------------------------------------------------------
    def _fill_participants(self) -> None:
        current = self.current_ep
        self.participant_list.blockSignals(True)
        self.participant_list.clear()
        for p in load_view(self.url).participants:
            state = "terkirim" if p.submitted else f"{p.filled}/{p.expected}"
            item = QListWidgetItem(f"{p.number or '-'}. {p.name} ({state})")
            item.setData(Qt.ItemDataRole.UserRole, p.uuid)
            item.setToolTip(f"NIP {p.nip}\nJabatan sasaran: {p.target_position or '-'}")
            self.participant_list.addItem(item)
            if p.uuid == current:
                self.participant_list.setCurrentItem(item)
        self.participant_list.blockSignals(False)

    def _on_participant(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        if item is None:
            return
        self.current_ep = item.data(Qt.ItemDataRole.UserRole)
        self.form_title.setText(f"<b>{item.text()}</b>")
        self._load_form()

    def _load_form(self) -> None:
        self._loading = True
        self.rows = load_form(self.url, self.current_ep) if self.current_ep else []
        self.form.setRowCount(len(self.rows))
        step = 0.5 if self.view.allow_half_levels else 1.0
        choices = [NO_LEVEL] + [f"{v:g}" for v in _levels(self.view.max_level, step)]
        for r, row in enumerate(self.rows):
            for c, text in enumerate((row.exercise_name, f"{row.competency_code} {row.competency_name}", row.standard)):
                cell = QTableWidgetItem(text)
                cell.setFlags(Qt.ItemFlag.ItemIsEnabled)
                cell.setToolTip(row.indicators)
                self.form.setItem(r, c, cell)
            combo = QComboBox()
            combo.addItems(choices)
            combo.setCurrentText(NO_LEVEL if row.level is None else f"{float(row.level):g}")
            combo.setEnabled(not row.submitted and not row.no_evidence)
            combo.currentTextChanged.connect(lambda _t, r=r: self._save_row(r))
            self.form.setCellWidget(r, 3, combo)
            check = QCheckBox()
            check.setChecked(row.no_evidence)
            check.setEnabled(not row.submitted)
            check.toggled.connect(lambda _c, r=r: self._save_row(r))
            self.form.setCellWidget(r, 4, check)
            evidence = QTableWidgetItem(row.evidence)
            evidence.setToolTip(row.evidence)
            if row.submitted:
                evidence.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.form.setItem(r, 5, evidence)
        self.form.resizeColumnsToContents()
        self.form.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.form.resizeRowsToContents()
        self.submit_button.setEnabled(any(not row.submitted for row in self.rows))
        self._loading = False

    def _on_evidence_changed(self, item: QTableWidgetItem) -> None:
        if not self._loading and item.column() == 5:
            self._save_row(item.row())

    def _save_row(self, r: int) -> None:
        if self._loading:
            return
        row = self.rows[r]
        combo, check = self.form.cellWidget(r, 3), self.form.cellWidget(r, 4)
        assert isinstance(combo, QComboBox) and isinstance(check, QCheckBox)
        level = combo.currentText()
        no_evidence = check.isChecked()
        combo.setEnabled(not no_evidence)
        cell = self.form.item(r, 5)
        evidence = cell.text() if cell is not None else ""
        saved = run_action(self, lambda: lp.save_cell(
            self.url, row.ep, row.exercise, row.competency,
            level=None if level == NO_LEVEL or no_evidence else level, no_evidence=no_evidence, evidence=evidence,
        ), level="warn")
        if not saved:
            return
        self.statusBar().showMessage("Tersimpan otomatis.", 3000)
        self._fill_participants()

    def submit_current(self) -> None:
        if not self.current_ep:
            return
        if not messages.confirm(self, "Kirim penilaian peserta ini? Setelah dikirim, isian tidak dapat diubah."):
            return
        ep = self.current_ep
        if not run_action(self, lambda: lp.submit_participant(self.url, ep), level="warn"):
            return
        self._load_form()
        self._fill_participants()

    # -- narratives ------------------------------------------------------------------------------
    def _on_report(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        self.save_narrative()
        if item is None:
            return
        self.current_report = item.data(Qt.ItemDataRole.UserRole)
        narrative = next(n for n in load_view(self.url).narratives if n.report == self.current_report)
        self._sections = narrative.sections
        self._editable = narrative.status in lp.EDITABLE_REPORT_STATUSES
        self._loading = True
        self.section_combo.clear()
        for key in [k for k in SECTION_TITLES if k in self._sections] + [
                k for k in self._sections if k not in SECTION_TITLES and isinstance(self._sections[k], str)]:
            self.section_combo.addItem(SECTION_TITLES.get(key, key.replace("_", " ").capitalize()), key)
        self._loading = False
        self._show_section()

    def _show_section(self) -> None:
        key = self.section_combo.currentData()
        self._loading = True
        self.section_text.setPlainText(str(self._sections.get(key, "")) if key else "")
        self.section_text.setReadOnly(not getattr(self, "_editable", False))
        self._loading = False

    def save_narrative(self) -> None:
        self._narrative_timer.stop()
        key = self.section_combo.currentData()
        if not self.current_report or not key or not getattr(self, "_editable", False):
            return
        text = self.section_text.toPlainText()
        if text == self._sections.get(key):
            return
        report = self.current_report
        if not run_action(self, lambda: lp.save_narrative(self.url, report, {key: text}), level="warn"):
            return
        self._sections = {**self._sections, key: text}
        self.statusBar().showMessage("Uraian tersimpan otomatis.", 3000)

    # -- sending back ----------------------------------------------------------------------------
    def send_back(self, path: str | None = None) -> Path | None:
        self.save_narrative()
        view = load_view(self.url)
        suggested = f"kiriman-{view.event.split(' - ')[0]}-{view.return_sequence + 1}.ukom"  # no name on the stick
        target = path or ask_return_path(self, suggested)
        if not target:
            return None
        # a refused folder, a full disk: a sentence naming the file; nothing half-written stays
        written = run_action(self, lambda: lp.write_return(self.url, Path(target)),
                             report=lambda text: messages.error(self, f"Paket kiriman tidak dapat ditulis. {text}"))
        done = written.value
        if done is None:
            return None
        messages.info(self, f"Kiriman ke-{done.sequence} tersimpan di {done.path}:\n{done.cells} isian penilaian "
                            f"dan {done.narratives} uraian laporan. Serahkan berkas ini kepada sekretariat; "
                            "Anda dapat mengirim lagi nanti.")
        return done.path

    def closeEvent(self, event) -> None:  # noqa: N802, ANN001
        self.save_narrative()
        super().closeEvent(event)


def _levels(max_level: int, step: float) -> list[float]:
    values, v = [], 1.0
    while v <= max_level + 1e-9:
        values.append(v)
        v += step
    return values
