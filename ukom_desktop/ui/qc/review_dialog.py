"""Review of one individual report (QC): the report on the left (with the diff since the last review and
the status history), its results, independent ratings and automatic checks on the right; comments
anchored to a section; Kembalikan / Setujui enabled by the status machine and the checks."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ukom_desktop.domain.nip import format_nip
from ukom_desktop.ui import messages
from ukom_desktop.ui.context import AppContext
from ukom_desktop.ui.geometry import fit_to_screen
from ukom_desktop.ui.qc import review_views as views


class ReviewDialog(QDialog):
    changed = Signal()

    def __init__(self, context: AppContext, event_participant_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.event_participant_id = event_participant_id
        self.data: Any = None
        self.setWindowTitle("Pemeriksaan Laporan (QC)")
        fit_to_screen(self, 1280, 820)
        self._setup_ui()
        self._connect_signals()
        self.reload()

    # -- construction -------------------------------------------------------------------------
    def _setup_ui(self) -> None:
        layout = QVBoxLayout(self)
        self.header = QLabel()
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(True)
        layout.addWidget(self.header)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.left_tabs = QTabWidget()
        self.report_view = QTextBrowser()
        self.diff_view = QTextBrowser()
        self.history_view = QTextBrowser()
        self.left_tabs.addTab(self.report_view, "Laporan")
        self.left_tabs.addTab(self.diff_view, "Perubahan sejak pemeriksaan terakhir")
        self.left_tabs.addTab(self.history_view, "Riwayat status")
        splitter.addWidget(self.left_tabs)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(QLabel("<b>Pemeriksaan otomatis</b>"))
        self.checks_view = QTextBrowser()
        self.checks_view.setMaximumHeight(190)
        right_layout.addWidget(self.checks_view)
        self.right_tabs = QTabWidget()
        right_layout.addWidget(self.right_tabs, 1)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        right_layout.addWidget(self.result_label)
        splitter.addWidget(right)
        splitter.setSizes([640, 620])
        layout.addWidget(splitter, 1)

        comment_row = QHBoxLayout()
        comment_row.addWidget(QLabel("Komentar pada bagian:"))
        self.section_combo = QComboBox()
        from ukom_desktop.services.report_qc import COMMENT_SECTIONS

        for key, label in COMMENT_SECTIONS.items():
            self.section_combo.addItem(label, key)
        comment_row.addWidget(self.section_combo)
        self.comment_edit = QPlainTextEdit()
        self.comment_edit.setPlaceholderText("Tulis komentar untuk penulis; untuk Kembalikan, catatan ini wajib diisi.")
        self.comment_edit.setMaximumHeight(70)
        comment_row.addWidget(self.comment_edit, 1)
        self.add_comment_button = QPushButton("Tambah komentar")
        comment_row.addWidget(self.add_comment_button)
        layout.addLayout(comment_row)

        actions = QHBoxLayout()
        actions.addWidget(QLabel("Pemeriksa:"))
        self.reviewer_combo = QComboBox()
        self.reviewer_combo.setMinimumWidth(220)
        actions.addWidget(self.reviewer_combo)
        self.action_hint = QLabel()
        self.action_hint.setWordWrap(True)
        actions.addWidget(self.action_hint, 1)
        self.return_button = QPushButton("Kembalikan ke penulis")
        self.approve_button = QPushButton("Setujui")
        self.reopen_button = QPushButton("Revisi baru...")
        self.reopen_button.setToolTip("Buka kembali laporan yang sudah disetujui agar dapat diubah (alasan wajib)")
        self.close_button = QPushButton("Tutup")
        for button in (self.return_button, self.approve_button, self.reopen_button, self.close_button):
            actions.addWidget(button)
        layout.addLayout(actions)

    def _connect_signals(self) -> None:
        self.add_comment_button.clicked.connect(self._on_add_comment)
        self.return_button.clicked.connect(self._on_return)
        self.approve_button.clicked.connect(self._on_approve)
        self.reopen_button.clicked.connect(lambda: self.reopen())
        self.close_button.clicked.connect(self.accept)

    # -- data ---------------------------------------------------------------------------------
    def reload(self) -> None:
        from ukom_desktop.services.ratings import team_assessors
        from ukom_desktop.services.report_review import review_data

        with self.context.session() as session:
            self.data = data = review_data(session, self.event_participant_id)
            team = team_assessors(session, data.result.event_id)
        r = data.result
        status = data.status.label
        number = f", nomor {data.report_number}" if data.report_number else ""
        self.header.setText(
            f"<b style='font-size:13pt'>{views._esc(r.name)}</b> &nbsp; NIP {format_nip(r.nip)} &nbsp;|&nbsp; "
            f"{views._esc(r.unit)}<br>Jabatan sasaran: {views._esc(r.position_name)} &nbsp;|&nbsp; "
            f"Status: <b>{status}</b>, revisi {data.revision}{number} &nbsp;|&nbsp; "
            f"Penulis: {views._esc(data.author or '-')}"
            + (f"<br><b style='color:#9b1c1c'>{views._esc(data.integrity_warning)}</b>"
               if data.integrity_warning else "")
        )
        self.report_view.setHtml(views.report_html(data))
        self.diff_view.setHtml(views.diff_html(data.diff))
        changed = len(data.diff.changed_sections)
        self.left_tabs.setTabText(1, f"Perubahan sejak pemeriksaan terakhir ({changed})" if changed
                                  else "Perubahan sejak pemeriksaan terakhir")
        self.history_view.setHtml(views.history_html(data.history))
        self.checks_view.setHtml(views.checks_html(data.checks))
        while self.right_tabs.count():
            self.right_tabs.removeTab(0)
        self.right_tabs.addTab(views.levels_table(data), "Hasil integrasi")
        self.right_tabs.addTab(views.ratings_table(data), "Penilaian asesor")
        from ukom_desktop.services.results import format_jpm

        category = f"{r.category_name} ({r.category_code})" if r.category_code else "-"
        self.result_label.setText(f"JPM <b>{format_jpm(r.jpm)}</b>, kategori <b>{views._esc(category)}</b>"
                                  + (f", potensial {views._esc(r.potential_category)}" if r.potential_category else ""))
        self._fill_reviewers(team, data)
        self._update_buttons()

    def _fill_reviewers(self, team: list[Any], data: Any) -> None:
        current = self.reviewer_combo.currentData() or data.reviewer_id
        self.reviewer_combo.clear()
        for member in team:
            if member.id != data.author_id:
                self.reviewer_combo.addItem(member.name, member.id)
        index = self.reviewer_combo.findData(current)
        self.reviewer_combo.setCurrentIndex(index if index >= 0 else (0 if self.reviewer_combo.count() else -1))

    def _update_buttons(self) -> None:
        data = self.data
        back, ok = data.action("kembalikan"), data.action("setujui")
        self.return_button.setEnabled(back is not None and back.enabled)
        self.approve_button.setEnabled(ok is not None and ok.enabled)
        self.reopen_button.setEnabled(data.action("revisi_baru") is not None)
        if ok is None and back is None:  # a follow-up note, not an error
            self.action_hint.setStyleSheet("color: palette(dark);")
            self.action_hint.setText(self._follow_up(data))
        elif ok is not None and not ok.enabled:  # what blocks approval
            self.action_hint.setStyleSheet("color:#9b1c1c")
            self.action_hint.setText(ok.reason)
        else:
            self.action_hint.setText("")
        self.add_comment_button.setEnabled(data.status.value != "diserahkan")

    @staticmethod
    def _follow_up(data: Any) -> str:
        if data.status.value == "disetujui":
            number = f" dengan nomor {data.report_number}" if data.report_number else ""
            return (f"Laporan disetujui dan terkunci{number}. Langkah berikutnya: cetak melalui Cetak > Laporan "
                    "individu, lalu catat penyerahannya di tab QC Laporan.")
        return f"Laporan berstatus {data.status.label}: tidak ada tindakan QC saat ini."

    # -- actions ------------------------------------------------------------------------------
    def _actor(self) -> str:
        return self.reviewer_combo.currentText() or "Pemeriksa QC"

    def _write(self, work) -> bool:  # type: ignore[no-untyped-def]
        from ukom_desktop.ui.actions import in_transaction, status_message

        outcome = in_transaction(self, self.context, work, level="warn")
        if not outcome:
            return False
        self.reload()
        self.changed.emit()
        self.context.data_changed.emit("reports")
        done = outcome.value
        if done is not None and getattr(done, "message", ""):
            status_message(self.parentWidget(), done.message)
        return True

    def _on_add_comment(self) -> None:
        from ukom_desktop.services import report_qc

        text, section = self.comment_edit.toPlainText(), self.section_combo.currentData()
        if self._write(lambda s: report_qc.add_comment(s, self.event_participant_id, section, text,
                                                       author=self._actor())):
            self.comment_edit.clear()

    def _on_return(self) -> None:
        from ukom_desktop.services import report_qc

        text = self.comment_edit.toPlainText().strip()
        if not text:
            messages.warn(self, "Tulis catatan pengembalian untuk penulis pada kotak komentar terlebih dahulu.")
            return
        section = self.section_combo.currentData()
        name = self.data.result.name if self.data is not None else "peserta ini"
        if not messages.confirm(self, f"Kembalikan laporan {name} ke penulis dengan catatan ini?\n\n{text}\n\n"
                                      "Penulis harus memperbaikinya dan mengajukannya lagi ke QC.",
                                "Kembalikan laporan"):
            return

        def work(session: Any) -> Any:
            return report_qc.return_report(session, self.event_participant_id, text, actor=self._actor(),
                                           reviewer_id=self.reviewer_combo.currentData(), section=section)

        if self._write(work):
            self.comment_edit.clear()

    def _on_approve(self) -> None:
        from ukom_desktop.services import report_qc

        name = self.data.result.name if self.data is not None else "peserta ini"
        if not messages.confirm(self, f"Setujui laporan {name}?\n\nLaporan yang disetujui dikunci (tidak dapat "
                                      "diubah lagi kecuali melalui Revisi baru dengan alasan) dan diberi nomor "
                                      "laporan.", "Setujui laporan"):
            return
        self._write(lambda s: report_qc.approve(s, self.event_participant_id, actor=self._actor(),
                                                reviewer_id=self.reviewer_combo.currentData()))

    def reopen(self, reason: str | None = None) -> bool:
        """"Revisi baru": the approved report goes back to draft; the reason is recorded."""
        from ukom_desktop.services import report_qc

        if reason is None:
            from PySide6.QtWidgets import QInputDialog

            reason, ok = QInputDialog.getText(self, "Revisi baru", "Alasan membuka kembali laporan yang disetujui:")
            if not ok:
                return False
        return self._write(lambda s: report_qc.new_revision(s, self.event_participant_id, reason or "",
                                                            actor=self._actor()))
