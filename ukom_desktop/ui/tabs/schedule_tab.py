"""Jadwal: the scheduling grid of the current event.

Left: the waves (choose one to show) and the rooms. Right: the grid of time slots by rooms or by
assessors, one wave or one day at a time, and under it the checker's findings. People are moved by
dragging, a whole session through its right-click menu (Pindahkan sesi); a move the checker refuses is
not saved and the reason is shown in red.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ukom_desktop.domain.dates import format_date_range_id
from ukom_desktop.domain.labels import ROOM_KIND, label
from ukom_desktop.domain.sentences import control, join_sentences
from ukom_desktop.ui import messages
from ukom_desktop.ui.icons import icon
from ukom_desktop.ui.models.record_table_model import Column, RecordTableModel
from ukom_desktop.ui.schedule.grid_model import ScheduleGridModel
from ukom_desktop.ui.schedule.grid_widget import ScheduleGrid
from ukom_desktop.ui.schedule.violations import VIOLATION_COLUMNS
from ukom_desktop.ui.widgets.record_table import RecordTable

from .base import RecordTab

EXPORT_ITEMS = (
    ("matriks", "Matriks jadwal"),
    ("peserta", "Jadwal per peserta"),
    ("asesor", "Jadwal per asesor"),
    ("relasi", "Relasi asesor dan peserta"),
)
_BANNER_RED = "background:#f8d7da; color:#842029; border:1px solid #c0392b; padding:4px;"
_BANNER_GREEN = "background:#e6f4ea; color:#1e4620; border:1px solid #2e7d32; padding:4px;"


def _tool_button(text: str, icon_name: str, tip: str) -> QToolButton:
    button = QToolButton()
    button.setText(text)
    button.setIcon(icon(icon_name))
    button.setToolTip(tip)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    return button


class ScheduleTab(RecordTab):
    title = "Jadwal"
    settings_key = "schedule_waves"
    needs_event = True
    empty_hint = join_sentences((
        f"Kegiatan ini belum memiliki gelombang: tambahkan lewat {control('Gelombang...')} atau bagi peserta lewat "
        f"tab Peserta > {control('Bagi kelompok...')}",
        f"Lalu isi {control('Ruang...')} dan tekan {control('Susun otomatis')}",
    ))

    def columns(self) -> Sequence[Column]:
        return (
            Column("wave", "Gel.", lambda r: r.number, align_right=True, width=45),
            Column("dates", "Tanggal", lambda r: (r.start_date, r.end_date),
                   lambda v: format_date_range_id(*v), width=150),
            Column("participants", "Peserta", lambda r: r.participants, align_right=True, width=60),
            Column("sessions", "Sesi", lambda r: r.sessions, align_right=True, width=50),
        )

    # -- construction -----------------------------------------------------------------------------
    def _setup_ui(self) -> None:
        super()._setup_ui()
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.removeWidget(self.table)
        self.stored: Any = None
        self.violations: list[Any] = []

        self.auto_button = _tool_button("Susun otomatis", "schedule", "Susun jadwal yang memenuhi semua aturan")
        self.auto_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.auto_menu = QMenu(self.auto_button)
        self.auto_button.setMenu(self.auto_menu)
        self.check_button = _tool_button("Periksa", "qc", "Periksa jadwal tersimpan terhadap semua aturan")
        self.rooms_button = _tool_button("Ruang...", "settings", "Kelola ruang, kapasitas dan jenisnya")
        self.waves_button = _tool_button("Gelombang...", "events", "Tanggal dan jumlah hari setiap gelombang")
        self.export_button = _tool_button("Ekspor", "export", "Ekspor jadwal ke Excel atau PDF")
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        export_menu = QMenu(self.export_button)
        for kind, text in EXPORT_ITEMS:
            export_menu.addAction(f"{text} (Excel)...", lambda k=kind: self.export(k, pdf=False))
            export_menu.addAction(f"{text} (PDF)...", lambda k=kind: self.export(k, pdf=True))
        self.export_button.setMenu(export_menu)
        for button in (self.auto_button, self.check_button, self.waves_button, self.rooms_button,
                       self.export_button):
            self.add_tool_button(button)

        controls = QHBoxLayout()
        controls.addWidget(QLabel("Tampilan:"))
        self.mode_combo = QComboBox()
        self.mode_combo.addItem("Waktu x ruang", "rooms")
        self.mode_combo.addItem("Waktu x asesor", "assessors")
        controls.addWidget(self.mode_combo)
        controls.addWidget(QLabel("Tampilkan:"))
        self.view_combo = QComboBox()
        self.view_combo.setMinimumWidth(230)
        controls.addWidget(self.view_combo)
        legend = QLabel("\u2605 asesor utama \u2013 seret peserta/asesor ke sesi lain untuk memindahkan; "
                        "klik kanan sesi untuk memindahkan seluruh sesi")
        legend.setStyleSheet("color:#555")
        controls.addWidget(legend, 1)
        layout.addLayout(controls)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setVisible(False)
        layout.addWidget(self.banner)

        self.grid_model = ScheduleGridModel(self)
        self.grid = ScheduleGrid(self.grid_model)
        self.violations_model = RecordTableModel(VIOLATION_COLUMNS)
        self.violations_table = RecordTable(self.violations_model, "schedule_violations")
        self.rooms_model = RecordTableModel(
            (
                Column("name", "Ruang", lambda r: r.name, width=130),
                Column("kind", "Jenis", lambda r: r.kind, lambda v: label(ROOM_KIND, v), width=125),
                Column("capacity", "Kap.", lambda r: r.capacity, align_right=True, width=45),
            )
        )
        self.rooms_table = RecordTable(self.rooms_model, "schedule_rooms")
        left = QSplitter(Qt.Orientation.Vertical)
        for title, table in (("Gelombang", self.table), ("Ruang", self.rooms_table)):
            left.addWidget(self._titled(title, table))
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.grid)
        self.violations_title = QLabel("<b>Pelanggaran dan peringatan</b>")
        right.addWidget(self._titled_widget(self.violations_title, self.violations_table))
        right.setSizes([520, 160])
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        left.setSizes([160, 420])
        splitter.setSizes([340, 960])
        layout.addWidget(splitter, 1)

    @staticmethod
    def _titled(title: str, widget: QWidget) -> QWidget:
        return ScheduleTab._titled_widget(QLabel(f"<b>{title}</b>"), widget)

    @staticmethod
    def _titled_widget(heading: QLabel, widget: QWidget) -> QWidget:
        box = QWidget()
        box_layout = QVBoxLayout(box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        box_layout.addWidget(heading)
        box_layout.addWidget(widget)
        return box

    def _connect_signals(self) -> None:
        self.mode_combo.currentIndexChanged.connect(
            lambda _i: self.grid_model.set_mode(self.mode_combo.currentData())
        )
        self.view_combo.currentIndexChanged.connect(self._on_view_chosen)
        self.auto_button.clicked.connect(lambda: self.run_scheduler(None))
        self.check_button.clicked.connect(self.check)
        self.rooms_button.clicked.connect(self.edit_rooms)
        self.waves_button.clicked.connect(self.edit_waves)
        self.grid.set_judge(self._judge)
        self.grid.move_requested.connect(self.request_edit)
        self.grid.reschedule_requested.connect(self.move_session)
        self.grid.hover_changed.connect(lambda text: self._show_banner(text, red=True) if text else None)
        self.violations_table.activated.connect(self._on_violation_activated)
        self.table.activated.connect(self._on_wave_activated)
        self.table.selection_changed.connect(self._on_wave_selected)
        # A banner speaks about the schedule on screen: another database or event clears it.
        self.context.database_changed.connect(lambda: self._show_banner("", red=False))
        self.context.event_changed.connect(lambda _id: self._show_banner("", red=False))

    # -- loading ----------------------------------------------------------------------------------
    def fetch(self, session: Any) -> Sequence[Any]:
        from ukom_desktop.services.listings import list_rooms, list_waves
        from ukom_desktop.services.scheduling import check_stored_schedule

        self.rooms_model.set_rows(list_rooms(session))
        waves = list_waves(session, self.context.event_id)
        report = check_stored_schedule(session, self.context.event_id)
        self._set_schedule(report.stored, report.violations)
        self._fill_auto_menu([w.number for w in waves])
        return waves

    def _set_schedule(self, stored: Any, violations: list[Any]) -> None:
        from ukom_desktop.ui.schedule.grid_model import view_choices

        self.stored = stored
        self.violations = violations
        self.grid_model.set_schedule(stored, violations)
        self.violations_model.set_rows(violations)
        hard = sum(1 for v in violations if v.is_hard)
        self.violations_title.setText(
            f"<b>Pelanggaran dan peringatan</b> \u2013 {hard} berat, {len(violations) - hard} ringan"
        )
        self.view_combo.blockSignals(True)
        self.view_combo.clear()
        for choice in view_choices(stored):
            self.view_combo.addItem(choice.label, choice)
        index = self.view_combo.findText(self.grid_model.choice.label) if self.grid_model.choice else -1
        self.view_combo.setCurrentIndex(max(index, 0) if self.view_combo.count() else -1)
        self.view_combo.blockSignals(False)

    def _fill_auto_menu(self, waves: list[int]) -> None:
        self.auto_menu.clear()
        self.auto_menu.addAction("Semua gelombang", lambda: self.run_scheduler(None))
        for number in waves:
            self.auto_menu.addAction(f"Gelombang {number} saja", lambda n=number: self.run_scheduler([n]))

    def describe(self, rows: Sequence[Any]) -> str:
        sessions = len(self.stored.schedule.sessions) if self.stored is not None else 0
        hard = sum(1 for v in self.violations if v.is_hard)
        state = "tanpa pelanggaran berat" if sessions and not hard else f"{hard} pelanggaran berat"
        return f"{len(rows)} gelombang, {sessions} sesi terjadwal ({state}), {self.rooms_model.rowCount()} ruang."

    def _on_view_chosen(self, index: int) -> None:
        self.grid_model.set_choice(self.view_combo.itemData(index) if index >= 0 else None)

    def _on_wave_selected(self) -> None:
        rows = self.table.selected_rows()
        if rows:
            self._on_wave_activated(rows[0])

    def _on_wave_activated(self, wave_row: Any) -> None:
        self.show_wave(wave_row.number)

    def show_wave(self, number: int) -> None:
        index = self.view_combo.findText(f"Gelombang {number}")
        if index >= 0:
            self.view_combo.setCurrentIndex(index)

    def _on_violation_activated(self, violation: Any) -> None:
        if violation is None or not violation.session_ids:
            return
        sid = violation.session_ids[0]
        session = next((s for s in self.stored.schedule.sessions if s.id == sid), None)
        if session is not None:
            self.show_wave(session.wave)
            self.grid.scroll_to_session(sid)

    def _show_banner(self, text: str, red: bool) -> None:
        self.banner.setStyleSheet(_BANNER_RED if red else _BANNER_GREEN)
        self.banner.setText(text)
        self.banner.setVisible(bool(text))

    # -- edits ------------------------------------------------------------------------------------
    def _judge(self, edit: Any) -> list[str]:
        from ukom_desktop.domain.scheduling import EditError
        from ukom_desktop.services.scheduling import preview_edit

        if self.stored is None:
            return []
        try:
            _after, added = preview_edit(self.stored, edit)
        except EditError as exc:
            return [str(exc)]
        return [v.message for v in added if v.is_hard]

    def request_edit(self, edit: Any) -> bool:
        """Check the edit and save it when the checker accepts (or the user accepts its warnings)."""
        from ukom_desktop.domain.scheduling import EditError
        from ukom_desktop.services.scheduling import apply_edit, preview_edit

        try:
            _after, added = preview_edit(self.stored, edit)
        except EditError as exc:
            self._show_banner(f"Perubahan ditolak: {exc}", red=True)
            return False
        hard = [v for v in added if v.is_hard]
        if hard:
            self._show_banner("Perubahan ditolak: " + " ".join(v.message for v in hard), red=True)
            return False
        if added:
            text = "\n".join(f"- {v.message}" for v in added)
            if not messages.confirm(self, f"Perubahan ini menimbulkan peringatan:\n\n{text}\n\nTetap simpan?"):
                self._show_banner("Perubahan dibatalkan.", red=False)
                return False
        with self.context.transaction() as session:
            outcome = apply_edit(session, self.context.event_id, edit, accept_warnings=bool(added))
        if not outcome.applied:
            reasons = " ".join(v.message for v in outcome.added) or "jadwal telah berubah"
            self._show_banner(f"Perubahan ditolak: {reasons}", red=True)
            self.refresh()
            return False
        self._show_banner("Perubahan tersimpan; semua aturan tetap terpenuhi." if not added else
                          "Perubahan tersimpan dengan peringatan yang telah Anda setujui.", red=False)
        self.context.data_changed.emit("schedule")
        self.refresh()
        return True

    def reschedule_dialog(self, session_id: str) -> Any:
        from ukom_desktop.ui.schedule.move_session_dialog import MoveSessionDialog

        return MoveSessionDialog(self.stored, session_id, self._judge, self)

    def move_session(self, session_id: str) -> bool:
        """Ask for a new day, time and room of the whole session; save it when the checker accepts."""
        if self.stored is None:
            return False
        dialog = self.reschedule_dialog(session_id)
        if not dialog.exec():
            return False
        return self.request_edit(dialog.edit())

    # -- actions ----------------------------------------------------------------------------------
    def run_scheduler(self, waves: list[int] | None) -> Any:
        from ukom_desktop.ui.background import run_in_background

        if self.context.database is None or self.context.event_id is None:
            messages.info(self, "Pilih kegiatan terlebih dahulu.")
            return None
        has = self.stored is not None and any(waves is None or s.wave in waves for s in self.stored.schedule.sessions)
        scope = "semua gelombang" if waves is None else f"gelombang {', '.join(map(str, waves))}"
        if has and not messages.confirm(
            self, f"Jadwal {scope} yang tersimpan akan diganti dengan hasil penyusunan otomatis. Lanjutkan?"
        ):
            return None
        factory, event_id = self.context.database.sessions, self.context.event_id

        def work():  # type: ignore[no-untyped-def]
            from ukom_desktop.services.scheduling import schedule_event

            return schedule_event(factory, event_id, waves)

        return run_in_background(self, work, title="Menyusun jadwal", on_done=self._on_scheduled,
                                 on_error=self._on_schedule_error)

    def _on_schedule_error(self, exc: BaseException, details: str) -> None:
        """A refusal in words; when it names the place to fix it, offer to open that place."""
        from ukom_desktop.ui.actions import describe_error
        from ukom_desktop.ui.menu_paths import offer_to_open

        text = describe_error(exc)
        if text is None:
            messages.unexpected(self, f"Penyusunan jadwal gagal ({exc.__class__.__name__}).", details)
            return
        self._show_banner("Jadwal belum dapat disusun; lihat alasannya.", red=True)
        offer_to_open(self, text)

    def _on_scheduled(self, outcome: Any) -> None:
        summary = outcome.summary()
        lines = [
            f"{summary['sessions']} sesi untuk {summary['participants']} peserta.",
            f"Asesor berbeda per peserta: paling sedikit {summary['distinct_min']}, "
            f"median {summary['distinct_median']:g}.",
            f"Selisih beban asesor: {summary['load_spread']} sesi.",
        ]
        lines += [f"Catatan: {n}" for n in summary["notes"]]
        self.context.data_changed.emit("schedule")
        self.refresh()
        if outcome.ok:
            self._show_banner("Jadwal tersusun tanpa pelanggaran berat.", red=False)
            messages.info(self, "Jadwal tersusun tanpa pelanggaran berat.\n\n" + "\n".join(lines))
        else:
            reasons = "\n".join(f"- {t}" for t in summary["infeasible"] + summary["hard"])
            self._show_banner("Sebagian jadwal tidak dapat disusun; lihat alasannya.", red=True)
            messages.warn(self, f"Jadwal belum dapat disusun sepenuhnya:\n\n{reasons}\n\n" + "\n".join(lines))

    def check(self) -> None:
        self.refresh()
        hard = sum(1 for v in self.violations if v.is_hard)
        if self.stored is None or not self.stored.schedule.sessions:
            messages.info(self, "Belum ada jadwal tersimpan untuk diperiksa.")
        elif hard:
            messages.warn(self, f"Jadwal melanggar {hard} aturan berat; lihat daftar di bawah jadwal.")
        else:
            messages.info(self, f"Jadwal memenuhi semua aturan berat ({len(self.violations)} peringatan).")

    def edit_rooms(self) -> None:
        from ukom_desktop.ui.schedule.rooms_dialog import RoomsDialog

        if self.context.database is None:
            return
        RoomsDialog(self.context, self).exec()
        self.refresh()

    def edit_waves(self) -> None:
        from ukom_desktop.ui.schedule.waves_dialog import WavesDialog

        if self.context.database is None or self.context.event_id is None:
            messages.info(self, "Pilih kegiatan terlebih dahulu.")
            return
        WavesDialog(self.context, self).exec()
        self.refresh()

    def ask_save_path(self, suggested: str, pdf: bool) -> str:
        pattern = "Dokumen PDF (*.pdf)" if pdf else "Buku kerja Excel (*.xlsx)"
        path, _ = QFileDialog.getSaveFileName(self, "Simpan jadwal", suggested, pattern)
        return path

    def export(self, kind: str, pdf: bool) -> Any:
        """Write the schedule in the background; returns the task (None when nothing to do)."""
        from ukom_desktop.services.schedule_exports import FILE_STEMS, write_schedule
        from ukom_desktop.ui.actions import export_in_background

        if self.stored is None or not self.stored.schedule.sessions:
            messages.info(self, "Belum ada jadwal untuk diekspor.")
            return None
        choice = self.grid_model.choice
        wave = choice.wave if choice is not None else None
        suffix = f"-gelombang-{wave}" if wave else ""
        path = self.ask_save_path(f"{FILE_STEMS[kind]}{suffix}.{'pdf' if pdf else 'xlsx'}", pdf)
        if not path:
            return None
        event_id = self.context.event_id
        return export_in_background(
            self, self.context, lambda s: write_schedule(s, event_id, kind, path, wave=wave, pdf=pdf),
            title="Menyimpan jadwal...", done=lambda target: f"Tersimpan: {target}")
