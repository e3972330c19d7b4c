"""Nothing the user reads in the window is English: every tab, menu and dialog is walked (labels, buttons,
headers, tooltips, placeholders, window titles, menu actions), and so are Qt's own message boxes, file
dialog and calendar, which speak Indonesian through the project's translations and the id_ID locale."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from dialog_catalog import dialogs, open_rated_window
from PySide6.QtCore import QDate, QLocale, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCalendarWidget,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QTableView,
    QTabWidget,
    QTreeView,
    QWidget,
)

# Words that are English and not Indonesian; matched as whole words, ignoring case.
ENGLISH = {
    "yes", "cancel", "save", "open", "close", "apply", "browse", "email", "e-mail", "admin", "tester", "error",
    "warning", "settings", "print", "export", "import", "edit", "add", "remove", "search", "filter",
    "back", "next", "finish", "help", "details", "show", "hide", "look", "name", "type", "size", "date",
    "modified", "directory", "files", "new", "select", "all", "copy", "paste", "cut", "undo", "redo",
    "january", "february", "march", "may", "june", "july", "august", "october", "december",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "week",
    "cp-sat", "greedy", "first-fit", "schedule", "report", "participant", "assessor", "event", "loading", "draft",
}
# Raw program placeholders must never be shown.
RAW = re.compile(r"\{(seq3?|roman_month|year|month)\}")
WORD = re.compile(r"[A-Za-z][A-Za-z\-]*")
TAG = re.compile(r"<[^>]+>")
BUTTON_ONLY = {"ok", "no"}  # "No" (nomor) and "OK" are fine in a label, never as a button of their own
KEY_NAMES = {"delete"}  # a key's name in a hint ("Delete = kosongkan") is fine, a button so named is not


def english_in(text: str, *, button: bool = False) -> list[str]:
    plain = TAG.sub(" ", text.replace("&&", "§").replace("&", "")).replace("&nbsp;", " ")
    found = [w for w in WORD.findall(plain) if w.lower() in ENGLISH]
    if button and plain.strip().lower() in BUTTON_ONLY | KEY_NAMES:
        found.append(plain.strip())
    if RAW.search(plain):
        found.append(RAW.search(plain).group(0))  # type: ignore[union-attr]
    return found


def texts_of(root: QWidget) -> list[tuple[str, str, bool]]:
    """(where, text, is_button) for everything a user reads in a widget tree."""
    out: list[tuple[str, str, bool]] = [("judul jendela", root.windowTitle(), False)]
    for w in [root, *root.findChildren(QWidget)]:
        where = f"{type(w).__name__} {w.objectName()}".strip()
        if w.toolTip():
            out.append((where + " tooltip", w.toolTip(), False))
        if isinstance(w, QLabel):
            out.append((where, w.text(), False))
        elif isinstance(w, QAbstractButton):
            out.append((where, w.text(), True))
        elif isinstance(w, QGroupBox):
            out.append((where, w.title(), False))
        elif isinstance(w, QLineEdit | QPlainTextEdit):
            out.append((where + " placeholder", w.placeholderText(), False))
        elif isinstance(w, QComboBox):
            out += [(where + " pilihan", w.itemText(i), False) for i in range(min(w.count(), 40))]
        elif isinstance(w, QTabWidget):
            out += [(where + " tab", w.tabText(i), False) for i in range(w.count())]
            out += [(where + " tab tooltip", w.tabToolTip(i), False) for i in range(w.count())]
        elif isinstance(w, QTableView | QTreeView) and w.model() is not None:
            model = w.model()
            out += [(where + " kolom", str(model.headerData(c, Qt.Orientation.Horizontal) or ""), False)
                    for c in range(model.columnCount(QModelIndex()))]
        elif isinstance(w, QListView) and w.model() is not None:  # a list shows states beside names: "(draf)"
            model = w.model()
            out += [(where + " baris", str(model.index(r, 0).data() or ""), False)
                    for r in range(min(model.rowCount(QModelIndex()), 40))]
    return out


def menu_texts(menu: QMenu) -> list[tuple[str, str, bool]]:
    out = [("menu", menu.title(), False)]
    for action in menu.actions():
        out.append(("menu " + menu.title(), action.text(), False))
        if action.toolTip() != action.text().replace("&", ""):
            out.append(("menu tooltip", action.toolTip(), False))
        if action.menu() is not None:
            out += menu_texts(action.menu())
    return out


def english_found(items: list[tuple[str, str, bool]]) -> list[str]:
    return [f"{where}: {text!r} -> {words}" for where, text, button in items
            if text and (words := english_in(text, button=button))]


def test_the_english_word_check_itself() -> None:
    assert english_in("&Yes", button=True) == ["Yes"]
    assert english_in("No", button=True) == ["No"] and english_in("No") == []
    assert english_in("Nomor {seq}/UND/{year}") == ["{seq}"]
    assert english_in("Sabtu, 6 Desember 2026") == [] and english_in("6 December 2026") == ["December"]
    assert english_in("<b>Email</b>") == ["Email"]


def test_main_window_tabs_and_menus(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.ui.main_window import TAB_SPECS

    window = open_rated_window(qtbot, tmp_path)
    items = menu_texts_of_window(window)
    for key, *_rest in TAB_SPECS:
        tab = window.show_tab(key)
        QApplication.processEvents()
        items += texts_of(tab)
    items += texts_of(window)
    assert english_found(items) == []


def menu_texts_of_window(window) -> list[tuple[str, str, bool]]:  # type: ignore[no-untyped-def]
    items: list[tuple[str, str, bool]] = []
    for action in window.menuBar().actions():
        if action.menu() is not None:
            items += menu_texts(action.menu())
    return items


@pytest.mark.parametrize("name", list(dialogs()))
def test_dialog_speaks_indonesian(name: str, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_rated_window(qtbot, tmp_path)
    dialog = dialogs()[name](window)
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    items = texts_of(dialog)  # pages of tab widgets too: findChildren reaches hidden pages
    assert len([t for _w, t, _b in items if t]) >= 3, f"{name}: nothing read"
    assert english_found(items) == [], name
    dialog.close()


def test_message_box_buttons_are_indonesian(qtbot) -> None:  # type: ignore[no-untyped-def]
    box = QMessageBox(QMessageBox.Icon.Question, "Konfirmasi", "Lanjutkan?",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    qtbot.addWidget(box)
    assert sorted(b.text().replace("&", "") for b in box.buttons()) == ["Tidak", "Ya"]
    box = QMessageBox(QMessageBox.Icon.Information, "Info", "Selesai", QMessageBox.StandardButton.Ok)
    qtbot.addWidget(box)
    assert [b.text() for b in box.buttons()] == ["Oke"]
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
                               | QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
    qtbot.addWidget(buttons)
    assert sorted(b.text().replace("&", "") for b in buttons.buttons()) == ["Batal", "Oke", "Simpan", "Tutup"]


def test_file_dialog_is_qts_own_in_indonesian(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert QApplication.instance().testAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)
    dialog = QFileDialog(None, "Simpan PDF", str(tmp_path), "PDF (*.pdf)")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    items = texts_of(dialog)
    labels = {TAG.sub("", t).replace("&", "") for _w, t, _b in items}
    assert {"Cari di:", "Nama berkas:", "Jenis berkas:"} <= labels
    assert "Simpan" in labels and "Batal" in labels
    assert english_found(items) == []
    dialog.close()


def test_calendar_and_numbers_use_the_indonesian_locale(qtbot) -> None:  # type: ignore[no-untyped-def]
    locale = QLocale()
    assert locale.name() == "id_ID"
    assert locale.toString(1234.5, "f", 2) == "1.234,50"
    assert locale.toString(QDate(2026, 12, 6), "dddd, d MMMM yyyy") == "Minggu, 6 Desember 2026"
    calendar = QCalendarWidget()
    qtbot.addWidget(calendar)
    calendar.setCurrentPage(2026, 8)
    calendar.show()
    QApplication.processEvents()
    shown = " ".join(b.text() for b in calendar.findChildren(QAbstractButton))
    assert "Agustus" in shown and "August" not in shown
    assert english_found(texts_of(calendar)) == []
