"""Every window and dialog fits an ordinary office laptop: 1366x768 (the test screen) with its buttons on
screen, and stays usable at 1280x720 (its smallest size fits there too)."""

from __future__ import annotations

from pathlib import Path

import pytest
from dialog_catalog import dialogs, open_rated_window
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialogButtonBox

FRAME_W, FRAME_H = 16, 48  # window frame and title bar a desktop adds around a window


@pytest.fixture(scope="module")
def names() -> list[str]:
    return list(dialogs())


def _visible_buttons(dialog) -> list[QAbstractButton]:  # type: ignore[no-untyped-def]
    buttons = [b for b in dialog.findChildren(QAbstractButton) if b.isVisibleTo(dialog)]
    return [b for b in buttons if isinstance(b.parentWidget(), QDialogButtonBox) or b.text()]


def test_the_test_screen_is_a_1366x768_laptop() -> None:
    screen = QApplication.primaryScreen()
    assert (screen.geometry().width(), screen.geometry().height()) == (1366, 768)


def test_fit_to_screen_clamps_to_any_screen(qtbot) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.ui.geometry import clamped_size

    assert clamped_size(1400, 820, QRect(0, 0, 1366, 768)) == (1366 - FRAME_W, 768 - FRAME_H)
    assert clamped_size(1400, 820, QRect(0, 0, 1280, 720)) == (1280 - FRAME_W, 720 - FRAME_H)
    assert clamped_size(600, 400, QRect(0, 0, 1280, 720)) == (600, 400)


@pytest.mark.parametrize("name", list(dialogs()))
def test_dialog_fits_the_laptop_screen_with_its_buttons(name: str, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_rated_window(qtbot, tmp_path)
    dialog = dialogs()[name](window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    QApplication.processEvents()
    area = QApplication.primaryScreen().availableGeometry()
    size = dialog.size()
    assert size.width() + FRAME_W <= area.width() and size.height() + FRAME_H <= area.height(), (
        f"{name}: {size.width()}x{size.height()} does not fit {area.width()}x{area.height()}")
    inside = dialog.geometry()
    assert area.contains(inside), f"{name} is placed off screen: {inside}"
    smallest = dialog.minimumSizeHint().expandedTo(dialog.minimumSize())
    assert smallest.width() + FRAME_W <= 1280 and smallest.height() + FRAME_H <= 720, (
        f"{name} cannot shrink to 1280x720: needs {smallest.width()}x{smallest.height()}")
    buttons = _visible_buttons(dialog)
    assert buttons, f"{name} shows no button"
    for button in buttons:
        rect = QRect(button.mapTo(dialog, button.rect().topLeft()), button.size())
        assert dialog.rect().contains(rect), f"{name}: button {button.text()!r} lies outside the dialog"
    dialog.close()


def test_main_window_fits_the_laptop(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_rated_window(qtbot, tmp_path)
    area = QApplication.primaryScreen().availableGeometry()
    assert window.width() <= area.width() and window.height() <= area.height()
    smallest = window.minimumSizeHint()
    assert smallest.width() <= 1280 and smallest.height() <= 720
