"""The guides shipped in resources/help/: one HTML page per tab, named after the tab's key."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ukom_desktop.paths import resources_dir


@dataclass(frozen=True)
class Guide:
    key: str  # the tab's key, e.g. "participants_tab"
    title: str
    html: str


def help_dir() -> Path:
    return resources_dir() / "help"


def _title(html: str, key: str) -> str:
    found = re.search(r"<h2>(.*?)</h2>", html)
    return found.group(1) if found else key


def guide(key: str) -> Guide | None:
    path = help_dir() / f"{key}.html"
    if not path.is_file():
        return None
    html = path.read_text(encoding="utf-8")
    return Guide(key, _title(html, key), html)


def all_guides(order: list[str]) -> list[Guide]:
    """Every guide, those of `order` (the tabs) first in that order."""
    keys = [*order, *sorted(p.stem for p in help_dir().glob("*.html") if p.stem not in order)]
    return [g for key in keys if (g := guide(key)) is not None]
