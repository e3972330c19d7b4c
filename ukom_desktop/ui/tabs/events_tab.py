"""Kegiatan: the events of the assessment body, with actions to create, edit and move them along."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton

from ukom_desktop.domain.dates import format_date_range_id
from ukom_desktop.domain.labels import EVENT_PURPOSE, EVENT_STATUS, label
from ukom_desktop.domain.sentences import join_sentences
from ukom_desktop.ui import messages
from ukom_desktop.ui.icons import icon
from ukom_desktop.ui.models.record_table_model import Column

from .base import RecordTab


class EventsTab(RecordTab):
    title = "Kegiatan"
    settings_key = "events"
    empty_hint = join_sentences((
        "Belum ada kegiatan", "Buat kegiatan lewat Data > Kegiatan baru... lalu isi peserta, tim dan jadwalnya",
        "Ingin mencoba dulu? Berkas > Data contoh... membuat basis data terpisah berisi kegiatan contoh",
    ))
    event_chosen = Signal(int)

    def _setup_ui(self) -> None:
        super()._setup_ui()
        self.new_button = QPushButton(icon("new"), "Kegiatan baru")
        self.edit_button = QPushButton(icon("edit"), "Ubah / status")
        self.activate_button = QPushButton(icon("events"), "Jadikan aktif")
        self.next_button = QPushButton("Tahap berikutnya")
        self.archive_button = QPushButton(icon("delete"), "Arsipkan")
        for button in (self.new_button, self.edit_button, self.activate_button, self.next_button,
                       self.archive_button):
            self.actions_bar.addWidget(button)
        self._update_buttons()

    def _connect_signals(self) -> None:
        self.table.activated.connect(lambda row: self.event_chosen.emit(row.id))
        self.table.selection_changed.connect(self._update_buttons)
        self.new_button.clicked.connect(self.new_event)
        self.edit_button.clicked.connect(self.edit_selected)
        self.activate_button.clicked.connect(self._on_activate)
        self.next_button.clicked.connect(self._on_next)
        self.archive_button.clicked.connect(self._on_archive)

    def columns(self) -> Sequence[Column]:
        return (
            # Status and Peserta come right after the name so they stay on screen at 1366 wide.
            Column("code", "Kode", lambda r: r.code, width=115),
            Column("name", "Nama kegiatan", lambda r: r.name, width=300),
            Column("status", "Status", lambda r: r.status, lambda v: label(EVENT_STATUS, v), width=125),
            Column("participants", "Peserta", lambda r: r.participants, align_right=True, width=60),
            Column("dates", "Tanggal", lambda r: (r.start_date, r.end_date),
                   lambda v: format_date_range_id(*v), width=190),
            Column("agency", "Instansi pengusul", lambda r: r.requesting_agency, width=220),
            Column("purpose", "Tujuan", lambda r: r.purpose, lambda v: label(EVENT_PURPOSE, v), width=110),
            Column("venue", "Tempat", lambda r: r.venue, width=180),
        )

    def fetch(self, session: Any) -> Sequence[Any]:
        from ukom_desktop.services.listings import list_events

        return list_events(session)

    def describe(self, rows: Sequence[Any]) -> str:
        return f"{len(rows)} kegiatan. Klik dua kali sebuah kegiatan untuk menjadikannya kegiatan aktif."

    def refresh(self) -> None:
        super().refresh()
        self._update_buttons()

    # -- actions ----------------------------------------------------------------------------------
    def selected_event(self) -> Any | None:
        rows = self.table.selected_rows() if self.is_built else []
        return rows[0] if len(rows) == 1 else None

    def _update_buttons(self) -> None:
        if not self.is_built:
            return
        has_db = self.context.database is not None
        one = self.selected_event() is not None
        self.new_button.setEnabled(has_db)
        for button in (self.edit_button, self.activate_button, self.next_button, self.archive_button):
            button.setEnabled(has_db and one)

    def new_event(self) -> int | None:
        """Open the editor for a new event; it becomes the active event when saved."""
        from ukom_desktop.ui.events.editor import EventEditorDialog

        if self.context.database is None:
            return None
        dialog = EventEditorDialog(self.context, None, self)
        if dialog.exec() and dialog.event_id is not None:
            self.event_chosen.emit(dialog.event_id)
            return dialog.event_id
        return None

    def edit_selected(self) -> None:
        from ukom_desktop.ui.events.editor import EventEditorDialog

        row = self.selected_event()
        if row is not None:
            EventEditorDialog(self.context, row.id, self).exec()

    def _on_activate(self) -> None:
        row = self.selected_event()
        if row is not None:
            self.event_chosen.emit(row.id)

    def _on_next(self) -> None:
        from ukom_desktop.errors import UserFacingError
        from ukom_desktop.services.events import advance_status

        row = self.selected_event()
        if row is None:
            return
        from ukom_desktop.services.event_checklist import checklist

        with self.context.session() as session:
            open_steps = [item for item in checklist(session, row.id).items if not item.done]
        if open_steps:
            lines = "\n".join(f"- {item.title} ({item.source})"
                              + (f": {', '.join(item.missing)}" if item.missing else "") for item in open_steps)
            if not messages.confirm(
                self, f"Tahap {label(EVENT_STATUS, row.status)} masih memiliki {len(open_steps)} langkah SOP yang "
                      f"belum selesai:\n\n{lines}\n\nTetap lanjut ke tahap berikutnya?"):
                return
        try:
            with self.context.transaction() as session:
                change = advance_status(session, row.id)
        except UserFacingError as exc:
            messages.warn(self, str(exc))
            return
        self.context.data_changed.emit("events")
        self.window().statusBar().showMessage(
            f"{row.code}: status menjadi {label(EVENT_STATUS, change.new)}", 8000)

    def _on_archive(self) -> None:
        from ukom_desktop.services.events import archive_event

        row = self.selected_event()
        if row is None or not messages.confirm(
            self, f"Arsipkan kegiatan {row.code} - {row.name}? Kegiatan yang diarsipkan tidak tampil lagi di daftar, "
                  "datanya tetap tersimpan."):
            return
        with self.context.transaction() as session:
            archive_event(session, row.id)
        self.context.data_changed.emit("events")
