"""Penilaian: rating entry, progress (what is missing per participant and per assessor), and results
with the assessor meeting and the participant's result and report."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QTabWidget, QVBoxLayout, QWidget

from ukom_desktop.ui.context import AppContext
from ukom_desktop.ui.models.record_table_model import Column, RecordTableModel
from ukom_desktop.ui.widgets.record_table import RecordTable


def _progress_columns(what: str) -> tuple[Column, ...]:
    parts = "Asesor menyerahkan" if what == "peserta" else "Peserta diserahkan"
    number = (Column("number", "No", lambda r: r.number, align_right=True, width=50),) if what == "peserta" else ()
    return (
        *number,
        Column("label", what.capitalize(), lambda r: r.label, width=240),
        Column("expected", "Isian", lambda r: r.expected, align_right=True, width=70),
        Column("filled", "Terisi", lambda r: r.filled, align_right=True, width=70),
        Column("missing", "Belum", lambda r: r.missing, align_right=True, width=70),
        Column("submitted", parts, lambda r: f"{r.submitted_parts} dari {r.parts}", width=150),
    )


class ProgressPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        layout = QVBoxLayout(self)
        self.hint = QLabel()
        self.hint.setObjectName("tabHint")
        layout.addWidget(self.hint)
        self.by_participant = RecordTableModel(_progress_columns("peserta"))
        self.by_assessor = RecordTableModel(_progress_columns("asesor"))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        for title, model, key in (("Per peserta", self.by_participant, "scoring_progress_participants"),
                                  ("Per asesor", self.by_assessor, "scoring_progress_assessors")):
            box = QWidget()
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(0, 0, 0, 0)
            box_layout.addWidget(QLabel(f"<b>{title}</b>"))
            box_layout.addWidget(RecordTable(model, key))
            splitter.addWidget(box)
        layout.addWidget(splitter, 1)

    def refresh(self) -> None:
        if self.context.database is None or self.context.event_id is None:
            self.by_participant.set_rows([])
            self.by_assessor.set_rows([])
            self.hint.setText("Pilih kegiatan pada bilah alat.")
            return
        from ukom_desktop.services.ratings import rating_progress

        with self.context.session() as session:
            progress = rating_progress(session, self.context.event_id)
        self.by_participant.set_rows(list(progress.by_participant))
        self.by_assessor.set_rows(list(progress.by_assessor))
        expected = sum(r.expected for r in progress.by_participant)
        filled = sum(r.filled for r in progress.by_participant)
        pending = sum(1 for r in progress.by_participant if r.submitted_parts < r.parts)
        text = (f"{filled} dari {expected} isian penilaian terisi; {pending} peserta masih menunggu "
                "penyerahan penilaian asesor.")
        if progress.without_assessor:
            names = ", ".join(progress.without_assessor[:5])
            more = len(progress.without_assessor) - 5
            text += (f" Belum ada asesor yang boleh menilai {len(progress.without_assessor)} peserta ({names}"
                     f"{f', dan {more} lainnya' if more > 0 else ''}): tunjuk asesor utama dari unit kerja lain.")
        self.hint.setText(text)
        self.hint.setWordWrap(True)


class ResultsPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.hint = QLabel()
        self.hint.setObjectName("tabHint")
        bar.addWidget(self.hint, 1)
        self.meeting_button = QPushButton("Rapat integrasi...")
        self.result_button = QPushButton("Hasil dan laporan...")
        bar.addWidget(self.meeting_button)
        bar.addWidget(self.result_button)
        layout.addLayout(bar)
        self._layout = layout
        self.table: RecordTable | None = None
        self._make_table([])
        self.meeting_button.clicked.connect(self.open_meeting)
        self.result_button.clicked.connect(self.open_result)

    def _make_table(self, competencies: list[tuple[str, str]]) -> None:
        """A fresh table for this set of competency columns (they differ between events)."""
        if self.table is not None:
            self._layout.removeWidget(self.table)
            self.table.deleteLater()
        self.model = RecordTableModel(self._columns(competencies))
        key = "scoring_results_" + "_".join(code for code, _name in competencies)
        self.table = RecordTable(self.model, key.replace(".", ""))
        self._layout.addWidget(self.table, 1)
        self.table.activated.connect(lambda _row: self.open_result())

    def _columns(self, competencies: list[tuple[str, str]]) -> list[Column]:
        from ukom_desktop.ui.scoring.rating_grid import level_text

        columns = [
            Column("number", "No", lambda r: r.number, align_right=True, width=50),
            Column("name", "Nama", lambda r: r.name, width=220),
            Column("position", "Jabatan sasaran", lambda r: r.position_name, width=200),
        ]
        for code, _name in competencies:
            columns.append(Column(f"lv_{code}", code, lambda r, c=code: r.levels.get(c),
                                  lambda v: level_text(v) if v is not None else "", align_right=True, width=55))
        columns += [
            Column("jpm", "JPM", lambda r: r.jpm, lambda v: "" if v is None else f"{v:.2f}".replace(".", ",") + "%",
                   align_right=True, width=80),
            Column("category", "Kategori", lambda r: r.category_code or "belum", width=75),
            Column("potential", "Potensi", lambda r: r.potential_category, width=90),
            Column("box", "Kotak", lambda r: r.nine_box, align_right=True, width=55),
            Column("valid", "Berlaku sampai", lambda r: r.valid_until, width=130),
        ]
        return columns

    def refresh(self) -> None:
        if self.context.database is None or self.context.event_id is None:
            self.model.set_rows([])
            self.hint.setText("Pilih kegiatan pada bilah alat.")
            return
        from ukom_desktop.services.results import event_results

        with self.context.session() as session:
            data = event_results(session, self.context.event_id)
        columns = self._columns(list(data.competencies))
        if [c.key for c in columns] != [c.key for c in self.model.columns]:
            self._make_table(list(data.competencies))
        self.model.set_rows(list(data.rows))
        done = sum(1 for r in data.rows if r.integrated)
        self.hint.setText(f"{done} dari {len(data.rows)} peserta sudah memiliki hasil rapat integrasi. "
                          "Klik dua kali untuk melihat psikogram dan menulis laporan.")

    def _selected_id(self) -> int | None:
        rows = self.table.selected_rows() if self.table is not None else []
        if not rows:
            from ukom_desktop.ui import messages

            messages.info(self, "Pilih seorang peserta pada tabel terlebih dahulu.")
            return None
        return int(rows[0].event_participant_id)  # type: ignore[attr-defined]

    def open_meeting(self) -> None:
        from ukom_desktop.ui.actions import run_action
        from ukom_desktop.ui.scoring.integration_dialog import IntegrationDialog

        ep_id = self._selected_id()
        if ep_id is None:
            return
        outcome = run_action(self, lambda: IntegrationDialog(self.context, ep_id, self), level="warn")
        if outcome:
            outcome.value.exec()

    def open_result(self) -> None:
        from ukom_desktop.ui.scoring.result_dialog import ResultDialog

        ep_id = self._selected_id()
        if ep_id is not None:
            ResultDialog(self.context, ep_id, self).exec()


class ScoringTab(QWidget):
    """The Penilaian tab; pages refresh when shown after the data or the event changed."""

    title = "Penilaian"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from ukom_desktop.ui.scoring.rating_page import RatingEntryPage

        self.context = context
        self._dirty = True
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.pages = QTabWidget()
        self.entry = RatingEntryPage(context)
        self.progress = ProgressPage(context)
        self.results = ResultsPage(context)
        self.pages.addTab(self.entry, "Input penilaian")
        self.pages.addTab(self.progress, "Kemajuan")
        self.pages.addTab(self.results, "Hasil dan rapat integrasi")
        layout.addWidget(self.pages)
        self.pages.currentChanged.connect(lambda _i: self._refresh_current())
        context.event_changed.connect(lambda _id: self.mark_dirty())
        context.database_changed.connect(self.mark_dirty)
        self._fresh: set[int] = set()
        self.mark_dirty()

    def mark_dirty(self) -> None:
        from ukom_desktop.ui.identity.menu import show_allowed_pages

        show_allowed_pages(self)  # issue 13: only the pages the signed-in user may use
        self._fresh.clear()
        if self.isVisible():
            self._refresh_current()

    def refresh(self) -> None:
        self._fresh.clear()
        self._refresh_current()

    def _refresh_current(self) -> None:
        index = self.pages.currentIndex()
        if index in self._fresh:
            return
        self._fresh.add(index)
        page: Any = self.pages.widget(index)
        page.refresh()

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        super().showEvent(event)
        self._refresh_current()
