"""Every icon of the app by name: qtawesome glyphs, pre-rendered to resources/icons/ for a quick start.

packaging/render_icons.py renders ICONS to PNG with qtawesome; when a PNG is missing (a new name not
yet rendered) the icon is drawn by qtawesome at run time.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from ukom_desktop.paths import resources_dir

ICONS: dict[str, str] = {
    "events": "fa5s.calendar-alt",
    "participants": "fa5s.users",
    "assessors": "fa5s.user-tie",
    "schedule": "fa5s.th",
    "qc": "fa5s.clipboard-check",
    "new": "fa5s.plus",
    "edit": "fa5s.edit",
    "delete": "fa5s.trash-alt",
    "import": "fa5s.file-import",
    "export": "fa5s.file-excel",
    "print": "fa5s.print",
    "refresh": "fa5s.sync-alt",
    "open_db": "fa5s.folder-open",
    "new_db": "fa5s.database",
    "backup": "fa5s.save",
    "copy": "fa5s.copy",
    "settings": "fa5s.cog",
    "about": "fa5s.info-circle",
    "quit": "fa5s.sign-out-alt",
    "error": "fa5s.exclamation-triangle",
    "search": "fa5s.search",
    "dictionary": "fa5s.book",
    "institution": "fa5s.landmark",
    "home": "fa5s.home",
    "help": "fa5s.question-circle",
}
ICON_SIZES = (16, 24, 32, 48)
ICON_COLOR = "#2c5282"


def icon_dir():  # type: ignore[no-untyped-def]
    return resources_dir() / "icons"


@cache
def icon(name: str) -> QIcon:
    spec = ICONS[name]
    result = QIcon()
    folder = icon_dir()
    for size in ICON_SIZES:
        path = folder / f"{name}-{size}.png"
        if path.exists():
            result.addFile(str(path))
    if not result.isNull():
        return result
    import qtawesome

    return qtawesome.icon(spec, color=ICON_COLOR)
