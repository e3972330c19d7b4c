"""Peserta: the participants of the current event, with import, editing, bulk actions, groups and exports."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtWidgets import QMenu, QPushButton

from ukom_desktop.domain.labels import ATTENDANCE, INVITATION, label
from ukom_desktop.domain.nip import format_nip
from ukom_desktop.domain.sentences import control, join_sentences
from ukom_desktop.ui import messages
from ukom_desktop.ui.icons import icon
from ukom_desktop.ui.models.record_table_model import Column

from .base import RecordTab


class ParticipantsTab(RecordTab):
    title = "Peserta"
    settings_key = "participants"
    needs_event = True
    empty_hint = join_sentences((
        "Kegiatan ini belum memiliki peserta",
        f"Klik {control('Impor...')} untuk membaca daftar dari kepegawaian (xlsx, xls, ods atau csv), atau Tambah "
        "untuk mengisi satu per satu",
    ))

    def _setup_ui(self) -> None:
        super()._setup_ui()
        self.import_button = QPushButton(icon("import"), "Impor...")
        self.add_button = QPushButton(icon("new"), "Tambah")
        self.edit_button = QPushButton(icon("edit"), "Ubah")
        self.bulk_button = QPushButton("Tindakan")
        self.groups_button = QPushButton(icon("participants"), "Bagi kelompok...")
        self.waves_button = QPushButton(icon("schedule"), "Gelombang...")
        self.waves_button.setToolTip("Tanggal dan jumlah hari setiap gelombang")
        self.contacts_button = QPushButton(icon("search"), "Kontak")
        self.export_button = QPushButton(icon("export"), "Ekspor")
        for button in (self.import_button, self.add_button, self.edit_button, self.bulk_button,
                       self.groups_button, self.waves_button, self.contacts_button, self.export_button):
            self.actions_bar.addWidget(button)
        from ukom_desktop.ui.participants.bulk_menu import build_bulk_menu

        self.bulk_menu = build_bulk_menu(self, self.apply_bulk)
        self.bulk_button.setMenu(self.bulk_menu)
        self.contacts_menu = QMenu(self)
        self.contacts_menu.addAction("Lengkapi dari direktori pegawai", self.fill_from_directory)
        self.contacts_menu.addAction("Buat daftar peserta tanpa nomor HP...", self.export_missing_phones)
        self.contacts_menu.addAction("Impor isian nomor HP dari kepegawaian...", self.import_contacts)
        self.contacts_menu.addSeparator()
        self.contacts_menu.addAction("Direktori pegawai...", self.open_directory)
        self.contacts_button.setMenu(self.contacts_menu)
        self.export_menu = QMenu(self)
        from ukom_desktop.services.participant_exports import EXPORT_KINDS

        for kind, title in {**EXPORT_KINDS, "semua": "Semua rekap dalam satu berkas"}.items():
            self.export_menu.addAction(f"{title}...", lambda k=kind: self.export(k))
        self.export_button.setMenu(self.export_menu)
        self._update_buttons()

    def _connect_signals(self) -> None:
        self.table.activated.connect(lambda row: self.edit_participant(row.id))
        self.table.selection_changed.connect(self._update_buttons)
        self.import_button.clicked.connect(self.open_import)
        self.add_button.clicked.connect(lambda: self.edit_participant(None))
        self.edit_button.clicked.connect(self._on_edit)
        self.groups_button.clicked.connect(self.open_grouping)
        self.waves_button.clicked.connect(self.open_waves)

    def columns(self) -> Sequence[Column]:
        return (
            Column("number", "No", lambda r: r.number, align_right=True, width=50),
            Column("nip", "NIP", lambda r: r.nip, format_nip, width=170),
            Column("name", "Nama", lambda r: r.name, width=230),
            Column("golongan", "Gol.", lambda r: r.golongan, width=60),
            Column("jabatan", "Jabatan", lambda r: r.jabatan, width=220),
            Column("unit", "Unit kerja", lambda r: r.unit, width=240),
            Column("phone", "No. HP", lambda r: r.phone, width=120),
            Column("email", "Surel", lambda r: r.email, width=180),
            Column("wave", "Gel.", lambda r: r.wave, align_right=True, width=45),
            Column("group", "Kel.", lambda r: r.group, align_right=True, width=45),
            Column("question_set", "Soal", lambda r: r.question_set, width=45),
            Column("target", "Jabatan sasaran", lambda r: r.target_position, width=220),
            Column("invitation", "Undangan", lambda r: r.invitation, lambda v: label(INVITATION, v), width=110),
            Column("attendance", "Kehadiran", lambda r: r.attendance, lambda v: label(ATTENDANCE, v), width=120),
            Column("reason", "Alasan", lambda r: r.attendance_reason, width=160),
            Column("cv", "DRH", lambda r: r.cv_complete, width=55),
            Column("tracing", "Penelusuran", lambda r: r.tracing_complete, width=90),
        )

    def fetch(self, session: Any) -> Sequence[Any]:
        from ukom_desktop.services.participants import list_participant_rows

        return list_participant_rows(session, self.context.event_id)

    def describe(self, rows: Sequence[Any]) -> str:
        no_phone = sum(1 for r in rows if not r.phone)
        attendance = Counter(r.attendance for r in rows)
        parts = [f"{len(rows)} peserta"]
        if no_phone:
            parts.append(f"{no_phone} tanpa nomor HP")
        if attendance.get("belum"):
            parts.append(f"{attendance['belum']} belum konfirmasi")
        if attendance.get("tidak_hadir"):
            parts.append(f"{attendance['tidak_hadir']} tidak hadir")
        return ", ".join(parts) + "."

    def refresh(self) -> None:
        super().refresh()
        self._update_buttons()

    # -- helpers ----------------------------------------------------------------------------------
    def selected_ids(self) -> list[int]:
        return [row.id for row in self.table.selected_rows()] if self.is_built else []

    def _ready(self) -> bool:
        return self.context.database is not None and self.context.event_id is not None

    def _update_buttons(self) -> None:
        if not self.is_built:
            return
        ready = self._ready()
        selected = len(self.selected_ids())
        for button in (self.import_button, self.add_button, self.groups_button, self.waves_button,
                       self.contacts_button, self.export_button):
            button.setEnabled(ready)
        self.edit_button.setEnabled(ready and selected == 1)
        self.bulk_button.setEnabled(ready and selected > 0)
        self.bulk_button.setText(f"Tindakan ({selected})" if selected else "Tindakan")

    def _status(self, text: str) -> None:
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(text, 10000)

    def _run(self, work: Callable[[Any], Any]) -> Any:
        """work(session) in one transaction; a user error is shown, None returned."""
        from ukom_desktop.ui.actions import in_transaction

        return in_transaction(self, self.context, work, level="warn").value

    # -- actions ----------------------------------------------------------------------------------
    def apply_bulk(self, description: str, work: Callable[[Any, list[int]], int]) -> None:
        ids = self.selected_ids()
        if not ids:
            messages.info(self, "Pilih peserta pada tabel terlebih dahulu.")
            return
        count = self._run(lambda session: work(session, ids))
        if count is not None:
            self.context.data_changed.emit("participants")
            self._status(f"{description}: {count} peserta")

    def open_import(self) -> None:
        from ukom_desktop.ui.participants.import_wizard import ImportWizard

        if self._ready():
            ImportWizard(self.context, self.context.event_id, self).exec()  # type: ignore[arg-type]

    def _on_edit(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 1:
            self.edit_participant(ids[0])

    def edit_participant(self, ep_id: int | None) -> None:
        from ukom_desktop.ui.participants.editor import ParticipantEditorDialog

        if self._ready():
            ParticipantEditorDialog(self.context, self.context.event_id, ep_id, self).exec()  # type: ignore[arg-type]

    def open_waves(self) -> None:
        from ukom_desktop.ui.schedule.waves_dialog import WavesDialog

        if self._ready():
            WavesDialog(self.context, self).exec()

    def open_grouping(self) -> None:
        from ukom_desktop.ui.participants.grouping_dialog import GroupingDialog

        if self._ready():
            GroupingDialog(self.context, self.context.event_id, self).exec()  # type: ignore[arg-type]

    def open_directory(self) -> None:
        from ukom_desktop.ui.participants.directory_dialog import DirectoryDialog

        if self.context.database is not None:
            DirectoryDialog(self.context, self).exec()

    def fill_from_directory(self) -> None:
        from ukom_desktop.services.directory import fill_contacts

        if not self._ready():
            return
        result = self._run(lambda s: fill_contacts(s, self.context.event_id))
        if result is not None:
            self.context.data_changed.emit("participants")
            messages.info(self, result.summary().capitalize() + ".")

    def export_missing_phones(self) -> None:
        from ukom_desktop.services.directory import export_missing_phones
        from ukom_desktop.ui.actions import export_in_background
        from ukom_desktop.ui.participants import prompts

        path = prompts.save_file(self, "Daftar peserta tanpa nomor HP", "peserta-tanpa-nomor-hp.xlsx")
        if path:
            event_id = self.context.event_id
            self.task = export_in_background(
                self, self.context, lambda s: export_missing_phones(s, event_id, path),
                title="Menyimpan daftar peserta tanpa nomor HP...",
                done=lambda count: f"{count} peserta tanpa nomor HP tersimpan: {path}")

    def import_contacts(self) -> None:
        from ukom_desktop.services.directory import import_contact_list
        from ukom_desktop.ui.participants import prompts

        path = prompts.open_file(self, "Impor isian nomor HP")
        if path:
            result = self._run(lambda s: import_contact_list(s, self.context.event_id, path))
            if result is not None:
                self.context.data_changed.emit("participants")
                messages.info(self, result.summary().capitalize() + ".")

    def export(self, kind: str) -> None:
        from ukom_desktop.services.participant_exports import export_participants
        from ukom_desktop.ui.participants import prompts

        if not self._ready():
            return
        from ukom_desktop.ui.actions import export_in_background

        path = prompts.save_file(self, "Ekspor peserta", f"peserta-{kind}.xlsx")
        if path:
            event_id = self.context.event_id
            self.task = export_in_background(
                self, self.context, lambda s: export_participants(s, event_id, path, kind),
                title="Mengekspor peserta...", done=lambda target: f"Tersimpan: {target}")
