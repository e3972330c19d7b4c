"""Helpers shared by the material tests: a real multi-page PDF with text on every page, and the demo event in
groups with in-basket paket soal A and B stored and mapped."""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfgen.canvas import Canvas
from sqlalchemy.orm import Session


def make_pdf(path: Path, pages: int, title: str) -> Path:
    canvas = Canvas(str(path))
    for page in range(1, pages + 1):
        canvas.drawString(72, 700, f"{title} halaman {page}")
        canvas.showPage()
    canvas.save()
    return path


def group_with_inbasket_sets(session: Session, event_id: int, tmp_path: Path, pages: dict[str, int]) -> None:
    """Groups with two question sets; in-basket version INB-A, INB-B... of `pages` pages each, mapped."""
    from ukom_desktop.services import grouping
    from ukom_desktop.services.materials import import_material_files, map_question_set

    grouping.build_groups(session, event_id, grouping.GroupingOptions(question_sets=2), force=True)
    for version, count in pages.items():
        pdf = make_pdf(tmp_path / f"inb-{version}.pdf", count, f"Surat masuk paket {version}")
        import_material_files(session, "INB", f"INB-{version}", [pdf])
        map_question_set(session, event_id, "INB", version, f"INB-{version}")
