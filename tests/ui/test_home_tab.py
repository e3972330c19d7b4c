"""Beranda: its figures on the rated and QC demos equal the services' counts, every figure and hint leads
to the tab that fixes it, and the printed PDF carries the same figures."""

from __future__ import annotations

from datetime import date

import pytest
from pypdf import PdfReader

TODAY = date(2026, 12, 30)


def _window(qtbot, database, event_id):  # type: ignore[no-untyped-def]
    from ukom_desktop.ui.main_window import MainWindow

    window = MainWindow(database.url)
    qtbot.addWidget(window)
    window.show()
    assert window.open_database()
    window.select_event(event_id)
    home = window.show_tab("home_tab")
    home.today = TODAY
    home.refresh()
    return window, home


@pytest.fixture
def rated(sqlite_database):  # type: ignore[no-untyped-def]
    from ukom_desktop.services.demo import build_demo
    from ukom_desktop.services.demo_ratings import build_demo_ratings

    with sqlite_database.sessions.begin() as session:
        event_id = build_demo(session, participants=12, seed=5).event_id
        build_demo_ratings(session, event_id, seed=5)
    return sqlite_database, event_id


@pytest.fixture
def with_qc(rated):  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime

    from ukom_desktop.services.demo_qc import build_demo_qc

    database, event_id = rated
    with database.sessions.begin() as session:
        build_demo_qc(session, event_id, seed=5, now=datetime(2026, 12, 30, 10, tzinfo=UTC))
    return database, event_id


def _service_counts(database, event_id):  # type: ignore[no-untyped-def]
    from sqlalchemy import func, select

    from ukom_desktop.db.models import ParticipantGroup
    from ukom_desktop.services.event_checklist import preparation_counts
    from ukom_desktop.services.qc_overview import qc_overview
    from ukom_desktop.services.rating_progress import rating_progress
    from ukom_desktop.services.scheduling import check_stored_schedule

    with database.sessions() as session:
        c = preparation_counts(session, event_id)
        progress = rating_progress(session, event_id)
        qc = qc_overview(session, event_id, today=TODAY)
        groups = session.scalar(select(func.count()).select_from(ParticipantGroup)
                                .where(ParticipantGroup.event_id == event_id))
        hard = len(check_stored_schedule(session, event_id).hard)
    return {
        "participants": c.total, "present": c.attending, "confirmed": c.total - c.unconfirmed,
        "invited": c.total - c.not_invited, "groups": groups, "sessions": c.schedule_sessions,
        "violations": hard,
        "ratings": sum(r.filled for r in progress.by_assessor),
        "ratings_expected": sum(r.expected for r in progress.by_assessor),
        "approved": qc.counts["disetujui"] + qc.counts["diserahkan"], "overdue": len(qc.overdue),
        "assessors": {r.label: (r.filled, r.expected) for r in progress.by_assessor},
        "reports": dict(qc.counts),
    }


def _results(database, event_id):  # type: ignore[no-untyped-def]
    from ukom_desktop.services.results import event_results

    with database.sessions() as session:
        return event_results(session, event_id)


def test_figures_of_the_rated_demo_match_the_services(qtbot, rated) -> None:  # type: ignore[no-untyped-def]
    database, event_id = rated
    _window_, home = _window(qtbot, database, event_id)
    expected = _service_counts(database, event_id)
    d = home.data
    for key in ("participants", "present", "confirmed", "invited", "groups", "sessions", "violations",
                "ratings", "overdue"):
        assert d.figure(key).value == expected[key], key
        assert home.figure_buttons[key].text().split(": ", 1)[1].split(" ")[0] == str(expected[key])
    assert d.figure("ratings").total == expected["ratings_expected"]
    assert {name: (f, e) for name, f, e in d.assessor_progress} == expected["assessors"]
    assert d.has_results  # the rated demo integrates its participants: the pictures show
    assert home.pictures.isVisibleTo(home)
    integrated = sum(1 for r in _results(database, event_id).rows if r.integrated)
    assert sum(sum(c.values()) for c in d.categories_by_unit.values()) == integrated > 0


def test_figures_of_the_qc_demo_match_and_the_pdf_carries_them(qtbot, with_qc, tmp_path) -> None:  # type: ignore[no-untyped-def]
    database, event_id = with_qc
    _window_, home = _window(qtbot, database, event_id)
    expected = _service_counts(database, event_id)
    d = home.data
    assert d.figure("approved").value == expected["approved"]
    assert d.figure("overdue").value == expected["overdue"]
    from ukom_desktop.domain.labels import REPORT_STATUS

    assert dict(d.report_counts) == {REPORT_STATUS[s]: n for s, n in expected["reports"].items()}
    assert expected["approved"] > 0

    target = tmp_path / "beranda.pdf"
    home.print_to(str(target))
    reader = PdfReader(str(target))
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
    assert f"Beranda kegiatan {d.event_code}" in text
    assert f"Laporan disetujui: {expected['approved']} dari {expected['participants']}" in text
    assert f"Nilai terisi: {expected['ratings']} dari {expected['ratings_expected']}" in text
    assert len(reader.pages) == 2  # the pictures page: results exist
    assert "Peta kesenjangan" in " ".join(reader.pages[1].extract_text().split())


def test_every_figure_and_hint_leads_to_its_tab(qtbot, with_qc) -> None:  # type: ignore[no-untyped-def]
    database, event_id = with_qc
    window, home = _window(qtbot, database, event_id)
    assert window.tabs.indexOf(window.pages["home_tab"]) == 0  # the first tab
    for key, button in home.figure_buttons.items():
        window.show_tab("home_tab")
        button.click()
        wanted = home.data.figure(key).tab
        assert window.tabs.currentWidget() is window.pages[wanted], key
    assert home.hint_buttons
    for button, hint in zip(home.hint_buttons, home.data.hints, strict=True):
        window.show_tab("home_tab")
        button.click()
        assert window.tabs.currentWidget() is window.pages[hint.tab], hint.text


def test_an_empty_database_says_where_to_start(qtbot, sqlite_database) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.ui.main_window import MainWindow

    window = MainWindow(sqlite_database.url)
    qtbot.addWidget(window)
    window.show()
    assert window.open_database()
    home = window.show_tab("home_tab")
    qtbot.waitUntil(lambda: "Belum ada kegiatan" in home.heading.text())
    assert not home.print_button.isEnabled()


def test_an_assessor_sees_ratings_not_the_results_overview(rated) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.services.dashboard import dashboard

    database, event_id = rated
    with database.sessions() as session:
        everything = dashboard(session, event_id)
        assessor = dashboard(session, event_id, roles=frozenset({"asesor"}))
        head = dashboard(session, event_id, roles=frozenset({"pimpinan"}))
    assert everything.has_results and head.has_results
    assert not assessor.has_results and assessor.assessor_progress
    assert not head.assessor_progress


def test_cetak_jadwal_pribadi_writes_the_participant_cards(qtbot, rated, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.ui.home.timetables_menu import print_timetables

    database, event_id = rated
    window, _home = _window(qtbot, database, event_id)
    assert [a.text() for a in window.timetable_menu.actions()][0] == "Kartu jadwal peserta..."
    target = tmp_path / "kartu.pdf"
    print_timetables(window, "peserta", str(target))  # in the background, like every export
    qtbot.waitUntil(lambda: "Jadwal pribadi tersimpan" in window.statusBar().currentMessage(), timeout=60000)
    assert len(PdfReader(str(target)).pages) == 12  # the rated fixture's 12 participants, one card each


def test_an_assessor_sees_their_sessions_today_and_missing_ratings(qtbot, rated) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.services.dashboard import dashboard
    from ukom_desktop.services.rating_progress import rating_progress
    from ukom_desktop.services.schedule_problem import load_stored_schedule

    database, event_id = rated
    with database.sessions() as session:
        stored = load_stored_schedule(session, event_id)
        rated_session = next(s for s in sorted(stored.schedule.sessions, key=lambda s: s.start) if s.assessor_ids)
        key = rated_session.assessor_ids[0]
        member = stored.event.assessors[key]
        day = rated_session.start.date()
        mine = [s for s in stored.schedule.sessions if key in s.assessor_ids and s.start.date() == day]
        row = next(r for r in rating_progress(session, event_id).by_assessor if r.key == member.db_id)
        view = dashboard(session, event_id, today=day, roles=frozenset({"asesor"}), assessor_id=member.db_id)
    assert len(view.my_sessions) == len(mine) > 0
    assert view.my_missing == row.missing

    _window_, home = _window(qtbot, database, event_id)
    home.assessor_id, home.today = member.db_id, day
    home.refresh()
    assert home.my_day_box.isVisibleTo(home)
    assert f"Nilai yang belum Anda isi: {row.missing}" in home.my_day.text()
    assert view.my_sessions[0][0] in home.my_day.text()
