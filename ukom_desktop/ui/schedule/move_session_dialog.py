"""Pindahkan sesi: move a whole session to another day, time or room of its wave.

The dialog asks the same checker as a dragged person: while the user picks, it says in words whether
the move keeps every rule (green) or why it would be refused (red), and "Pindahkan" stays disabled
for a refused move. The tab applies the edit through the scheduling service (a checked reschedule).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from ukom_desktop.domain.dates import format_day_date_id
from ukom_desktop.domain.labels import ROOM_KIND, label
from ukom_desktop.domain.scheduling.timegrid import format_hm, format_when

_RED = "background:#f8d7da; color:#842029; border:1px solid #c0392b; padding:4px;"
_GREEN = "background:#e6f4ea; color:#1e4620; border:1px solid #2e7d32; padding:4px;"
_ROOM_ORDER = {"aula": 0, "ruang_kelompok": 1, "ruang_wawancara": 2}


class MoveSessionDialog(QDialog):
    """Choose a new day, start and room for one session; `edit()` gives the GridEdit to apply."""

    def __init__(
        self, stored: Any, session_id: str, judge: Callable[[Any], list[str]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.stored = stored
        self.session = stored.schedule.session(session_id)
        self.judge = judge
        problem = stored.problem
        s = self.session
        self.duration = s.end - s.start
        name = stored.event.exercise_name(s.exercise_id)
        self.setWindowTitle("Pindahkan sesi")
        layout = QVBoxLayout(self)
        group = f" \u2013 {stored.labels[s.id]}" if stored.labels.get(s.id) else ""
        heading = QLabel(
            f"<b>{name}</b>{group}<br>"
            f"Sekarang: {format_when(s.start, s.end)}, {stored.event.room_name(s.room_id)}<br>"
            f"{len(s.participant_ids)} peserta, {len(s.assessor_ids)} asesor; mereka ikut pindah bersama sesi ini."
        )
        heading.setWordWrap(True)
        layout.addWidget(heading)

        form = QFormLayout()
        self.day_combo = QComboBox()
        days = list(problem.wave_days.get(s.wave, ())) or [s.start.date()]
        for day in days:
            self.day_combo.addItem(format_day_date_id(day), day)
        self.day_combo.setCurrentIndex(max(self.day_combo.findData(s.start.date()), 0))
        form.addRow(f"Hari (gelombang {s.wave})", self.day_combo)
        self.time_edit = QTimeEdit(QTime(s.start.hour, s.start.minute))
        self.time_edit.setDisplayFormat("HH.mm")
        st = problem.settings
        self.time_edit.setTimeRange(QTime(st.day_start.hour, st.day_start.minute),
                                    QTime(st.day_end.hour, st.day_end.minute))
        form.addRow("Mulai pukul", self.time_edit)
        self.end_label = QLabel()
        form.addRow("Selesai pukul", self.end_label)
        self.room_combo = QComboBox()
        rooms = sorted(problem.rooms_of(s.wave), key=lambda r: (_ROOM_ORDER.get(r.kind, 3), r.name or r.id))
        for room in rooms:
            self.room_combo.addItem(
                f"{room.name or room.id} ({label(ROOM_KIND, room.kind)}, {room.capacity} orang)", room.id
            )
        self.room_combo.setCurrentIndex(max(self.room_combo.findData(s.room_id), 0))
        form.addRow("Ruang", self.room_combo)
        layout.addLayout(form)

        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.verdict.setMinimumWidth(520)
        # Room for a refusal naming two sessions (about five lines), so the form above never squeezes.
        self.verdict.setMinimumHeight(self.verdict.fontMetrics().lineSpacing() * 5 + 10)
        layout.addWidget(self.verdict)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Pindahkan")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Batal")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self.day_combo.currentIndexChanged.connect(self.update_verdict)
        self.time_edit.timeChanged.connect(self.update_verdict)
        self.room_combo.currentIndexChanged.connect(self.update_verdict)
        self.reasons: list[str] = []
        self.update_verdict()

    # -- values -----------------------------------------------------------------------------------
    def start(self) -> datetime:
        chosen = self.time_edit.time()
        day = self.day_combo.currentData()
        return datetime(day.year, day.month, day.day, chosen.hour(), chosen.minute())

    def room_id(self) -> str:
        return str(self.room_combo.currentData())

    def is_unchanged(self) -> bool:
        return self.start() == self.session.start and self.room_id() == self.session.room_id

    def edit(self) -> Any:
        from ukom_desktop.services.scheduling import GridEdit

        room = None if self.room_id() == self.session.room_id else self.room_id()
        return GridEdit("reschedule", source=self.session.id, start=self.start(), room=room)

    # -- verdict ----------------------------------------------------------------------------------
    def update_verdict(self) -> None:
        start = self.start()
        self.end_label.setText(
            f"{format_hm(start + self.duration)} (durasi {int(self.duration.total_seconds() // 60)} menit)"
        )
        if self.is_unchanged():
            self.reasons = []
            self.verdict.setStyleSheet("color:#555; padding:4px;")
            self.verdict.setText("Pilih hari, jam mulai atau ruang yang baru.")
            self.ok_button.setEnabled(False)
            return
        self.reasons = self.judge(self.edit())
        if self.reasons:
            self.verdict.setStyleSheet(_RED)
            self.verdict.setText("Tidak dapat dipindahkan ke sini: " + " ".join(self.reasons))
        else:
            self.verdict.setStyleSheet(_GREEN)
            self.verdict.setText("Dapat dipindahkan; tidak ada aturan berat yang dilanggar.")
        self.ok_button.setEnabled(not self.reasons)
