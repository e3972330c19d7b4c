"""Starting the window: the application object, logging, the error hook, then the database."""

from __future__ import annotations

import logging
import os
import signal
import sys
import time
import traceback
from types import TracebackType

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from ukom_desktop import APP_NAME, __version__

STARTUP_PROBE_ENV = "UKOM_STARTUP_PROBE"  # bench/startup.py: print timings and quit
log = logging.getLogger("ukom_desktop")


def create_application(argv: list[str] | None = None) -> QApplication:
    from ukom_desktop.ui.refcount_guard import protect_singletons

    protect_singletons()  # PySide6 6.12 on Python 3.11 would use up None's references (see the module)
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv)
    app.setOrganizationName("UKOM")
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    from ukom_desktop.ui.translations import install_indonesian

    install_indonesian(app)
    home = os.environ.get("UKOM_HOME")
    if home:  # a portable or test installation keeps its window settings beside its data
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, os.path.join(home, "settings"))
    return app


def install_excepthook() -> None:
    """An unexpected error is logged and shown in a dialog with copyable details, never as a traceback."""

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        from ukom_desktop.logging_setup import setup_logging

        setup_logging()
        from ukom_desktop.services.database_access import mask_secrets

        details = mask_secrets("".join(traceback.format_exception(exc_type, exc, tb)))  # never a password
        log.error("Kesalahan tak terduga:\n%s", details)
        from ukom_desktop.ui import messages
        from ukom_desktop.ui.actions import describe_error

        known = describe_error(exc)
        if known is not None:
            messages.error(QApplication.activeWindow(), known)
            return
        messages.unexpected(
            QApplication.activeWindow(),
            f"Terjadi kesalahan tak terduga ({exc_type.__name__}).",
            f"{APP_NAME} {__version__}\n\n{details}",
        )

    sys.excepthook = hook


def install_interrupt_handler(app: QApplication, window: QWidget) -> QTimer:
    """Ctrl+C in the terminal that started the window closes it like the close button (settings saved,
    database closed). Qt's event loop never hands control to Python, so a timer wakes it up regularly
    to let the signal handler run."""

    def interrupted(_signum: int, _frame: object) -> None:
        window.close()
        app.exit(130)

    signal.signal(signal.SIGINT, interrupted)
    timer = QTimer(app)
    timer.timeout.connect(lambda: None)
    timer.start(200)
    return timer


def run_gui(database_url: str | None = None, package: str | None = None) -> int:
    started = time.perf_counter()
    app = create_application()
    install_excepthook()
    from ukom_desktop.ui.packages.menu import working_database_file

    laptop = working_database_file(database_url)
    if laptop is not None:  # --db names an assessor's working database: assessor mode (issue 14)
        from ukom_desktop.ui.packages.menu import open_working_database

        assessor = open_working_database(None, laptop)  # asks the passphrase of an encrypted one
        if assessor is None:
            return 1
        assessor.show()
        return app.exec()
    from ukom_desktop.ui.main_window import MainWindow

    window = MainWindow(database_url)
    from PySide6.QtGui import QIcon

    from ukom_desktop.paths import resources_dir

    app.setWindowIcon(QIcon(str(resources_dir() / "app-icon.png")))
    window.show()
    install_interrupt_handler(app, window)
    probe = os.environ.get(STARTUP_PROBE_ENV)
    if probe:
        print(f"shown {time.perf_counter() - started:.4f}", flush=True)

    def open_db() -> None:
        from ukom_desktop.logging_setup import setup_logging

        setup_logging()
        log.info("%s %s dimulai", APP_NAME, __version__)
        window.open_database()
        if package:
            window.open_package(package)
        if probe:
            app.processEvents()
            print(f"loaded {time.perf_counter() - started:.4f}", flush=True)
            QTimer.singleShot(0, app.quit)

    QTimer.singleShot(0, open_db)
    return app.exec()
