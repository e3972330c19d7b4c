"""The psychogram drawn on screen: competencies down, levels 1-5 across, the standard cell shaded,
the achieved level marked and joined into the profile line, the gap at the right."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ukom_desktop.ui.scoring.rating_grid import level_text

STANDARD = QColor("#c8c8c8")
BELOW = QColor("#b00020")
LINE = QColor("#1f3b73")
ROW_HEIGHT = 26
HEADER_HEIGHT = 24


class PsychogramWidget(QWidget):
    """Set `rows` (objects with code, name, standard, final, gap) and `max_level`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []
        self.max_level = 5
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(520)

    def set_rows(self, rows: Sequence[Any], max_level: int = 5) -> None:
        self.rows = list(rows)
        self.max_level = max_level
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(640, HEADER_HEIGHT + ROW_HEIGHT * max(len(self.rows), 1) + 2)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self.sizeHint()

    def paintEvent(self, _event: object) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        width = self.width() - 1
        gap_w, std_w, level_w = 48, 58, 44
        name_w = max(160, width - gap_w - std_w - self.max_level * level_w)
        x_levels = name_w + std_w
        font = QFont(self.font())
        bold = QFont(font)
        bold.setBold(True)
        grid = QPen(QColor("#808080"))
        grid.setWidth(1)
        ink = QPen(self.palette().color(self.foregroundRole()))
        painter.setPen(ink)
        painter.setFont(bold)
        painter.fillRect(QRectF(0, 0, width, HEADER_HEIGHT), QColor("#e3e8f0"))
        titles = [("Kompetensi", 0, name_w), ("Standar", name_w, std_w)]
        titles += [(str(i), x_levels + (i - 1) * level_w, level_w) for i in range(1, self.max_level + 1)]
        titles.append(("Gap", x_levels + self.max_level * level_w, gap_w))
        for text, x, w in titles:
            painter.drawText(QRectF(x, 0, w, HEADER_HEIGHT), Qt.AlignmentFlag.AlignCenter, text)
        marks: list[QPointF | None] = []
        for n, row in enumerate(self.rows):
            top = HEADER_HEIGHT + n * ROW_HEIGHT
            std = Decimal(row.standard)
            col = min(max(int(std.to_integral_value(rounding="ROUND_CEILING")), 1), self.max_level)
            painter.fillRect(QRectF(x_levels + (col - 1) * level_w, top, level_w, ROW_HEIGHT), STANDARD)
            painter.setPen(ink)
            painter.setFont(font)
            painter.drawText(QRectF(6, top, name_w - 8, ROW_HEIGHT),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                             f"{row.code} {row.name}")
            painter.drawText(QRectF(name_w, top, std_w, ROW_HEIGHT), Qt.AlignmentFlag.AlignCenter,
                             level_text(std))
            gap = row.gap
            if gap is not None:
                painter.setFont(bold)
                if gap < 0:
                    painter.setPen(BELOW)
                sign = "+" if gap > 0 else ""
                painter.drawText(QRectF(x_levels + self.max_level * level_w, top, gap_w, ROW_HEIGHT),
                                 Qt.AlignmentFlag.AlignCenter, f"{sign}{level_text(Decimal(gap))}")
                painter.setPen(ink)
            if row.final is not None:
                final = min(max(float(row.final), 1.0), float(self.max_level))
                marks.append(QPointF(x_levels + (final - 0.5) * level_w, top + ROW_HEIGHT / 2))
            else:
                marks.append(None)
        bottom = HEADER_HEIGHT + len(self.rows) * ROW_HEIGHT
        painter.setPen(grid)
        for y in [0, HEADER_HEIGHT, *[HEADER_HEIGHT + i * ROW_HEIGHT for i in range(1, len(self.rows) + 1)]]:
            painter.drawLine(QPointF(0, y), QPointF(width, y))
        for x in [0, name_w, *[x_levels + i * level_w for i in range(self.max_level + 1)], width]:
            painter.drawLine(QPointF(x, 0), QPointF(x, bottom))
        pen = QPen(LINE)
        pen.setWidthF(2.0)
        painter.setPen(pen)
        for a, b in zip(marks, marks[1:], strict=False):
            if a is not None and b is not None:
                painter.drawLine(a, b)
        painter.setBrush(LINE)
        for point in marks:
            if point is not None:
                painter.drawRect(QRectF(point.x() - 5, point.y() - 5, 10, 10))
        painter.end()
