"""Render every icon named in ukom_desktop/ui/icons.py to resources/icons/ with qtawesome.

Run after adding an icon name:  .venv/bin/python packaging/render_icons.py
Pre-rendered PNGs let the window appear without loading the icon fonts at start.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)  # noqa: F841 - needed for QIcon rendering
    import qtawesome

    from ukom_desktop.ui.icons import ICON_COLOR, ICON_SIZES, ICONS, icon_dir

    folder = icon_dir()
    folder.mkdir(parents=True, exist_ok=True)
    for name, spec in ICONS.items():
        glyph = qtawesome.icon(spec, color=ICON_COLOR)
        for size in ICON_SIZES:
            glyph.pixmap(size, size).save(str(folder / f"{name}-{size}.png"))
    print(f"{len(ICONS)} ikon dirender ke {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
