"""Issue 12 item 2: a numbered letter appears only after its number is committed, and number patterns that
can give two letters one number are refused.

Reproduced before: a kill between writing the PDF and the commit left 1/UND/PK/XII/2026 on a letter while
the rolled-back number went to the next person too.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from ukom_desktop.db.engine import transaction
from ukom_desktop.errors import UserFacingError
from ukom_desktop.services.demo import build_demo
from ukom_desktop.services.document_printing import PrintRequest, print_now
from ukom_desktop.services.event_documents import PrintOptions
from ukom_desktop.services.numbering import (
    DEFAULT_PATTERNS,
    issue_number,
    last_sequence,
    pattern_problems,
    save_patterns,
)
from ukom_desktop.services.settings import set_setting

WHEN = date(2026, 11, 9)


@pytest.fixture
def demo(sqlite_database):  # type: ignore[no-untyped-def]
    with transaction(sqlite_database.sessions) as session:
        sqlite_database.demo = build_demo(session, participants=6, seed=5)
    return sqlite_database


def _request(db, out: Path, **options) -> PrintRequest:  # type: ignore[no-untyped-def]
    return PrintRequest(db.demo.event_id, "undangan", out, PrintOptions(letter_date=WHEN, collective=True, **options))


def _parts(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.name.endswith(".part"))


def _text(path: Path) -> str:
    return " ".join(page.extract_text() or "" for page in PdfReader(path).pages)


def test_a_failure_before_the_commit_leaves_no_letter_and_gives_the_number_back(demo, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "surat" / "undangan.pdf"
    with pytest.raises(RuntimeError, match="listrik padam"), transaction(demo.sessions) as session:
        print_now(session, _request(demo, out))
        assert not out.exists()  # written, but not in place before the number is committed
        raise RuntimeError("listrik padam")
    assert not out.exists() and _parts(out.parent) == []
    with demo.sessions() as session:
        assert last_sequence(session, "undangan", WHEN.year) == 0
    with transaction(demo.sessions) as session:
        result = print_now(session, _request(demo, out))
    assert out.exists() and _parts(out.parent) == []
    assert result.documents[0].number == "1/UND/PK/XI/2026"
    assert "1/UND/PK/XI/2026" in _text(out)


def test_one_file_per_participant_appears_only_after_the_commit(demo, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "per-peserta"
    request = PrintRequest(demo.demo.event_id, "undangan", folder, PrintOptions(letter_date=WHEN, per_participant=True))
    with pytest.raises(RuntimeError), transaction(demo.sessions) as session:
        print_now(session, request)
        assert not list(folder.glob("*.pdf"))
        raise RuntimeError("dibatalkan")
    assert not list(folder.iterdir())
    with transaction(demo.sessions) as session:
        result = print_now(session, request)
    assert sorted(folder.glob("*.pdf")) == sorted(set(result.files)) and len(result.files) == 6


KILLED_PRINT = """
import os, signal, sys
from datetime import date
from pathlib import Path
from ukom_desktop.db.database import open_database
from ukom_desktop.services.document_printing import PrintRequest, print_now
from ukom_desktop.services.event_documents import PrintOptions

db = open_database(sys.argv[1])
session = db.sessions()
print_now(session, PrintRequest(int(sys.argv[2]), "undangan", Path(sys.argv[3]),
                                PrintOptions(letter_date=date(2026, 11, 9), collective=True)))
os.kill(os.getpid(), signal.SIGKILL)  # the PDF is written, the number not yet committed
"""


def test_a_print_killed_before_the_commit_leaves_no_numbered_letter(demo, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "surat" / "undangan.pdf"
    killed = subprocess.run([sys.executable, "-c", KILLED_PRINT, demo.url, str(demo.demo.event_id), str(out)],
                            capture_output=True, text=True, timeout=300)
    assert killed.returncode == -9, killed.stderr
    assert not out.exists()  # no letter carries the number the kill gave back
    stale = _parts(out.parent)
    assert stale  # only the hidden temporary file is left
    with demo.sessions() as session:
        assert last_sequence(session, "undangan", WHEN.year) == 0
    old = time.time() - 2 * 3600
    for part in stale:
        os.utime(part, (old, old))
    with transaction(demo.sessions) as session:
        result = print_now(session, _request(demo, out))
    assert result.documents[0].number == "1/UND/PK/XI/2026" and out.exists()
    assert _parts(out.parent) == []  # the stale part of the killed print is gone


# ------------------------------------------------------------------------------------ patterns


def test_two_kinds_with_the_same_pattern_are_refused(sqlite_database) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UserFacingError, match="pola nomor yang sama"), transaction(sqlite_database.sessions) as s:
        save_patterns(s, {"pemanggilan": DEFAULT_PATTERNS["undangan"]})
    with pytest.raises(UserFacingError, match="pola nomor yang sama"), transaction(sqlite_database.sessions) as s:
        save_patterns(s, {"undangan": "{seq3}/ST/PK/{roman_month}/{year}"})  # 001 and 1 would still clash at 100


def test_colliding_patterns_stored_earlier_never_hand_out_a_number(sqlite_database) -> None:  # type: ignore[no-untyped-def]
    with transaction(sqlite_database.sessions) as session:
        set_setting(session, "documents.numbering", {"undangan": "{seq}/PK/{year}", "pemanggilan": "{seq}/PK/{year}"})
    with pytest.raises(UserFacingError, match="pola nomor yang sama"), transaction(sqlite_database.sessions) as s:
        issue_number(s, "undangan", WHEN)
    with sqlite_database.sessions() as session:
        assert last_sequence(session, "undangan", WHEN.year) == 0
    with transaction(sqlite_database.sessions) as session:
        assert issue_number(session, "surat_tugas", WHEN).text == "1/ST/PK/XI/2026"  # not involved: still works


@pytest.mark.parametrize(("pattern", "fragment"), [
    ("{seq}/{roman_month}/{year}", "kode jenis surat"),
    ("{seq}1/UND/{year}", "dipisahkan"),
    ("UND/{year}{seq}", "dipisahkan"),
])
def test_a_pattern_that_can_repeat_numbers_is_explained(pattern: str, fragment: str) -> None:
    assert any(fragment in problem for problem in pattern_problems(pattern))
