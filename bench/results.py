"""300 participants' psychograms plus individual reports through the documents layer, against bare ReportLab.

The data come from a fully rated demo event (built first, not timed; read into plain dataclasses, not
timed). Measured: laying out every psychogram and report and writing them into one PDF. Baseline,
measured in the same run: a bare ReportLab script drawing the very same pages (the same strings,
lines and shaded cells at the same places, kop included on every page) with plain canvas calls and
no layout work at all. The text-wrapping cache is cleared before every run of ours, so nothing laid
out in an earlier repetition is reused. Target: ukom <= 1.3x the bare script.

Usage: .venv/bin/python bench/results.py [--participants 300] [--repeat 3]

Reference for a future move of the layout engine onto Platypus (issue 16 item 0), measured once on
2026-12-06 with today's hand-written engine on the shared 2-core development machine,
`--participants 60 --repeat 1` (242 pages, 874 KiB): ukom 0.868 s, bare canvas script 0.937 s (0.93x),
bare script with the kop as a form 0.805 s (1.08x).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from _common import best_of, report  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402

from ukom_desktop.documents.fonts import register_fonts  # noqa: E402
from ukom_desktop.documents.individual_report import build_individual_report  # noqa: E402
from ukom_desktop.documents.layout import wrap  # noqa: E402
from ukom_desktop.documents.output import write_pdf  # noqa: E402
from ukom_desktop.documents.psychogram import build_psychogram  # noqa: E402

Call = tuple[str, tuple[Any, ...]]


def gather(participants: int, folder: Path) -> tuple[list[Any], list[Any]]:
    """Build a rated demo event and read every participant's psychogram and report data."""
    from ukom_desktop.db.database import open_database
    from ukom_desktop.services import report_content
    from ukom_desktop.services.demo import build_demo
    from ukom_desktop.services.demo_ratings import build_demo_ratings
    from ukom_desktop.services.result_exports import integrated_participants
    from ukom_desktop.services.results import participant_result

    db = open_database(f"sqlite:///{folder / 'bench.sqlite'}")
    try:
        with db.sessions.begin() as session:
            demo = build_demo(session, participants=participants, seed=1)
            build_demo_ratings(session, demo.event_id, seed=1)
        with db.sessions() as session:
            kop = report_content.letterhead(session)
            head = report_content.head_signatory(session)
            provider = report_content.provider_name(session)
            ids = integrated_participants(session, demo.event_id)
            psychograms, reports = [], []
            for ep_id in ids:
                result = participant_result(session, ep_id)
                psychograms.append(report_content.psychogram_data(session, result))
                reports.append(report_content.report_data(session, ep_id, head=head, kop=kop, provider=provider))
    finally:
        db.dispose()
    return psychograms, reports


def ours(psychograms: list[Any], reports: list[Any], out: Path) -> int:
    wrap.cache_clear()
    docs = []
    for psychogram, data in zip(psychograms, reports, strict=True):
        docs.append(build_psychogram(psychogram))
        docs.append(build_individual_report(data))
    return write_pdf(docs, out)


def plain_calls(ops: list[tuple[Any, ...]], forms: bool = False) -> list[Call]:
    """A page as the canvas calls a hand-written script would make (forms expanded inline, or kept as
    forms when ``forms``: the kop is then drawn once and referenced)."""
    calls: list[Call] = []
    for op in ops:
        kind = op[0]
        if kind == "f" and forms:
            calls.append(("form", (op[1], plain_calls(op[2]))))
        elif kind == "f":
            calls += plain_calls(op[2])
        elif kind == "t":
            calls.append(("setFont", (op[3], op[4])))
            calls.append(("drawString", (op[1], op[2], op[5], None, 0, None, op[6] or None)))
        elif kind == "l":
            calls.append(("setLineWidth", (op[5],)))
            calls.append(("line", op[1:5]))
        elif kind == "r":
            calls.append(("setFillGray", (op[5],)))
            calls.append(("rect", (op[1], op[2], op[3], op[4], 0, 1)))
            calls.append(("setFillGray", (0,)))
    return calls


def bare_script(pages: list[tuple[tuple[float, float], list[Call]]], path: Path) -> None:
    canvas = Canvas(str(path))
    done: set[str] = set()
    for size, calls in pages:
        canvas.setPageSize(size)
        for name, args in calls:
            if name == "form":
                key, inner = args
                if key not in done:
                    canvas.beginForm(key)
                    for inner_name, inner_args in inner:
                        getattr(canvas, inner_name)(*inner_args)
                    canvas.endForm()
                    done.add(key)
                canvas.doForm(key)
            else:
                getattr(canvas, name)(*args)
        canvas.showPage()
    canvas.save()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    register_fonts()
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        started = time.perf_counter()
        psychograms, reports = gather(args.participants, out)
        print(f"Data contoh {len(reports)} peserta disiapkan dalam {time.perf_counter() - started:.1f} s (tidak diukur)")
        pages: list[tuple[tuple[float, float], list[Call]]] = []
        form_pages: list[tuple[tuple[float, float], list[Call]]] = []
        for psychogram, data in zip(psychograms, reports, strict=True):
            for doc in (build_psychogram(psychogram), build_individual_report(data)):
                pages += [(doc.spec.size, plain_calls(ops)) for ops in doc.pages]
                form_pages += [(doc.spec.size, plain_calls(ops, forms=True)) for ops in doc.pages]
        count = ours(psychograms, reports, out / "warm.pdf")  # warm fonts and metrics on both sides
        bare_script(pages[:10], out / "warm-bare.pdf")
        if count != len(pages):
            raise SystemExit(f"page count differs: ukom {count}, baseline {len(pages)}")
        bare = best_of(lambda: bare_script(pages, out / "bare.pdf"), args.repeat)
        bare_form = best_of(lambda: bare_script(form_pages, out / "form.pdf"), args.repeat)
        mine = best_of(lambda: ours(psychograms, reports, out / "ukom.pdf"), args.repeat)
        size = (out / "ukom.pdf").stat().st_size
    print(f"{len(reports)} psikogram dan {len(reports)} laporan individu, {len(pages)} halaman, PDF {size / 1024:.0f} KiB")
    ok = report("Dibanding skrip ReportLab polos", mine, bare, 1.3)
    report("Dibanding skrip polos dengan kop sebagai form (informasi)", mine, bare_form, 1.3)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
