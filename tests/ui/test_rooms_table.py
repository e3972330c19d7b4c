"""Ruang as an editable table: imported from a csv file (a bad row listed, a known room updated), edited in
place, a duplicate name refused in words, an unused room deleted (issue 11 item 8)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from ukom_desktop.db.models import Room


def _dialog(main_window, qtbot):  # type: ignore[no-untyped-def]
    from ukom_desktop.ui.schedule.rooms_dialog import RoomsDialog

    dialog = RoomsDialog(main_window.context, main_window)
    qtbot.addWidget(dialog)
    return dialog


def _rooms(db) -> dict[str, tuple[str, int]]:  # type: ignore[no-untyped-def]
    with db.sessions() as session:
        return {r.name: (r.kind.value, r.capacity) for r in session.scalars(select(Room))}


def test_import_edit_delete_in_the_table(main_window, qtbot, demo_database, tmp_path: Path, recorded_messages) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(main_window, qtbot)
    before = dialog.table.rowCount()
    source = tmp_path / "ruang.csv"
    source.write_text("Nama Ruang;Jenis;Kapasitas;Lokasi\nRuang Asesmen A;ruang wawancara;2;Lantai 4\n"
                      "Aula Utama;Aula;60;Lantai 1\nRuang Rusak;gudang;3;\nRuang Besar;Aula;banyak;\n",
                      encoding="utf-8")
    result = dialog.import_file(str(source))
    assert (result.created, result.updated) == (1, 1)
    assert "baris 4: jenis ruang 'gudang' tidak dikenal" in dialog.status_label.text()
    assert "baris 5: kapasitas 'banyak'" in dialog.status_label.text()
    assert dialog.table.rowCount() == before + 1
    rooms = _rooms(demo_database)
    assert rooms["Ruang Asesmen A"] == ("ruang_wawancara", 2) and rooms["Aula Utama"] == ("aula", 60)

    row = next(r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 0).text() == "Ruang Asesmen A")
    dialog.table.cellWidget(row, 2).setValue(3)
    dialog.table.item(row, 3).setText("Lantai 5")
    dialog.save_button.click()
    assert _rooms(demo_database)["Ruang Asesmen A"] == ("ruang_wawancara", 3)

    new = dialog.add_row(name="Aula Utama", kind="aula", capacity=10)
    dialog.save_button.click()
    assert recorded_messages[-1][0] == "error" and "Aula Utama" in recorded_messages[-1][1]
    assert "sudah ada" in recorded_messages[-1][1]
    dialog.table.item(new, 0).setText("Aula Kecil")
    assert dialog.save()
    assert "Aula Kecil" in _rooms(demo_database)

    row = next(r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 0).text() == "Aula Kecil")
    dialog.table.setCurrentCell(row, 0)
    dialog.delete_button.click()
    assert "Aula Kecil" not in _rooms(demo_database) and "dihapus" in dialog.status_label.text()
