"""Asesor: the team roster (asesor, penilai teknis, admin, tester, pendukung), its availability, import
and export, and assigning members to the current event's team."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QFileDialog, QHBoxLayout, QLabel, QToolButton, QVBoxLayout

from ukom_desktop.domain.labels import TEAM_ROLE, label
from ukom_desktop.domain.nip import format_nip
from ukom_desktop.ui import messages
from ukom_desktop.ui.icons import icon
from ukom_desktop.ui.models.record_table_model import Column

from .base import RecordTab


def _button(text: str, icon_name: str, tip: str) -> QToolButton:
    button = QToolButton()
    button.setText(text)
    button.setIcon(icon(icon_name))
    button.setToolTip(tip)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    return button


class AssessorsTab(RecordTab):
    title = "Asesor"
    settings_key = "assessors"
    empty_hint = ("Belum ada anggota tim penilai. Klik Impor untuk membaca daftar tim dari Excel (anggota langsung "
                  "ditugaskan ke kegiatan aktif), atau tambahkan satu per satu.")

    def columns(self) -> Sequence[Column]:
        return (
            Column("name", "Nama", lambda r: r.name, width=220),
            Column("nip", "NIP", lambda r: r.nip, format_nip, width=165),
            Column("role", "Peran", lambda r: r.role, lambda v: label(TEAM_ROLE, v), width=105),
            Column("jenjang", "Jenjang JF", lambda r: r.jf_jenjang, width=100),
            Column("golongan", "Gol.", lambda r: r.golongan, width=50),
            Column("unit", "Unit asal", lambda r: r.unit, width=200),
            Column("agency", "Instansi", lambda r: r.agency, width=160),
            Column("cert", "Sertifikasi", lambda r: r.certification, width=130),
            Column("cert_expiry", "Berlaku s.d.", lambda r: r.certification_expiry, width=130),
            Column("phone", "No. HP", lambda r: r.phone, width=115),
            Column("max", "Maks./gel.", lambda r: r.max_per_wave, align_right=True, width=75),
            Column("away", "Berhalangan", lambda r: r.unavailable_days, lambda v: f"{v} hari" if v else "-",
                   align_right=True, width=90),
            Column("team", "Tim kegiatan", lambda r: label(TEAM_ROLE, r.event_role) if r.in_event else "",
                   width=100),
            Column("active", "Status", lambda r: r.active, lambda v: "Aktif" if v else "Nonaktif", width=70),
        )

    def _setup_ui(self) -> None:
        super()._setup_ui()
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        buttons = {
            "add": _button("Tambah", "new", "Tambah anggota tim"),
            "edit": _button("Ubah", "edit", "Ubah data anggota yang dipilih"),
            "toggle": _button("Nonaktifkan", "delete", "Nonaktifkan (atau aktifkan kembali) anggota yang dipilih"),
            "availability": _button("Ketersediaan", "events", "Catat hari atau setengah hari berhalangan"),
            "assign": _button("Tugaskan", "assessors", "Masukkan yang dipilih ke tim kegiatan aktif"),
            "unassign": _button("Keluarkan", "quit", "Keluarkan yang dipilih dari tim kegiatan aktif"),
            "import": _button("Impor", "import", "Impor daftar tim dari Excel dengan pratinjau"),
            "export": _button("Ekspor", "export", "Ekspor daftar tim ke Excel"),
        }
        self.buttons = buttons
        for button in buttons.values():
            self.add_tool_button(button)
        filters = QHBoxLayout()
        filters.addWidget(QLabel("Peran:"))
        self.role_filter = QComboBox()
        self.role_filter.addItem("Semua peran", "")
        for key, text in TEAM_ROLE.items():
            self.role_filter.addItem(text, key)
        filters.addWidget(self.role_filter)
        self.only_event = QCheckBox("Hanya tim kegiatan aktif")
        self.show_inactive = QCheckBox("Tampilkan yang nonaktif")
        self.show_inactive.setChecked(True)
        filters.addWidget(self.only_event)
        filters.addWidget(self.show_inactive)
        filters.addStretch(1)
        layout.insertLayout(1, filters)
        self.context.event_changed.connect(lambda _id: self.mark_dirty())

    def _connect_signals(self) -> None:
        b = self.buttons
        b["add"].clicked.connect(self.add_member)
        b["edit"].clicked.connect(self.edit_member)
        b["toggle"].clicked.connect(self.toggle_active)
        b["availability"].clicked.connect(self.edit_availability)
        b["assign"].clicked.connect(self.assign_selected)
        b["unassign"].clicked.connect(self.unassign_selected)
        b["import"].clicked.connect(self.import_roster)
        b["export"].clicked.connect(self.export_roster)
        self.table.activated.connect(lambda _row: self.edit_member())
        for widget in (self.only_event, self.show_inactive):
            widget.toggled.connect(lambda _v: self.refresh())
        self.role_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.table.selection_changed.connect(self._update_toggle_text)

    def fetch(self, session: Any) -> Sequence[Any]:
        from ukom_desktop.services.team import list_members

        rows = list_members(
            session, include_inactive=self.show_inactive.isChecked() if self.is_built else True,
            role=self.role_filter.currentData() or None if self.is_built else None,
            event_id=self.context.event_id,
        )
        if self.is_built and self.only_event.isChecked():
            rows = [r for r in rows if r.in_event]
        from ukom_desktop.services.team_checks import team_warnings

        self.team_warnings = team_warnings(session, self.context.event_id) if self.context.event_id else []
        return rows

    def describe(self, rows: Sequence[Any]) -> str:
        assessors = sum(1 for r in rows if r.role == "asesor")
        units = len({r.unit for r in rows if r.role == "asesor" and r.unit})
        in_event = sum(1 for r in rows if r.in_event)
        text = f"{len(rows)} anggota tim, {assessors} di antaranya asesor dari {units} unit."
        if self.context.event_id is not None:
            text += f" {in_event} bertugas pada kegiatan aktif."
        for warning in getattr(self, "team_warnings", []):  # e.g. a ketua who does not fit the target posts
            text += f" Perhatian: {warning}"
        return text

    # -- helpers ----------------------------------------------------------------------------------
    def _selected(self, one: bool = False) -> list[Any]:
        rows = self.table.selected_rows()
        if not rows:
            messages.info(self, "Pilih anggota tim pada tabel terlebih dahulu.")
        return rows[:1] if one else rows

    def _update_toggle_text(self) -> None:
        rows = self.table.selected_rows()
        self.buttons["toggle"].setText("Aktifkan" if rows and not rows[0].active else "Nonaktifkan")

    def _changed(self) -> None:
        self.context.data_changed.emit("team")
        self.refresh()

    # -- actions ----------------------------------------------------------------------------------
    def _run_member_form(self, row: Any = None) -> bool:
        from ukom_desktop.services.team import create_member, update_member
        from ukom_desktop.ui.actions import in_transaction
        from ukom_desktop.ui.schedule.team_dialogs import MemberDialog

        dialog = MemberDialog(row, self)
        while dialog.exec():
            def save(session):  # type: ignore[no-untyped-def]
                if row is None:
                    create_member(session, dialog.data())
                else:
                    update_member(session, row.id, dialog.data(row.active), row.version)

            if not in_transaction(dialog, self.context, save, report=dialog.error_label.setText,
                                  done=f"Data {dialog.data().name} tersimpan."):
                continue
            self._changed()
            return True
        return False

    def add_member(self) -> bool:
        return self._run_member_form(None)

    def edit_member(self) -> bool:
        rows = self._selected(one=True)
        return self._run_member_form(rows[0]) if rows else False

    def toggle_active(self) -> None:
        from ukom_desktop.services.team import set_active

        rows = self._selected()
        if not rows:
            return
        active = not rows[0].active
        if not active and not messages.confirm(
            self, f"Nonaktifkan {len(rows)} anggota tim? Mereka tetap tercatat pada kegiatan yang lalu, tetapi "
                  "tidak dijadwalkan lagi."
        ):
            return
        with self.context.transaction() as session:
            set_active(session, [r.id for r in rows], active)
        self._changed()

    def edit_availability(self) -> None:
        from ukom_desktop.services.team import get_availability, get_member, set_availability
        from ukom_desktop.ui.schedule.team_dialogs import AvailabilityDialog

        rows = self._selected(one=True)
        if not rows:
            return
        with self.context.session() as session:
            entries = get_availability(session, rows[0].id)
            version = get_member(session, rows[0].id).version  # a colleague's change meanwhile is not overwritten
            suggested = self._event_start(session)
        dialog = AvailabilityDialog(rows[0].name, entries, suggested, self)
        if dialog.exec():
            with self.context.transaction() as session:
                set_availability(session, rows[0].id, dialog.entries, expected_version=version)
            self._changed()

    def _event_start(self, session: Any) -> date | None:
        from ukom_desktop.services.events import event_data

        return event_data(session, self.context.event_id).start_date if self.context.event_id is not None else None

    def assign_selected(self) -> None:
        from ukom_desktop.services.team import TeamAssignment, assign_team
        from ukom_desktop.ui.actions import in_transaction

        if self.context.event_id is None:
            messages.info(self, "Pilih kegiatan aktif terlebih dahulu.")
            return
        rows = self._selected()
        if not rows:
            return
        event_id = self.context.event_id
        outcome = in_transaction(self, self.context,
                                 lambda s: assign_team(s, event_id, [TeamAssignment(r.id) for r in rows]))
        if not outcome:
            return
        change = outcome.value
        text = f"{change.added} anggota ditambahkan ke tim kegiatan, {change.kept} sudah ada sebelumnya."
        if change.warnings:
            text += "\n\n" + "\n".join(change.warnings)
        messages.info(self, text)
        self._changed()

    def unassign_selected(self) -> None:
        from ukom_desktop.services.team import remove_from_team
        from ukom_desktop.ui.actions import in_transaction

        if self.context.event_id is None:
            return
        rows = [r for r in self._selected() if r.in_event]
        if not rows:
            return
        event_id = self.context.event_id
        outcome = in_transaction(self, self.context, lambda s: remove_from_team(s, event_id, [r.id for r in rows]))
        if not outcome:
            return
        removed = outcome.value
        messages.info(self, f"{removed} anggota dikeluarkan dari tim kegiatan.")
        self._changed()

    def ask_open_path(self) -> str:
        path, _ = QFileDialog.getOpenFileName(
            self, "Impor tim penilai", "", "Lembar kerja (*.xlsx *.xls *.ods *.csv);;Semua berkas (*)"
        )
        return path

    def ask_save_path(self) -> str:
        path, _ = QFileDialog.getSaveFileName(self, "Ekspor tim penilai", "tim-penilai.xlsx",
                                              "Buku kerja Excel (*.xlsx)")
        return path

    def import_roster(self) -> Any:
        from ukom_desktop.ui.background import run_in_background

        path = self.ask_open_path()
        if not path or self.context.database is None:
            return None
        factory = self.context.database.sessions

        def work():  # type: ignore[no-untyped-def]
            from ukom_desktop.services.team_import import preview_team_import

            yield 0, 1, "Membaca berkas"
            with factory() as session:
                return preview_team_import(session, path)

        return run_in_background(self, work, title="Membaca daftar tim", on_done=self._on_preview)

    def _on_preview(self, preview: Any) -> None:
        from ukom_desktop.services.team_import import apply_team_import
        from ukom_desktop.ui.schedule.team_dialogs import TeamImportDialog

        event_label = ""
        if self.context.event_id is not None:
            from ukom_desktop.services.events import event_data

            with self.context.session() as session:
                event_label = event_data(session, self.context.event_id).code
        dialog = TeamImportDialog(preview, self, event_label)
        if not self.confirm_import(dialog):
            return
        assign_to = self.context.event_id if event_label and dialog.assign_check.isChecked() else None
        with self.context.transaction() as session:
            result = apply_team_import(session, preview, event_id=assign_to)
        assigned = f" {result.assigned} anggota ditugaskan ke kegiatan {event_label}." if assign_to else ""
        messages.info(self, f"Impor selesai: {result.created} anggota baru, {result.updated} diperbarui, "
                            f"{result.skipped} baris ditolak.{assigned}")
        self._changed()

    def confirm_import(self, dialog: Any) -> bool:
        """Show the preview; tests replace this to answer for the user."""
        return bool(dialog.exec())

    def export_roster(self) -> Any:
        """Write the roster to the chosen xlsx in the background; returns the task (None when cancelled)."""
        from ukom_desktop.services.team_import import export_team
        from ukom_desktop.ui.actions import export_in_background

        path = self.ask_save_path()
        if not path:
            return None
        inactive = self.show_inactive.isChecked()
        return export_in_background(self, self.context, lambda s: export_team(s, path, include_inactive=inactive),
                                    title="Mengekspor tim asesor...",
                                    done=lambda result: f"{result[1]} anggota tim diekspor ke {result[0]}.")
