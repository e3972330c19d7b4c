"""Long work runs off the UI thread, reports progress, can be cancelled, and hands errors back."""

from __future__ import annotations

import threading
import time

from ukom_desktop.ui.background import run_in_background, wait_for


def test_result_and_progress_come_back_on_the_main_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    main = threading.get_ident()
    seen_threads: list[int] = []
    results: list[object] = []

    def work():  # type: ignore[no-untyped-def]
        for i in range(3):
            seen_threads.append(threading.get_ident())
            yield i + 1, 3, f"langkah {i + 1}"
        return "selesai"

    task = run_in_background(None, work, title="Uji", on_done=lambda r: results.append((r, threading.get_ident())))
    wait_for(task)
    assert results == [("selesai", main)]
    assert seen_threads and all(t != main for t in seen_threads)
    assert task.state == "selesai"


def test_cancel_stops_between_steps(qtbot) -> None:  # type: ignore[no-untyped-def]
    steps: list[int] = []
    cancelled: list[bool] = []

    def work():  # type: ignore[no-untyped-def]
        for i in range(1000):
            steps.append(i)
            time.sleep(0.005)
            yield i, 1000, ""

    task = run_in_background(None, work, title="Uji", on_cancel=lambda: cancelled.append(True), show_dialog=False)
    qtbot.waitUntil(lambda: len(steps) > 3, timeout=5000)
    task.cancel()
    wait_for(task)
    assert cancelled == [True] and task.state == "dibatalkan"
    assert len(steps) < 1000


def test_errors_are_handed_to_on_error(qtbot) -> None:  # type: ignore[no-untyped-def]
    errors: list[str] = []

    def work():  # type: ignore[no-untyped-def]
        yield 0, 1, ""
        raise ValueError("rusak")

    task = run_in_background(None, work, title="Uji", on_error=lambda e, d: errors.append(str(e)),
                             show_dialog=False)
    wait_for(task)
    assert errors == ["rusak"] and task.state == "gagal"


def test_unhandled_error_gets_the_unexpected_dialog(qtbot, recorded_messages) -> None:  # type: ignore[no-untyped-def]
    def work():  # type: ignore[no-untyped-def]
        raise KeyError("tidak ada")
        yield  # pragma: no cover

    wait_for(run_in_background(None, work, title="Uji", show_dialog=False))
    assert recorded_messages[-1][0] == "unexpected" and "KeyError" in recorded_messages[-1][1]


def test_a_finished_task_is_let_go(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Its callbacks hold the task and its signals hold the callbacks: without cutting that cycle every task
    (with its work's closure) lived until the process ended and was torn down there."""
    import gc
    import weakref

    from PySide6.QtCore import QCoreApplication

    from ukom_desktop.ui import background

    def work():  # type: ignore[no-untyped-def]
        yield 1, 1, ""
        return "hasil"

    results: list[object] = []
    task = run_in_background(None, work, title="Uji", on_done=results.append)
    wait_for(task)
    signals = weakref.ref(task.signals)
    gone = weakref.ref(task)
    del task
    qtbot.waitUntil(lambda: not background._running, timeout=5000)
    QCoreApplication.processEvents()
    gc.collect()
    assert results == ["hasil"]
    assert gone() is None and signals() is None


def test_work_outliving_its_window_ends_quietly(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The window (and with it the progress dialog) is closed and deleted while the work still runs."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QWidget

    release = threading.Event()
    results: list[object] = []

    def work():  # type: ignore[no-untyped-def]
        yield 0, 1, "mulai"
        release.wait(5)
        return "hasil"

    window = QWidget()
    window.show()
    task = run_in_background(window, work, title="Uji", on_done=results.append)
    assert task.dialog is not None
    task.dialog.setMinimumDuration(0)  # on screen at once
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    release.set()
    wait_for(task)
    assert task.state == "selesai" and results == ["hasil"]


EXIT_WITH_WORK_RUNNING = """
import time
from ukom_desktop.ui.app import create_application
from ukom_desktop.ui.background import run_in_background

app = create_application([])
started = []

def work():
    for i in range(100_000):
        started.append(i)
        time.sleep(0.001)
        yield i, 100_000, ""

run_in_background(None, work, title="Uji", show_dialog=False)
while len(started) < 20:
    time.sleep(0.01)
print("keluar", flush=True)
"""


def test_leaving_while_work_runs_stops_it_first(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The process ends while work still runs: the work is stopped before Qt's objects are freed, instead of
    reporting to a freed signals object (an error at best, a crash of the ending process at worst)."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "UKOM_HOME": str(tmp_path),
           "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    run = subprocess.run([sys.executable, "-c", EXIT_WITH_WORK_RUNNING], env=env, capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 0 and run.stdout.strip() == "keluar", run.stderr[-2000:]
    assert "Traceback" not in run.stderr and "deleted" not in run.stderr, run.stderr[-2000:]
