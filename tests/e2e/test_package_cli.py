"""`package export|open|return|import|conflicts|resolve` through the real CLI, secretariat and laptop files."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader

sys.path.insert(0, str(Path(__file__).parents[1] / "db"))
from packages_support import laptop_cells, reopen_for_ratings, secretariat  # noqa: E402

from ukom_desktop.services import packages_laptop as lp  # noqa: E402

PASSPHRASE = re.compile(r"\b[A-Z0-9]{4}(?:-[A-Z0-9]{4}){5}\b")


def run(db: Path, *args: str, stdin: str = "", env: dict | None = None) -> subprocess.CompletedProcess[str]:
    import os

    return subprocess.run([sys.executable, "-m", "ukom_desktop.cli", "--db", str(db), *args], input=stdin,
                          capture_output=True, text=True, timeout=300, env={**os.environ, **(env or {})})


def test_export_open_return_import_through_the_cli(tmp_path: Path) -> None:
    db, event_id = secretariat(tmp_path)
    with db.sessions() as session:
        from ukom_desktop.db.models import Event

        code = session.get(Event, event_id).code
    from ukom_desktop.services.packages_export import event_assessors

    with db.sessions() as session:
        assessors = event_assessors(session, event_id)
    reopen_for_ratings(db, event_id, [m for m, _n, _p in assessors])
    sek = db.file
    db.dispose()

    out = tmp_path / "paket"
    done = run(sek, "package", "export", "--event", code, "--all", "--out", str(out))
    assert done.returncode == 0, done.stderr
    packages = sorted(out.glob("*.ukom"))
    slips = list(out.glob("slip-kata-sandi-*.pdf"))
    assert len(packages) == len(assessors) and len(slips) == 1
    text = "\n".join(page.extract_text() for page in PdfReader(slips[0]).pages)
    for _mid, name, _nip in assessors:
        assert name in text
    assert PASSPHRASE.search(done.stdout) is None  # passphrases are on the slip, never on the screen
    first = packages[0]
    block = text[text.index(first.name):]
    passphrase = PASSPHRASE.search(block).group(0)

    laptop = tmp_path / "laptop.sqlite"
    wrong = run(laptop, "package", "open", str(first), "--passphrase-stdin", stdin="AAAA-BBBB-CCCC-DDDD\n")
    assert wrong.returncode == 2 and "Kata sandi paket salah" in wrong.stderr and "Traceback" not in wrong.stderr
    opened = run(laptop, "package", "open", str(first), env={"UKOM_PACKAGE_PASSPHRASE": passphrase})
    assert opened.returncode == 0, opened.stderr
    assert "Paket dibuka" in opened.stdout

    # The working database is an SQLCipher file keyed by the package passphrase (issue 14 item 3).
    assert not laptop.read_bytes().startswith(b"SQLite format 3")
    url = f"sqlite:///{laptop}"
    back = tmp_path / "kembali.ukom"
    locked = run(laptop, "package", "return", "--out", str(back), "--passphrase-stdin", stdin="AAAA-BBBB-CCCC-DDDD\n")
    assert locked.returncode == 2 and "Kata sandi paket salah" in locked.stderr and not back.exists()
    lp.unlock(url, passphrase.lower().replace("-", " "))  # typed as it comes: case, spaces and dashes forgiven
    # a cell the secretariat has no rating row for (some assessors' forms also hold empty rows: those are "berubah")
    cell = next(c for c in laptop_cells(url) if c.level is None and c.base_version is None)
    lp.save_cell(url, cell.ep, cell.exercise, cell.competency, level="3", no_evidence=False, evidence="Dari CLI")
    sent = run(laptop, "package", "return", "--out", str(back), env={"UKOM_PACKAGE_PASSPHRASE": passphrase})
    assert sent.returncode == 0, sent.stderr

    dry = run(sek, "package", "import", str(back), "--dry-run", "--json")
    assert json.loads(dry.stdout)["counts"]["baru"] == 1 and json.loads(dry.stdout)["packages"][0]["applied"] is False
    merged = run(sek, "package", "import", str(back))
    assert merged.returncode == 0, merged.stderr
    assert merged.stdout.strip().splitlines()[-1] == "baru 1, berubah 0, sama 0, konflik 0"
    replay = run(sek, "package", "import", str(back))
    assert "sudah pernah diterima" in replay.stdout
    assert replay.stdout.strip().splitlines()[-1] == "baru 0, berubah 0, sama 0, konflik 0"

    assert json.loads(run(sek, "package", "conflicts", "--event", code, "--json").stdout) == []
    missing = run(sek, "package", "resolve", "--conflict", "999", "--keep", "laptop", "--reason", "uji")
    assert missing.returncode == 2 and "tidak ditemukan" in missing.stderr
    flipped = bytearray(back.read_bytes())
    flipped[-5] ^= 1
    bad = tmp_path / "rusak.ukom"
    bad.write_bytes(bytes(flipped))
    refused = run(sek, "package", "import", str(bad))
    assert refused.returncode == 2 and "ditolak" in refused.stderr
