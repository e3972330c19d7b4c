"""The assessor packages in the window: assessor mode on a laptop database, the merge preview, the conflict
queue, and the package export dialog with its passphrases shown once."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "db"))
from packages_support import (  # noqa: E402,E501
    issue,
    laptop_cells,
    laptop_narratives,
    open_on_laptop,
    reopen_for_ratings,
    secretariat,
)


@pytest.fixture
def issued(tmp_path: Path):
    db, event_id = secretariat(tmp_path)
    from ukom_desktop.services.packages_export import event_assessors

    with db.sessions() as session:
        members = [m for m, _n, _p in event_assessors(session, event_id)]
    reopen_for_ratings(db, event_id, members)
    items = issue(db, event_id, members[:1], tmp_path)
    yield db, event_id, items[0]
    db.dispose()


def test_assessor_mode_rates_autosaves_writes_narrative_and_sends_back(qtbot, issued, tmp_path: Path,
                                                                      recorded_messages) -> None:
    from ukom_desktop.ui.packages.assessor_window import NO_LEVEL, AssessorWindow

    _db, _event_id, item = issued
    open_on_laptop(item)
    window = AssessorWindow(item.laptop_url)
    qtbot.addWidget(window)
    window.show()
    assert window.timetable.rowCount() > 0
    assert [window.tabs.tabText(i) for i in range(3)] == ["Jadwal", "Penilaian", "Uraian laporan"]
    empty_ep = next(c.ep for c in laptop_cells(item.laptop_url) if c.level is None)
    row = next(i for i in range(window.participant_list.count())
               if window.participant_list.item(i).data(0x0100) == empty_ep)
    window.participant_list.setCurrentRow(row)
    assert window.form.rowCount() > 0
    combo = window.form.cellWidget(0, 3)
    assert combo.currentText() == NO_LEVEL and combo.isEnabled()
    combo.setCurrentText("4")
    window.form.item(0, 5).setText("Menyusun rencana kerja yang jelas")
    saved = next(c for c in laptop_cells(item.laptop_url) if (c.ep, c.exercise, c.competency) ==
                 (window.rows[0].ep, window.rows[0].exercise, window.rows[0].competency))
    assert (saved.level, saved.evidence, saved.changed) == ("4.00", "Menyusun rencana kerja yang jelas", True)
    assert "1/" in window.participant_list.currentItem().text()

    window.tabs.setCurrentIndex(2)
    assert window.report_list.count() == len(laptop_narratives(item.laptop_url)) > 0
    window.report_list.setCurrentRow(0)
    window.section_text.setPlainText("Draf uraian ditulis di laptop.")
    window.save_narrative()
    assert any("Draf uraian ditulis di laptop." in str(n.sections.values()) for n in laptop_narratives(item.laptop_url))

    window.grab().save(str(tmp_path / "mode-asesor.png"))
    target = window.send_back(str(tmp_path / "kiriman.ukom"))
    assert target is not None and target.exists()
    assert recorded_messages[-1][0] == "info" and "Kiriman ke-1" in recorded_messages[-1][1]


def test_merge_preview_shows_counts_applies_and_queue_decides(qtbot, issued, tmp_path: Path,
                                                              recorded_messages) -> None:
    from sqlalchemy import select

    from ukom_desktop.db.models import Competency, EventParticipant, Exercise, Rating
    from ukom_desktop.services import packages_laptop as lp
    from ukom_desktop.ui.main_window import MainWindow
    from ukom_desktop.ui.packages import menu

    db, event_id, item = issued
    open_on_laptop(item)
    cells = laptop_cells(item.laptop_url)
    new = next(c for c in cells if c.level is None)
    lp.save_cell(item.laptop_url, new.ep, new.exercise, new.competency, level="2", no_evidence=False, evidence="Baru")
    with db.sessions.begin() as session:  # the secretariat changes one of the assessor's cells meanwhile
        row = session.scalars(select(Rating).where(Rating.assessor_id == item.member_id)).first()
        key = (session.get(EventParticipant, row.event_participant_id).uuid, session.get(Exercise, row.exercise_id).uuid,
               session.get(Competency, row.competency_id).uuid)
        row.evidence = "Sekretariat"
    rated = next(c for c in cells if (c.ep, c.exercise, c.competency) == key)
    lp.save_cell(item.laptop_url, rated.ep, rated.exercise, rated.competency, level="5", no_evidence=False,
                 evidence="Laptop")
    back = lp.write_return(item.laptop_url, tmp_path / "kiriman.ukom").path

    window = MainWindow(db.url)
    qtbot.addWidget(window)
    window.show()
    assert window.open_database()
    titles = [a.text() for a in window.package_menu.actions()]
    assert titles == ["Buat paket...", "Terima paket...", "Konflik paket..."]
    assert window.act_open_package.text() == "Buka paket asesor..."
    window.select_event(event_id)

    dialog = menu.open_merge(window, str(back))
    assert dialog is not None
    text = dialog.counts_label.text()
    assert "Baru: <b>1</b>" in text and "Konflik: <b>1</b>" in text
    assert dialog.table.rowCount() == 2 and dialog.table.item(0, 0).text() == "Konflik"
    dialog.grab().save(str(tmp_path / "pratinjau.png"))
    dialog.apply_button.click()
    assert ("info", "Paket diterapkan: baru 1, berubah 0, sama 0, konflik 1.") in recorded_messages

    queue = menu.open_conflicts(window)
    assert queue.table.rowCount() == 1
    queue.decide()
    assert recorded_messages[-1][0] == "warn" and "Alasan" in recorded_messages[-1][1]
    queue.keep.setCurrentIndex(0)
    queue.reason.setText("Asesor mengoreksi di ruang")
    queue.decide()
    assert queue.table.rowCount() == 0
    with db.sessions() as session:
        assert session.scalars(select(Rating.evidence).where(Rating.id == row.id)).one() == "Laptop"


def test_open_package_from_the_menu_and_export_dialog(qtbot, issued, tmp_path: Path, monkeypatch) -> None:
    from ukom_desktop.ui.main_window import MainWindow
    from ukom_desktop.ui.packages import menu

    db, event_id, item = issued
    window = MainWindow(db.url)
    qtbot.addWidget(window)
    window.show()
    assert window.open_database()
    window.select_event(event_id)
    monkeypatch.setattr(menu, "working_database_for", lambda package: tmp_path / "kerja" / f"{package.stem}.sqlite")
    monkeypatch.setattr(menu, "ask_passphrase", lambda _p: item.passphrase)
    assessor = menu.open_assessor_package(window, str(item.path))
    assert assessor is not None and assessor.participant_list.count() > 0
    assessor.close()

    dialog = menu.open_export(window)
    assert dialog.list.count() >= 2
    for i in range(1, dialog.list.count()):
        dialog.list.item(i).setCheckState(dialog.list.item(i).checkState().Unchecked)
    dialog.folder.setText(str(tmp_path / "keluar"))
    dialog.create()
    qtbot.waitUntil(lambda: dialog.result_dialog is not None, timeout=60000)
    shown = dialog.result_dialog
    assert shown.table.rowCount() == 1
    assert len(list((tmp_path / "keluar").glob("*.ukom"))) == 1
    assert len(list((tmp_path / "keluar").glob("slip-kata-sandi-*.pdf"))) == 1
    assert len(shown.table.item(0, 2).text()) == 29


def test_a_working_database_is_recognised_for_assessor_mode(issued, tmp_path: Path) -> None:
    from ukom_desktop import paths
    from ukom_desktop.ui.packages.menu import working_database_file

    db, _event_id, item = issued
    # An encrypted working database cannot be read before its passphrase: the asesor/ data folder marks it.
    laptop = paths.data_dir() / "asesor" / "dikenali.sqlite"
    open_on_laptop(item.__class__(**{**item.__dict__, "laptop_url": f"sqlite:///{laptop}"}))
    assert not laptop.read_bytes().startswith(b"SQLite format 3")
    assert working_database_file(f"sqlite:///{laptop}") == laptop
    assert working_database_file(str(laptop)) == laptop
    elsewhere = tmp_path / "lain" / "dikenali.sqlite"
    elsewhere.parent.mkdir()
    elsewhere.write_bytes(laptop.read_bytes())
    assert working_database_file(str(elsewhere)) is None  # an encrypted file elsewhere is a secretariat database
    assert working_database_file(str(db.file)) is None  # the secretariat database opens the main window
    assert working_database_file(str(tmp_path / "tidak-ada.sqlite")) is None
    assert working_database_file("postgresql://u@h/ukom") is None


def test_reopening_an_encrypted_working_database_asks_the_passphrase(qtbot, issued, monkeypatch,
                                                                    recorded_messages) -> None:
    from ukom_desktop.db import encryption
    from ukom_desktop.db.engine import sqlite_path
    from ukom_desktop.io.exchange_package import new_passphrase
    from ukom_desktop.ui.packages import menu

    _db, _event_id, item = issued
    open_on_laptop(item)
    laptop = sqlite_path(item.laptop_url)
    encryption.register_key(laptop, None)  # a new start of the program
    typed = iter([new_passphrase(), item.passphrase.lower()])
    monkeypatch.setattr(menu, "ask_passphrase", lambda _p: next(typed))
    assert menu.open_assessor_package(None, str(laptop)) is None
    assert recorded_messages[-1][0] == "error" and "Kata sandi paket salah" in recorded_messages[-1][1]
    window = menu.open_working_database(None, laptop)  # as `ukom-desktop --db` on a working database does
    assert window is not None
    qtbot.addWidget(window)
    assert window.participant_list.count() > 0
    monkeypatch.setattr(menu, "ask_passphrase", lambda _p: None)  # Batal
    encryption.register_key(laptop, None)
    assert menu.open_working_database(None, laptop) is None


def test_files_that_cannot_be_used_are_told_in_sentences(qtbot, issued, tmp_path: Path, recorded_messages) -> None:
    """The package menu and assessor mode tell every failure through the action helper: a sentence in
    Bahasa Indonesia, never a traceback or the bug dialog."""
    import sqlite3

    from ukom_desktop.ui.main_window import MainWindow
    from ukom_desktop.ui.packages import menu
    from ukom_desktop.ui.packages.assessor_window import AssessorWindow

    db, _event_id, item = issued
    window = MainWindow(db.url)
    qtbot.addWidget(window)
    assert window.open_database()
    assert menu.open_merge(window, str(tmp_path / "tidak-ada.ukom")) is None
    assert recorded_messages[-1] == ("error", f"Berkas atau folder {tmp_path / 'tidak-ada.ukom'} tidak ditemukan.")
    broken = tmp_path / "rusak.ukom"
    broken.write_bytes(b"bukan paket sama sekali")
    assert menu.open_merge(window, str(broken)) is None
    assert recorded_messages[-1][0] == "error" and "paket" in recorded_messages[-1][1].lower()
    other = tmp_path / "lain.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE x (a)")
    conn.close()
    assert menu.open_assessor_package(window, str(other)) is None
    assert recorded_messages[-1] == ("error", "Berkas ini bukan basis data kerja asesor.")

    open_on_laptop(item)
    assessor = AssessorWindow(item.laptop_url)
    qtbot.addWidget(assessor)
    (tmp_path / "berkas.txt").write_text("x", encoding="utf-8")
    assert assessor.send_back(str(tmp_path / "berkas.txt" / "sub" / "kiriman.ukom")) is None
    kind, text = recorded_messages[-1]
    assert kind == "error" and text.startswith("Paket kiriman tidak dapat ditulis. Berkas ")
    assert "bukan folder" in text
    assert all(kind != "unexpected" for kind, _text in recorded_messages)
