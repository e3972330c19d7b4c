"""QC Laporan: every participant's individual report and where it stands."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from ukom_desktop.domain.labels import REPORT_STATUS, label
from ukom_desktop.domain.nip import format_nip
from ukom_desktop.ui.models.record_table_model import Column

from .base import RecordTab


class QcTab(RecordTab):
    title = "QC Laporan"
    settings_key = "qc"
    needs_event = True
    empty_hint = "Kegiatan ini belum memiliki peserta, sehingga belum ada laporan."

    def columns(self) -> Sequence[Column]:
        return (
            Column("number", "No", lambda r: r.number, align_right=True, width=50),
            Column("nip", "NIP", lambda r: r.nip, format_nip, width=170),
            Column("name", "Nama peserta", lambda r: r.name, width=240),
            Column("wave", "Gel.", lambda r: r.wave, align_right=True, width=45),
            Column("status", "Status laporan", lambda r: r.status, lambda v: label(REPORT_STATUS, v), width=130),
            Column("author", "Penulis", lambda r: r.author, width=200),
            Column("reviewer", "Pemeriksa", lambda r: r.reviewer, width=200),
            Column("revision", "Revisi", lambda r: r.revision, align_right=True, width=60),
        )

    def fetch(self, session: Any) -> Sequence[Any]:
        from ukom_desktop.services.listings import list_report_rows

        return list_report_rows(session, self.context.event_id)

    def describe(self, rows: Sequence[Any]) -> str:
        counts = Counter(label(REPORT_STATUS, r.status) for r in rows)
        return f"{len(rows)} laporan: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) + "."
