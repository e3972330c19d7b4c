"""Issue 12 item 17: the command line speaks Bahasa Indonesia also for argparse's own mistakes, ends
quietly when its reader goes away (`ukom-desktop ... | head`), can build its parser twice, and the
window ends on Ctrl+C."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ukom_desktop.cli import build_parser, main

ENGLISH = ("usage:", "error:", "invalid choice", "required", "unrecognized", "expected", "argument ")


def _run(*args: str, **kwargs) -> subprocess.CompletedProcess[str]:  # type: ignore[no-untyped-def]
    return subprocess.run([sys.executable, "-m", "ukom_desktop.cli", *args], capture_output=True, text=True,
                          timeout=120, **kwargs)


@pytest.mark.parametrize("args", [
    ["perintah-asal"],
    ["export", "participants"],
    ["demo", "--participants", "banyak"],
    ["export", "participants", "--event", "X", "--out", "a.xlsx", "--kind", "semuanya"],
    ["db", "check", "--tidak-ada"],
])
def test_argparse_mistakes_are_indonesian(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as ended:
        main(args)
    assert ended.value.code == 2
    err = capsys.readouterr().err
    assert "pemakaian: ukom-desktop" in err and "Galat: " in err
    message = err.split("Galat: ", 1)[1]
    assert not [word for word in ENGLISH if word in message], message


def test_help_is_indonesian(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "pemakaian:" in out and "opsi:" in out and "tampilkan bantuan ini lalu keluar" in out
    assert "usage:" not in out and "show this help" not in out


def test_the_parser_can_be_built_twice() -> None:
    first, second = build_parser(), build_parser()
    assert first.format_usage() == second.format_usage()


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # `| head` that already went away
    try:
        result = subprocess.run(
            [sys.executable, "-m", "ukom_desktop.cli", "--db", f"sqlite:///{tmp_path / 'u.sqlite'}", "db", "upgrade",
             "--json"],
            stdout=write_end, stderr=subprocess.PIPE, text=True, timeout=120,
        )
    finally:
        os.close(write_end)
    assert "Traceback" not in result.stderr and "BrokenPipe" not in result.stderr
    assert "Kesalahan tak terduga" not in result.stderr
    assert result.returncode == 141


@pytest.mark.skipif(os.name == "nt", reason="SIGINT to a child process is a POSIX test")
def test_the_window_ends_on_ctrl_c(tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = dict(os.environ, UKOM_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    window = subprocess.Popen([sys.executable, "-m", "ukom_desktop.cli", "--db", f"sqlite:///{tmp_path / 'u.sqlite'}"],
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        log = home / "logs" / "ukom-desktop.log"
        deadline = time.monotonic() + 90
        while not (log.exists() and "dimulai" in log.read_text(encoding="utf-8")):
            assert window.poll() is None, window.communicate()
            assert time.monotonic() < deadline, "the window did not start"
            time.sleep(0.2)
        window.send_signal(signal.SIGINT)
        _out, err = window.communicate(timeout=30)
    finally:
        if window.poll() is None:
            window.kill()
            window.wait()
    assert window.returncode == 130, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err


def test_a_mistake_is_explained_once(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--db"])
    err = capsys.readouterr().err
    assert err.count("Galat: ") == 1 and "pemakaian: ukom-desktop" in err
