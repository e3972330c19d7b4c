"""A page whose real widget is made on first use (first shown, or first asked for)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QVBoxLayout, QWidget


class LazyPage(QWidget):
    def __init__(self, factory: Callable[[], QWidget], on_created: Callable[[QWidget], None] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._factory = factory
        self._on_created = on_created
        self._widget: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    @property
    def is_created(self) -> bool:
        return self._widget is not None

    def widget(self) -> QWidget:
        if self._widget is None:
            self._widget = self._factory()
            self._layout.addWidget(self._widget)
            if self.isVisible():  # a child added to a shown parent must be shown explicitly
                self._widget.show()
            if self._on_created is not None:
                self._on_created(self._widget)
        return self._widget

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        super().showEvent(event)
        if self._widget is None:
            # Built right after this paint, so showing the page (or the window) is never held up by it.
            QTimer.singleShot(0, self.widget)
