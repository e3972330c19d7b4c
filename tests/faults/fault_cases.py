"""The faults and hostile inputs the suite tries (issue 12 item 19), each with how it is judged.

Every case runs against a real SQLite database that already holds an event with participants, and
answers two questions: did the application survive (a result or a sentence, never a traceback or a
dead process), and was data lost (the participants already there are still there, an import is all or
nothing, an output file that could not be replaced keeps its previous content). The table in README
"Keandalan" is produced from these cases by scripts/keandalan.py and checked by test_faults.py.
"""

from __future__ import annotations

import contextlib
import io
import os
import random
import signal
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from openpyxl import Workbook, load_workbook

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"
HEADER = ["No", "NIP", "Nama", "Unit Kerja"]
KNOWN = [("198609262015051001", "Budi Santoso"), ("199001012015032002", "Siti Aminah")]


@dataclass(frozen=True)
class Outcome:
    survived: bool
    data_lost: bool
    detail: str = ""


@dataclass(frozen=True)
class FaultCase:
    category: str
    name: str
    run: Callable[[Path], Outcome]


# --------------------------------------------------------------------------- a database with data in it


def _database(folder: Path) -> tuple[str, int]:
    """A SQLite file with one event holding two participants; returns (url, event id)."""
    from ukom_desktop.db.database import open_database
    from ukom_desktop.services.participant_import import commit_import, drain, preview_import

    url = f"sqlite:///{folder / 'ukom.sqlite'}"
    source = folder / "awal.csv"
    source.write_text("NIP;Nama\n" + "".join(f"{nip};{name}\n" for nip, name in KNOWN), encoding="utf-8")
    db = open_database(url)
    try:
        from ukom_desktop.db.models import Event

        with db.sessions.begin() as session:
            event = Event(code="UKOM-UJI-001", name="Uji keandalan", start_date=date(2026, 11, 9),
                          end_date=date(2026, 11, 10))
            session.add(event)
            session.flush()
            event_id = event.id
        with db.sessions.begin() as session:
            drain(commit_import(session, drain(preview_import(session, event_id, source))))
    finally:
        db.dispose()
    return url, event_id


def _members(url: str, event_id: int) -> set[str]:
    from sqlalchemy import select

    from ukom_desktop.db.database import open_database
    from ukom_desktop.db.models import EventParticipant, Participant

    db = open_database(url)
    try:
        with db.sessions() as session:
            return set(session.scalars(
                select(Participant.nip).join(EventParticipant, EventParticipant.participant_id == Participant.id)
                .where(EventParticipant.event_id == event_id)))
    finally:
        db.dispose()


def _import_case(make: Callable[[Path], Path]) -> Callable[[Path], Outcome]:
    """Import the file `make` builds; survived = a preview/commit or a sentence; lost = the event's
    participants before are not all there after, or the import was partial."""

    def run(folder: Path) -> Outcome:
        from ukom_desktop.db.database import open_database
        from ukom_desktop.errors import UserFacingError
        from ukom_desktop.io.spreadsheet_reader import SpreadsheetError
        from ukom_desktop.services.participant_import import commit_import, drain, preview_import

        url, event_id = _database(folder)
        before = _members(url, event_id)
        path = make(folder)
        db = open_database(url)
        valid: set[str] = set()
        committed = False
        try:
            with db.sessions.begin() as session:
                plan = drain(preview_import(session, event_id, path))
                valid = {r.nip for r in plan.preview.valid_records()}
                if plan.preview.can_import:
                    drain(commit_import(session, plan))
                    committed = True
        except (UserFacingError, SpreadsheetError) as exc:
            detail = str(exc)
        except Exception as exc:  # noqa: BLE001 - this is what the case looks for
            return Outcome(False, before - _members(url, event_id) != set(), f"{type(exc).__name__}: {exc}")
        else:
            detail = "pratinjau" + (" dan impor" if committed else "")
        finally:
            db.dispose()
        after = _members(url, event_id)
        partial = committed and after != before | valid
        return Outcome(True, bool(before - after) or partial, detail)

    return run


# --------------------------------------------------------------------------- hostile import files


def _csv(text: str, name: str = "peserta.csv") -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_text(text, encoding="utf-8")
        return path

    return make


def _bytes(data: bytes, name: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data)
        return path

    return make


def _xlsx(fill: Callable[[Workbook], None], name: str = "peserta.xlsx") -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        workbook = Workbook()
        workbook.active.append(HEADER)
        fill(workbook)
        path = folder / name
        workbook.save(path)
        return path

    return make


def _far_cell(workbook: Workbook) -> None:
    workbook.active.append([1, "198001012005011003", "Andi", "Dinas C"])
    workbook.active["XFD1048576"] = "x"


def _zip_bomb(folder: Path) -> Path:
    buffer = io.BytesIO()
    workbook = Workbook()
    workbook.active.append(HEADER)
    workbook.save(buffer)
    path = folder / "bom.xlsx"
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            out.writestr(info, source.read(info))
        out.writestr("xl/media/image1.bin", b"\0" * (64 * 1024 * 1024))
    return path


def _fixture(name: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        return FIXTURES / name

    return make


def _damaged(seed: int) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        data = bytearray((FIXTURES / "clean.xlsx").read_bytes())
        rng = random.Random(seed)
        for _ in range(12):
            data[rng.randrange(len(data))] = rng.randrange(256)
        path = folder / "rusak.xlsx"
        path.write_bytes(bytes(data[: rng.randrange(len(data) // 2, len(data))]))
        return path

    return make


def _random_bytes(seed: int, suffix: str) -> Callable[[Path], Path]:
    rng = random.Random(seed)
    return _bytes(bytes(rng.randrange(256) for _ in range(rng.randrange(1, 4096))), f"acak{suffix}")


IMPORT_CASES = [
    ("nilai di sel XFD1048576", _xlsx(_far_cell)),
    ("xlsx bom zip (64 MB dari <1 MB)", _zip_bomb),
    ("isian CSV > 131.072 karakter", _csv(f"NIP;Nama\n{KNOWN[0][0]};\"{'a' * 140_000}\n")),
    ("tanda kutip CSV tidak ditutup", _csv("NIP;Nama;Unit Kerja\n198001012005011003;\"Andi;Dinas C\n"
                                           "198202022006041004;Rina;Dinas D\n")),
    ("karakter kendali ESC/BEL/FF", _csv("NIP;Nama\n198001012005011003;An\x1bdi\x07\x0c\n")),
    ("pembalik arah teks dan lebar nol", _csv("NIP;Nama\n198001012005011003;\u202eidnA\u200b\n")),
    ("nama 10.000 karakter", _csv(f"NIP;Nama\n198001012005011003;{'A' * 10_000}\n")),
    ("rumus =HYPERLINK di nama", _csv('NIP;Nama\n198001012005011003;=HYPERLINK("http://x";"klik")\n')),
    ("100.001 baris", _csv("NIP;Nama\n" + "1;a\n" * 100_001)),
    ("berkas 0 byte", _bytes(b"", "kosong.csv")),
    ("PDF dengan nama .xlsx", _bytes(b"%PDF-1.4\n%\xe2\xe3\n1 0 obj<<>>endobj\n", "surat.xlsx")),
] + [(f"contoh nyata: {name}", _fixture(name)) for name in (
    "binary_garbage.csv", "truncated.xlsx", "not_spreadsheet.xlsx", "renamed_text.xlsx", "protected.ods",
    "protected.xls", "empty.csv", "blank_sheet.xlsx", "bad_rows.xlsx", "xls_saved_as.csv", "html_export.xls",
)] + [(f"xlsx rusak acak #{seed}", _damaged(seed)) for seed in range(8)] + [
    (f"byte acak #{seed} ({suffix})", _random_bytes(seed, suffix))
    for seed, suffix in enumerate([".csv", ".xlsx", ".xls", ".ods", ".csv", ".xlsx"])
]


# --------------------------------------------------------------------------- exports with hostile text


def _export_case(text: str) -> Callable[[Path], Outcome]:
    def run(folder: Path) -> Outcome:
        from sqlalchemy import text as sql

        from ukom_desktop.cli import main
        from ukom_desktop.db.database import open_database

        url, event_id = _database(folder)
        db = open_database(url)
        with db.engine.begin() as conn:
            conn.execute(sql("UPDATE participant SET name = :n"), {"n": text})
        db.dispose()
        out = folder / "peserta.xlsx"
        try:
            code = main(["--db", url, "export", "participants", "--event", "UKOM-UJI-001", "--out", str(out)])
        except Exception as exc:  # noqa: BLE001
            return Outcome(False, False, f"{type(exc).__name__}: {exc}")
        if code != 0:
            return Outcome(False, False, f"keluar {code}")
        cells = [c for ws in load_workbook(out).worksheets for row in ws.iter_rows() for c in row]
        formulas = [c.coordinate for c in cells if c.data_type == "f"]
        return Outcome(not formulas, len(_members(url, event_id)) != len(KNOWN), f"rumus: {formulas}")

    return run


EXPORT_TEXTS = ['=HYPERLINK("http://contoh.invalid";"klik")', "=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(1)",
                "Budi\x1b\x07\x0c", "\tTab=1"]


# --------------------------------------------------------------------------- locked output files


def _locked_case(kind: str) -> Callable[[Path], Outcome]:
    def run(folder: Path) -> Outcome:
        from ukom_desktop.cli import main

        url, _event_id = _database(folder)
        out = folder / f"keluaran.{kind}"
        out.write_bytes(b"isi lama")
        real_replace = os.replace

        def locked(src: object, dst: object) -> None:  # what Windows does while Excel/Acrobat holds the file
            raise PermissionError(13, "Permission denied", str(dst))

        command = ["export", "participants"] if kind == "xlsx" else []
        os.replace = locked  # type: ignore[assignment]
        said = io.StringIO()
        try:
            with contextlib.redirect_stderr(said):
                code = main(["--db", url, *command, "--event", "UKOM-UJI-001", "--out", str(out)]) if command \
                    else _write_one_pdf(out)
        except Exception as exc:  # noqa: BLE001
            return Outcome(False, out.read_bytes() != b"isi lama", f"{type(exc).__name__}: {exc}")
        finally:
            os.replace = real_replace
        leftovers = [p.name for p in folder.iterdir() if p.name.endswith(".part")]
        sentence = f"'{out.name}'" in said.getvalue() and "Tutup berkas ini" in said.getvalue()
        return Outcome(code == 2 and sentence and not leftovers, out.read_bytes() != b"isi lama",
                       said.getvalue().strip())

    return run


def _write_one_pdf(out: Path) -> int:
    """Every PDF goes through documents.output; a page is enough, and an error is a sentence (exit 2)."""
    from ukom_desktop.documents.layout import PageSpec, Story
    from ukom_desktop.documents.output import Document, write_pdf
    from ukom_desktop.errors import UserFacingError

    try:
        write_pdf([Document(PageSpec(), Story(()))], out)
    except UserFacingError as exc:
        print(f"Galat: {exc}", file=sys.stderr)
        return 2
    return 0


# --------------------------------------------------------------------------- kill -9 during an import


def _kill_case(delay: float) -> Callable[[Path], Outcome]:
    def run(folder: Path) -> Outcome:
        url, event_id = _database(folder)
        before = _members(url, event_id)
        rows = "".join(f"{1970 + i % 30}0101{2000 + i % 20}01{1 + i % 2}{i % 1000:03d};Peserta {i}\n"
                       for i in range(3000))
        source = folder / "besar.csv"
        source.write_text("NIP;Nama\n" + rows, encoding="utf-8")
        child = subprocess.Popen(
            [sys.executable, "-m", "ukom_desktop.cli", "--db", url, "import", "participants", str(source),
             "--event", "UKOM-UJI-001"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        if child.poll() is None:
            child.send_signal(signal.SIGKILL)
        child.wait(60)
        from ukom_desktop.db.database import open_database

        try:
            after = _members(url, event_id)
            db = open_database(url)
            with db.engine.connect() as conn:
                from sqlalchemy import text as sql

                healthy = conn.execute(sql("PRAGMA integrity_check")).scalar() == "ok"
            db.dispose()
        except Exception as exc:  # noqa: BLE001
            return Outcome(False, True, f"{type(exc).__name__}: {exc}")
        from ukom_desktop.io.participant_rows import parse_participant_rows
        from ukom_desktop.io.spreadsheet_reader import read_table

        whole = {r.nip for r in parse_participant_rows(read_table(source)).valid_records()} - before
        added = after - before
        return Outcome(healthy, bool(before - after) or added not in (set(), whole),
                       f"{len(added)} dari {len(whole)} peserta baru")

    return run


CASES: list[FaultCase] = (
    [FaultCase("Berkas impor rusak atau jahat", name, _import_case(make)) for name, make in IMPORT_CASES]
    + [FaultCase("Teks berbahaya dalam ekspor Excel", repr(text), _export_case(text)) for text in EXPORT_TEXTS]
    + [FaultCase("Berkas tujuan terbuka di Excel/Acrobat", kind, _locked_case(kind)) for kind in ("xlsx", "pdf")]
    + ([FaultCase("kill -9 saat impor 3.000 baris", f"setelah {delay} s", _kill_case(delay))
        for delay in (0.5, 1.5, 3.0)] if os.name != "nt" else [])
)


def table(outcomes: list[tuple[FaultCase, Outcome]]) -> str:
    """The Markdown table of README "Keandalan": per category, cases tried, survived, data lost."""
    lines = ["| gangguan atau masukan | dicoba | bertahan | data hilang |", "| --- | ---: | ---: | ---: |"]
    categories: dict[str, list[Outcome]] = {}
    for case, outcome in outcomes:
        categories.setdefault(case.category, []).append(outcome)
    for category, found in categories.items():
        lines.append(f"| {category} | {len(found)} | {sum(o.survived for o in found)} | "
                     f"{sum(o.data_lost for o in found)} |")
    total = [o for _c, o in outcomes]
    lines.append(f"| **jumlah** | **{len(total)}** | **{sum(o.survived for o in total)}** | "
                 f"**{sum(o.data_lost for o in total)}** |")
    return "\n".join(lines)
