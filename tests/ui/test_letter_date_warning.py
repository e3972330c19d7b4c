"""The print dialog dates a letter before the event and warns as soon as a late or weekend date is chosen."""

from __future__ import annotations

from datetime import date

from ukom_desktop.db.models import Event
from ukom_desktop.ui.documents import menu


def test_surat_tugas_date_defaults_before_the_event_and_a_late_date_is_warned(main_window) -> None:  # type: ignore[no-untyped-def]
    with main_window.context.session() as session:
        start = session.get(Event, main_window.context.event_id).start_date
    menu.open_print(main_window, "surat_tugas")
    dialog = main_window.documents_dialog
    chosen = dialog.date_edit.date()
    assert chosen < start and chosen.weekday() < 5
    assert not dialog.date_warning.isVisibleTo(dialog)
    saturday = date.fromordinal(start.toordinal() + (5 - start.weekday()) % 7 + 7)
    dialog.date_edit.setDate(saturday)
    assert dialog.date_warning.isVisibleTo(dialog)
    text = dialog.date_warning.text()
    assert "sesudah hari pertama kegiatan" in text and "hari Sabtu" in text
    dialog.reject()
