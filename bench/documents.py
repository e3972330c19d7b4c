"""1,000 one-page invitation letters through the documents API, against bare ReportLab.

Baseline, measured in the same run: a bare ReportLab script that draws the very same page (the
same strings at the same places, kop, rules and underline included) 1,000 times with plain
canvas calls (setFont/drawString/line) and no layout work at all. A second, stricter baseline
also draws the kop as a reusable form, as the documents layer does. Target: ukom <= 1.3x the
bare script.

Usage: .venv/bin/python bench/documents.py [--letters 1000] [--repeat 3]

Reference for a future move of the layout engine onto Platypus (issue 16 item 0), measured once on
2026-12-06 with today's hand-written engine (layout.py/tables.py/output.py) on the shared 2-core
development machine, `--letters 500 --repeat 2`: ukom 1.064 s, bare canvas script 0.960 s (1.11x),
bare script with the kop as a form 0.845 s (1.26x); PDF 1005 KiB.
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
from reportlab.pdfgen.canvas import Canvas  # noqa: E402

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


Call = tuple[str, tuple[Any, ...]]


def plain_calls(ops: list[tuple[Any, ...]]) -> list[Call]:
    """The page as the canvas calls a hand-written script would make (forms expanded inline)."""
    calls: list[Call] = []
    for op in ops:
        if op[0] == "f":
            calls += plain_calls(op[2])
        elif op[0] == "t":
            calls.append(("setFont", (op[3], op[4])))
            calls.append(("drawString", (op[1], op[2], op[5], None, 0, None, op[6] or None)))
        elif op[0] == "l":
            calls.append(("setLineWidth", (op[5],)))
            calls.append(("line", op[1:5]))
    return calls


def bare_script(page: list[Call], count: int, path: Path, kop: list[Call] | None = None) -> None:
    canvas = Canvas(str(path))
    if kop is not None:
        canvas.beginForm("kop")
        for name, args in kop:
            getattr(canvas, name)(*args)
        canvas.endForm()
    for _ in range(count):
        if kop is not None:
            canvas.doForm("kop")
        for name, args in page:
            getattr(canvas, name)(*args)
        canvas.showPage()
    canvas.save()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--letters", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    register_fonts()
    data = letters(args.letters)
    first = build_invitation(data[0])
    if first.page_count != 1:
        raise SystemExit("the sample letter must fit on one page")
    page_ops = first.pages[0]
    whole_page = plain_calls(page_ops)
    kop_calls = plain_calls([op for op in page_ops if op[0] == "f"][0][2])
    rest_calls = plain_calls([op for op in page_ops if op[0] != "f"])

    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        ours_run: Callable[[], object] = lambda: render_invitations(data, out / "ukom.pdf")  # noqa: E731
        ours_run()  # warm caches of both sides equally: fonts, metrics
        bare_script(whole_page, 5, out / "warm.pdf")
        bare = best_of(lambda: bare_script(whole_page, args.letters, out / "bare.pdf"), args.repeat)
        bare_form = best_of(lambda: bare_script(rest_calls, args.letters, out / "form.pdf", kop_calls), args.repeat)
        ours = best_of(ours_run, args.repeat)
        size = (out / "ukom.pdf").stat().st_size
    print(f"{args.letters} surat undangan satu halaman, PDF {size / 1024:.0f} KiB")
    report("Dibanding skrip ReportLab polos", ours, bare, 1.3)
    report("Dibanding skrip polos dengan kop sebagai form (informasi)", ours, bare_form, 1.3)


if __name__ == "__main__":
    main()
