"""Read-only views of the review dialog, built from services.report_review.ReviewData: the report's
sections with their anchored comments (HTML), the diff since the last review (HTML), the checks, the
final levels and the independent ratings side by side."""

from __future__ import annotations

import html
import re
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

BELOW = QColor("#fde2e1")
ABOVE = QColor("#e3f4e1")
FLAGGED = QColor("#fff3c4")
_BULLET = re.compile(r"^\s*(?:[-*\u2022]|\d{1,2}[.)])\s+")


def _esc(text: str) -> str:
    return html.escape(text or "")


def narrative_html(text: str) -> str:
    """Paragraphs and bullets of a section (the light markup of report_content) as HTML."""
    blocks = [b for b in re.split(r"\n\s*\n", (text or "").strip()) if b.strip()]
    if not blocks:
        return "<p style='color:#9b1c1c'><i>(kosong)</i></p>"
    out = []
    for block in blocks:
        items, para = [], []
        for line in block.splitlines():
            if _BULLET.match(line):
                items.append(f"<li>{_esc(_BULLET.sub('', line, count=1))}</li>")
            elif line.strip():
                para.append(_esc(line.strip()))
        if para:
            out.append(f"<p>{' '.join(para)}</p>")
        if items:
            out.append(f"<ul style='margin-top:0'>{''.join(items)}</ul>")
    return "".join(out)


def report_html(data: Any) -> str:
    """Every section with its comments underneath (unresolved ones highlighted)."""
    from ukom_desktop.services.report_content import SECTION_KEYS, SECTION_TITLES

    by_section: dict[str, list[Any]] = {}
    for comment in data.comments:
        by_section.setdefault(comment.section, []).append(comment)
    parts = []
    general = by_section.get("", [])
    if general:
        parts.append("<h3>Catatan umum</h3>" + "".join(_comment_html(c) for c in general))
    names = {r.code: r.name for r in data.levels}
    for key in SECTION_KEYS:
        if key == "saran_penempatan" and data.result.purpose != "pemetaan" and not data.sections.get(key):
            continue
        parts.append(f"<h3>{_esc(SECTION_TITLES[key])}</h3>{narrative_html(str(data.sections.get(key) or ''))}")
        if key == "kekuatan":
            parts.append(_codes_html("Kompetensi kekuatan", data.sections.get("kode_kekuatan"), names))
        if key == "area_pengembangan":
            parts.append(_codes_html("Kompetensi area pengembangan", data.sections.get("kode_pengembangan"), names))
        parts.extend(_comment_html(c) for c in by_section.get(key, []))
    return "".join(parts)


def _codes_html(title: str, codes: Any, names: dict[str, str]) -> str:
    listed = ", ".join(f"{names.get(c, c)} ({c})" for c in (codes or [])) or "-"
    return f"<p style='color:#4a5568'><b>{_esc(title)}:</b> {_esc(listed)}</p>"


def _comment_html(comment: Any) -> str:
    color = "#e2e8f0" if comment.resolved else "#fff3c4"
    state = " (selesai)" if comment.resolved else ""
    return (f"<table width='100%' cellpadding='4' style='background:{color};margin:2px 0'><tr><td>"
            f"<b>{_esc(comment.author or 'Pemeriksa')}</b>, revisi {comment.revision}{state}: "
            f"{_esc(comment.text)}</td></tr></table>")


def diff_html(diff: Any) -> str:
    parts = [f"<p><b>{_esc(diff.summary)}</b></p>"]
    if diff.base_revision is None:
        return "".join(parts)
    for section in diff.changed_sections:
        body = []
        for seg in section.segments:
            text = _esc(seg.text).replace("\n", "<br>")
            if seg.tag == "removed":
                body.append(f"<span style='background:#fde2e1;color:#9b1c1c;text-decoration:line-through'>{text}</span>")
            elif seg.tag == "added":
                body.append(f"<span style='background:#d9f2d9;color:#1c5e20'>{text}</span>")
            else:
                body.append(text)
        parts.append(f"<h3>{_esc(section.title)}</h3><p>{''.join(body)}</p>")
    return "".join(parts)


def checks_html(checks: Any) -> str:
    rows = []
    for result in checks.results:
        mark, color = ("\u2714", "#1c5e20") if result.passed else ("\u2718", "#9b1c1c")
        rows.append(f"<tr><td style='color:{color}'><b>{mark}</b></td><td><b>{_esc(result.label)}</b><br>"
                    f"{_esc(result.message)}</td></tr>")
    return f"<table cellspacing='2'>{''.join(rows)}</table>"


def history_html(entries: Any) -> str:
    from ukom_desktop.domain.timestamps import format_timestamp_short

    if not entries:
        return "<p>Belum ada perubahan status.</p>"
    rows = "".join(
        f"<tr><td>{format_timestamp_short(e.at)}</td><td>{_esc(e.text)}</td><td>{_esc(e.actor)}</td><td>{_esc(e.note)}</td></tr>"
        for e in entries
    )
    return ("<table cellspacing='0' cellpadding='3' border='1' style='border-collapse:collapse'>"
            "<tr><th>Waktu</th><th>Status</th><th>Oleh</th><th>Catatan</th></tr>" + rows + "</table>")


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(False)
    return table


def _item(text: str, *, right: bool = False, color: QColor | None = None, tip: str = "") -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if color is not None:
        item.setBackground(color)
    if tip:
        item.setToolTip(tip)
    return item


def levels_table(data: Any) -> QTableWidget:
    from ukom_desktop.services.report_review import format_level

    table = _table(["Kompetensi", "Standar", "Level akhir", "Gap", "Saran rapat", "Alasan"])
    table.setRowCount(len(data.levels))
    for i, row in enumerate(data.levels):
        gap = row.gap
        color = None if gap is None else (BELOW if gap < 0 else ABOVE if gap > 0 else None)
        values = [f"{row.name} ({row.code})", format_level(row.standard), format_level(row.final),
                  "-" if gap is None else (("+" if gap > 0 else "") + format_level(gap)),
                  format_level(row.suggested), row.reason]
        for j, text in enumerate(values):
            table.setItem(i, j, _item(text, right=j in (1, 2, 3, 4), color=color if j == 3 else None, tip=text))
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
    for j in (1, 2, 3, 4):
        header.setSectionResizeMode(j, QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


def ratings_table(data: Any) -> QTableWidget:
    """The independent ratings: competency x (exercise, assessor), with the suggested level and spread."""
    sheet = data.sheet
    if sheet is None:
        return _table(["Penilaian asesor belum tersedia"])
    headers = ["Kompetensi", *[c.title for c in sheet.columns], "Saran", "Rentang"]
    table = _table(headers)
    table.setRowCount(len(sheet.rows))
    for i, row in enumerate(sheet.rows):
        table.setItem(i, 0, _item(row.code, tip=row.name))
        for j, cell in enumerate(row.cells, start=1):
            table.setItem(i, j, _item(cell.text if cell is not None else "", right=True))
        summary = row.summary
        flagged = bool(getattr(summary, "flagged", False))
        suggested = getattr(summary, "suggested_level", None)
        spread = getattr(summary, "spread", None)
        from ukom_desktop.services.report_review import format_level

        table.setItem(i, len(headers) - 2, _item(format_level(suggested), right=True))
        table.setItem(i, len(headers) - 1, _item(format_level(spread), right=True,
                                                 color=FLAGGED if flagged else None,
                                                 tip="Selisih antarasesor melebihi ambang" if flagged else ""))
    table.resizeColumnsToContents()
    return table
