"""Input penilaian: the assessor picks who they act as, sees only their participants, and rates."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ukom_desktop.ui import messages
from ukom_desktop.ui.context import AppContext
from ukom_desktop.ui.scoring.rating_grid import RatingFormModel, RatingGrid, level_text


class RatingEntryPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.participant_id: int | None = None
        self.participant_name = ""
        self._setup_ui()
        self._connect_signals()

    def _setup_ui(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel("Bertindak sebagai asesor:"))
        self.assessor_combo = QComboBox()
        self.assessor_combo.setMinimumWidth(320)
        top.addWidget(self.assessor_combo)
        self.hint = QLabel()
        self.hint.setObjectName("tabHint")
        top.addWidget(self.hint, 1)
        layout.addLayout(top)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel("<b>Peserta yang Anda nilai</b>"))
        self.participant_list = QListWidget()
        left_layout.addWidget(self.participant_list)
        splitter.addWidget(left)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel("Pilih peserta di sebelah kiri.")
        self.title.setTextFormat(Qt.TextFormat.RichText)
        right_layout.addWidget(self.title)
        self.model = RatingFormModel(self)
        self.model.saver = self._save
        self.grid = RatingGrid(self.model)
        right_layout.addWidget(self.grid, 1)
        keys = QLabel("Ketik 1-5 untuk level: tersimpan dan kursor turun satu baris sendiri, jadi tidak perlu "
                      "menekan panah (\",\" sesudahnya untuk setengah level bila diizinkan). 0 atau T = tanpa "
                      "bukti, Delete = kosongkan; panah atau Tab hanya untuk pindah ke baris atau kolom lain; catatan "
                      "bukti diketik di kolomnya. Setiap isian tersimpan otomatis.")
        keys.setWordWrap(True)
        keys.setObjectName("tabHint")
        right_layout.addWidget(keys)
        bottom = QHBoxLayout()
        self.status = QLabel()
        bottom.addWidget(self.status, 1)
        self.submit_button = QPushButton("Serahkan penilaian peserta ini")
        self.submit_button.setToolTip("Setelah diserahkan, penilaian terkunci dan penilaian asesor lain terlihat")
        bottom.addWidget(self.submit_button)
        right_layout.addLayout(bottom)
        splitter.addWidget(right)
        splitter.setSizes([240, 1000])
        layout.addWidget(splitter, 1)

    def _connect_signals(self) -> None:
        self.assessor_combo.currentIndexChanged.connect(lambda _i: self.reload_participants())
        self.participant_list.currentItemChanged.connect(self._on_participant)
        self.submit_button.clicked.connect(self._on_submit)
        self.grid.notice.connect(self.status.setText)

    # -- data -------------------------------------------------------------------------------
    @property
    def assessor_id(self) -> int | None:
        value = self.assessor_combo.currentData()
        return int(value) if value is not None else None

    def refresh(self) -> None:
        """Reload the assessors (keeping the choice) and the participants."""
        current = self.assessor_id
        self.assessor_combo.blockSignals(True)
        self.assessor_combo.clear()
        if self.context.database is not None and self.context.event_id is not None:
            from ukom_desktop.services.ratings import assessors_with_work

            with self.context.session() as session:
                for option in assessors_with_work(session, self.context.event_id):
                    self.assessor_combo.addItem(option.name, option.id)
        from ukom_desktop.ui.identity.menu import keep_own_assessor

        keep_own_assessor(self.context, self.assessor_combo)  # issue 13: one rates only as oneself
        index = self.assessor_combo.findData(current) if current is not None else -1
        self.assessor_combo.setCurrentIndex(max(index, 0) if self.assessor_combo.count() else -1)
        self.assessor_combo.blockSignals(False)
        self.reload_participants()

    def reload_participants(self, advance: bool = False) -> None:
        """Refill the list; with ``advance`` move on to the next participant not yet handed in."""
        keep = self.participant_id
        self.participant_list.blockSignals(True)
        self.participant_list.clear()
        rows: list[Any] = []
        if self.context.event_id is None:
            self.hint.setText("Pilih kegiatan pada bilah alat.")
        elif self.assessor_id is None:
            self.hint.setText("Belum ada asesor yang ditugaskan menilai pada kegiatan ini (atur tim dan jadwal).")
        else:
            from ukom_desktop.services.ratings import participants_for_assessor

            with self.context.session() as session:
                rows = participants_for_assessor(session, self.context.event_id, self.assessor_id)
            done = sum(1 for r in rows if r.missing == 0)
            self.hint.setText(f"{len(rows)} peserta, {done} lengkap, "
                              f"{sum(1 for r in rows if r.submitted)} sudah diserahkan.")
        select_row = 0
        for n, row in enumerate(rows):
            state = "diserahkan" if row.submitted else ("lengkap" if row.missing == 0 else f"kurang {row.missing}")
            item = QListWidgetItem(f"{row.number or '-'}. {row.name}  ({state})")
            item.setData(Qt.ItemDataRole.UserRole, row.event_participant_id)
            self.participant_list.addItem(item)
            if row.event_participant_id == keep:
                select_row = n
        if advance and rows:
            after = rows[select_row + 1:] + rows[:select_row + 1]
            following = next((r for r in after if not r.submitted), None)
            if following is not None:
                select_row = rows.index(following)
        self.participant_list.blockSignals(False)
        if rows:
            self.participant_list.setCurrentRow(select_row)
            self._on_participant(self.participant_list.currentItem(), None)
        else:
            self.participant_id = None
            self.model.set_form([], allow_half=False, max_level=5)
            self.title.setText("Tidak ada peserta untuk dinilai.")
            self.submit_button.setEnabled(False)

    def _on_participant(self, item: QListWidgetItem | None, _previous: object) -> None:
        if item is None or self.assessor_id is None:
            return
        self.participant_id = int(item.data(Qt.ItemDataRole.UserRole))
        self.load_form()

    def load_form(self) -> None:
        from ukom_desktop.services.ratings import RatingError, rating_form, visible_ratings_for

        assert self.participant_id is not None and self.assessor_id is not None
        try:
            with self.context.session() as session:
                form = rating_form(session, self.participant_id, self.assessor_id)
                others = self._others(session, visible_ratings_for(session, self.participant_id, self.assessor_id))
        except RatingError as exc:
            self.status.setText(str(exc))
            return
        self.model.set_form(list(form.rows), allow_half=form.allow_half_levels, max_level=form.max_level,
                            others=others)
        self.participant_name = form.participant_name
        state = "sudah diserahkan (terkunci)" if form.submitted else f"{form.missing} isian belum diisi"
        self.title.setText(f"<b>{form.participant_name}</b> &nbsp; {state}")
        self.submit_button.setEnabled(not form.submitted)
        self.grid.resizeRowsToContents()
        self.grid.focus_first_missing()

    def _others(self, session: Any, visible: list[Any]) -> dict[tuple[int, int], str]:
        """Colleagues' levels per exercise x competency (empty until this assessor has submitted)."""
        from ukom_desktop.services.ratings import colleague_levels

        by_comp: dict[int, list[str]] = {}
        for c in colleague_levels(session, visible, self.assessor_id):  # type: ignore[arg-type]
            text = "TB" if c.no_evidence else level_text(c.level)
            by_comp.setdefault(c.competency_id, []).append(f"{c.exercise_code} {c.assessor_name}: {text}")
        if not by_comp:
            return {}
        result = {}
        for row in self.model.rows:
            result[(row.exercise_id, row.competency_id)] = "; ".join(by_comp.get(row.competency_id, []))
        return result

    def _save(self, row: Any, level: Decimal | None, no_evidence: bool, evidence: str) -> str | None:
        from ukom_desktop.services.ratings import save_rating
        from ukom_desktop.ui.actions import in_transaction

        assert self.participant_id is not None and self.assessor_id is not None
        ep_id, assessor_id, actor = self.participant_id, self.assessor_id, self.assessor_combo.currentText()
        outcome = in_transaction(self, self.context, lambda session: save_rating(
            session, event_participant_id=ep_id, exercise_id=row.exercise_id, competency_id=row.competency_id,
            assessor_id=assessor_id, level=level, no_evidence=no_evidence, evidence=evidence, actor=actor),
            report=lambda text: self.status.setText(f"<span style='color:#b00020'>Tidak tersimpan: {text}</span>"))
        if not outcome:
            return outcome.message
        missing = sum(1 for r in self.model.rows if not r.filled and r is not row) + (
            0 if (level is not None or no_evidence) else 1)
        self.status.setText(f"Tersimpan {datetime.now():%H.%M.%S}: {row.exercise_code} {row.competency_code} = "
                            f"{'tanpa bukti' if no_evidence else level_text(level) or 'kosong'}. "
                            f"Belum diisi: {missing}.")
        self._update_list_item(missing)
        self.title.setText(f"<b>{self.participant_name}</b> &nbsp; "
                           + (f"{missing} isian belum diisi" if missing else "lengkap; siap diserahkan"))
        return None

    def _update_list_item(self, missing: int) -> None:
        item = self.participant_list.currentItem()
        if item is None:
            return
        base = item.text().rsplit("  (", 1)[0]
        item.setText(f"{base}  ({'lengkap' if missing == 0 else f'kurang {missing}'})")

    def _on_submit(self) -> None:
        from ukom_desktop.services.ratings import submit_ratings
        from ukom_desktop.ui.actions import in_transaction

        if self.participant_id is None or self.assessor_id is None:
            return
        if not messages.confirm(self, "Serahkan penilaian peserta ini? Setelah diserahkan, isian tidak dapat "
                                      "diubah lagi dan penilaian asesor lain akan terlihat."):
            return
        ep_id, assessor_id, actor = self.participant_id, self.assessor_id, self.assessor_combo.currentText()
        outcome = in_transaction(self, self.context, lambda s: submit_ratings(s, ep_id, assessor_id, actor=actor),
                                 level="warn")
        if not outcome:
            return
        count = outcome.value
        before = self.participant_id
        self.reload_participants(advance=True)
        moved = self.participant_id != before
        self.status.setText(f"{count} penilaian diserahkan."
                            + (f" Berikutnya: {self.participant_name}." if moved else " Semua peserta sudah diserahkan."))
        self.context.data_changed.emit("ratings")
