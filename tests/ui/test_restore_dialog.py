"""Berkas > Pulihkan dari cadangan...: the list of backups, and a restore the window reads back."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from ukom_desktop import paths
from ukom_desktop.db.backup import backup_sqlite


def test_restore_from_the_file_menu_brings_the_backup_back(main_window, demo_database, recorded_messages) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.ui.dialogs.restore_dialog import HEADERS, RestoreDialog

    assert "Pulihkan dari cadangan..." in [a.text() for a in main_window.file_menu.actions()]
    db_file = demo_database.file
    saved = backup_sqlite(db_file, paths.backup_dir() / "uji-ui" / "kemarin.sqlite")
    with demo_database.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE participant SET name = 'Diubah Setelah Cadangan'")
    seen: dict[str, object] = {}

    def choose() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, RestoreDialog)
        table = dialog.table
        seen["headers"] = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
        row = next(r for r in range(table.rowCount()) if table.item(r, 5).text() == str(saved))
        seen["row"] = [table.item(row, c).text() for c in range(table.columnCount())]
        table.selectRow(row)
        dialog._accept_selected()

    QTimer.singleShot(0, choose)
    main_window.act_restore.trigger()

    assert seen["headers"] == list(HEADERS)
    assert seen["row"][3:5] == ["1", "30"]  # events, participants of the backup
    conn = sqlite3.connect(db_file)
    try:
        names = {r[0] for r in conn.execute("SELECT name FROM participant")}
    finally:
        conn.close()
    assert "Diubah Setelah Cadangan" not in names and len(names) == 30
    assert main_window.context.database is not None
    assert main_window.event_combo.count() == 1
    kinds = [k for k, _ in recorded_messages]
    assert "confirm" in kinds and kinds[-1] == "info" and "dipulihkan" in recorded_messages[-1][1]
    kept = recorded_messages[-1][1].split("pemulihan: ")[1].strip()
    conn = sqlite3.connect(kept)
    try:
        assert conn.execute("SELECT COUNT(*) FROM participant WHERE name = 'Diubah Setelah Cadangan'").fetchone()[0] == 30
    finally:
        conn.close()


def test_a_refused_restore_is_a_sentence_and_the_database_opens_again(main_window, demo_database, tmp_path,
                                                                      monkeypatch, recorded_messages) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFileDialog

    from ukom_desktop.ui.dialogs.restore_dialog import RestoreDialog

    other = tmp_path / "lain.sqlite"
    conn = sqlite3.connect(other)
    with conn:
        conn.execute("CREATE TABLE x (a)")
    conn.close()
    before = demo_database.file.read_bytes()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(other), ""))

    def choose_other_file() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, RestoreDialog)
        dialog._choose_file()
        assert dialog.table.item(0, 5).text() == str(other)
        dialog._accept_selected()

    QTimer.singleShot(0, choose_other_file)
    main_window.act_restore.trigger()
    kind, text = recorded_messages[-1]
    assert kind == "error" and text.startswith("Pemulihan gagal; basis data tidak diubah.")
    assert main_window.context.database is not None and main_window.event_combo.count() == 1
    assert demo_database.file.read_bytes()[:100] == before[:100]


def test_backup_from_the_file_menu(main_window, demo_database, tmp_path, monkeypatch, recorded_messages) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "cadangan.sqlite"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    main_window.act_backup.trigger()
    assert "Cadangan tersimpan" in main_window.statusBar().currentMessage()
    conn = sqlite3.connect(target)
    try:
        assert conn.execute("SELECT COUNT(*) FROM participant").fetchone()[0] == 30
    finally:
        conn.close()
    (tmp_path / "berkas.txt").write_text("x", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "berkas.txt" / "cadangan.sqlite"), ""))
    main_window.act_backup.trigger()  # a folder that is a file: a sentence, not the bug dialog
    kind, text = recorded_messages[-1]
    assert kind == "error" and "tidak dapat ditulis" in text and "Pilih folder atau nama lain" in text
