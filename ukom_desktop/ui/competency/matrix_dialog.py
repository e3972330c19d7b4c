"""The event's exercise x competency matrix as a checkbox grid, with the matrix rules checked live.

Left: the exercise library, ticked for the exercises the event uses. Right: competencies down (the target
positions' standard, with the required levels), the event's exercises across, a checkbox per cell and the
count per competency. Below: the findings of domain/matrix_rules, updated on every click.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QCloseEvent, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ukom_desktop.ui import messages
from ukom_desktop.ui.context import AppContext
from ukom_desktop.ui.geometry import fit_to_screen
from ukom_desktop.ui.icons import icon

ERROR = QColor("#c53030")
WARNING = QColor("#b7791f")
SHORT = QColor("#fed7d7")
FIXED_COLUMNS = 2  # Kompetensi, Standar


class EventMatrixDialog(QDialog):
    def __init__(self, context: AppContext, event_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.event_id = event_id
        self.exercise_ids: list[int] = []
        self.cells: set[tuple[int, int]] = set()
        self._saved: tuple[list[int], set[tuple[int, int]]] = ([], set())
        self._filling = False
        self.setWindowTitle("Matriks Alat Ukur dan Kompetensi")
        fit_to_screen(self, 1200, 720)
        self._setup_ui()
        self._connect_signals()
        self.load()

    def _setup_ui(self) -> None:
        layout = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        split = QSplitter()
        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.addWidget(QLabel("Alat ukur yang digunakan:"))
        self.exercise_list = QListWidget()
        self.exercise_list.setWordWrap(True)
        left_box.addWidget(self.exercise_list, 1)
        self.show_all = QCheckBox("Tampilkan semua kompetensi")
        left_box.addWidget(self.show_all)
        split.addWidget(left)
        self.grid = QTableWidget()
        self.grid.verticalHeader().setVisible(False)
        split.addWidget(self.grid)
        split.setSizes([260, 940])
        layout.addWidget(split, 1)
        self.summary = QLabel()
        layout.addWidget(self.summary)
        self.findings = QListWidget()
        self.findings.setMaximumHeight(130)
        layout.addWidget(self.findings)
        buttons = QHBoxLayout()
        self.library_button = QPushButton("Isi dari pustaka alat ukur")
        self.library_button.setToolTip("Centang kompetensi yang biasa diukur setiap alat ukur terpilih")
        self.clear_button = QPushButton("Kosongkan centang")
        self.save_button = QPushButton(icon("backup"), "Simpan")
        self.close_button = QPushButton("Tutup")
        for button in (self.library_button, self.clear_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)

    def _connect_signals(self) -> None:
        self.exercise_list.itemChanged.connect(self._on_exercise_toggled)
        self.grid.itemChanged.connect(self._on_cell_changed)
        self.show_all.toggled.connect(lambda _on: self._build_grid())
        self.library_button.clicked.connect(self._on_fill_library)
        self.clear_button.clicked.connect(self._on_clear)
        self.save_button.clicked.connect(self._on_save)
        self.close_button.clicked.connect(self.close)

    # -- loading --------------------------------------------------------------------------
    def load(self) -> None:
        from ukom_desktop.services.competency_dictionary import list_competencies
        from ukom_desktop.services.exercise_matrix import event_matrix

        with self.context.session() as session:
            matrix = event_matrix(session, self.event_id)
            self.all_competencies = [c for c in list_competencies(session, include_inactive=False)]
        self.matrix = matrix
        self.library = {ex.id: ex for ex in matrix.library}
        self.exercise_ids = [ex.id for ex in matrix.exercises]
        self.cells = set(matrix.cells)
        self._saved = (list(self.exercise_ids), set(self.cells))
        positions = "; ".join(label for _id, label in matrix.positions) or "belum ada"
        self.title.setText(f"<b>{matrix.event_code}</b> {matrix.event_name}<br>Jabatan sasaran: {positions}. "
                           f"Setiap kompetensi dalam standar harus diukur oleh minimal {matrix.min_exercises} "
                           "alat ukur.")
        self._fill_exercise_list()
        self._build_grid()

    def _fill_exercise_list(self) -> None:
        self._filling = True
        self.exercise_list.clear()
        ordered = self.exercise_ids + [i for i, ex in self.library.items() if i not in self.exercise_ids and ex.active]
        for ex_id in ordered:
            ex = self.library[ex_id]
            item = QListWidgetItem(f"{ex.code}  {ex.name}")
            item.setToolTip(f"{ex.kind_label}, {ex.duration_minutes} menit")
            item.setData(Qt.ItemDataRole.UserRole, ex_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if ex_id in self.exercise_ids else Qt.CheckState.Unchecked)
            self.exercise_list.addItem(item)
        self._filling = False

    def _rows(self) -> list[tuple[int, str, str, str]]:
        """(competency id, code, name, standard text) in display order."""
        standard = {c.id: c for c in self.matrix.competencies}
        ticked = {comp for _ex, comp in self.cells}
        rows = []
        for comp in self.all_competencies:
            info = standard.get(comp.id)
            in_standard = info is not None and info.in_standard
            if in_standard or comp.id in ticked or self.show_all.isChecked():
                levels = " / ".join(f"{lv.normalize():f}".replace(".", ",") for _p, lv in info.levels) if info else ""
                rows.append((comp.id, comp.code, comp.name, levels if in_standard else "-"))
        return rows

    def _build_grid(self) -> None:
        self._filling = True
        rows = self._rows()
        self.row_ids = [r[0] for r in rows]
        exercises = [self.library[i] for i in self.exercise_ids]
        self.grid.clear()
        self.grid.setColumnCount(FIXED_COLUMNS + len(exercises) + 1)
        self.grid.setRowCount(len(rows))
        self.grid.setHorizontalHeaderLabels(["Kompetensi", "Standar", *(ex.code for ex in exercises), "Jumlah"])
        for col, ex in enumerate(exercises, start=FIXED_COLUMNS):
            self.grid.horizontalHeaderItem(col).setToolTip(f"{ex.name} ({ex.kind_label}, {ex.duration_minutes} menit)")
        self.grid.horizontalHeaderItem(1).setToolTip("Level standar per jabatan sasaran")
        for r, (comp_id, code, name, levels) in enumerate(rows):
            label = QTableWidgetItem(f"{code}  {name}")
            label.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.grid.setItem(r, 0, label)
            std = QTableWidgetItem(levels)
            std.setFlags(Qt.ItemFlag.ItemIsEnabled)
            std.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.grid.setItem(r, 1, std)
            for c, ex in enumerate(exercises, start=FIXED_COLUMNS):
                cell = QTableWidgetItem()
                cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                cell.setCheckState(Qt.CheckState.Checked if (ex.id, comp_id) in self.cells else Qt.CheckState.Unchecked)
                cell.setToolTip(f"{ex.code} mengukur {code} {name}")
                self.grid.setItem(r, c, cell)
        header = self.grid.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, self.grid.columnCount()):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
            self.grid.setColumnWidth(col, 72 if col == 1 else 58)
        self._filling = False
        self._recheck()

    # -- live check -----------------------------------------------------------------------
    def current_check(self):  # type: ignore[no-untyped-def]
        from ukom_desktop.domain.matrix_rules import MatrixItem, check_matrix

        codes = {c.id: c.code for c in self.all_competencies}
        codes.update({c.id: c.code for c in self.matrix.competencies})
        standard = [MatrixItem(c.code, c.name) for c in self.matrix.competencies if c.in_standard]
        exercises = [MatrixItem(self.library[i].code, self.library[i].name) for i in self.exercise_ids]
        cells = [(self.library[ex].code, codes[comp]) for ex, comp in self.cells
                 if ex in self.exercise_ids and comp in codes]
        return check_matrix(standard, exercises, cells, self.matrix.min_exercises,
                            has_positions=bool(self.matrix.positions))

    def _recheck(self) -> None:
        check = self.current_check()
        self._filling = True
        count_col = self.grid.columnCount() - 1
        codes = {c.id: c.code for c in self.all_competencies}
        for r, comp_id in enumerate(self.row_ids):
            count = sum(1 for ex in self.exercise_ids if (ex, comp_id) in self.cells)
            item = QTableWidgetItem(str(count))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            if codes.get(comp_id) in check.coverage and count < check.min_exercises:
                item.setBackground(QBrush(SHORT))
                item.setToolTip(f"Kurang dari {check.min_exercises} alat ukur")
            self.grid.setItem(r, count_col, item)
        for col, ex_id in enumerate(self.exercise_ids, start=FIXED_COLUMNS):
            header = self.grid.horizontalHeaderItem(col)
            empty = not any((ex_id, comp) in self.cells for comp in self.row_ids)
            header.setForeground(QBrush(WARNING if empty else QColor("black")))
        self._filling = False
        self.findings.clear()
        for finding in check.findings:
            item = QListWidgetItem(icon("error"), finding.message)
            item.setForeground(QBrush(ERROR if finding.blocking else WARNING))
            self.findings.addItem(item)
        if not check.findings:
            self.findings.addItem(QListWidgetItem("Tidak ada masalah."))
        self.summary.setText(check.summary() + ("" if check.ok else " Kegiatan belum dapat dijadwalkan."))
        self.last_check = check

    # -- slots ----------------------------------------------------------------------------
    def _on_exercise_toggled(self, item: QListWidgetItem) -> None:
        if self._filling:
            return
        ex_id = item.data(Qt.ItemDataRole.UserRole)
        checked = item.checkState() == Qt.CheckState.Checked
        if checked and ex_id not in self.exercise_ids:
            self.exercise_ids.append(ex_id)
        elif not checked and ex_id in self.exercise_ids:
            self.exercise_ids.remove(ex_id)
        self._build_grid()

    def _on_cell_changed(self, item: QTableWidgetItem) -> None:
        if self._filling or not FIXED_COLUMNS <= item.column() < FIXED_COLUMNS + len(self.exercise_ids):
            return
        key = (self.exercise_ids[item.column() - FIXED_COLUMNS], self.row_ids[item.row()])
        if item.checkState() == Qt.CheckState.Checked:
            self.cells.add(key)
        else:
            self.cells.discard(key)
        self._recheck()

    def set_cell(self, competency_code: str, exercise_code: str, checked: bool) -> None:
        """Tick or untick a cell as a user would (used by keyboard-free callers and tests)."""
        row = next(r for r, cid in enumerate(self.row_ids) if self._code(cid) == competency_code)
        col = FIXED_COLUMNS + next(i for i, ex in enumerate(self.exercise_ids) if self.library[ex].code == exercise_code)
        self.grid.item(row, col).setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _code(self, comp_id: int) -> str:
        return next(c.code for c in self.all_competencies if c.id == comp_id)

    def _on_fill_library(self) -> None:
        from ukom_desktop.services.exercise_matrix import library_cells

        with self.context.session() as session:
            self.cells |= library_cells(session, self.exercise_ids)
        self._build_grid()

    def _on_clear(self) -> None:
        self.cells = {cell for cell in self.cells if cell[0] not in self.exercise_ids}
        self._build_grid()

    def is_modified(self) -> bool:
        chosen = set(self.exercise_ids)
        return (self.exercise_ids, {c for c in self.cells if c[0] in chosen}) != (
            self._saved[0], {c for c in self._saved[1] if c[0] in set(self._saved[0])})

    def _on_save(self) -> bool:
        from ukom_desktop.services.exercise_matrix import save_event_matrix
        from ukom_desktop.ui.actions import in_transaction

        if not in_transaction(self, self.context,
                              lambda s: save_event_matrix(s, self.event_id, self.exercise_ids, self.cells),
                              done="Matriks simulasi kegiatan tersimpan."):
            return False
        self.context.data_changed.emit("matrix")
        self.load()
        if not self.last_check.ok:
            messages.warn(self, "Matriks tersimpan, tetapi belum memenuhi aturan sehingga kegiatan belum dapat "
                                "dijadwalkan:\n\n" + "\n".join(f"- {f.message}" for f in self.last_check.errors))
        return True

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.is_modified() and messages.confirm(self, "Perubahan matriks belum disimpan. Simpan sekarang?") \
                and not self._on_save():
            event.ignore()
            return
        super().closeEvent(event)
