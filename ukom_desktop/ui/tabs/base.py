"""A tab that lists records of the open database, loaded when the tab is first shown."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from ukom_desktop.ui.context import AppContext
from ukom_desktop.ui.models.record_table_model import Column, RecordTableModel
from ukom_desktop.ui.widgets.record_table import RecordTable


class RecordTab(QWidget):
    """Subclasses give `columns`, `settings_key` and `fetch(session)`; `needs_event` tabs follow the event.

    The widgets inside are built when the tab is first shown, so the window appears quickly.
    """

    title = ""
    settings_key = ""
    needs_event = False
    empty_hint = "Belum ada data."

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._dirty = True
        self._built = False
        self.model = RecordTableModel(self.columns())
        self.context.database_changed.connect(self.mark_dirty)
        if self.needs_event:
            self.context.event_changed.connect(lambda _id: self.mark_dirty())

    def columns(self) -> Sequence[Column]:
        raise NotImplementedError

    def fetch(self, session: Any) -> Sequence[Any]:
        raise NotImplementedError

    @property
    def is_built(self) -> bool:
        return self._built

    def ensure_built(self) -> None:
        if not self._built:
            self._built = True
            self._setup_ui()
            self._connect_signals()

    def _connect_signals(self) -> None:
        """Subclasses connect their widgets' signals here (called once, after _setup_ui)."""

    def _setup_ui(self) -> None:
        layout = QVBoxLayout(self)
        self.actions_bar = QHBoxLayout()
        self.hint = QLabel()
        self.hint.setObjectName("tabHint")
        self.hint.setWordWrap(True)
        self.hint.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.actions_bar.addWidget(self.hint, 1)
        layout.addLayout(self.actions_bar)
        self.table = RecordTable(self.model, self.settings_key)
        self.table.set_export_handler(self._on_export)
        layout.addWidget(self.table)

    def add_tool_button(self, button: QToolButton) -> None:
        self.actions_bar.addWidget(button)

    def mark_dirty(self) -> None:
        self._dirty = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        super().showEvent(event)
        self.ensure_built()
        if self._dirty:
            self.refresh()

    def refresh(self) -> None:
        self.ensure_built()
        self._dirty = False
        if self.context.database is None:
            self.model.set_rows([])
            self.hint.setText("Belum ada basis data yang terbuka.")
            return
        if self.needs_event and self.context.event_id is None:
            self.model.set_rows([])
            self.hint.setText("Pilih kegiatan pada daftar di bilah alat untuk melihat datanya.")
            return
        with self.context.session() as session:
            rows = self.fetch(session)
        self.model.set_rows(rows)
        self.hint.setText(self.describe(rows) if rows else self.empty_hint)

    def describe(self, rows: Sequence[Any]) -> str:
        return ""

    def export_title(self) -> str:
        return self.title

    def _on_export(self) -> None:
        from ukom_desktop.ui.actions import status_message
        from ukom_desktop.ui.table_export import export_table

        target = export_table(self.table, self.export_title(), f"{self.settings_key}.xlsx")
        if target is not None:
            status_message(self, f"Tersimpan: {target}")
