"""Penyiapan awal: opens by itself on a new database, writes the profile, a signatory and the numbering;
every page can be skipped; a server that does not answer is told in words; it reopens from the menu."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWizard


def _new_window(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    from ukom_desktop.ui.main_window import MainWindow

    window = MainWindow(f"sqlite:///{tmp_path / 'baru.sqlite'}")
    qtbot.addWidget(window)
    window.show()
    assert window.open_database()
    qtbot.waitUntil(lambda: getattr(window, "setup_wizard", None) is not None and window.setup_wizard.isVisible())
    return window, window.setup_wizard


def test_first_start_writes_the_profile_signatory_and_numbering(qtbot, tmp_path: Path, recorded_messages) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.services.institution import get_profile, list_signatories
    from ukom_desktop.services.numbering import numbering_patterns

    window, wizard = _new_window(qtbot, tmp_path)
    assert wizard.currentPage() is wizard.location_page
    wizard.next()  # the local file that is already open
    assert wizard.currentPage() is wizard.profile_page
    page = wizard.profile_page
    page.kop_edits[0].setText("KEMENTERIAN PEKERJAAN UMUM")
    page.kop_edits[1].setText("BALAI PENILAIAN KOMPETENSI")
    page.city_edit.setText("Jakarta")
    page.address_edit.setText("Jl. Pattimura No. 20")
    wizard.next()
    assert wizard.currentPage() is wizard.signatories_page
    signatories = wizard.signatories_page.inner
    signatories.name_edit.setText("Dr. Siti Rahma, M.Si.")
    signatories.jabatan_edit.setText("Kepala Balai")
    signatories.save_button.click()
    wizard.next()
    assert wizard.currentPage() is wizard.numbering_page
    wizard.numbering_page.inner.edits["undangan"].setText("{nomor}/UND/BPK/{tahun}")
    if wizard.admin_page is not None:  # the identity work's first administrator: skipped here
        wizard.next()
        wizard.button(QWizard.WizardButton.CustomButton1).click()
    else:
        wizard.button(QWizard.WizardButton.FinishButton).click()
    assert not wizard.isVisible()

    with window.context.session() as session:
        profile = get_profile(session)
        names = [s.name for s in list_signatories(session)]
        patterns = numbering_patterns(session)
    assert profile.kop_lines == ["KEMENTERIAN PEKERJAAN UMUM", "BALAI PENILAIAN KOMPETENSI"]
    assert profile.city == "Jakarta" and profile.address == "Jl. Pattimura No. 20"
    assert names == ["Dr. Siti Rahma, M.Si."]
    assert profile.head_signatory_id is not None  # the first signatory signs by default
    assert patterns["undangan"] == "{seq}/UND/BPK/{year}"  # stored with the internal field names


def test_a_page_with_problems_can_be_skipped(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.services.institution import profile_is_empty

    window, wizard = _new_window(qtbot, tmp_path)
    wizard.next()
    wizard.profile_page.address_edit.setText("Jl. Pattimura No. 20")  # no kop line, no city
    wizard.next()
    assert wizard.currentPage() is wizard.profile_page  # refused, and told why
    assert "kop surat" in wizard.profile_page.problems.text()
    wizard.button(QWizard.WizardButton.CustomButton1).click()
    assert wizard.currentPage() is wizard.signatories_page
    with window.context.session() as session:
        assert profile_is_empty(session)


def test_a_server_that_does_not_answer_is_told_and_the_page_stays(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window, wizard = _new_window(qtbot, tmp_path)
    page = wizard.location_page
    page.server.setChecked(True)
    page.host_edit.setText("127.0.0.1")
    page.port_spin.setValue(1)
    page.password_edit.setText("rahasia-sekali")
    wizard.next()
    assert wizard.currentPage() is page
    assert "tidak dapat dihubungi" in page.test_result.text()
    assert "rahasia" not in page.test_result.text()
    assert window.context.database.file == tmp_path / "baru.sqlite"  # still the local file


def test_it_reopens_from_the_menu(main_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert getattr(main_window, "setup_wizard", None) is None  # not a new database: not shown by itself
    main_window.act_setup.trigger()
    assert main_window.setup_wizard.isVisible()
    assert main_window.act_setup.text() in [a.text() for a in main_window.file_menu.actions()]


def test_first_admin_from_the_setup_signs_the_window_in(qtbot, tmp_path: Path, recorded_messages) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.services.users import list_users

    window, wizard = _new_window(qtbot, tmp_path)
    assert wizard.admin_page is not None  # a new database has no users yet
    while wizard.currentPage() is not wizard.admin_page:
        wizard.button(QWizard.WizardButton.CustomButton1).click()  # Lewati halaman
    page = wizard.admin_page
    page.username_edit.setText("admin.balai")
    page.name_edit.setText("Rina Kartika")
    page.password_edit.setText("rahasia-balai-2026")
    page.repeat_edit.setText("rahasia-balai-2026")
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert not wizard.isVisible()
    assert window.context.roles == frozenset({"admin", "sekretariat"})  # signed in as the new admin
    with window.context.session() as session:
        users = list_users(session)
    assert [u.username for u in users] == ["admin.balai"]


def test_the_setup_reopened_on_a_database_with_users_offers_no_second_first_admin(qtbot, tmp_path: Path, recorded_messages) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.services.users import create_user

    window, wizard = _new_window(qtbot, tmp_path)
    wizard.close()
    with window.context.transaction() as session:
        create_user(session, username="admin", full_name="Admin", roles=["admin"], password="kata-sandi-panjang")
    assert window.show_setup_wizard().admin_page is None


def test_an_encrypted_file_chosen_in_the_setup_becomes_the_open_database(qtbot, tmp_path: Path, monkeypatch,  # type: ignore[no-untyped-def]
                                                                          recorded_messages) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog

    from ukom_desktop.db import encryption
    from ukom_desktop.ui.identity.encrypt_dialog import EncryptDialog

    window, wizard = _new_window(qtbot, tmp_path)
    target = tmp_path / "rahasia.sqlite"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("kunci-laptop-balai", True))
    page = wizard.location_page
    assert page.encrypted.isEnabled()
    page.encrypted.setChecked(True)

    def answer() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, EncryptDialog) and w.isVisible())
        dialog.key.setText("kunci-laptop-balai")
        dialog.repeat.setText("kunci-laptop-balai")
        dialog.accept()

    QTimer.singleShot(0, answer)
    wizard.next()
    assert wizard.currentPage() is wizard.profile_page  # the location page was saved
    assert encryption.is_encrypted(target)  # no SQLite header: plain sqlite3 cannot read it
    assert window.context.database.file == target  # the window now works on the encrypted copy
