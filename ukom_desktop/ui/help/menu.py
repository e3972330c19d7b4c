"""The Bantuan menu's guides: the guide of the current tab (F1), or the list of all of them."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction, QKeySequence

from ukom_desktop.ui.icons import icon


def current_tab_key(window: Any) -> str | None:
    widget = window.tabs.currentWidget()
    for key, page in window.pages.items():
        if page is widget:
            return key
    return None


def open_guide(window: Any, key: str | None = None) -> Any:
    from ukom_desktop.ui.help.dialog import GuideDialog

    dialog = GuideDialog(list(window.pages), key, window)
    dialog.open()
    window.guide_dialog = dialog
    return dialog


def install(window: Any) -> None:
    window.guide_dialog = None
    this_tab = QAction(icon("help"), "Panduan tab ini", window)
    this_tab.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
    this_tab.triggered.connect(lambda: open_guide(window, current_tab_key(window)))
    every = QAction(icon("help"), "Panduan...", window)
    every.triggered.connect(lambda: open_guide(window))
    first = window.help_menu.actions()[0] if window.help_menu.actions() else None
    window.help_menu.insertAction(first, this_tab)
    window.help_menu.insertAction(first, every)
    window.help_menu.insertSeparator(first)
    window.help_actions = {"this_tab": this_tab, "all": every}
