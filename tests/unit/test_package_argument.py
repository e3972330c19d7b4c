"""A double-clicked .ukom package (the installer's file association) opens the window with the package,
never the command parser's error (the windowed app has no console to show it)."""

from ukom_desktop.cli import _window_request


def test_a_lone_package_path_asks_for_the_window() -> None:
    args = _window_request([r"C:\Users\sekretariat\Unduhan\asesor-budi.ukom"])
    assert args is not None and args.package.endswith("asesor-budi.ukom") and args.db is None
    args = _window_request(["--db", "data.sqlite", "paket.UKOM"])
    assert args is not None and args.package == "paket.UKOM" and args.db == "data.sqlite"


def test_commands_and_other_files_are_not_packages() -> None:
    assert _window_request(["demo"]) is None
    assert _window_request(["daftar.xlsx"]) is None
    args = _window_request([])
    assert args is not None and args.package is None
