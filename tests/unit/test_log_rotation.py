"""Issue 12 item 17: the log rotates safely when two processes write it: no line is lost, no file grows
far beyond the limit (a process does not keep writing into a backup another one renamed)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

LINES = 1500
MAX_BYTES = 20_000

WRITER = textwrap.dedent("""
    import logging, sys
    from ukom_desktop.logging_setup import SharedRotatingFileHandler
    handler = SharedRotatingFileHandler(sys.argv[1], max_bytes={max_bytes}, backup_count=1000)
    handler.setFormatter(logging.Formatter("%(message)s"))
    log = logging.getLogger("uji")
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    print("siap", flush=True)
    sys.stdin.readline()
    for n in range({lines}):
        log.info("%s baris %05d %s", sys.argv[2], n, "x" * 60)
""")


def test_two_processes_share_one_rotating_log(tmp_path: Path) -> None:
    log_file = tmp_path / "ukom-desktop.log"
    code = WRITER.format(max_bytes=MAX_BYTES, lines=LINES)
    writers = [
        subprocess.Popen([sys.executable, "-c", code, str(log_file), name], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for name in ("A", "B")
    ]
    for writer in writers:
        assert writer.stdout is not None and writer.stdout.readline().strip() == "siap"
    for writer in writers:  # start both at once
        assert writer.stdin is not None
        writer.stdin.write("mulai\n")
        writer.stdin.flush()
    for writer in writers:
        _out, err = writer.communicate(timeout=120)
        assert writer.returncode == 0 and "Logging error" not in err, err
    files = [p for p in tmp_path.iterdir() if p.name.startswith("ukom-desktop.log") and not p.name.endswith(".lock")]
    lines = [line for p in files for line in p.read_text(encoding="utf-8").splitlines()]
    for name in ("A", "B"):
        mine = sorted(line for line in lines if line.startswith(f"{name} "))
        assert len(mine) == LINES, f"{name}: {LINES - len(mine)} baris hilang"
    line_size = len(lines[0]) + 1
    assert max(p.stat().st_size for p in files) <= MAX_BYTES + line_size
