"""Admin and reviewer QC: the audit log filtered by user, kind, event and date, exported to Excel."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ukom_desktop.ui import messages
from ukom_desktop.ui.actions import in_transaction
from ukom_desktop.ui.geometry import fit_to_screen
from ukom_desktop.ui.widgets.date_field import DateField

if TYPE_CHECKING:
    from ukom_desktop.services.audit_view import AuditFilter
    from ukom_desktop.ui.context import AppContext

HEADERS = ("Waktu", "Pengguna", "Tindakan", "Objek", "ID", "Keterangan")
ALL = "(semua)"


class AuditDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        from ukom_desktop.services.audit_view import audit_kinds, audit_users
        from ukom_desktop.services.listings import list_events

        super().__init__(parent)
        self.context = context
        self.setWindowTitle("Catatan audit")
        fit_to_screen(self, 1000, 560)
        layout = QVBoxLayout(self)
        filters = QGridLayout()
        self.user = QComboBox()
        self.kind = QComboBox()
        self.event = QComboBox()
        with context.session() as session:
            users, kinds, events = audit_users(session), audit_kinds(session), list_events(session)
        self.user.addItem(ALL, None)
        for name in users:
            self.user.addItem(name, name)
        from ukom_desktop.services.audit_view import KIND_LABELS

        self.kind.addItem(ALL, None)
        for kind in kinds:
            self.kind.addItem(KIND_LABELS.get(kind, kind), kind)
        self.event.addItem(ALL, None)
        for row in events:
            self.event.addItem(f"{row.code} - {row.name}", row.code)
        self.use_dates = QCheckBox("Tanggal")
        self.date_from = DateField(date.today() - timedelta(days=30), show_day=False)
        self.date_to = DateField(date.today(), show_day=False)
        filters.addWidget(QLabel("Pengguna:"), 0, 0)
        filters.addWidget(self.user, 0, 1)
        filters.addWidget(QLabel("Tindakan:"), 0, 2)
        filters.addWidget(self.kind, 0, 3)
        filters.addWidget(QLabel("Kegiatan:"), 1, 0)
        filters.addWidget(self.event, 1, 1)
        dates = QHBoxLayout()
        dates.addWidget(self.use_dates)
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel("s.d."))
        dates.addWidget(self.date_to)
        filters.addLayout(dates, 1, 2, 1, 2)
        layout.addLayout(filters)
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.count = QLabel("")
        export = QPushButton("Ekspor ke Excel...")
        close = QPushButton("Tutup")
        buttons.addWidget(self.count)
        buttons.addStretch(1)
        buttons.addWidget(export)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        for combo in (self.user, self.kind, self.event):
            combo.currentIndexChanged.connect(self.reload)
        self.use_dates.toggled.connect(self.reload)
        self.date_from.dateChanged.connect(self.reload)
        self.date_to.dateChanged.connect(self.reload)
        export.clicked.connect(self.export)
        close.clicked.connect(self.accept)
        self.reload()

    def current_filter(self) -> AuditFilter:
        from ukom_desktop.services.audit_view import AuditFilter

        def day(field: DateField) -> date | None:
            return field.date()

        return AuditFilter(
            user=self.user.currentData(), kind=self.kind.currentData(), event_code=self.event.currentData(),
            date_from=day(self.date_from) if self.use_dates.isChecked() else None,
            date_to=day(self.date_to) if self.use_dates.isChecked() else None, limit=5000,
        )

    def reload(self) -> None:
        from ukom_desktop.domain.permissions import local_when
        from ukom_desktop.services.audit_view import KIND_LABELS, audit_entries

        with self.context.session() as session:
            rows = audit_entries(session, self.current_filter())
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            day, clock = local_when(r.at)
            values = (f"{day} {clock}", r.user, KIND_LABELS.get(r.kind, r.kind), r.entity,
                      "" if r.entity_id is None else str(r.entity_id), r.note)
            for j, value in enumerate(values):
                self.table.setItem(i, j, QTableWidgetItem(value))
        self.count.setText(f"{len(rows)} catatan")

    def export(self) -> None:
        from ukom_desktop.services.audit_view import write_audit_workbook

        path, _ = QFileDialog.getSaveFileName(self, "Ekspor catatan audit", "catatan-audit.xlsx", "Excel (*.xlsx)")
        if not path:
            return
        chosen = self.current_filter()
        outcome = in_transaction(self, self.context, lambda session: write_audit_workbook(session, chosen, path))
        if outcome:
            messages.info(self, f"Catatan audit tersimpan: {outcome.value}")
