"""The material commands as an administrator uses them (issue 17 item 6)."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from pypdf import PdfReader

sys.path.insert(0, str(Path(__file__).parents[1] / "db"))
from material_support import make_pdf  # noqa: E402


def test_import_list_map_print_and_handover(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code = cli.json("demo", "--participants", "8", "--seed", "2")["event_code"]
    cli("groups", "--event", code, "--sets", "1")
    case = make_pdf(tmp_path / "lgd.pdf", 3, "Kasus diskusi")
    imported = cli.json("materials", "import", str(case), "--exercise", "LGD", "--version", "LGD-2026")
    assert imported["added"] == ["lgd.pdf"]
    [row] = cli.json("materials", "list")
    assert row["version"] == "LGD-2026" and row["files"][0]["sha256"] == hashlib.sha256(case.read_bytes()).hexdigest()
    cli("materials", "map", "--event", code, "--exercise", "LGD", "--set", "A", "--version", "LGD-2026")

    booklets = cli.json("print", "booklets", "--event", code, "--out", str(tmp_path / "buku.pdf"))
    assert booklets["items"] == 8 and len(PdfReader(tmp_path / "buku.pdf").pages) == 8 * 4
    for kind in ("answer-sheets", "rating-forms", "interview-guides", "material-handover"):
        cli("print", kind, "--event", code, "--wave", "1", "--out", str(tmp_path / f"{kind}.pdf"))
        assert PdfReader(tmp_path / f"{kind}.pdf").pages

    missing = cli("materials", "returns", "--event", code, "LGD-001", "LGD-002", check=False)
    assert missing.returncode == 1 and "6 buku soal belum kembali" in missing.stdout
    done = cli("materials", "returns", "--event", code, *[f"LGD-{n:03d}" for n in range(3, 9)])
    assert "Semua buku soal sudah kembali" in done.stdout

    wrong = cli("materials", "import", str(case), "--exercise", "XYZ", "--version", "1", check=False)
    assert wrong.returncode == 2 and "tidak dikenal" in wrong.stderr and "Traceback" not in wrong.stderr


def test_letter_and_disposition(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code = cli.json("demo", "--participants", "0")["event_code"]
    scan = make_pdf(tmp_path / "surat.pdf", 1, "Kasus diskusi")
    added = cli.json("letters", "add", "005/77/2026", "--from", "Sekretariat Daerah", "--subject", "Permohonan UKOM",
                     "--date", "2026-08-01", "--event", code, "--scan", str(scan), "--to", "Kabid",
                     "--instruction", "Proses")
    assert added["event"] == code and added["scan"] == "surat.pdf"
    cli("print", "disposition", "--event", code, "--out", str(tmp_path / "d.pdf"))
    text = PdfReader(tmp_path / "d.pdf").pages[0].extract_text()
    assert "LEMBAR DISPOSISI" in text and "005/77/2026" in text and "Sekretariat Daerah" in text


def test_the_global_user_decides_what_a_material_command_may_do(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    db = tmp_path / "ukom.sqlite"

    def run(*args: str, user: str | None = None, password: str = "", stdin: str = "") -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "UKOM_PASSWORD": password}
        head = ["--user", user] if user else []
        return subprocess.run([sys.executable, "-m", "ukom_desktop.cli", "--db", str(db), *head, *args],
                              input=stdin, capture_output=True, text=True, timeout=300, env=env)

    assert run("demo", "--participants", "4").returncode == 0
    admin = ("admin", "sandi-admin-panjang")
    assert run("users", "add", "--username", "admin", "--role", "admin", "--password-stdin",
               stdin=admin[1] + "\n").returncode == 0
    for name, role in (("sekre", "sekretariat"), ("qc", "qc")):
        made = run("users", "add", "--username", name, "--role", role, "--password-stdin", user=admin[0],
                   password=admin[1], stdin=f"sandi-{name}-panjang\n")
        assert made.returncode == 0, made.stderr
    case = make_pdf(tmp_path / "lgd.pdf", 1, "Kasus diskusi")
    imported = run("materials", "import", str(case), "--exercise", "LGD", "--version", "LGD-1", user="sekre",
                   password="sandi-sekre-panjang")
    assert imported.returncode == 0, imported.stderr
    assert "LGD-1" in run("materials", "list", user="qc", password="sandi-qc-panjang").stdout
    for user in ("qc", "admin"):
        refused = run("materials", "import", str(case), "--exercise", "LGD", "--version", "LGD-2", user=user,
                      password=admin[1] if user == "admin" else "sandi-qc-panjang")
        assert refused.returncode == 2 and "tidak berhak mengelola materi soal" in refused.stderr
        assert "Traceback" not in refused.stderr
    anonymous = run("materials", "list")
    assert anonymous.returncode == 2 and "--user" in anonymous.stderr
