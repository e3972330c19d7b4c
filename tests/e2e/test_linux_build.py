"""The Linux one-folder build: `bash packaging/build.sh`, then both executables answer --version and the
console one makes the demo event and schedules it (OR-Tools' native library loads frozen).

About 3-4 minutes on 2 cores (measured: 195 s for PyInstaller once the dependencies are installed), so
it is marked slow. UKOM_BUILT_DIST=folder checks an existing build instead of building again.
scripts/run-tests.sh starts the build at the beginning of the whole suite, beside the other tests, and
sets UKOM_BUILD_STATUS: this test then waits for that build and fails with its log when it failed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
@pytest.mark.timeout(1500)
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux build; Windows uses packaging/build.ps1")
def test_one_folder_build_starts_and_runs_the_demo(tmp_path: Path) -> None:
    built = os.environ.get("UKOM_BUILT_DIST")
    started = os.environ.get("UKOM_BUILD_STATUS")
    if built:
        folder = Path(built)
    elif started:
        folder = _wait_for_background_build(Path(started))
    else:
        subprocess.run(["bash", str(ROOT / "packaging" / "build.sh")], cwd=ROOT, check=True, timeout=1400)
        folder = ROOT / "dist" / "ukom-desktop"
    env = {**os.environ, "UKOM_HOME": str(tmp_path / "home"), "QT_QPA_PLATFORM": "offscreen"}
    for name in ("ukom-desktop", "ukom-desktop-cli"):
        out = subprocess.run([str(folder / name), "--version"], capture_output=True, text=True, timeout=120,
                             env=env, check=True)
        assert out.stdout.strip().startswith("UKOM Desktop ")
    db = tmp_path / "beku.sqlite"
    cli = str(folder / "ukom-desktop-cli")
    demo = subprocess.run([cli, "--db", str(db), "demo", "--participants", "8", "--json"], capture_output=True,
                          text=True, timeout=300, env=env, check=True)
    code = json.loads(demo.stdout)["event_code"]
    schedule = subprocess.run([cli, "--db", str(db), "schedule", "--event", code, "--time-limit", "5"],
                              capture_output=True, text=True, timeout=300, env=env)
    assert schedule.returncode == 0, schedule.stderr
    assert "Pelanggaran berat: 0" in schedule.stdout
    timetable = tmp_path / "kartu.pdf"
    subprocess.run([cli, "--db", str(db), "print", "timetables", "--event", code, "--out", str(timetable)],
                   timeout=300, env=env, check=True, capture_output=True)
    assert timetable.read_bytes().startswith(b"%PDF")


def _wait_for_background_build(status: Path) -> Path:
    """The build scripts/run-tests.sh started: its exit status appears in `status` (moved in whole), its output beside it."""
    deadline = time.monotonic() + 1400
    while not status.exists():
        assert time.monotonic() < deadline, "the background build did not finish in time"
        time.sleep(2)
    code = status.read_text(encoding="utf-8").strip()
    log = Path(f"{status}.log")
    output = log.read_text(encoding="utf-8", errors="replace") if log.exists() else "(no log)"
    assert code == "0", f"packaging/build.sh exited {code}:\n{output[-6000:]}"
    return ROOT / "dist" / "ukom-desktop"
