"""One window per database file: a second window on the same file is refused and the first one is asked
to come forward; a holder in another process is named; the lock ends with the window (or the process)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path


def _window(qtbot, url: str):  # type: ignore[no-untyped-def]
    from ukom_desktop.ui.main_window import MainWindow

    window = MainWindow(url)
    qtbot.addWidget(window)
    window.show()
    return window


def test_a_second_window_on_the_same_file_brings_the_first_forward(qtbot, demo_database, recorded_messages) -> None:  # type: ignore[no-untyped-def]
    first = _window(qtbot, demo_database.url)
    assert first.open_database()
    second = _window(qtbot, demo_database.url)
    assert not second.open_database()
    assert second.context.database is None
    assert any("sudah terbuka di jendela UKOM Desktop lain" in text for _kind, text in recorded_messages)
    qtbot.waitUntil(lambda: getattr(first, "activation_requests", 0) == 1)

    first.close()  # the lock ends with the window
    assert second.open_database()
    assert second.context.database is not None


def test_a_window_reopening_its_own_file_or_another_keeps_one_lock(qtbot, demo_database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.instance_lock import Holder, acquire

    window = _window(qtbot, demo_database.url)
    assert window.open_database()
    assert window.open_database()  # the same file again: still its own
    other = tmp_path / "lain.sqlite"
    assert window.open_database(str(other))
    freed = acquire(demo_database.file.resolve())  # the first file is free again
    assert not isinstance(freed, Holder)
    freed.release()
    assert isinstance(acquire(other.resolve()), Holder)


def test_a_holder_in_another_process_is_named_and_a_crash_leaves_no_lock(tmp_path: Path) -> None:
    from ukom_desktop.instance_lock import Holder, acquire

    db = tmp_path / "ukom.sqlite"
    db.write_bytes(b"")
    code = textwrap.dedent(f"""
        import sys
        from pathlib import Path
        from ukom_desktop.instance_lock import acquire
        lock = acquire(Path({str(db)!r}))
        print("dipegang", flush=True)
        sys.stdin.read()
    """)
    holder_process = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                      text=True)
    try:
        assert holder_process.stdout.readline().strip() == "dipegang"
        found = acquire(db)
        assert isinstance(found, Holder)
        assert found.pid == holder_process.pid
        assert "sedang dibuka oleh" in found.sentence() and found.host in found.sentence()
    finally:
        holder_process.kill()  # a crash: no release() runs
        holder_process.wait(timeout=30)
    lock = acquire(db)
    assert not isinstance(lock, Holder)
    lock.release()
