"""Every printed document kind embeds every font it names (archive-ready PDFs that print the same on
every machine): no base-14 Helvetica/Times reference, each font carries its TrueType file (FontFile2)."""

from __future__ import annotations

import contextlib
import io
import sqlite3
from pathlib import Path

import pytest
from pypdf import PdfReader

from ukom_desktop.cli import build_parser

KINDS: list[tuple[str, ...]] = [
    ("invitations",), ("invitations", "--collective"), ("summons",), ("assignment",), ("attendance",),
    ("rundown",), ("report",), ("speech",), ("minutes",), ("formulation",),
    ("schedule", "--kind", "matriks"), ("schedule", "--kind", "peserta"), ("schedule", "--kind", "asesor"),
    ("schedule", "--kind", "relasi"), ("psychograms",), ("reports", "--include-unapproved"),
    ("assessor-evaluation",), ("activity-report",), ("feedback", "--include-unapproved"),
    ("honoraria",), ("receipts",), ("consumption",), ("realisation",), ("decree-team",), ("decree-participants",),
    ("agreement",), ("briefing",),
]


PARSER = build_parser()  # kinds register once per process


def run(db: str, *args: str) -> str:
    """One CLI command in this process (the parser the entry point uses, its handler called directly)."""
    parsed = PARSER.parse_args(["--db", db, *args])
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = parsed.handler(parsed)
    assert not code, args
    return out.getvalue().strip()


def font_problems(path: Path) -> list[str]:
    """Names of fonts in `path` that are not embedded (checked on every page, descendants included)."""
    problems: list[str] = []
    fonts = 0
    for page in PdfReader(path).pages:
        resources = page.get("/Resources")
        font_dict = resources.get_object().get("/Font") if resources is not None else None
        for font in (font_dict.get_object().values() if font_dict is not None else []):
            font = font.get_object()
            fonts += 1
            parts = [font]
            if "/DescendantFonts" in font:
                parts = [d.get_object() for d in font["/DescendantFonts"]]
            for part in parts:
                descriptor = part.get("/FontDescriptor")
                if descriptor is None or "/FontFile2" not in descriptor.get_object():
                    problems.append(str(font.get("/BaseFont")))
    if not fonts:
        problems.append("(tidak ada huruf)")
    return problems


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    path = tmp_path_factory.mktemp("fonts") / "ukom.sqlite"
    db = f"sqlite:///{path}"
    code = run(db, "demo", "--participants", "6", "--seed", "4", "--with-ratings")
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO agenda_item (event_id, title, start_time, end_time, person_in_charge, location, "
            "sort_order, uuid, version, created_at, updated_at) SELECT id, 'Pembukaan', '08:00:00', '08:30:00', "
            "'Kepala Balai', 'Aula Utama', 0, 'a-1', 1, '2026-01-01', '2026-01-01' FROM event WHERE code = ?",
            (code,),
        )
    return db, code


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: "-".join(part.strip("-") for part in k))
def test_every_font_of_every_document_kind_is_embedded(demo: tuple[str, str], kind: tuple[str, ...],
                                                        tmp_path: Path) -> None:
    db, code = demo
    out = tmp_path / "dokumen.pdf"
    run(db, "print", kind[0], "--event", code, "--out", str(out), *kind[1:])
    assert out.is_file() and out.stat().st_size > 0
    assert font_problems(out) == []


def test_results_summary_pdf_embeds_its_fonts(demo: tuple[str, str], tmp_path: Path) -> None:
    db, code = demo
    out = tmp_path / "hasil.pdf"
    run(db, "export", "results", "--event", code, "--out", str(out))
    assert font_problems(out) == []
