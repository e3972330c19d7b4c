"""Writing documents as PDF with Platypus: one PDF for many documents, or one file each.

Long batches report progress as (done, total, message) and stop when `cancelled()` turns true;
a cancelled or failed run never leaves a half-written file behind.
"""

from __future__ import annotations

import io
import os
import re
import tempfile
import unicodedata
from collections.abc import Callable, Generator, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Literal

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Spacer
from reportlab.platypus.doctemplate import PageBegin

from ukom_desktop.documents.fonts import SERIF, font_name, register_fonts
from ukom_desktop.documents.layout import PageSpec, Story
from ukom_desktop.documents.letterhead import GAP_AFTER, Kop, build_kop
from ukom_desktop.documents.model import Letterhead
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
    """A document to print: its story (flowables and kop, see layout.py), its paper and margins, and
    how its pages are numbered. `page_count` is known once it has been written (or is measured)."""

    spec: PageSpec
    story: Story
    page_numbers: PageNumbers = "none"
    title: str = ""
    author: str = ""
    number_font: str = SERIF
    meta: dict[str, str] = field(default_factory=dict)
    watermark: str = ""  # e.g. "DRAF": drawn large and diagonal across the page
    watermark_from_start: bool = True  # False: only the pages from a WatermarkFrom(True) in the story get it
    pages_written: int | None = field(default=None, repr=False)

    @property
    def page_count(self) -> int:
        if self.pages_written is None:
            write_pdf([self], io.BytesIO())  # lays it out once to count (the story is left as it was)
        assert self.pages_written is not None
        return self.pages_written


PRINTED_BY = "printed_by"  # Document.meta key: "Dicetak oleh ..., tanggal ... pukul ..." on every page


class WatermarkFrom(Flowable):
    """From the page this is placed on, the document's watermark is (`on`) or is not drawn."""

    def __init__(self, on: bool) -> None:
        super().__init__()
        self.on = on

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0.0, 0.0

    def draw(self) -> None:
        template = getattr(self.canv, "_doctemplate", None)
        if isinstance(template, _PdfTemplate):
            template.watermark_from(self.on)


class _Printing:
    """One document while it is laid out: its page count and which pages carry the watermark."""

    def __init__(self, doc: Document, number: int) -> None:
        self.doc = doc
        self.number = number
        self.pages = 0
        self.watermark_on = doc.watermark_from_start
        self.watermarked: set[int] = set()


class _PdfTemplate(BaseDocTemplate):
    """Lays out one document after another on one canvas. Page templates are made per paper and kop
    (the first page of a document with a kop has it drawn from a form and its frame below it); page
    numbers that need the total are drawn from forms filled in when the document ends."""

    def __init__(self, target: Any, title: str, author: str, first: Document) -> None:
        self._kops: dict[Letterhead, Kop] = {}
        self._kop_forms: set[str] = set()
        self._templates: dict[tuple[PageSpec, Letterhead | None], str] = {}
        self._current: _Printing | None = None
        self._pending: _Printing | None = None
        self._printed = 0
        super().__init__(target, pagesize=first.spec.size, title=title or first.title,
                         author=author or first.author, creator="UKOM Desktop",
                         initialFontName=SERIF, initialFontSize=12, initialLeading=14.4,
                         leftMargin=0, rightMargin=0, topMargin=0, bottomMargin=0)
        self._firstPageTemplateIndex = self.pageTemplates.index(self._template_of(first))

    # -- page templates
    def _kop(self, letterhead: Letterhead, spec: PageSpec) -> Kop:
        width, height = spec.size
        return build_kop(letterhead, width, height, spec.left, width - spec.right)

    def _template_of(self, doc: Document) -> PageTemplate:
        spec, letterhead = doc.spec, doc.story.kop
        key = (spec, letterhead)
        name = self._templates.get(key)
        if name is None:
            name = f"t{len(self._templates)}"
            self._templates[key] = name
            width, height = spec.size
            body = Frame(spec.left, spec.bottom, width - spec.left - spec.right, height - spec.top - spec.bottom,
                         leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id=f"{name}b")
            later = PageTemplate(f"{name}-later", [body], pagesize=(width, height))
            if letterhead is None:
                self.addPageTemplates([later])
                self._templates[key] = later.id
            else:
                kop = self._kop(letterhead, spec)
                top = kop.bottom - GAP_AFTER
                first_frame = Frame(spec.left, spec.bottom, width - spec.left - spec.right, top - spec.bottom,
                                    leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id=f"{name}k")
                first = PageTemplate(f"{name}-first", [first_frame], pagesize=(width, height),
                                     onPage=lambda canvas, _doc, kop=kop: self._draw_kop(canvas, kop),
                                     autoNextPageTemplate=later.id)
                self.addPageTemplates([first, later])
                self._templates[key] = first.id
            name = self._templates[key]
        return next(t for t in self.pageTemplates if t.id == name)

    def _draw_kop(self, canvas: Canvas, kop: Kop) -> None:
        if kop.key not in self._kop_forms:
            canvas.beginForm(kop.key)
            kop.draw(canvas)
            canvas.endForm()
            self._kop_forms.add(kop.key)
        canvas.doForm(kop.key)

    # -- documents and pages
    def start(self, doc: Document) -> None:
        """Make `doc` the document whose pages come next (a new page when one is already printed)."""
        printing = _Printing(doc, self._printed)
        self._printed += 1
        template = self._template_of(doc)
        if self._current is None:
            self._pending = printing
            return
        self._pending = printing
        self.handle_nextPageTemplate(template.id)
        self.handle_pageBreak()

    def handle_pageBegin(self) -> None:
        if self._pending is not None:
            self._finish_current()
            self._current, self._pending = self._pending, None
        current = self._current
        assert current is not None
        current.pages += 1
        if current.watermark_on:
            current.watermarked.add(current.pages - 1)
        super().handle_pageBegin()

    def watermark_from(self, on: bool) -> None:
        current = self._current
        if current is not None:
            current.watermark_on = on
            if on:
                current.watermarked.add(current.pages - 1)

    def afterPage(self) -> None:
        current = self._current
        assert current is not None
        index = current.pages - 1
        canvas = self.canv
        doc = current.doc
        if doc.watermark and index in current.watermarked:
            _draw_watermark(canvas, doc)
        if doc.page_numbers == "dash_top" and index:
            width, height = doc.spec.size
            canvas.setFont(doc.number_font, 10)
            canvas.drawCentredString(width / 2, height - doc.spec.top + 18, f"- {index + 1} -")
        elif doc.page_numbers == "of_total":
            canvas.doForm(f"pg{current.number}-{index}")  # filled in when the document's total is known
        line = doc.meta.get(PRINTED_BY)
        if line:
            canvas.setFont(doc.number_font, 7)
            canvas.drawString(doc.spec.left, max(doc.spec.bottom - 32, 12), line)

    def _finish_current(self) -> None:
        current = self._current
        if current is None:
            return
        doc = current.doc
        doc.pages_written = current.pages
        if doc.page_numbers != "of_total":
            return
        canvas = self.canv
        width, _height = doc.spec.size
        for index in range(current.pages):
            canvas.beginForm(f"pg{current.number}-{index}")
            if current.pages > 1:
                canvas.setFont(doc.number_font, 10)
                canvas.drawRightString(width - doc.spec.right, doc.spec.bottom - 20,
                                       f"Halaman {index + 1} dari {current.pages}")
            canvas.endForm()

    def add_story(self, story: Story) -> None:
        """Lay out a document's flowables (the story itself is left as it was, for another print); an
        empty story still gets its one blank page (and a page count)."""
        flowables = list(story.flowables) or [Spacer(0, 0)]
        edits: list[tuple[Any, ...]] = []
        self._multiBuildEdits = edits.append
        try:
            while flowables:
                self.clean_hanging()
                self.handle_flowable(flowables)
        finally:
            for edit in reversed(edits):
                edit[0](*edit[1:])
            del self._multiBuildEdits

    def finish(self) -> None:
        self._endBuild_pages()
        self._finish_current()
        self.canv.save()

    def _endBuild_pages(self) -> None:
        if self._hanging and self._hanging[-1] is PageBegin:
            del self._hanging[-1]
            self.clean_hanging()
        else:
            self.clean_hanging()
            self.handle_pageBreak()


def _draw_watermark(canvas: Canvas, doc: Document) -> None:
    width, height = doc.spec.size
    canvas.saveState()
    canvas.setFillGray(0.55)
    canvas.setFillAlpha(0.28)
    canvas.translate(width / 2, height / 2)
    canvas.rotate(45)
    canvas.setFont(font_name(SERIF, bold=True), 110)
    canvas.drawCentredString(0, -38, doc.watermark)
    canvas.restoreState()


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
        template: _PdfTemplate | None = None
        for done, doc in enumerate(documents, start=1):
            if template is None:
                template = _PdfTemplate(target, title, author, doc)
                template._startBuild(target)
                template.canv._doctemplate = template  # noqa: SLF001 - flowables find their template here
            template.start(doc)
            template.add_story(doc.story)
            yield done, total or done, f"Menyusun dokumen {done} dari {total or done}"
        if template is None:
            raise ValueError("Tidak ada dokumen untuk dicetak.")
        template.finish()
        pages = template.canv.getPageNumber() - 1
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
