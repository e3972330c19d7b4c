"""What window tests do with menus and table selections: find a menu item by its text (in submenus too)
and select rows of a tab's table as a user's clicks would."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel


def find_action(menu, text: str):  # type: ignore[no-untyped-def]
    for item in menu.actions():
        if item.menu() is not None:
            found = find_action(item.menu(), text)
            if found is not None:
                return found
        elif item.text() == text:
            return item
    return None


def action(menu, text: str):  # type: ignore[no-untyped-def]
    found = find_action(menu, text)
    assert found is not None, f"menu item {text!r} not found"
    return found


def select_rows(tab, rows: list[int]) -> None:  # type: ignore[no-untyped-def]
    """Replace the selection of `tab.table` by these (proxy) rows."""
    tab.table.view.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in rows:
        tab.table.view.selectionModel().select(tab.table.proxy.index(row, 0), flags)


def select_all(tab) -> None:  # type: ignore[no-untyped-def]
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in range(tab.table.proxy.rowCount()):
        tab.table.view.selectionModel().select(tab.table.proxy.index(row, 0), flags)
