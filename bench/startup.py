"""Cold start to a shown main window on a database with 10,000 participants.

Baseline, measured in the same run: a bare PySide6 window with five empty tabs, started the same way
(a new Python process, timed from launch until the window is shown). Target: at most 1.5x.
Also printed for information: the time until the database is open and the first tab shows its rows.

Usage: .venv/bin/python bench/startup.py [--participants 10000] [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _common import median, report  # noqa: E402

BARE = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow, QTabWidget, QWidget
app = QApplication(sys.argv)
window = QMainWindow()
tabs = QTabWidget()
for title in ("Kegiatan", "Peserta", "Asesor", "Jadwal", "QC Laporan"):
    tabs.addTab(QWidget(), title)
window.setCentralWidget(tabs)
window.show()
print("shown", flush=True)
"""


def _time_until(cmd: list[str], env: dict[str, str], marks: tuple[str, ...]) -> dict[str, float]:
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    seen: dict[str, float] = {}
    assert proc.stdout is not None
    for line in proc.stdout:
        word = line.split()[0] if line.strip() else ""
        if word in marks and word not in seen:
            seen[word] = time.perf_counter() - started
            if len(seen) == len(marks):
                break
    proc.kill()
    proc.wait()
    missing = set(marks) - set(seen)
    if missing:
        raise SystemExit(f"the process never reported {missing}: {' '.join(cmd)}")
    return seen


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--participants", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="ukom-bench-startup-"))
    env = dict(os.environ, UKOM_HOME=str(work / "home"), QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM",
                                                                                      "offscreen"))
    db = work / "bench.sqlite"
    print(f"Menyiapkan basis data dengan {args.participants} peserta...", flush=True)
    subprocess.run([sys.executable, "-m", "ukom_desktop.cli", "--db", str(db), "demo", "--participants",
                    str(args.participants)], check=True, env=env, stdout=subprocess.DEVNULL)
    app_env = dict(env, UKOM_STARTUP_PROBE="1")
    app_cmd = [sys.executable, "-m", "ukom_desktop.cli", "--db", str(db)]
    bare_cmd = [sys.executable, "-c", BARE]
    # One warm-up of each so both read their libraries from the page cache alike.
    _time_until(bare_cmd, env, ("shown",))
    _time_until(app_cmd, app_env, ("shown", "loaded"))
    bare, shown, loaded = [], [], []
    for _ in range(args.runs):
        bare.append(_time_until(bare_cmd, env, ("shown",))["shown"])
        marks = _time_until(app_cmd, app_env, ("shown", "loaded"))
        shown.append(marks["shown"])
        loaded.append(marks["loaded"])
    ok = report("Jendela utama tampil", median(shown), median(bare), 1.5)
    print(f"Basis data terbuka dan tab pertama berisi data: {median(loaded):.3f} s "
          f"({median(loaded) / median(bare):.2f}x baseline; informasi, bukan target)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
