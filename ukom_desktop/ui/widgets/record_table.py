"""A table with filter-as-you-type, sorting, multi-select, copy as TSV, and remembered columns."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ukom_desktop.ui.models.record_table_model import ROW_ROLE, SORT_ROLE, RecordTableModel


class WordFilterProxy(QSortFilterProxyModel):
    """Keeps the rows whose text holds every typed word, in any column, in any order."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []

    def set_query(self, text: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.10
            self.beginFilterChange()
            self._words = text.casefold().split()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._words = text.casefold().split()
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:  # type: ignore[no-untyped-def]  # noqa: N802
        if not self._words:
            return True
        model = self.sourceModel()
        haystack = model.search_text(source_row)  # type: ignore[attr-defined]
        return all(word in haystack for word in self._words)


class RecordTable(QWidget):
    """Shows a RecordTableModel; `settings_key` names where column widths and order are kept."""

    activated = Signal(object)  # the row object that was double-clicked or Enter-ed
    selection_changed = Signal()

    def __init__(self, model: RecordTableModel, settings_key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.settings_key = settings_key
        self._export: Callable[[], None] | None = None
        self._setup_ui()
        self._connect_signals()

    def _setup_ui(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText("Saring: ketik nama, NIP, unit...")
        self.filter_edit.setClearButtonEnabled(True)
        bar.addWidget(self.filter_edit, 1)
        self.count_label = QLabel()
        bar.addWidget(self.count_label)
        layout.addLayout(bar)

        self.proxy = WordFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)

        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(24)
        header = self.view.horizontalHeader()
        header.setSectionsMovable(True)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        layout.addWidget(self.view)

        self.copy_action = QAction("Salin (teks bertab)", self)
        self.copy_action.setShortcut(QKeySequence.StandardKey.Copy)
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.view.addAction(self.copy_action)
        self._apply_default_widths()
        self.restore_columns()

    def _connect_signals(self) -> None:
        self.filter_edit.textChanged.connect(self._on_filter)
        self.copy_action.triggered.connect(self.copy_selection)
        self.view.doubleClicked.connect(self._on_double_clicked)
        self.view.customContextMenuRequested.connect(self._on_context_menu)
        self.view.horizontalHeader().sectionResized.connect(lambda *_: self.save_columns())
        self.view.horizontalHeader().sectionMoved.connect(lambda *_: self.save_columns())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self.selection_changed.emit())
        self.model.modelReset.connect(self._update_count)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)

    def set_export_handler(self, handler: Callable[[], None]) -> None:
        self._export = handler

    def _apply_default_widths(self) -> None:
        for i, col in enumerate(self.model.columns):
            self.view.setColumnWidth(i, col.width)

    def _settings_name(self) -> str:
        return f"tables/{self.settings_key}/header"

    def save_columns(self) -> None:
        QSettings().setValue(self._settings_name(), self.view.horizontalHeader().saveState())

    def restore_columns(self) -> None:
        state = QSettings().value(self._settings_name())
        if state:
            self.view.horizontalHeader().restoreState(state)

    def _on_filter(self, text: str) -> None:
        self.proxy.set_query(text)
        self._update_count()

    def _update_count(self, *_args: object) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count_label.setText(f"{total} baris" if shown == total else f"{shown} dari {total} baris")

    def selected_rows(self) -> list[object]:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return [self.proxy.index(r, 0).data(ROW_ROLE) for r in rows]

    def visible_rows(self) -> list[object]:
        return [self.proxy.index(r, 0).data(ROW_ROLE) for r in range(self.proxy.rowCount())]

    def table_text(self, only_selected: bool = True) -> str:
        """The rows as tab-separated text with a header line, in the order shown (pastes into Excel)."""
        header = self.view.horizontalHeader()
        columns = [header.logicalIndex(v) for v in range(header.count()) if not header.isSectionHidden(
            header.logicalIndex(v))]
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()}) if only_selected else []
        if not rows:
            rows = list(range(self.proxy.rowCount()))
        lines = ["\t".join(self.model.columns[c].header for c in columns)]
        for r in rows:
            src = self.proxy.mapToSource(self.proxy.index(r, 0)).row()
            lines.append("\t".join(self.model.cell_text(src, c).replace("\t", " ") for c in columns))
        return "\n".join(lines)

    def copy_selection(self) -> None:
        QGuiApplication.clipboard().setText(self.table_text(only_selected=True))

    def _on_double_clicked(self, index) -> None:  # type: ignore[no-untyped-def]
        self.activated.emit(index.data(ROW_ROLE))

    def _on_context_menu(self, pos) -> None:  # type: ignore[no-untyped-def]
        menu = QMenu(self)
        menu.addAction(self.copy_action)
        if self._export is not None:
            menu.addAction("Ekspor ke Excel...", self._export)
        menu.exec(self.view.viewport().mapToGlobal(pos))

