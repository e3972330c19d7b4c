"""Pictures of the Beranda drawn with QPainter: categories per unit (stacked bars) and the gap heat map
(competency x unit). Each draws into any rectangle, so the same code paints the screen and the PDF."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

CATEGORY_COLOURS = ("#2e7d32", "#f9a825", "#c62828", "#1565c0", "#6a1b9a", "#00838f", "#8d6e63")
TEXT = QColor("#222222")
GRID = QColor("#bbbbbb")


def _short(text: str, limit: int = 34) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# The categories of the JPM (domain.results): their colours say good / fair / poor at a glance.
KNOWN_COLOURS = {"optimal": "#2e7d32", "cukup optimal": "#f9a825", "kurang optimal": "#c62828"}


def category_colour(index: int, name: str = "") -> QColor:
    known = KNOWN_COLOURS.get(name.strip().casefold())
    return QColor(known or CATEGORY_COLOURS[(index + 3) % len(CATEGORY_COLOURS)])


def ordered(categories: tuple[str, ...]) -> tuple[str, ...]:
    rank = {name: i for i, name in enumerate(KNOWN_COLOURS)}
    return tuple(sorted(categories, key=lambda c: rank.get(c.strip().casefold(), len(rank))))


def _label(painter: QPainter, rect: QRectF, text: str) -> None:
    """A right-aligned row label, shortened with an ellipsis to the room there is."""
    shown = painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, int(rect.width()))
    painter.drawText(rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, shown)


def draw_categories(painter: QPainter, rect: QRectF, categories: tuple[str, ...],
                    by_unit: dict[str, dict[str, int]]) -> None:
    """One horizontal bar per unit, split by category; a legend on top."""
    painter.save()
    painter.setPen(TEXT)
    metrics = painter.fontMetrics()
    line = metrics.height() + 4
    x = rect.left()
    categories = ordered(categories)
    for index, name in enumerate(categories):  # legend
        painter.fillRect(QRectF(x, rect.top() + 3, 12, 12), category_colour(index, name))
        painter.drawText(QRectF(x + 16, rect.top(), 200, line), Qt.AlignmentFlag.AlignLeft, name)
        x += 16 + metrics.horizontalAdvance(name) + 18
    units = list(by_unit)
    if not units:
        painter.restore()
        return
    top = rect.top() + line + 6
    label_width = min(rect.width() * 0.4, max(metrics.horizontalAdvance(_short(u)) for u in units) + 8)
    bar_left = rect.left() + label_width
    bar_width = rect.width() - label_width - 30
    most = max(sum(counts.values()) for counts in by_unit.values()) or 1
    row_height = max(12.0, min(26.0, (rect.bottom() - top) / len(units)))
    for row, unit in enumerate(units):
        y = top + row * row_height
        painter.setPen(TEXT)
        _label(painter, QRectF(rect.left(), y, label_width - 6, row_height), _short(unit))
        x = bar_left
        total = 0
        for index, name in enumerate(categories):
            n = by_unit[unit].get(name, 0)
            width = bar_width * n / most
            if n:
                painter.fillRect(QRectF(x, y + 3, width, row_height - 6), category_colour(index, name))
            x += width
            total += n
        painter.drawText(QRectF(x + 4, y, 30, row_height), Qt.AlignmentFlag.AlignVCenter, str(total))
    painter.restore()


def gap_text(gap: float) -> str:
    text = f"{gap:+.1f}".replace(".", ",")
    return "0,0" if text in ("+0,0", "-0,0") else text


def gap_colour(gap: float) -> QColor:
    """Red below the standard, white at it, green above (clamped at one level)."""
    g = max(-1.0, min(1.0, gap))
    if g < 0:
        return QColor(255, int(255 * (1 + g * 0.6)), int(255 * (1 + g * 0.6)))
    return QColor(int(255 * (1 - g * 0.6)), 255, int(255 * (1 - g * 0.6)))


def draw_heat_map(painter: QPainter, rect: QRectF, competencies: tuple[tuple[str, str], ...],
                  gaps: dict[str, dict[str, float]]) -> None:
    """Rows are units, columns competencies; each cell the mean gap (final level - standard)."""
    painter.save()
    metrics = painter.fontMetrics()
    units = sorted(gaps)
    codes = [code for code, _name in competencies if any(code in per for per in gaps.values())]
    if not units or not codes:
        painter.restore()
        return
    line = metrics.height() + 6
    label_width = min(rect.width() * 0.4, max(metrics.horizontalAdvance(_short(u)) for u in units) + 8)
    cell_width = (rect.width() - label_width) / len(codes)
    cell_height = max(12.0, min(26.0, (rect.height() - line) / len(units)))
    painter.setPen(TEXT)
    for col, code in enumerate(codes):
        painter.drawText(QRectF(rect.left() + label_width + col * cell_width, rect.top(), cell_width, line),
                         Qt.AlignmentFlag.AlignCenter, code)
    for row, unit in enumerate(units):
        y = rect.top() + line + row * cell_height
        painter.setPen(TEXT)
        _label(painter, QRectF(rect.left(), y, label_width - 6, cell_height), _short(unit))
        for col, code in enumerate(codes):
            cell = QRectF(rect.left() + label_width + col * cell_width, y, cell_width, cell_height)
            value = gaps[unit].get(code)
            if value is not None:
                painter.fillRect(cell, gap_colour(value))
                painter.setPen(TEXT)
                painter.drawText(cell, Qt.AlignmentFlag.AlignCenter, gap_text(value))
            painter.setPen(QPen(GRID))
            painter.drawRect(cell)
    painter.restore()


class ChartWidget(QWidget):
    """Shows one of the drawings; `set_data` replaces what it draws."""

    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind  # "categories" or "gaps"
        self.data: tuple = ((), {})
        self.setMinimumHeight(200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_data(self, labels: tuple, values: dict) -> None:
        self.data = (labels, values)
        rows = max(1, len(values))
        self.setMinimumHeight(min(420, 40 + rows * 24))
        self.update()

    def draw(self, painter: QPainter, rect: QRectF) -> None:
        if self.kind == "categories":
            draw_categories(painter, rect, *self.data)
        else:
            draw_heat_map(painter, rect, *self.data)

    def paintEvent(self, _event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        self.draw(painter, QRectF(self.rect().adjusted(6, 6, -6, -6)))
        painter.end()
