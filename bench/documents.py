"""1,000 one-page invitation letters through the documents API, against a bare Platypus script.

Baseline, measured in the same run: a bare ReportLab Platypus script (in this file, `bare_platypus`)
that builds the very same pages by hand: a BaseDocTemplate whose page template's onPage draws the kop,
ParagraphStyles made once, the letter as Paragraphs, borderless Tables (reference block, addressee,
schedule, signature) and Spacers. It uses nothing of ukom_desktop.documents but the bundled fonts (and
the letters' data records). A second, informational baseline draws the kop as a reusable form, as the
documents layer does. Target: ukom <= 1.3x the bare script. The run also prints the time against the
old hand-written engine's figures below (scaled to the number of letters; measured on another day).

Usage: .venv/bin/python bench/documents.py [--letters 1000] [--repeat 3]
(on the shared development machine run it small: --letters 200 --repeat 1)

The old engine, measured once on 2026-12-06 before the move onto Platypus (issue 16 item 0), with
the hand-written layout.py/tables.py/output.py on the shared 2-core development machine,
`--letters 500 --repeat 2`: ukom 1.064 s, bare canvas script 0.960 s (1.11x), bare canvas script
with the kop as a form 0.845 s (1.26x); PDF 1005 KiB.

On Platypus, measured 2026-12-06 on the same machine under a load of 5-7 (several engineers' runs),
`--letters 200 --repeat 1`, runs of the sides interleaved: ukom 2.83 s, bare Platypus script 2.99 s
(0.95x), with the kop as a form 2.79 s (1.01x); PDF 497 KiB (bare 570 KiB). Single runs on the busy
machine ranged 0.84x-1.25x. Before the paragraph markup cache (layout.py) ukom ran 1.35x; rl_accel
(ReportLab's C accelerator) makes both sides about a third faster. Against the old engine's figure
above, scaled to 200 letters (0.43 s), Platypus is several times slower per letter (about 14 ms a
letter under that load): the price of real paragraph and table layout, still well under a second for
a wave's invitations.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from _common import best_of, report  # noqa: E402
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.pdfbase.pdfmetrics import stringWidth  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402
from reportlab.platypus import BaseDocTemplate, Frame, PageBreak, PageTemplate, Paragraph, Spacer, Table  # noqa: E402

from ukom_desktop.documents.fonts import register_fonts  # noqa: E402
from ukom_desktop.documents.letters import build_invitation, render_invitations  # noqa: E402
from ukom_desktop.documents.model import (  # noqa: E402
    EventInfo,
    LetterData,
    Letterhead,
    Person,
    Signatory,
)

LETTERHEAD = Letterhead(
    ("KEMENTERIAN HUKUM DAN HAK ASASI MANUSIA", "SEKRETARIAT JENDERAL", "PUSAT PENILAIAN KOMPETENSI"),
    address="Jalan H.R. Rasuna Said Kav. 6-7, Kuningan, Jakarta Selatan 12940",
    phone="(021) 5253004", email="ppk@example.go.id", website="www.example.go.id", city="Jakarta",
)
SIGNATORY = Signatory("Dr. Hendra Kusuma, S.H., M.Si.", "Kepala Pusat Penilaian Kompetensi",
                      nip="196811151992021002", golongan="IV/c")
EVENT = EventInfo("Penilaian Kompetensi Manajerial dan Sosial Kultural Tahun 2026", date(2026, 11, 23),
                  venue="Gedung Assessment Center Lantai 3, Jakarta Selatan",
                  agenda="Penilaian kompetensi dengan metode assessment center")


OLD_ENGINE_LETTERS, OLD_ENGINE_SECONDS = 500, 1.064  # the old engine's figure above


def letters(count: int) -> list[LetterData]:
    result = []
    for i in range(count):
        person = Person(f"Peserta {i:04d} Santoso, S.Kom.", f"19860926201505{1 + i % 2}{i % 999 + 1:03d}", "III/c",
                        "Analis Sumber Daya Manusia Aparatur Ahli Muda", "Biro Kepegawaian")
        result.append(LetterData(
            LETTERHEAD, SIGNATORY, f"SDM.1.2-{i + 1}/KP.01.01/XI/2026", date(2026, 11, 9),
            "Undangan Penilaian Kompetensi", EVENT, recipient=person, contact="Sdr. Andi (0812 3456 7890)",
            copies=("Sekretaris Jenderal", "Kepala Biro Kepegawaian"),
        ))
    return result


# ---------------------------------------------------------------- the bare Platypus script (baseline)
# Written the way a developer would write one invitation letter with ReportLab's Platypus alone: one
# page template whose onPage draws the kop, ParagraphStyles made once, the letter as Paragraphs and
# borderless Tables. It builds the same page as the documents layer (same strings, fonts and layout).

MARGIN_LEFT, MARGIN_RIGHT, MARGIN_Y = 30 * mm, 20 * mm, 20 * mm
BODY_WIDTH = A4[0] - MARGIN_LEFT - MARGIN_RIGHT
SERIF, SANS = "UkomSerif", "UkomSans"
NBSP = "\u00a0"
MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember")
DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")


def _style(name: str, font: str = SERIF, size: float = 12, align: int = TA_LEFT, **extra: Any) -> ParagraphStyle:
    extra.setdefault("leading", round(size * 1.2, 2))
    return ParagraphStyle(name, fontName=font, fontSize=size, alignment=align, **extra)


def bare_styles() -> dict[str, ParagraphStyle]:
    return {
        "text": _style("text"), "right": _style("right", align=TA_RIGHT),
        "body": _style("body", align=TA_JUSTIFY, firstLineIndent=12.5 * mm, spaceAfter=6),
        "bold": _style("bold", font=SERIF + "-Bold"),
        "list": _style("list", bulletFontName=SERIF, bulletFontSize=12, leftIndent=17.4),
        "kop1": _style("kop1", SANS + "-Bold", 15, TA_CENTER, leading=15 * 1.17),
        "kop2": _style("kop2", SANS + "-Bold", 13, TA_CENTER, leading=13 * 1.19),
        "small": ParagraphStyle("small", fontName=SANS, fontSize=9.5, leading=11.5, alignment=TA_CENTER),
    }


def _table(rows: list[list[Any]], widths: list[float], after: float = 0.0, *extra: tuple[Any, ...]) -> Table:
    table = Table(rows, colWidths=widths, hAlign="LEFT", spaceAfter=after)
    table.setStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"), *extra])
    return table


def _date(day: date) -> str:
    return f"{day.day}{NBSP}{MONTHS[day.month - 1]}{NBSP}{day.year}"


def bare_story(letter: LetterData, st: dict[str, ParagraphStyle]) -> list[Any]:
    """One invitation as Platypus flowables, written out by hand."""
    person, event, signer = letter.recipient, letter.event, letter.signatory
    assert person is not None
    text = st["text"]
    dated = f"{letter.letterhead.city}, {_date(letter.date)}"
    labels = [("Nomor", letter.number), ("Sifat", letter.sifat), ("Lampiran", "-"), ("Hal", letter.subject)]
    label_w = stringWidth("Lampiran", SERIF, 12) + 8
    colon_w = stringWidth(":", SERIF, 12) + 5
    date_w = stringWidth(dated, SERIF, 12) + 12
    reference = _table(
        [[Paragraph(label, text), Paragraph(":", text), Paragraph(value, text),
          Paragraph(dated, st["right"]) if i == 0 else ""] for i, (label, value) in enumerate(labels)],
        [label_w, colon_w, BODY_WIDTH - label_w - colon_w - date_w, date_w], 14,
        *[("SPAN", (2, i), (3, i)) for i in range(1, 4)])
    yth = stringWidth("Yth. ", SERIF, 12)
    addressee = _table([[Paragraph("Yth." if i == 0 else "", text), Paragraph(line, text)] for i, line in
                        enumerate([f"Sdr. {person.name}", person.jabatan, person.unit_kerja, "di Tempat"])],
                       [yth, BODY_WIDTH * 0.62 - yth], 14)
    day = f"{DAYS[event.start.weekday()]}, {_date(event.start)}"
    venue = event.venue.replace("Assessment Center", "<i>Assessment Center</i>")
    agenda = event.agenda.replace("assessment center", f"<i>assessment{NBSP}center</i>")
    rows = [("Hari/tanggal", day), ("Waktu", event.time), ("Tempat", venue), ("Acara", agenda)]
    sched_label = stringWidth("Hari/tanggal", SERIF, 12) + 6
    sched_colon = stringWidth(": ", SERIF, 12) + 2
    schedule = _table([["", Paragraph(label, text), Paragraph(":", text), Paragraph(value, text)]
                       for label, value in rows],
                      [36, sched_label, sched_colon, BODY_WIDTH - 36 - sched_label - sched_colon], 6)
    body = st["body"]
    closing = Paragraph("Demikian undangan ini kami sampaikan. Atas perhatian dan kehadiran Saudara, kami "
                        "ucapkan terima kasih.", body)
    closing.keepWithNext = True
    name = Paragraph(f"<u>{signer.name}</u>", st["bold"])
    signature = _table([["", [Paragraph(f"{signer.jabatan},", text), Spacer(0, 50), name,
                              Paragraph(signer.pangkat_name, text), Paragraph("NIP. 19681115 199202 1 002", text)]]],
                       [BODY_WIDTH / 2, BODY_WIDTH / 2], 12)
    signature.spaceBefore = 10
    signature.keepWithNext = True
    copies = [Paragraph(copy, st["list"], bulletText=f"{i}.") for i, copy in enumerate(letter.copies, 1)]
    return [
        reference, addressee,
        Paragraph(f"Dalam rangka pelaksanaan {event.name}, dengan hormat kami mengundang Saudara untuk hadir "
                  "sebagai peserta pada:", body),
        schedule,
        Paragraph(f"Mengingat pentingnya kegiatan tersebut, peserta diharapkan hadir 30{NBSP}(tiga puluh) menit "
                  "sebelum acara dimulai dengan mengenakan pakaian dinas harian serta membawa kartu identitas "
                  "pegawai dan alat tulis.", body),
        Paragraph(f"Informasi lebih lanjut dapat diperoleh melalui narahubung {letter.contact}.", body),
        closing, signature, Paragraph("Tembusan:", text), *copies, PageBreak(),
    ]


def kop_lines(st: dict[str, ParagraphStyle], letterhead: Letterhead) -> list[tuple[Paragraph, float, float]]:
    """The kop's paragraphs with the gap above each and its height: agency lines, address, contacts."""
    lines = [(letterhead.agency_lines[0], st["kop1"]), *((line, st["kop2"]) for line in letterhead.agency_lines[1:]),
             (letterhead.address, st["small"]),
             (f"Telepon {letterhead.phone}; Pos-el {letterhead.email}; Laman {letterhead.website}", st["small"])]
    result = []
    for index, (line, style) in enumerate(lines):
        paragraph = Paragraph(line, style)
        result.append((paragraph, 2.0 if index == len(lines) - 2 else 0.0, paragraph.wrap(BODY_WIDTH, 100)[1]))
    return result


def draw_kop(canvas: Canvas, lines: list[tuple[Paragraph, float, float]]) -> None:
    y = A4[1] - 15 * mm
    for paragraph, gap, height in lines:
        y -= gap + height
        paragraph.drawOn(canvas, MARGIN_LEFT, y)
    canvas.setLineWidth(2.25)
    canvas.line(MARGIN_LEFT, y - 5, A4[0] - MARGIN_RIGHT, y - 5)
    canvas.setLineWidth(0.75)
    canvas.line(MARGIN_LEFT, y - 8.1, A4[0] - MARGIN_RIGHT, y - 8.1)


def bare_platypus(data: list[LetterData], path: Path, *, kop_form: bool = False) -> int:
    """The whole batch with Platypus alone; every letter is one page, so every page carries the kop."""
    st = bare_styles()
    lines = kop_lines(st, data[0].letterhead)
    kop_bottom = A4[1] - 15 * mm - sum(gap + height for _p, gap, height in lines) - 8.1 - 0.375

    def on_page(canvas: Canvas, _doc: Any) -> None:
        if not kop_form:
            draw_kop(canvas, lines)
            return
        if not getattr(canvas, "kop_drawn", False):
            canvas.beginForm("kop")
            draw_kop(canvas, lines)
            canvas.endForm()
            canvas.kop_drawn = True
        canvas.doForm("kop")

    doc = BaseDocTemplate(str(path), pagesize=A4, title="Surat Undangan")
    frame = Frame(MARGIN_LEFT, MARGIN_Y, BODY_WIDTH, kop_bottom - 14 - MARGIN_Y, 0, 0, 0, 0)
    doc.addPageTemplates([PageTemplate("surat", [frame], onPage=on_page)])
    story: list[Any] = []
    for letter in data:
        story += bare_story(letter, st)
    story.pop()  # no empty page after the last letter
    doc.build(story)
    return int(doc.page)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--letters", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    register_fonts()
    data = letters(args.letters)
    if build_invitation(data[0]).page_count != 1:
        raise SystemExit("the sample letter must fit on one page")

    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        ours_run: Callable[[], object] = lambda: render_invitations(data, out / "ukom.pdf")  # noqa: E731
        ours_run()  # warm caches of both sides equally: fonts, metrics
        bare_platypus(data[:5], out / "warm.pdf")
        pages: dict[str, object] = {}
        bare = ours = bare_form = float("inf")
        for _ in range(args.repeat):  # interleaved, so a busy moment of the shared machine hits all sides
            bare = min(bare, best_of(lambda: pages.__setitem__("bare", bare_platypus(data, out / "bare.pdf")), 1))
            ours = min(ours, best_of(lambda: pages.__setitem__("ukom", ours_run()), 1))
            bare_form = min(bare_form, best_of(lambda: bare_platypus(data, out / "form.pdf", kop_form=True), 1))
        size = (out / "ukom.pdf").stat().st_size
        bare_size = (out / "bare.pdf").stat().st_size
    print(f"{args.letters} surat undangan satu halaman: ukom {pages['ukom']} halaman, PDF {size / 1024:.0f} KiB; "
          f"skrip Platypus polos {pages['bare']} halaman, PDF {bare_size / 1024:.0f} KiB")
    report("Dibanding skrip Platypus polos", ours, bare, 1.3)
    report("Dibanding skrip Platypus polos dengan kop sebagai form (informasi)", ours, bare_form, 1.3)
    old_engine = OLD_ENGINE_SECONDS * args.letters / OLD_ENGINE_LETTERS
    print(f"Dibanding mesin tata letak lama (angka di docstring, {OLD_ENGINE_LETTERS} surat, diskalakan ke "
          f"{args.letters}): ukom {ours:.3f} s, mesin lama {old_engine:.3f} s, rasio {ours / old_engine:.2f}x "
          "(informasi; diukur pada beban mesin yang lain)")


if __name__ == "__main__":
    main()
