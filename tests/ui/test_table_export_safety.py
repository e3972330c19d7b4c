"""Issue 12 items 7 and 14 for the right-click table export: a name that came in as '=HYPERLINK(...)'
is a text cell in the workbook, and a target open in Excel is a message naming the file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

EVIL = '=HYPERLINK("http://contoh.invalid/x","Klik")'


def test_table_export_writes_hostile_names_as_text(main_window, demo_database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    from ukom_desktop.ui.table_export import table_to_workbook

    engine = create_engine(demo_database.url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE participant SET name = :n, unit = :u"), {"n": EVIL, "u": "@SUM(1)\x1b"})
    engine.dispose()
    tab = main_window.participants_tab
    main_window.tabs.setCurrentWidget(tab.parentWidget())
    tab.refresh()
    target = table_to_workbook(tab.table, tmp_path / "peserta.xlsx", "Daftar Peserta")
    cells = [c for row in load_workbook(target).active.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    names = [c for c in cells if c.value == EVIL]
    assert len(names) == 30 and all(c.data_type == "s" for c in names)
    assert any(c.value == "@SUM(1)" for c in cells)


def test_table_export_onto_a_file_open_in_excel_says_so(  # type: ignore[no-untyped-def]
    main_window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, recorded_messages
) -> None:
    from PySide6.QtWidgets import QFileDialog

    from ukom_desktop.ui.table_export import export_table

    target = tmp_path / "peserta.xlsx"
    target.write_bytes(b"isi lama")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))

    def locked(src: object, dst: object) -> None:
        raise PermissionError(13, "Permission denied", str(dst))

    tab = main_window.participants_tab
    main_window.tabs.setCurrentWidget(tab.parentWidget())
    monkeypatch.setattr(os, "replace", locked)
    assert export_table(tab.table, "Daftar Peserta", "peserta.xlsx") is None
    kind, message = recorded_messages[-1]
    assert kind == "error" and "'peserta.xlsx'" in message and "Tutup berkas ini di Excel lalu coba lagi" in message
    assert target.read_bytes() == b"isi lama"
