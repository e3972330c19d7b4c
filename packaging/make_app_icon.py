"""Draw the application icon (a clipboard with a tick on a blue tile) to resources/app-icon.png and the
Windows icon packaging/windows/ukom-desktop.ico (16-256 px). Run after changing the design:
    .venv/bin/python packaging/make_app_icon.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QImage, QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SIZES = (16, 24, 32, 48, 64, 128, 256)


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)  # noqa: F841 - needed to draw glyphs
    import qtawesome
    from PIL import Image

    image = QImage(256, 256, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor("#2c5282"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawRoundedRect(QRectF(8, 8, 240, 240), 44, 44)
    glyph = qtawesome.icon("fa5s.clipboard-check", color="white").pixmap(160, 160)
    painter.drawPixmap(48, 44, glyph)
    painter.end()
    png = ROOT / "resources" / "app-icon.png"
    image.save(str(png))
    ico = ROOT / "packaging" / "windows" / "ukom-desktop.ico"
    Image.open(png).save(ico, sizes=[(s, s) for s in SIZES])
    print(f"{png}\n{ico}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
