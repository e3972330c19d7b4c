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
    task.dialog.setMinimumDuration(0)  # on screen at once
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    release.set()
    wait_for(task)
    assert task.state == "selesai" and results == ["hasil"]
