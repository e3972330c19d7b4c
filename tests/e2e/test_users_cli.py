"""Issue 13 on the command line: users, --user with UKOM_PASSWORD, refusals with exit 2, audit, demo --with-users."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

PASSWORD = "sandi-admin-panjang"


def run(db: Path, *args: str, user: str | None = None, password: str | None = None, stdin: str = "",
        ) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "UKOM_PASSWORD"}
    if password is not None:
        env["UKOM_PASSWORD"] = password
    head = ["--user", user] if user else []
    return subprocess.run([sys.executable, "-m", "ukom_desktop.cli", "--db", str(db), *head, *args],
                          input=stdin, capture_output=True, text=True, timeout=300, env=env)


def test_users_login_refusals_and_audit(tmp_path: Path) -> None:
    db = tmp_path / "ukom.sqlite"
    out = run(db, "demo", "--participants", "8")
    assert out.returncode == 0, out.stderr
    code = out.stdout.strip()
    assert run(db, "users", "add", "--username", "admin", "--role", "admin", "--password-stdin",
               stdin="pendek\n").returncode == 2
    made = run(db, "users", "add", "--username", "admin", "--name", "Admin", "--role", "admin", "--password-stdin",
               stdin=PASSWORD + "\n")
    assert made.returncode == 0, made.stderr

    missing = run(db, "results", "--event", code)
    assert missing.returncode == 2 and "--user" in missing.stderr and "Traceback" not in missing.stderr
    wrong = run(db, "users", "list", user="admin", password="bukan-sandinya-1")
    assert wrong.returncode == 2 and "salah" in wrong.stderr

    added = run(db, "users", "add", "--username", "sekre", "--role", "sekretariat", "--password-stdin",
                user="admin", password=PASSWORD, stdin="sandi-sekretariat\n")
    assert added.returncode == 0, added.stderr
    listed = json.loads(run(db, "users", "list", "--json", user="admin", password=PASSWORD).stdout)
    assert {u["username"]: u["roles"] for u in listed} == {"admin": ["admin"], "sekre": ["sekretariat"]}

    refused = run(db, "results", "--event", code, user="sekre", password="sandi-sekretariat")
    assert refused.returncode == 2 and "Akses ditolak" in refused.stderr
    assert run(db, "db", "check").returncode == 0  # db check needs no user
    assert run(db, "db", "backup", "--to", str(tmp_path / "b.sqlite")).returncode == 2
    sekre_backup = run(db, "db", "backup", "--to", str(tmp_path / "b.sqlite"), user="sekre",
                       password="sandi-sekretariat")
    assert sekre_backup.returncode == 2 and "Akses ditolak" in sekre_backup.stderr
    assert run(db, "db", "backup", "--to", str(tmp_path / "b.sqlite"), user="admin", password=PASSWORD).returncode == 0

    reset = run(db, "users", "reset", "sekre", "--password-stdin", user="admin", password=PASSWORD,
                stdin="sekali-pakai-123\n")
    assert reset.returncode == 0
    assert run(db, "users", "list", user="sekre", password="sekali-pakai-123").returncode == 2  # change it first
    changed = run(db, "users", "passwd", "--password-stdin", user="sekre", password="sekali-pakai-123",
                  stdin="sandi-baru-sekre\n")
    assert changed.returncode == 0, changed.stderr
    assert run(db, "users", "disable", "sekre", user="admin", password=PASSWORD).returncode == 0

    audit = json.loads(run(db, "audit", "--json", user="admin", password=PASSWORD).stdout)
    kinds = {(row["kind"], row["user"]) for row in audit}
    assert {("login", "admin"), ("login_gagal", "admin"), ("akses_ditolak", "sekre"), ("reset_sandi", "admin"),
            ("nonaktifkan", "admin")} <= kinds
    only = json.loads(run(db, "audit", "--user", "sekre", "--json", user="admin", password=PASSWORD).stdout)
    assert only and {row["user"] for row in only} == {"sekre"}
    everything = db.read_bytes() + b"".join(p.read_bytes() for p in tmp_path.glob("ukom.sqlite-*"))
    home = Path(os.environ["UKOM_HOME"])  # the log folder of the test run
    everything += b"".join(p.read_bytes() for p in home.rglob("*.log*") if p.is_file())
    assert PASSWORD.encode() not in everything and b"sandi-sekretariat" not in everything


def test_demo_with_users_prints_one_time_passwords_once(tmp_path: Path) -> None:
    db = tmp_path / "ukom.sqlite"
    out = run(db, "demo", "--participants", "8", "--with-users", "--json")
    assert out.returncode == 0, out.stderr
    made = json.loads(out.stdout)["users"]
    assert {u["username"] for u in made} == {"admin", "sekretariat", "asesor", "reviewer", "pimpinan"}
    admin = next(u for u in made if u["username"] == "admin")
    first = run(db, "users", "list", user="admin", password=admin["password"])
    assert first.returncode == 2 and "ganti kata sandi" in first.stderr
    listed = run(db, "users", "passwd", "--password-stdin", user="admin", password=admin["password"],
                 stdin="admin-sandi-baru-1\n")
    assert listed.returncode == 0
    rows = json.loads(run(db, "users", "list", "--json", user="admin", password="admin-sandi-baru-1").stdout)
    assert sum(u["must_change_password"] for u in rows) == 4
    assert admin["password"] not in run(db, "audit", user="admin", password="admin-sandi-baru-1").stdout
