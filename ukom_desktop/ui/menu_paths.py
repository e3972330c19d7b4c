"""Messages that name a menu path ("Data > Perumusan Kompetensi > Matriks alat ukur kegiatan...") can open it:
`find_menu_action` resolves a path against the window's real menus, `offer_to_open` shows the message with a
question and triggers the menu item when the user says yes (issue 11 item 8)."""

from __future__ import annotations

import re
from typing import Any

from ukom_desktop.ui import messages

MENU_PATH = re.compile(r"(?:Berkas|Data|Cetak|Bantuan)(?: > [^>\n]+?)+\.\.\.")
TOP_MENUS = {"Berkas": "file_menu", "Data": "data_menu", "Cetak": "print_menu", "Bantuan": "help_menu"}


def menu_paths(text: str) -> list[str]:
    return MENU_PATH.findall(text)


def find_menu_action(window: Any, path: str) -> Any | None:
    """The QAction at "Top > Sub > Item..." in the window's menus, or None when there is no such item."""
    parts = [p.strip() for p in path.split(">")]
    menu = getattr(window, TOP_MENUS.get(parts[0], ""), None)
    for name in parts[1:]:
        if menu is None:
            return None
        found = next((a for a in menu.actions() if a.text().replace("&", "") == name), None)
        if found is None:
            return None
        if found.menu() is not None:
            menu = found.menu()
        elif name == parts[-1]:
            return found
        else:
            return None
    return None


def offer_to_open(parent: Any, text: str, window: Any = None) -> bool:
    """Show ``text``; when it names a real menu item, ask whether to open it there and then. True: opened."""
    window = window or (parent.window() if parent is not None else None)
    for path in menu_paths(text):
        action = find_menu_action(window, path)
        if action is not None:
            if messages.confirm(parent, f"{text}\n\nBuka {path.split(' > ')[-1]} sekarang?"):
                action.trigger()
                return True
            return False
    messages.warn(parent, text)
    return False
