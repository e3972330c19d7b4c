"""Windows and dialogs fit the screen they open on: an ordinary 1366x768 office laptop, and 1280x720.

`fit_to_screen(dialog, w, h)` replaces `resize(w, h)`: the wished size, clamped to the available screen
area less room for the title bar and the frame, and the dialog centred over its parent or the screen.
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

FRAME_WIDTH = 16  # left and right window frame
FRAME_HEIGHT = 48  # title bar and bottom frame


def available_rect(widget: QWidget | None = None) -> QRect:
    """The usable area (without task bars) of the screen the widget is on, else of the primary screen."""
    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 768)


def clamped_size(width: int, height: int, area: QRect) -> tuple[int, int]:
    return min(width, area.width() - FRAME_WIDTH), min(height, area.height() - FRAME_HEIGHT)


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize to the wished size or the screen's usable size, whichever is smaller, and keep it on screen."""
    anchor = widget.parentWidget() or widget
    area = available_rect(anchor)
    w, h = clamped_size(width, height, area)
    widget.resize(w, h)
    parent = widget.parentWidget()
    center = parent.window().geometry().center() if parent is not None else area.center()
    x = min(max(area.left(), center.x() - w // 2), area.right() - w - FRAME_WIDTH // 2)
    y = min(max(area.top(), center.y() - h // 2 - FRAME_HEIGHT // 2), area.bottom() - h - FRAME_HEIGHT + 8)
    widget.move(max(area.left(), x), max(area.top(), y))
