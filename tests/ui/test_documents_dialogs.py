"""The documents area as a user drives it: menus, print dialog (background, cancel), issued list,
institution profile, signatories, numbering and the template editor."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QTextCursor
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from ukom_desktop.ui.background import wait_for
from ukom_desktop.ui.documents import menu, print_dialog


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    paths: list[Path] = []
    monkeypatch.setattr(print_dialog, "open_result", paths.append)
    return paths


def _save(dialog) -> None:  # type: ignore[no-untyped-def]
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def test_the_menus_offer_every_document_and_the_issued_list(main_window) -> None:  # type: ignore[no-untyped-def]
    texts = [a.text() for a in main_window.print_menu.actions()]
    for expected in ("Surat undangan peserta...", "Surat tugas tim penilai...", "Daftar hadir...",
                     "Susunan acara...", "Berita acara pelaksanaan...", "Dokumen terbit kegiatan ini..."):
        assert expected in texts
    assert "Profil instansi, penandatangan dan penomoran..." in [a.text() for a in main_window.data_menu.actions()]


def test_printing_one_file_per_participant_runs_in_the_background_and_is_listed(  # type: ignore[no-untyped-def]
    main_window, qtbot, tmp_path: Path, opened: list[Path],
) -> None:
    menu.open_print(main_window, "undangan")
    dialog = main_window.documents_dialog
    dialog.mode_files.setChecked(True)
    dialog.contact_edit.setText("Sdr. Andi Wijaya (0812 3456 7890)")
    dialog.out_edit.setText(str(tmp_path / "undangan"))
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    wait_for(dialog.task)
    files = sorted((tmp_path / "undangan").glob("*.pdf"))
    assert len(files) == 30 and opened == [tmp_path / "undangan"]
    assert dialog.result.documents[0].number.startswith("1/UND/PK/")

    menu.open_issued(main_window)
    issued = main_window.documents_dialog
    assert issued.model.rowCount() == 30
    assert issued.model.headerData(1, Qt.Orientation.Horizontal) == "Nomor"
    assert "30 dokumen terbit" in issued.heading.text()
    issued.table.activated.emit(issued.model.row_object(0))
    assert opened[-1].suffix == ".pdf" and opened[-1].exists()

    menu.open_print(main_window, "undangan")  # the narahubung is remembered for this event
    assert main_window.documents_dialog.contact_edit.text() == "Sdr. Andi Wijaya (0812 3456 7890)"


def test_batal_stops_printing_without_a_file_or_a_used_number(  # type: ignore[no-untyped-def]
    main_window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, recorded_messages, opened: list[Path],
) -> None:
    from ukom_desktop.services import document_printing

    gate = threading.Event()
    original = document_printing.print_documents

    def held(session, request):  # type: ignore[no-untyped-def]
        steps = original(session, request)
        yield next(steps)
        gate.wait(10)
        return (yield from steps)

    monkeypatch.setattr(document_printing, "print_documents", held)
    menu.open_print(main_window, "surat_tugas")
    dialog = main_window.documents_dialog
    dialog.out_edit.setText(str(tmp_path / "st.pdf"))
    dialog.print_button.click()
    dialog.task.cancel()
    gate.set()
    wait_for(dialog.task)
    assert dialog.task.state == "dibatalkan" and not opened
    assert not (tmp_path / "st.pdf").exists()
    assert any("dibatalkan" in text for _kind, text in recorded_messages)
    from ukom_desktop.services.issued_documents import list_issued

    with main_window.context.session() as session:
        assert list_issued(session, main_window.context.event_id) == []


def test_profile_is_validated_and_saved_with_its_logo(main_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.services.institution import get_profile, letterhead

    menu.open_profile(main_window)
    dialog = main_window.documents_dialog
    dialog.kop_edits[2].setText("UNIT PENILAIAN KOMPETENSI APARATUR")
    dialog.city_edit.clear()
    _save(dialog)
    assert "Isi nama kota" in dialog.problems.text() and dialog.isVisible()
    dialog.city_edit.setText("Tangerang")
    dialog.paper_combo.setCurrentIndex(dialog.paper_combo.findData("F4"))
    image = QImage(40, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("darkgreen"))
    image.save(str(tmp_path / "logo.png"))
    dialog.load_logo_file(tmp_path / "logo.png")
    _save(dialog)
    assert not dialog.isVisible()
    with main_window.context.session() as session:
        profile = get_profile(session)
        head = letterhead(session)
    assert profile.city == "Tangerang" and profile.paper_size == "F4" and profile.logo_filename == "logo.png"
    assert head.agency_lines[2] == "UNIT PENILAIAN KOMPETENSI APARATUR" and head.logo


def test_a_new_signatory_signs_the_berita_acara_on_behalf_of_the_head(main_window) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.services.institution import signer_for

    menu.open_profile(main_window)
    dialog = main_window.documents_dialog
    page = dialog.signatories
    page.name_edit.setText("Siti Aminah, S.H.")
    page.nip_edit.setText("19750115 200003 2 001")
    page.golongan_edit.setText("iv a")
    page.jabatan_edit.setText("Kepala Subbagian Tata Usaha")
    page.save_button.click()
    assert page.table.rowCount() == 2
    who, prefix = page.choice_combos["berita_acara"]
    who.setCurrentIndex(who.findText("Siti Aminah, S.H. - Kepala Subbagian Tata Usaha"))
    prefix.setCurrentIndex(prefix.findData("a.n."))
    _save(dialog)
    with main_window.context.session() as session:
        signer = signer_for(session, "berita_acara")
    assert (signer.name, signer.nip, signer.golongan, signer.prefix) == (
        "Siti Aminah, S.H.", "197501152000032001", "IV/a", "a.n.")
    assert signer.principal == "Kepala Balai Penilaian Kompetensi"


def test_numbering_shows_the_next_number_and_refuses_a_pattern_without_sequence(  # type: ignore[no-untyped-def]
    main_window, recorded_messages,
) -> None:
    from ukom_desktop.services.numbering import pattern_for

    menu.open_profile(main_window)
    dialog = main_window.documents_dialog
    page = dialog.numbering
    # The fields are shown and typed with Indonesian names; the program's own names still work.
    assert page.edits["undangan"].text() == "{nomor}/UND/PK/{bulan_romawi}/{tahun}"
    assert "{seq}" not in page.findChildren(QLabel)[1].text() and "{nomor}" in page.findChildren(QLabel)[1].text()
    page.edits["undangan"].setText("{nomor3}/UND/BPK/{bulan_romawi}/{tahun}")
    assert page.previews["undangan"].text().startswith("001/UND/BPK/")
    page.edits["surat_tugas"].setText("ST/BPK/{tahun}")
    assert "{nomor}" in page.previews["surat_tugas"].text() and "{seq}" not in page.previews["surat_tugas"].text()
    _save(dialog)
    assert recorded_messages[-1][0] == "warn" and "Surat Tugas" in recorded_messages[-1][1]
    page.edits["surat_tugas"].setText("{seq}/ST/BPK/{year}")
    _save(dialog)
    with main_window.context.session() as session:
        assert pattern_for(session, "undangan") == "{seq3}/UND/BPK/{roman_month}/{year}"
        assert pattern_for(session, "surat_tugas") == "{seq}/ST/BPK/{year}"


def test_template_editor_explains_unknown_fields_as_you_type_and_saves(main_window, recorded_messages) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.services.document_templates import template_text

    menu.open_templates(main_window)
    dialog = main_window.documents_dialog
    dialog.list.setCurrentRow(list(dialog.titles).index("pemanggilan"))
    assert dialog.fields.count() > 10 and dialog.current_problems() == []
    dialog.editor.setPlainText("Saudara {nama_lengkap} dipanggil.\n\n[[jadwal]]")
    assert "{nama_lengkap}" in dialog.problems.text()
    _save(dialog)
    assert recorded_messages[-1][0] == "warn"
    dialog.editor.setPlainText("Saudara ")
    dialog.editor.moveCursor(QTextCursor.MoveOperation.End)
    dialog.fields.itemDoubleClicked.emit(dialog.fields.item(0))  # inserts {kegiatan}
    assert dialog.editor.toPlainText() == "Saudara {kegiatan}"
    dialog.editor.appendPlainText("\n[[jadwal]]")
    _save(dialog)
    with main_window.context.session() as session:
        assert template_text(session, "pemanggilan") == "Saudara {kegiatan}\n\n[[jadwal]]"


def test_an_existing_database_without_profile_offers_the_profile(qtbot, tmp_path: Path, recorded_messages) -> None:  # type: ignore[no-untyped-def]
    """A new database gets the first-run setup (tests/ui/test_setup_wizard.py); a database made before,
    whose profile is still empty, is offered the profile once."""
    from ukom_desktop.db.database import open_database
    from ukom_desktop.ui.documents.profile_dialog import InstitutionDialog
    from ukom_desktop.ui.main_window import MainWindow

    open_database(str(tmp_path / "baru.sqlite")).dispose()
    window = MainWindow(str(tmp_path / "baru.sqlite"))
    qtbot.addWidget(window)
    window.show()
    assert window.open_database()
    qtbot.waitUntil(lambda: isinstance(window.documents_dialog, InstitutionDialog))
    assert any(kind == "confirm" and "Profil instansi belum diisi" in text for kind, text in recorded_messages)
    assert getattr(window, "setup_wizard", None) is None
    window.documents_dialog.reject()
    window.open_database()  # offered once per database, not at every reopen
    qtbot.wait(20)
    assert sum(kind == "confirm" for kind, _ in recorded_messages) == 1
