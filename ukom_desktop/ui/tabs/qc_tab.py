"""QC Laporan: every participant's individual report, its status, author, reviewer, days in the status,
the deadline from the event's plan (overdue rows highlighted), the automatic checks; filters by status,
assessor and wave; actions to submit, review, assign the reviewer and record delivery."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QToolButton

from ukom_desktop.domain.dates import format_date_id
from ukom_desktop.domain.nip import format_nip
from ukom_desktop.ui import messages
from ukom_desktop.ui.icons import icon
from ukom_desktop.ui.models.record_table_model import Column, RecordTableModel

from .base import RecordTab

BACKGROUND_ROLE = 8  # Qt.ItemDataRole.BackgroundRole
FOREGROUND_ROLE = 9  # Qt.ItemDataRole.ForegroundRole
OVERDUE_BACKGROUND = "#fde2e1"
OVERDUE_FOREGROUND = "#9b1c1c"
ALL = "__semua__"


class QcTableModel(RecordTableModel):
    """Rows of the QC tab; an overdue row is painted light red with dark red text."""

    def data(self, index, role: int = 0) -> Any:  # type: ignore[no-untyped-def]
        if role in (BACKGROUND_ROLE, FOREGROUND_ROLE) and index.isValid():
            row = self.row_object(index.row())
            if getattr(row, "overdue", False):
                from PySide6.QtGui import QColor

                return QColor(OVERDUE_BACKGROUND if role == BACKGROUND_ROLE else OVERDUE_FOREGROUND)
            return None
        return super().data(index, role)

    def cell_text(self, row: int, column: int) -> str:
        key = self.columns[column].key
        if key == "deadline":
            return _deadline_text(self.row_object(row))
        if key == "checks":
            return _checks_text(self.row_object(row))
        return super().cell_text(row, column)


def _deadline_text(row: Any) -> str:
    if row.deadline is None:
        return ""
    text = format_date_id(row.deadline)
    if row.overdue:
        return f"{text} (lewat {-(row.days_left or 0)} hari)"
    return text


def _checks_text(row: Any) -> str:
    if row.failed_checks is None:
        return ""
    return "Lulus" if not row.failed_checks else ", ".join(row.failed_checks)


class QcTab(RecordTab):
    title = "QC Laporan"
    settings_key = "qc"
    needs_event = True
    empty_hint = "Kegiatan ini belum memiliki peserta, sehingga belum ada laporan."
    #: The day deadlines and days in status are measured against; None: the computer's date today.
    #: The one place to fix the day (tests set it, then call refresh()).
    today: date | None = None

    def __init__(self, context, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(context, parent)
        self.model = QcTableModel(self.columns())
        self._all_rows: list[Any] = []
        self.overview: Any = None

    def columns(self) -> Sequence[Column]:
        return (
            Column("number", "No", lambda r: r.number, align_right=True, width=45),
            Column("nip", "NIP", lambda r: r.nip, format_nip, width=165),
            Column("name", "Nama peserta", lambda r: r.name, width=200),
            Column("wave", "Gel.", lambda r: r.wave, align_right=True, width=40),
            Column("status", "Status laporan", lambda r: r.status, lambda v: _status_label(v), width=110),
            Column("author", "Penulis", lambda r: r.author, width=160),
            Column("reviewer", "Pemeriksa", lambda r: r.reviewer, width=160),
            Column("days", "Lama (hari)", lambda r: r.days_in_status, align_right=True, width=80),
            Column("deadline", "Tenggat", lambda r: r.deadline, width=250),
            Column("revision", "Revisi", lambda r: r.revision, align_right=True, width=50),
            Column("checks", "Pemeriksaan otomatis", lambda r: len(r.failed_checks or ()), width=260),
        )

    # -- widgets ------------------------------------------------------------------------------
    def _setup_ui(self) -> None:
        super()._setup_ui()
        # The summary gets its own line so filters and buttons fit a 1024-pixel-wide window.
        self.actions_bar.removeWidget(self.hint)
        self.layout().insertWidget(0, self.hint)
        self.status_filter = QComboBox()
        self.assessor_filter = QComboBox()
        self.assessor_filter.setMinimumWidth(140)
        self.wave_filter = QComboBox()
        for combo in (self.status_filter, self.assessor_filter, self.wave_filter):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(10)
        filters = QHBoxLayout()
        for label, combo in (("Status:", self.status_filter), ("Asesor:", self.assessor_filter),
                             ("Gelombang:", self.wave_filter)):
            filters.addWidget(QLabel(label))
            filters.addWidget(combo)
        filters.addStretch(1)
        self.layout().insertLayout(1, filters)
        self.actions_bar.addStretch(1)
        self.review_button = self._button("qc", "Periksa...", "Buka laporan terpilih untuk diperiksa (QC)")
        self.submit_button = self._button("edit", "Ajukan ke QC", "Ajukan laporan terpilih (oleh penulis) ke QC")
        self.reviewer_button = self._button("assessors", "Pemeriksa...", "Tetapkan pemeriksa QC laporan terpilih")
        self.deliver_button = self._button("print", "Serahkan", "Catat laporan terpilih yang disetujui sebagai "
                                                                 "sudah diserahkan")

    def _button(self, icon_name: str, text: str, tip: str) -> QToolButton:
        from PySide6.QtCore import Qt

        button = QToolButton()
        button.setIcon(icon(icon_name))
        button.setText(text)
        button.setToolTip(tip)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.add_tool_button(button)
        return button

    def _connect_signals(self) -> None:
        for combo in (self.status_filter, self.assessor_filter, self.wave_filter):
            combo.currentIndexChanged.connect(self._apply_filters)
        self.table.activated.connect(lambda row: self.open_review(row))
        self.review_button.clicked.connect(lambda: self.open_review())
        self.submit_button.clicked.connect(self.submit_selected)
        self.reviewer_button.clicked.connect(self.assign_reviewer)
        self.deliver_button.clicked.connect(self.deliver_selected)

    # -- data ---------------------------------------------------------------------------------
    def fetch(self, session: Any) -> Sequence[Any]:
        from ukom_desktop.services.qc_overview import qc_overview

        self.overview = qc_overview(session, self.context.event_id, today=self.today, with_checks=True)
        return list(self.overview.rows)

    def refresh(self) -> None:
        super().refresh()
        self._all_rows = self.model.rows()
        self._fill_filters()
        self._apply_filters()

    def _fill_filters(self) -> None:
        from ukom_desktop.services.qc_overview import STATUS_ORDER, status_label

        rows = self._all_rows
        options = {
            self.status_filter: [(status_label(s), s) for s in STATUS_ORDER if any(r.status == s for r in rows)],
            self.assessor_filter: sorted({(n, n) for r in rows for n in (r.author, r.reviewer) if n}),
            self.wave_filter: [(f"Gelombang {w}", w) for w in sorted({r.wave for r in rows if r.wave is not None})],
        }
        for combo, items in options.items():
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem("Semua", ALL)
            for text, value in items:
                combo.addItem(text, value)
            index = combo.findData(current)
            combo.setCurrentIndex(index if index >= 0 else 0)
            combo.blockSignals(False)

    def _apply_filters(self) -> None:
        status, assessor, wave = (c.currentData() for c in (self.status_filter, self.assessor_filter,
                                                              self.wave_filter))
        rows = [
            r for r in self._all_rows
            if (status in (ALL, None) or r.status == status)
            and (assessor in (ALL, None) or assessor in (r.author, r.reviewer))
            and (wave in (ALL, None) or r.wave == wave)
        ]
        self.model.set_rows(rows)
        if self._all_rows:
            self.hint.setText(self.describe(rows))

    def describe(self, rows: Sequence[Any]) -> str:
        from ukom_desktop.services.qc_overview import status_label

        data = self.overview
        counts = {}
        for r in rows:
            counts[r.status] = counts.get(r.status, 0) + 1
        parts = [f"{status_label(s)} {n}" for s, n in counts.items()]
        text = f"{len(rows)} laporan: " + ", ".join(parts) + "."
        overdue = sum(1 for r in rows if r.overdue)
        if overdue:
            text += f" {overdue} terlambat."
        if data is not None and data.report_due is not None:
            text += (f" Tenggat penulisan {format_date_id(data.report_due)}, QC {format_date_id(data.qc_due)}.")
        return text

    # -- actions ------------------------------------------------------------------------------
    def _selected(self) -> list[Any]:
        rows = self.table.selected_rows()
        if not rows:
            messages.info(self, "Pilih dulu satu atau beberapa laporan pada tabel.")
        return rows

    def _write(self, work, what: str) -> bool:  # type: ignore[no-untyped-def]
        from ukom_desktop.ui.actions import in_transaction, status_message

        outcome = in_transaction(self, self.context, work, level="warn")
        if not outcome:
            return False
        self.context.data_changed.emit("reports")
        self.mark_dirty()
        if outcome.value:
            status_message(self, str(outcome.value))
        return True

    def open_review(self, row: Any = None) -> None:
        if row is None:
            rows = self._selected()
            if not rows:
                return
            row = rows[0]
        if row.report_id is None:
            messages.info(self, f"Laporan {row.name} belum dibuat oleh asesor penulis.")
            return
        from ukom_desktop.ui.qc.review_dialog import ReviewDialog

        dialog = ReviewDialog(self.context, row.event_participant_id, self)
        self.review_dialog = dialog
        dialog.changed.connect(self.mark_dirty)
        dialog.open()

    def submit_selected(self) -> None:
        rows = self._selected()
        if not rows:
            return
        from ukom_desktop.services import report_qc

        def work(session: Any) -> str:
            done = [report_qc.submit(session, r.event_participant_id, actor=r.author or "penulis") for r in rows]
            return done[-1].message if len(done) == 1 else f"{len(done)} laporan diajukan ke QC."

        self._write(work, "ajukan")

    def deliver_selected(self) -> None:
        rows = self._selected()
        if not rows:
            return
        from ukom_desktop.services import report_qc

        ids = [r.event_participant_id for r in rows if r.status == "disetujui"]
        if not ids:
            messages.info(self, "Hanya laporan berstatus Disetujui yang dapat diserahkan.")
            return
        if not messages.confirm(self, f"Catat {len(ids)} laporan yang disetujui sebagai sudah diserahkan?"):
            return
        self._write(lambda s: f"{report_qc.deliver_many(s, ids, actor='admin')} laporan tercatat diserahkan.",
                    "serahkan")

    def assign_reviewer(self) -> None:
        rows = [r for r in self._selected() if r.report_id is not None]
        if not rows:
            return
        from PySide6.QtWidgets import QInputDialog

        from ukom_desktop.services.ratings import team_assessors

        with self.context.session() as session:
            team = team_assessors(session, self.context.event_id)
        names = [a.name for a in team]
        if not names:
            messages.info(self, "Tim kegiatan ini belum memiliki asesor.")
            return
        name, ok = QInputDialog.getItem(self, "Pemeriksa QC", "Pemeriksa untuk laporan terpilih:", names, 0, False)
        if not ok:
            return
        member = team[names.index(name)].id
        from ukom_desktop.services import report_qc

        ids = [r.event_participant_id for r in rows]
        self._write(lambda s: f"Pemeriksa {name} ditetapkan untuk {report_qc.assign_reviewer(s, ids, member)} "
                              "laporan.", "pemeriksa")


def _status_label(value: str) -> str:
    from ukom_desktop.domain.labels import REPORT_STATUS, label

    return label(REPORT_STATUS, value)
