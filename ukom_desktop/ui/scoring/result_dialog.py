"""Hasil dan laporan of one participant: the psychogram on screen, JPM, category, potential, 9-box,
and the narrative editor of the individual report (paragraphs and "- " bullets) with starting text."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from ukom_desktop.ui import messages
from ukom_desktop.ui.context import AppContext
from ukom_desktop.ui.geometry import fit_to_screen
from ukom_desktop.ui.scoring.psychogram_widget import PsychogramWidget

TAB_TITLES = {"potensi": "Potensi", "kekuatan": "Kekuatan", "area_pengembangan": "Area pengembangan",
              "saran_pengembangan": "Saran pengembangan", "saran_penempatan": "Saran penempatan"}


class NarrativeEdit(QTextEdit):
    """Plain text with a light markup: blank line between paragraphs, "- " starts a bullet."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptRichText(False)
        self.setTabChangesFocus(True)

    def toggle_bullet(self) -> None:
        cursor = self.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock)
        line = cursor.block().text()
        if line.startswith("- "):
            cursor.movePosition(QTextCursor.MoveOperation.Right, QTextCursor.MoveMode.KeepAnchor, 2)
            cursor.removeSelectedText()
        else:
            cursor.insertText("- ")


class ResultDialog(QDialog):
    def __init__(self, context: AppContext, event_participant_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.event_participant_id = event_participant_id
        self.editors: dict[str, NarrativeEdit] = {}
        self.starting: dict[str, Any] = {}
        self.setWindowTitle("Hasil dan Laporan Individu")
        fit_to_screen(self, 1300, 760)
        self._setup_ui()
        self.load()

    def _setup_ui(self) -> None:
        from ukom_desktop.services.report_content import SECTION_KEYS

        layout = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.title)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel("<b>Psikogram</b>"))
        self.psychogram = PsychogramWidget()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.psychogram)
        self.scroll = scroll
        left_layout.addWidget(scroll, 1)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)
        left_layout.addWidget(self.summary)
        left_layout.addStretch(0)
        splitter.addWidget(left)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(QLabel("<b>Uraian laporan individu</b> (baris kosong memisahkan paragraf; "
                                      "\"- \" di awal baris menjadi butir)"))
        self.sections = QTabWidget()
        for key in SECTION_KEYS:
            editor = NarrativeEdit()
            self.editors[key] = editor
            self.sections.addTab(editor, TAB_TITLES.get(key, key))
        right_layout.addWidget(self.sections, 1)
        tools = QHBoxLayout()
        self.bullet_button = QPushButton("• Butir")
        self.bullet_button.setToolTip("Jadikan baris ini butir (atau kembalikan menjadi paragraf)")
        self.start_button = QPushButton("Isi teks awal")
        self.start_button.setToolTip("Ganti bagian ini dengan teks awal dari deskripsi level kompetensi")
        self.status = QLabel()
        tools.addWidget(self.bullet_button)
        tools.addWidget(self.start_button)
        tools.addWidget(self.status, 1)
        right_layout.addLayout(tools)
        splitter.addWidget(right)
        splitter.setSizes([640, 640])
        layout.addWidget(splitter, 1)

        buttons = QHBoxLayout()
        self.print_psychogram = QPushButton("Cetak psikogram...")
        self.print_report = QPushButton("Cetak laporan individu...")
        self.save_button = QPushButton("Simpan uraian")
        self.save_button.setDefault(True)
        close = QPushButton("Tutup")
        for button in (self.print_psychogram, self.print_report):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close)
        layout.addLayout(buttons)

        self.bullet_button.clicked.connect(lambda: self._current_editor().toggle_bullet())
        self.start_button.clicked.connect(self._on_starting_text)
        self.save_button.clicked.connect(self.save)
        close.clicked.connect(self.reject)
        self.print_psychogram.clicked.connect(lambda: self._print("psychograms"))
        self.print_report.clicked.connect(lambda: self._print("reports"))
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)

    def _current_editor(self) -> NarrativeEdit:
        editor = self.sections.currentWidget()
        assert isinstance(editor, NarrativeEdit)
        return editor

    def load(self) -> None:
        from ukom_desktop.documents.psychogram import fmt, fmt_percent
        from ukom_desktop.domain.dates import format_date_id
        from ukom_desktop.domain.nip import format_nip
        from ukom_desktop.services.report_content import report_row, starting_text
        from ukom_desktop.services.results import participant_result

        with self.context.session() as session:
            result = participant_result(session, self.event_participant_id)
            report = report_row(session, self.event_participant_id)
            sections = dict(report.sections) if report is not None else {}
            self.report_version = report.version if report is not None else 0
            self.starting = starting_text(session, result) if result.integrated else {}
            status = report.status.value if report is not None else ""
        self.result = result
        self.title.setText(f"<b>{result.name}</b> &nbsp; NIP {format_nip(result.nip)} &nbsp; {result.position_name} "
                           f"({result.job_level_name}) &nbsp; {result.purpose_label}")
        self.psychogram.set_rows(result.levels)
        self.scroll.setMaximumHeight(self.psychogram.sizeHint().height() + 6)
        if result.integrated:
            lines = [
                f"Jumlah capaian {fmt(result.total_final)} dari standar {fmt(result.total_standard)}; "
                f"<b>JPM {fmt_percent(result.jpm)}</b>, kategori <b>{result.category_name} "
                f"({result.category_code})</b>",
                f"Potensi: {result.potential_category or 'belum ada nilai'}"
                + (f"; {result.nine_box_description} (Kotak {result.nine_box})" if result.nine_box else ""),
                f"Berlaku sampai {format_date_id(result.valid_until)}" if result.valid_until else "",
            ]
            self.summary.setText("<br>".join(line for line in lines if line))
        else:
            self.summary.setText("Rapat integrasi belum menetapkan level akhir; laporan belum dapat ditulis.")
        locked = status in ("diajukan", "disetujui", "diserahkan")
        for key, editor in self.editors.items():
            editor.setPlainText(str(sections.get(key, self.starting.get(key, ""))))
            editor.document().setModified(False)
            editor.setReadOnly(locked or not result.integrated)
        for widget in (self.save_button, self.start_button, self.bullet_button):
            widget.setEnabled(result.integrated and not locked)
        self.status.setText(f"Laporan berstatus {status}; terkunci." if locked else "")

    def _on_starting_text(self) -> None:
        key = list(self.editors)[self.sections.currentIndex()]
        editor = self.editors[key]
        if editor.toPlainText().strip() and not messages.confirm(
            self, "Ganti isi bagian ini dengan teks awal? Tulisan Anda pada bagian ini akan hilang."
        ):
            return
        editor.setPlainText(str(self.starting.get(key, "")))

    def save(self) -> bool:
        from ukom_desktop.services.report_content import save_sections
        from ukom_desktop.ui.actions import in_transaction

        if not self.save_button.isEnabled():
            return False
        values = {key: editor.toPlainText() for key, editor in self.editors.items()}
        outcome = in_transaction(self, self.context,
                                 lambda s: save_sections(s, self.event_participant_id, values, actor="asesor",
                                                         expected_version=getattr(self, "report_version", None)),
                                 report=lambda text: self.status.setText(f"<span style='color:#b00020'>{text}</span>"))
        if not outcome:
            return False
        self.report_version = outcome.value.version
        for editor in self.editors.values():
            editor.document().setModified(False)
        self.status.setText("Uraian tersimpan.")
        return True

    def reject(self) -> None:
        if any(e.document().isModified() for e in self.editors.values()) and messages.confirm(
            self, "Ada uraian yang belum disimpan. Simpan sekarang?"
        ):
            self.save()
        super().reject()

    def _print(self, kind: str) -> None:
        from ukom_desktop.services.result_exports import psychograms_job, reports_job, run_job

        name = "Psikogram" if kind == "psychograms" else "Laporan Individu"
        path, _ = QFileDialog.getSaveFileName(self, f"Simpan {name.lower()}", f"{name} {self.result.name}.pdf",
                                              "PDF (*.pdf)")
        if not path:
            return
        if kind == "reports" and self.save_button.isEnabled():
            self.save()
        job = psychograms_job if kind == "psychograms" else reports_job
        with self.context.session() as session:
            kwargs = {"with_group": False} if kind == "psychograms" else {"include_drafts": True}  # DRAF unless approved
            run_job(job(session, self.result.event_id, path, ids=[self.event_participant_id], **kwargs))
        self.status.setText(f"Tersimpan: {path}")
