"""The one way to run long work off the UI thread: a generator that yields progress, a dialog with cancel.

The work is a callable returning an iterator of `(done, total, message)` (services follow this shape);
its return value (StopIteration.value) is handed to `on_done` on the main thread. Cancelling sets a flag
that is checked between yields; the work then stops and `on_cancel` runs. Errors reach `on_error` as the
exception, on the main thread.
"""

from __future__ import annotations

import atexit
import contextlib
import threading
import traceback
import warnings
from collections.abc import Callable, Generator, Iterator
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

Progress = tuple[int, int, str]
Work = Callable[[], Iterator[Progress] | Generator[Progress, None, Any]]


class Cancelled(Exception):
    """Raised inside the worker when the user pressed Batal."""


class _Signals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object, str)
    cancelled = Signal()


class _Runnable(QRunnable):
    def __init__(self, work: Work) -> None:
        super().__init__()
        self.work: Work | None = work
        self.signals: Any = _Signals()
        self.cancel_requested = False
        # Set by the worker once it holds no reference to `signals` any more: the main thread waits for it
        # before letting the task go, so the QObject is never freed on the worker thread.
        self.ended = threading.Event()
        self.setAutoDelete(False)

    def run(self) -> None:
        try:
            self._run()
        finally:
            # QThreadPool's Python wrapper keeps every runnable it was given: keep nothing big here.
            self.work = self.signals = None
            self.ended.set()

    def _run(self) -> None:
        assert self.work is not None
        try:
            iterator = self.work()
            result = None
            while True:
                if self.cancel_requested:
                    close = getattr(iterator, "close", None)
                    if close is not None:
                        close()
                    self.signals.cancelled.emit()
                    return
                try:
                    done, total, message = next(iterator)
                except StopIteration as stop:
                    result = stop.value
                    break
                self.signals.progress.emit(int(done), int(total), str(message))
            self.signals.finished.emit(result)
        except Cancelled:
            self.signals.cancelled.emit()
        except Exception as exc:  # noqa: BLE001 - handed to on_error on the main thread
            self.signals.failed.emit(exc, traceback.format_exc())


class BackgroundTask(QObject):
    """A running piece of work; keep a reference until it ends (run_in_background does)."""

    def __init__(self, parent: QWidget | None, work: Work, title: str, *, show_dialog: bool = True) -> None:
        super().__init__(parent)
        self.runnable = _Runnable(work)
        self.signals = self.runnable.signals  # the main thread's own reference (the worker drops its own)
        self.result: Any = None
        self.error: BaseException | None = None
        self.error_details = ""
        self.state = "berjalan"
        self.dialog: QProgressDialog | None = None
        if show_dialog:
            self.dialog = QProgressDialog(title, "Batal", 0, 0, parent)
            self.dialog.setWindowTitle(title)
            self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
            self.dialog.setMinimumDuration(300)
            self.dialog.setAutoClose(False)
            self.dialog.setAutoReset(False)
            self.dialog.canceled.connect(self.cancel)

    def cancel(self) -> None:
        self.runnable.cancel_requested = True
        if self.dialog is not None:
            self.dialog.setLabelText("Membatalkan...")

    def _on_progress(self, done: int, total: int, message: str) -> None:
        dialog = self.dialog
        if dialog is None:
            return
        if message:
            dialog.setLabelText(message)
        dialog.setMaximum(max(total, 0))
        # A modal QProgressDialog processes events inside setValue, so the task may end (and the dialog
        # close) during this call: nothing may touch the dialog after it.
        dialog.setValue(min(done, total) if total > 0 else 0)

    def _close_dialog(self) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None and shiboken6.isValid(dialog):  # gone already when its window was closed
            dialog.canceled.disconnect(self.cancel)
            dialog.close()
            dialog.deleteLater()


_running: set[BackgroundTask] = set()


def run_in_background(
    parent: QWidget | None,
    work: Work,
    *,
    title: str,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException, str], None] | None = None,
    on_cancel: Callable[[], None] | None = None,
    show_dialog: bool = True,
) -> BackgroundTask:
    """Start `work` on the thread pool; the callbacks run on the main thread when it ends."""
    task = BackgroundTask(parent, work, title, show_dialog=show_dialog)
    signals = task.signals
    signals.progress.connect(task._on_progress)

    def finish(state: str) -> None:
        task.state = state
        task._close_dialog()
        # Not from inside this slot: letting go of the signals now could free the receiver running it.
        QTimer.singleShot(0, lambda: _release(task))

    def done(result: Any) -> None:
        task.result = result
        finish("selesai")
        if on_done is not None:
            on_done(result)

    def failed(exc: BaseException, details: str) -> None:
        task.error, task.error_details = exc, details
        finish("gagal")
        if on_error is not None:
            on_error(exc, details)
        else:
            _report_error(parent, exc, details)

    def cancelled() -> None:
        finish("dibatalkan")
        if on_cancel is not None:
            on_cancel()

    signals.finished.connect(done)
    signals.failed.connect(failed)
    signals.cancelled.connect(cancelled)
    _running.add(task)
    QThreadPool.globalInstance().start(task.runnable)
    return task


def _release(task: BackgroundTask) -> None:
    """After the last signal: cut the cycle signals -> callbacks -> task -> runnable -> signals.

    Every callback holds the task, and the signals hold the callbacks (inside Qt, where Python's collector
    cannot see them), so without this every task, its runnable and its signals object lived until the
    process ended and were torn down in bulk at exit."""
    task.runnable.ended.wait(5)  # the worker is past its last emit; this only covers its last few statements
    signals = task.signals
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # a signal without connections left
        for signal in (signals.progress, signals.finished, signals.failed, signals.cancelled):
            with contextlib.suppress(RuntimeError, TypeError):
                signal.disconnect()
    _running.discard(task)


@atexit.register
def _stop_running_work() -> None:
    """At exit, before PySide frees the objects the work reports to: ask running work to stop, and wait a
    little for it (a worker emitting on a freed signals object would crash the ending process)."""
    if not _running:
        return
    for task in list(_running):
        task.runnable.cancel_requested = True
    QThreadPool.globalInstance().waitForDone(3000)


def _report_error(parent: QWidget | None, exc: BaseException, details: str) -> None:
    import logging

    from ukom_desktop.ui import messages
    from ukom_desktop.ui.actions import describe_error

    text = describe_error(exc)
    if text is not None:
        messages.error(parent, text)
        return
    logging.getLogger("ukom_desktop").error("Pekerjaan latar belakang gagal:\n%s", details)
    messages.unexpected(parent, f"Pekerjaan gagal ({exc.__class__.__name__}).", details)


def wait_for(task: BackgroundTask, timeout_ms: int = 30000) -> None:
    """For tests and scripts: process events until the task has ended."""
    from PySide6.QtCore import QCoreApplication, QElapsedTimer

    timer = QElapsedTimer()
    timer.start()
    while task.state == "berjalan":
        QCoreApplication.processEvents()
        QThreadPool.globalInstance().waitForDone(10)
        if timer.elapsed() > timeout_ms:
            raise TimeoutError(f"pekerjaan latar belakang belum selesai setelah {timeout_ms} ms")
    QCoreApplication.processEvents()
