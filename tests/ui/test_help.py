"""Bantuan: F1 opens the guide of the current tab; Bantuan > Panduan lists a guide for every tab; the
guides ship in resources/help and say what the SOP step is, what to do and the common mistakes."""

from __future__ import annotations

from PySide6.QtCore import Qt


def test_every_tab_has_a_guide_with_the_three_parts(main_window) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.ui.help.guides import guide

    for key in main_window.pages:
        found = guide(key)
        assert found is not None, key
        assert "Tahap SOP" in found.html and "Yang dilakukan di sini" in found.html
        assert "Kesalahan yang sering terjadi" in found.html


def test_f1_opens_the_guide_of_the_current_tab(main_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    for key, title in (("schedule_tab", "Jadwal"), ("participants_tab", "Peserta"), ("home_tab", "Beranda")):
        main_window.show_tab(key)
        qtbot.keyClick(main_window, Qt.Key.Key_F1)
        dialog = main_window.guide_dialog
        assert dialog is not None and dialog.isVisible()
        assert dialog.current_key == key
        assert title in dialog.browser.toPlainText()
        dialog.reject()


def test_bantuan_panduan_lists_every_tab(main_window) -> None:  # type: ignore[no-untyped-def]
    main_window.help_actions["all"].trigger()
    dialog = main_window.guide_dialog
    titles = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert titles[: len(main_window.pages)] == [main_window.tabs.tabText(i) for i in range(main_window.tabs.count())]
    assert "Panduan..." in [a.text() for a in main_window.help_menu.actions()]
