"""Kegiatan tab at 1366 wide: Status and Peserta are on screen, and Tahap berikutnya names the SOP steps of the
current stage that are still open before moving on (issue 11 item 12)."""

from __future__ import annotations

from ukom_desktop.db.models import Event


def test_status_and_participants_visible_at_1366(main_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    main_window.resize(1366, 768)
    tab = main_window.show_tab("events_tab")
    view = tab.table.view
    qtbot.waitUntil(lambda: view.viewport().width() > 0)
    headers = [tab.model.headerData(c, 1) for c in range(tab.model.columnCount())]
    for title in ("Status", "Peserta"):
        column = headers.index(title)
        right = view.columnViewportPosition(column) + view.columnWidth(column)
        assert view.columnViewportPosition(column) >= 0 and right <= view.viewport().width(), title


def test_next_stage_warns_about_open_sop_steps(main_window, demo_database, recorded_messages, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.ui import messages

    tab = main_window.show_tab("events_tab")
    tab.table.view.selectRow(0)
    monkeypatch.setattr(messages, "confirm", lambda _p, text, title="": recorded_messages.append(("confirm", text))
                        or False)
    tab.next_button.click()
    question = recorded_messages[-1][1]
    assert recorded_messages[-1][0] == "confirm" and "langkah SOP yang belum selesai" in question
    assert "(SOP 000 langkah" in question
    with demo_database.sessions() as session:
        assert session.get(Event, demo_database.demo.event_id).status.value == "persiapan"  # answered no
    monkeypatch.setattr(messages, "confirm", lambda _p, text, title="": True)
    tab.next_button.click()
    with demo_database.sessions() as session:
        assert session.get(Event, demo_database.demo.event_id).status.value == "pelaksanaan"
