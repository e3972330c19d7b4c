"""Drawing laid-out documents onto a ReportLab canvas: one PDF for many documents, or one file each.

Long batches report progress as (done, total, message) and stop when `cancelled()` turns true;
a cancelled or failed run never leaves a half-written file behind.
"""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from collections.abc import Callable, Generator, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Literal

from reportlab.pdfgen.canvas import Canvas

from ukom_desktop.documents.fonts import SERIF, font_name, register_fonts
from ukom_desktop.documents.foreign_terms import italicize_terms
from ukom_desktop.documents.layout import Op, PageSpec
from ukom_desktop.io.output_file import output_errors

PageNumbers = Literal["none", "dash_top", "of_total"]
Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]
Target = str | os.PathLike[str] | BinaryIO


class RenderCancelled(Exception):
    """The user cancelled a batch; nothing was written."""

    def __init__(self) -> None:
        super().__init__("Pembuatan dokumen dibatalkan oleh pengguna.")


@dataclass
class Document:
    """A laid-out document: its pages as display lists (see layout.py) and how pages are numbered."""

    spec: PageSpec
    pages: list[list[Op]]
    page_numbers: PageNumbers = "none"
    title: str = ""
    author: str = ""
    number_font: str = SERIF
    meta: dict[str, str] = field(default_factory=dict)
    watermark: str = ""  # e.g. "DRAF": drawn large and diagonal across the page
    watermark_pages: frozenset[int] | None = None  # page indexes that get it; None = every page

    @property
    def page_count(self) -> int:
        return len(self.pages)


def _draw_ops(canvas: Canvas, ops: list[Op], forms: set[str]) -> None:
    text = None
    font: tuple[str, float] | None = None
    word_space = 0.0
    line_width = -1.0
    for op in ops:
        kind = op[0]
        if kind == "t":
            if text is None:
                text = canvas.beginText()
            if font != (op[3], op[4]):
                font = (op[3], op[4])
                text.setFont(op[3], op[4])
            if op[6] != word_space:
                word_space = op[6]
                text.setWordSpace(word_space)
            text.setTextOrigin(op[1], op[2])
            text.textOut(op[5])
        elif kind == "l":
            if op[5] != line_width:
                line_width = op[5]
                canvas.setLineWidth(line_width)
            canvas.line(op[1], op[2], op[3], op[4])
        elif kind == "r":
            canvas.setFillGray(op[5])
            canvas.rect(op[1], op[2], op[3], op[4], stroke=0, fill=1)
            canvas.setFillGray(0)
        elif kind == "f":
            key = op[1]
            if key not in forms:
                canvas.beginForm(key)
                _draw_ops(canvas, op[2], forms)
                canvas.endForm()
                forms.add(key)
            canvas.doForm(key)
        elif kind == "i":
            canvas.drawImage(op[1], op[2], op[3], op[4], op[5], mask="auto", preserveAspectRatio=True)
    if text is not None:
        canvas.drawText(text)


def _draw_page_number(canvas: Canvas, doc: Document, index: int) -> None:
    total = len(doc.pages)
    if doc.page_numbers == "none" or total < 2:
        return
    width, height = doc.spec.size
    canvas.setFont(doc.number_font, 10)
    if doc.page_numbers == "dash_top":
        if index:
            canvas.drawCentredString(width / 2, height - doc.spec.top + 18, f"- {index + 1} -")
    else:
        canvas.drawRightString(width - doc.spec.right, doc.spec.bottom - 20, f"Halaman {index + 1} dari {total}")


def _draw_watermark(canvas: Canvas, doc: Document, index: int) -> None:
    if not doc.watermark or (doc.watermark_pages is not None and index not in doc.watermark_pages):
        return
    width, height = doc.spec.size
    canvas.saveState()
    canvas.setFillGray(0.55)
    canvas.setFillAlpha(0.28)
    canvas.translate(width / 2, height / 2)
    canvas.rotate(45)
    canvas.setFont(font_name(SERIF, bold=True), 110)
    canvas.drawCentredString(0, -38, doc.watermark)
    canvas.restoreState()
PRINTED_BY = "printed_by"  # Document.meta key: "Dicetak oleh ..., tanggal ... pukul ..." on every page


def _draw_printed_by(canvas: Canvas, doc: Document) -> None:
    line = doc.meta.get(PRINTED_BY)
    if line:
        canvas.setFont(doc.number_font, 7)
        canvas.drawString(doc.spec.left, max(doc.spec.bottom - 32, 12), line)


def draw_document(canvas: Canvas, doc: Document, forms: set[str]) -> None:
    """Append the pages of `doc` to `canvas`."""
    for index, ops in enumerate(doc.pages):
        size = doc.spec.size
        if canvas._pagesize != size:  # noqa: SLF001 - ReportLab keeps no public getter
            canvas.setPageSize(size)
        _draw_ops(canvas, italicize_terms(ops), forms)  # foreign terms in italics
        _draw_watermark(canvas, doc, index)
        _draw_page_number(canvas, doc, index)
        _draw_printed_by(canvas, doc)
        canvas.showPage()


class _AtomicFile:
    """Write to a temporary file beside the target and move it into place only on success."""

    def __init__(self, target: str | os.PathLike[str]) -> None:
        self.target = Path(target)
        with output_errors(self.target):  # a sentence naming the file, e.g. "tutup berkas ini di Acrobat"
            self.target.parent.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(prefix=".ukom-", suffix=".pdf.part", dir=self.target.parent)
            os.close(handle)
        self.temp = Path(name)

    def commit(self) -> None:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(self.temp, 0o666 & ~umask)  # mkstemp made it private; a printed PDF is an ordinary file
        try:
            with output_errors(self.target):
                os.replace(self.temp, self.target)
        except BaseException:
            self.discard()
            raise

    def discard(self) -> None:
        self.temp.unlink(missing_ok=True)


def write_bytes_atomic(out: str | os.PathLike[str], data: bytes) -> Path:
    """Write `data` to `out` through a temporary file beside it: the file appears only when complete."""
    atomic = _AtomicFile(out)
    try:
        atomic.temp.write_bytes(data)
    except BaseException:
        atomic.discard()
        raise
    atomic.commit()
    return Path(out)


Step = tuple[int, int, str]


def iter_write_pdf(
    documents: Iterable[Document], out: Target, *, total: int | None = None, title: str = "", author: str = "",
) -> Generator[Step, None, int]:
    """`write_pdf` as a generator yielding (done, total, message) after each document; returns the page
    count. Closing the generator early (the user cancelled) removes the unfinished file."""
    register_fonts()
    atomic = None if hasattr(out, "write") else _AtomicFile(out)  # type: ignore[arg-type]
    target = str(atomic.temp) if atomic else out
    pages = 0
    try:
        canvas: Canvas | None = None
        forms: set[str] = set()
        for done, doc in enumerate(documents, start=1):
            if canvas is None:
                # The initial font is a bundled TrueType face: ReportLab's default would reference
                # Helvetica (base-14, never embedded) on every page, and an archive-ready PDF embeds
                # every font it names.
                canvas = Canvas(target, pagesize=doc.spec.size, initialFontName=SERIF, initialFontSize=12,
                                initialLeading=14.4)
                canvas.setTitle(title or doc.title)
                canvas.setAuthor(author or doc.author)
                canvas.setCreator("UKOM Desktop")
            draw_document(canvas, doc, forms)
            pages += doc.page_count
            yield done, total or done, f"Menyusun dokumen {done} dari {total or done}"
        if canvas is None:
            raise ValueError("Tidak ada dokumen untuk dicetak.")
        canvas.save()
    except BaseException:
        if atomic:
            atomic.discard()
        raise
    if atomic:
        atomic.commit()
    return pages


def _drive(steps: Generator[Step, None, Any], progress: Progress | None, cancelled: Cancelled | None) -> Any:
    """Run a step generator with callbacks; a cancel closes it (which cleans up) and raises RenderCancelled."""
    try:
        while True:
            if cancelled is not None and cancelled():
                steps.close()
                raise RenderCancelled()
            try:
                done, total, message = next(steps)
            except StopIteration as stop:
                return stop.value
            if progress is not None:
                progress(done, total, message)
    finally:
        steps.close()


def write_pdf(
    documents: Iterable[Document], out: Target, *, total: int | None = None, progress: Progress | None = None,
    cancelled: Cancelled | None = None, title: str = "", author: str = "",
) -> int:
    """Draw every document into one PDF at `out` (path or binary file); return the page count."""
    return _drive(iter_write_pdf(documents, out, total=total, title=title, author=author), progress, cancelled)


_UNSAFE = re.compile(r"[^A-Za-z0-9 ._,'()-]+")


def safe_file_stem(text: str, max_length: int = 120) -> str:
    """A file name part that every file system accepts: ASCII, no separators, no trailing dots."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    cleaned = _UNSAFE.sub("_", ascii_text)
    cleaned = re.sub(r"\s+", " ", cleaned).strip(" ._")
    cleaned = re.sub(r"_+", "_", cleaned)
    return cleaned[:max_length].rstrip(" ._") or "dokumen"


def iter_write_pdf_files(
    named: Iterable[tuple[str, Document]], folder: str | os.PathLike[str], *, total: int | None = None,
    place: Callable[[Path], Path] | None = None,
) -> Generator[Step, None, list[Path]]:
    """`write_pdf_files` as a generator of (done, total, message); returns the paths written. Closing
    it early removes the files written so far, so a batch is all or nothing. `place` maps a file's name
    to where it is written for now (a temporary file moved into place later by the caller)."""
    register_fonts()
    target_dir = Path(folder)
    with output_errors(target_dir):
        target_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    made: list[Path] = []
    used: set[str] = set()
    try:
        for done, (stem, doc) in enumerate(named, start=1):
            base = safe_file_stem(stem)
            name, n = base, 1
            while name.lower() in used:
                n += 1
                name = f"{base} ({n})"
            used.add(name.lower())
            path = target_dir / f"{name}.pdf"
            target = place(path) if place is not None else path
            write_pdf([doc], target)
            written.append(path)
            made.append(target)
            yield done, total or done, f"Menyimpan berkas {done} dari {total or done}"
    except BaseException:
        for path in made:
            path.unlink(missing_ok=True)
        raise
    return written


def write_pdf_files(
    named: Iterable[tuple[str, Document]], folder: str | os.PathLike[str], *, total: int | None = None,
    progress: Progress | None = None, cancelled: Cancelled | None = None,
) -> list[Path]:
    """One PDF per document named `<stem>.pdf` in `folder`; repeated stems get " (2)", " (3)".

    On cancel, the files written so far are removed again so a batch is all or nothing.
    """
    return _drive(iter_write_pdf_files(named, folder, total=total), progress, cancelled)
