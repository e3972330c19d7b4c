"""Beranda, the first tab: the current event's SOP path, its figures (each a link to the tab that fixes
it), "Langkah berikutnya", progress bars and, once results exist, the categories per unit and the gap
heat map; printable to PDF. What it shows follows the user's roles when users exist (`roles`)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ukom_desktop.ui.actions import in_session, run_action, status_message
from ukom_desktop.ui.context import AppContext
from ukom_desktop.ui.home.charts import ChartWidget
from ukom_desktop.ui.icons import icon

STAGE_STYLE = {
    "done": "background:#e8f5e9;color:#1b5e20;border-radius:4px;padding:3px 6px;",
    "current": "background:#1565c0;color:white;font-weight:bold;border-radius:4px;padding:3px 6px;",
    "todo": "background:#eeeeee;color:#555555;border-radius:4px;padding:3px 6px;",
}


def _clear(layout: Any) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget()
        if widget is not None:
            widget.deleteLater()
        elif item.layout() is not None:
            _clear(item.layout())


class HomeTab(QWidget):
    title = "Beranda"
    open_tab = Signal(str)  # the key of the tab a figure or a hint leads to

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.data: Any = None
        #: Roles of the signed-in user (identity work); None shows everything. Read from the context
        #: when it has `roles`, so the login only needs to set them there.
        self.roles: frozenset[str] | None = None
        self.today: Any = None  # the day deadlines are measured against; None: today (tests set it)
        self.assessor_id: int | None = None  # the signed-in assessor's team member (context.assessor_id)
        self._dirty = True
        self.figure_buttons: dict[str, QPushButton] = {}
        self.hint_buttons: list[QPushButton] = []
        self._setup_ui()
        context.database_changed.connect(self.mark_dirty)
        context.event_changed.connect(lambda _id: self.mark_dirty())

    # -- construction ------------------------------------------------------------------------------
    def _setup_ui(self) -> None:
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-size:15px;font-weight:bold;")
        top.addWidget(self.heading, 1)
        self.print_button = QPushButton(icon("print"), "Cetak Beranda (PDF)...")
        self.print_button.clicked.connect(self._on_print)
        top.addWidget(self.print_button)
        outer.addLayout(top)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        self.body = QVBoxLayout(body)
        scroll.setWidget(body)
        outer.addWidget(scroll)

        self.path_row = QHBoxLayout()
        self.body.addLayout(self.path_row)
        self.stage_left = QLabel()
        self.stage_left.setWordWrap(True)
        self.body.addWidget(self.stage_left)

        columns = QHBoxLayout()
        self.figures_box = QGroupBox("Angka kegiatan (klik untuk membuka tab terkait)")
        self.figures_grid = QGridLayout(self.figures_box)
        columns.addWidget(self.figures_box, 3)
        right = QVBoxLayout()
        self.hints_box = QGroupBox("Langkah berikutnya")
        self.hints_layout = QVBoxLayout(self.hints_box)
        right.addWidget(self.hints_box)
        self.reports_box = QGroupBox("Laporan per status QC")
        self.reports_grid = QGridLayout(self.reports_box)
        right.addWidget(self.reports_box)
        right.addStretch(1)
        columns.addLayout(right, 2)
        self.body.addLayout(columns)

        self.my_day_box = QGroupBox("Jadwal saya hari ini")
        self.my_day = QLabel()
        self.my_day.setWordWrap(True)
        QVBoxLayout(self.my_day_box).addWidget(self.my_day)
        self.body.addWidget(self.my_day_box)
        self.my_day_box.setVisible(False)

        self.assessors_box = QGroupBox("Nilai terisi per asesor")
        self.assessors_grid = QGridLayout(self.assessors_box)
        self.body.addWidget(self.assessors_box)

        self.pictures = QWidget()
        pictures = QHBoxLayout(self.pictures)
        pictures.setContentsMargins(0, 0, 0, 0)
        cat_box = QGroupBox("Kategori hasil per unit kerja")
        QVBoxLayout(cat_box).addWidget(chart := ChartWidget("categories"))
        self.category_chart = chart
        gap_box = QGroupBox("Peta kesenjangan: level akhir dikurangi standar")
        QVBoxLayout(gap_box).addWidget(heat := ChartWidget("gaps"))
        self.heat_map = heat
        pictures.addWidget(cat_box)
        pictures.addWidget(gap_box)
        self.body.addWidget(self.pictures)
        self.body.addStretch(1)

    # -- data --------------------------------------------------------------------------------------
    def mark_dirty(self) -> None:
        self._dirty = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        super().showEvent(event)
        if self._dirty:  # after this paint, so the window (or the tab) appears before the queries run
            QTimer.singleShot(0, self._refresh_if_dirty)

    def _refresh_if_dirty(self) -> None:
        if self._dirty and self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        self._dirty = False
        self.data = None
        if self.context.database is None or self.context.event_id is None:
            self._show_empty()
            return
        from ukom_desktop.services.dashboard import dashboard

        roles = getattr(self.context, "roles", None) or self.roles
        assessor_id = getattr(self.context, "assessor_id", None) or self.assessor_id
        event_id = self.context.event_id
        outcome = in_session(self, self.context,
                             lambda s: dashboard(s, event_id, today=self.today, roles=roles,
                                                 assessor_id=assessor_id))
        if not outcome:
            self._show_empty()
            return
        self.data = outcome.value
        self._fill(self.data)

    def _show_empty(self) -> None:
        if self.context.database is None:
            self.heading.setText("Belum ada basis data yang terbuka.")
        else:
            self.heading.setText("Belum ada kegiatan. Mulai di tab Kegiatan: buat kegiatan baru, atau "
                                 "Berkas > Data contoh untuk mencoba aplikasi.")
        for layout in (self.path_row, self.figures_grid, self.hints_layout, self.reports_grid,
                       self.assessors_grid):
            _clear(layout)
        self.stage_left.clear()
        self.figure_buttons.clear()
        self.hint_buttons.clear()
        self.pictures.setVisible(False)
        self.assessors_box.setVisible(False)
        self.print_button.setEnabled(False)

    def _fill(self, d: Any) -> None:
        self.print_button.setEnabled(True)
        self.heading.setText(f"{d.event_code} - {d.event_name}  (tahap: {d.status_label})")
        _clear(self.path_row)
        for stage in d.stages:
            label = QLabel(stage.label)
            state = "current" if stage.current else "done" if stage.done else "todo"
            label.setStyleSheet(STAGE_STYLE[state])
            self.path_row.addWidget(label)
        self.path_row.addStretch(1)
        self.stage_left.setText(
            "Tahap ini belum selesai: " + "; ".join(d.steps_left) if d.steps_left
            else "Semua langkah tahap ini sudah selesai; kegiatan dapat dilanjutkan ke tahap berikutnya.")

        _clear(self.figures_grid)
        self.figure_buttons.clear()
        for row, f in enumerate(d.figures):
            button = QPushButton(f"{f.label}: {f.text}")
            button.setFlat(True)
            button.setStyleSheet("text-align:left;" + ("color:#b71c1c;font-weight:bold;" if f.warning else ""))
            button.setToolTip("Buka tab yang menangani angka ini")
            button.clicked.connect(lambda _c=False, tab=f.tab: self.open_tab.emit(tab))
            self.figure_buttons[f.key] = button
            self.figures_grid.addWidget(button, row, 0)
            if f.total is not None:
                self.figures_grid.addWidget(self._bar(f.value, f.total), row, 1)

        _clear(self.hints_layout)
        self.hint_buttons.clear()
        for hint in d.hints:
            button = QPushButton(hint.text)
            button.setFlat(True)
            button.setStyleSheet("text-align:left;color:#0d47a1;")
            button.clicked.connect(lambda _c=False, tab=hint.tab: self.open_tab.emit(tab))
            self.hint_buttons.append(button)
            self.hints_layout.addWidget(button)
        if not d.hints:
            self.hints_layout.addWidget(QLabel("Tidak ada yang tertunda."))

        _clear(self.reports_grid)
        total_reports = sum(n for _label, n in d.report_counts)
        for row, (label, n) in enumerate(d.report_counts):
            self.reports_grid.addWidget(QLabel(f"{label}: {n}"), row, 0)
            self.reports_grid.addWidget(self._bar(n, total_reports), row, 1)

        _clear(self.assessors_grid)
        self.assessors_box.setVisible(bool(d.assessor_progress))
        for index, (name, filled, expected) in enumerate(d.assessor_progress):
            row, col = divmod(index, 2)
            self.assessors_grid.addWidget(QLabel(name), row, col * 2)
            self.assessors_grid.addWidget(self._bar(filled, expected), row, col * 2 + 1)

        self.my_day_box.setVisible(d.my_missing is not None)
        if d.my_missing is not None:
            lines = [f"{t}  {exercise}, {room}: {people}" for t, exercise, room, people in d.my_sessions]
            self.my_day.setText("\n".join(lines or ["Tidak ada sesi hari ini."])
                                + f"\n\nNilai yang belum Anda isi: {d.my_missing}")

        self.pictures.setVisible(d.has_results)
        self.category_chart.set_data(d.categories, d.categories_by_unit)
        self.heat_map.set_data(d.competencies, d.gap_by_unit)

    @staticmethod
    def _bar(value: int, total: int) -> QProgressBar:
        bar = QProgressBar()
        bar.setRange(0, max(total, 1))
        bar.setValue(min(value, max(total, 1)))
        bar.setFormat(f"{value} dari {total}")
        bar.setMaximumHeight(18)
        return bar

    # -- printing ----------------------------------------------------------------------------------
    def _on_print(self) -> None:
        if self.data is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, "Cetak Beranda", f"beranda-{self.data.event_code}.pdf",
                                              "Dokumen PDF (*.pdf)")
        if path:
            self.print_to(path)

    def print_to(self, path: str) -> None:
        from ukom_desktop.domain.dates import format_date_id
        from ukom_desktop.ui.home.pdf import write_dashboard_pdf

        def write() -> Any:
            from datetime import date

            return write_dashboard_pdf(self.data, path, format_date_id(self.today or date.today()))

        if run_action(self, write):
            status_message(self, f"Beranda tercetak: {path}")
