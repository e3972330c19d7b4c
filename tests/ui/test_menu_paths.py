"""Every menu path a message names exists in the window's menus, and a refusal that names one offers to open
it (issue 11 item 8): the scheduler's matrix refusal opens the matrix; the empty target-position list says
where positions are made."""

from __future__ import annotations

import re
from pathlib import Path

from ukom_desktop.ui.menu_paths import find_menu_action, menu_paths

SOURCES = Path(__file__).resolve().parents[2] / "ukom_desktop"


def test_every_menu_path_in_a_message_is_a_real_menu_item(main_window) -> None:  # type: ignore[no-untyped-def]
    named = set()
    for source in SOURCES.rglob("*.py"):
        text = re.sub(r'"\s*\n\s*(?:f)?"', "", source.read_text(encoding="utf-8"))  # joined string pieces
        named.update(menu_paths(text))
    assert "Data > Perumusan Kompetensi > Matriks alat ukur kegiatan..." in named
    missing = sorted(path for path in named if find_menu_action(main_window, path) is None)
    assert missing == []


def test_a_refusal_naming_the_matrix_offers_to_open_it(qtbot, main_window, recorded_messages, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.db.models import EventExercise, EventMatrixCell
    from ukom_desktop.ui.competency.matrix_dialog import EventMatrixDialog

    with main_window.context.transaction() as session:
        session.query(EventMatrixCell).delete()
        session.query(EventExercise).delete()
    opened = []
    monkeypatch.setattr(EventMatrixDialog, "exec", lambda self: opened.append(self) or 0)
    tab = main_window.show_tab("schedule_tab")
    task = tab.run_scheduler(None)
    from ukom_desktop.ui.background import wait_for

    wait_for(task)
    question = recorded_messages[-1][1]
    assert recorded_messages[-1][0] == "confirm" and "Buka Matriks alat ukur kegiatan... sekarang?" in question
    assert opened, "answering yes opened the matrix"


def test_empty_position_list_says_where_positions_are_made(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.db.database import open_database
    from ukom_desktop.db.models import Event
    from ukom_desktop.ui.competency.event_standards_dialog import EventStandardsDialog
    from ukom_desktop.ui.context import AppContext

    database = open_database(f"sqlite:///{tmp_path / 'baru.sqlite'}")
    with database.sessions.begin() as session:
        event = Event(code="UKOM-1", name="Uji")
        session.add(event)
        session.flush()
        event_id = event.id
    context = AppContext()
    context.set_database(database)
    dialog = EventStandardsDialog(context, event_id)
    qtbot.addWidget(dialog)
    assert not dialog.empty_label.isHidden()
    assert "Data > Perumusan Kompetensi > Jabatan dan standar kompetensi..." in dialog.empty_label.text()
    assert dialog.edit_button.text() == "Buat jabatan baru..."
    database.dispose()
