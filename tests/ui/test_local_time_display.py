"""'Terakhir dicetak' and the QC status history show local time, not the UTC that SQLite stores."""

from __future__ import annotations

from datetime import datetime
from types import SimpleNamespace

import pytest

from ukom_desktop.domain import timestamps


@pytest.fixture(autouse=True)
def _wib():  # type: ignore[no-untyped-def]
    timestamps.set_display_zone("WIB")
    yield
    timestamps.set_display_zone(None)


def test_last_printed_column_is_local_time() -> None:
    from ukom_desktop.ui.documents.issued_dialog import COLUMNS

    column = next(c for c in COLUMNS if c.header == "Terakhir dicetak")
    row = SimpleNamespace(last_printed_at=datetime(2026, 12, 6, 2, 27))  # UTC as SQLite returns it
    assert column.display(column.value(row)) == "6 Desember 2026 09.27 WIB"


def test_status_history_and_table_cells_are_local_time() -> None:
    from ukom_desktop.ui.models.record_table_model import _default_text
    from ukom_desktop.ui.qc.review_views import history_html

    entry = SimpleNamespace(at=datetime(2026, 12, 6, 17, 5), text="Disetujui", actor="qc", note="")
    assert "07-12-2026 00.05 WIB" in history_html([entry])
    assert _default_text(datetime(2026, 12, 6, 17, 5)) == "07-12-2026 00.05 WIB"


def test_the_zone_setting_is_applied_when_a_database_opens(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.db.database import open_database
    from ukom_desktop.services.settings import set_setting

    url = f"sqlite:///{tmp_path / 'ukom.sqlite'}"
    db = open_database(url)
    with db.sessions.begin() as session:
        set_setting(session, timestamps.SETTING_KEY, "WIT")
    db.dispose()
    timestamps.set_display_zone(None)
    open_database(url).dispose()
    assert timestamps.format_timestamp(datetime(2026, 1, 1, 0, 0)) == "1 Januari 2026 09.00 WIT"
