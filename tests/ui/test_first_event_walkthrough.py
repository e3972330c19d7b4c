"""A first-time user takes their own event through the window, start to finish, on a 1366x768 screen
(issue 11, the guard). Only widgets are driven, as a person would: buttons clicked, fields typed, dialogs
answered when they open; services are called only to check what the window did.

Dates are typed as digits into the date fields; reports print through the print dialog's
"hanya yang disetujui" choice.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from menu_support import action, select_all
from openpyxl import Workbook
from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget

from ukom_desktop.ui.background import wait_for

IMPORT = Path(__file__).resolve().parents[1] / "fixtures" / "import"
UNITS = ("Badan Kepegawaian Negara", "Lembaga Administrasi Negara", "Kementerian PANRB",
         "Badan Pengembangan SDM", "Pusat Penilaian Kompetensi", "Inspektorat Jenderal")


def when_dialog_opens(drive: Callable[[QWidget], None], kind: type | None = None) -> None:
    """Answer the next modal dialog (of ``kind``) as a person would, once it is on screen."""
    tries = [0]

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if widget is None or (kind is not None and not isinstance(widget, kind)):
            tries[0] += 1
            if tries[0] < 500:
                QTimer.singleShot(10, poll)
            return
        try:
            drive(widget)
        except BaseException:
            widget.close()  # a failed step must not leave a modal dialog waiting for ever
            raise

    QTimer.singleShot(0, poll)


def select_row(tab, predicate) -> None:  # type: ignore[no-untyped-def]
    view = tab.table.view
    view.clearSelection()
    for row in range(tab.table.proxy.rowCount()):
        if predicate(tab.table.proxy.index(row, 0).data(258)):  # ROW_ROLE
            view.selectRow(row)
            return
    raise AssertionError("row not shown")


def type_date(qtbot, field, value: date) -> None:  # type: ignore[no-untyped-def]
    """Type the date as digits (ddmmyyyy) into the date field, as a person does."""
    field.edit.setFocus()
    field.edit.selectAll()
    qtbot.keyClicks(field.edit, value.strftime("%d%m%Y"))
    assert field.date() == value, field.edit.text()
    assert str(value.year) in field.day_label.text()  # the day is spelled out beside the field


def event_status(window) -> str:  # type: ignore[no-untyped-def]
    """The status shown in the Kegiatan tab for the active event."""
    events = window.show_tab("events_tab")
    events.refresh()
    return next(r.status for r in events.model.rows() if r.id == window.context.event_id)


def team_workbook(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(["No", "Nama", "NIP", "Peran", "Jabatan", "Unit Kerja", "Instansi"])
    people = [
        ("Dr. Ratna Sari, M.Psi.", "197203152000032001", "asesor", "Asesor SDM Aparatur Ahli Madya"),
        ("Bambang Wijaya, S.Psi.", "197805102003121002", "asesor", "Asesor SDM Aparatur Ahli Madya"),
        ("Dewi Lestari, M.Si.", "198001202005012003", "asesor", "Asesor SDM Aparatur Ahli Muda"),
        ("Agus Setiawan, S.Psi.", "198206112006041004", "asesor", "Asesor SDM Aparatur Ahli Muda"),
        ("Maya Puspita, M.Psi.", "198409092008012005", "asesor", "Asesor SDM Aparatur Ahli Muda"),
        ("Hendra Gunawan, S.Psi.", "198511232009121006", "asesor", "Asesor SDM Aparatur Ahli Pertama"),
        ("Sri Wahyuni, S.Sos.", "199002142014022007", "admin", "Analis SDM Aparatur"),
    ]
    for n, (name, nip, role, jabatan) in enumerate(people, start=1):
        sheet.append([n, name, nip, role, jabatan, UNITS[(n - 1) % len(UNITS)], "Badan Kepegawaian Negara"])
    book.save(path)
    return path


@pytest.fixture
def window(qtbot, tmp_path: Path, monkeypatch):  # type: ignore[no-untyped-def]
    from ukom_desktop.ui.documents import print_dialog
    from ukom_desktop.ui.main_window import MainWindow

    monkeypatch.setattr(print_dialog, "open_result", lambda _path: None)  # no PDF viewer in the test
    win = MainWindow(str(tmp_path / "ukom.sqlite"))
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    return win


def test_first_event_from_an_empty_database_to_printed_reports(  # type: ignore[no-untyped-def]
    window, qtbot, tmp_path: Path, monkeypatch, recorded_messages
) -> None:
    from PySide6.QtWidgets import QWizard

    # 1. An empty database: the first-run setup opens by itself; the profile and a signatory are typed in,
    #    numbering kept, the first administrator skipped (the database stays without users).
    assert window.open_database()
    qtbot.waitUntil(lambda: getattr(window, "setup_wizard", None) is not None and window.setup_wizard.isVisible())
    wizard = window.setup_wizard
    assert wizard.currentPage() is wizard.location_page
    wizard.button(QWizard.WizardButton.NextButton).click()  # the local file already open
    profile = wizard.profile_page
    assert wizard.currentPage() is profile
    for edit, text in zip(profile.kop_edits, ("BADAN KEPEGAWAIAN NEGARA", "PUSAT PENILAIAN KOMPETENSI ASN",
                                              "BIDANG PENYELENGGARAAN PENILAIAN"), strict=False):
        qtbot.keyClicks(edit, text)
    qtbot.keyClicks(profile.address_edit, "Jalan Mayjen Sutoyo Nomor 12, Jakarta Timur")
    qtbot.keyClicks(profile.city_edit, "Jakarta")
    wizard.button(QWizard.WizardButton.NextButton).click()
    assert wizard.currentPage() is wizard.signatories_page
    page = wizard.signatories_page.inner
    qtbot.keyClicks(page.name_edit, "Dr. Haryanto Wibowo, M.Si.")
    qtbot.keyClicks(page.nip_edit, "19700412 199503 1 002")
    qtbot.keyClicks(page.golongan_edit, "IV/c")
    qtbot.keyClicks(page.jabatan_edit, "Kepala Pusat Penilaian Kompetensi ASN")
    page.save_button.click()
    wizard.button(QWizard.WizardButton.NextButton).click()
    assert wizard.currentPage() is wizard.numbering_page
    wizard.button(QWizard.WizardButton.NextButton).click()
    assert wizard.currentPage() is wizard.admin_page
    wizard.button(QWizard.WizardButton.CustomButton1).click()  # Lewati halaman: no users yet
    assert not wizard.isVisible()
    from ukom_desktop.services.institution import get_profile

    with window.context.session() as session:
        stored = get_profile(session)
    assert stored.kop_lines[0] == "BADAN KEPEGAWAIAN NEGARA" and stored.head_signatory_id is not None
    # A database without users (issue 13) opens without a login, under the permanent banner.
    from PySide6.QtWidgets import QToolBar

    banner = window.findChild(QToolBar, "no_login_banner")
    assert banner is not None and banner.isVisible()

    # 2. A new event with typed dates, from Data > Kegiatan baru...
    start = date.today() + timedelta(days=21)
    while start.weekday() != 0:
        start += timedelta(days=1)

    def fill_event(dialog: QWidget) -> None:
        qtbot.keyClicks(dialog.name_edit, "Penilaian Kompetensi Pejabat Administrator")
        qtbot.keyClicks(dialog.agency_edit, "Sekretariat Utama Badan Kepegawaian Negara")
        type_date(qtbot, dialog.start_edit, start)
        type_date(qtbot, dialog.end_edit, start + timedelta(days=1))
        qtbot.keyClicks(dialog.venue_edit, "Gedung Pusat Penilaian Kompetensi ASN")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    when_dialog_opens(fill_event)
    action(window.data_menu, "Kegiatan baru...").trigger()
    qtbot.waitUntil(lambda: window.context.event_id is not None)
    event_id = window.context.event_id

    # 3. The HR office's messy list through the import wizard (rows with errors are rejected, the rest come in).
    participants = window.show_tab("participants_tab")

    def run_wizard(wizard: QWidget) -> None:
        wizard.load(str(IMPORT / "bad_rows.xlsx"))
        wait_for(wizard.task)
        wizard.import_button.click()
        wait_for(wizard.task)
        wizard.close()

    when_dialog_opens(run_wizard)
    participants.import_button.click()
    people = participants.model.rowCount()
    assert people >= 10
    assert event_status(window) == "verifikasi"  # the list of participants is in: past Usulan

    # 4. The target position: made in Data > Perumusan Kompetensi, chosen for the event, set in bulk.
    from ukom_desktop.ui.competency.positions_dialog import PositionsDialog

    def new_position(dialog: QWidget) -> None:
        qtbot.keyClicks(dialog.name_edit, "Kepala Bagian Umum")
        dialog.level_combo.setCurrentIndex(dialog.level_combo.findText("Administrator"))
        dialog.findChild(QDialogButtonBox).buttons()[0].click()

    def positions(dialog: QWidget) -> None:
        when_dialog_opens(new_position)
        dialog.new_button.click()
        dialog.close()

    when_dialog_opens(positions, PositionsDialog)
    action(window.data_menu, "Jabatan dan standar kompetensi...").trigger()

    def event_positions(dialog: QWidget) -> None:
        item = dialog.position_list.item(0)
        assert item.text().startswith("Kepala Bagian Umum")
        item.setCheckState(Qt.CheckState.Checked)
        when_dialog_opens(matrix)
        dialog.matrix_button.click()  # saves the target position, then opens the event's exercise matrix
        dialog.close()

    def matrix(dialog: QWidget) -> None:
        for row in range(dialog.exercise_list.count()):
            item = dialog.exercise_list.item(row)
            if item.text().split()[0] in ("PSI", "INB", "LGD", "RP", "WWC"):
                item.setCheckState(Qt.CheckState.Checked)
        dialog.library_button.click()
        assert dialog.last_check.ok, dialog.summary.text()
        dialog.save_button.click()
        dialog.close_button.click()

    when_dialog_opens(event_positions)
    action(window.data_menu, "Jabatan sasaran kegiatan...").trigger()
    from ukom_desktop.ui.participants import prompts

    monkeypatch.setattr(prompts, "choice", lambda _p, _t, _l, items: items[0])  # the one offered
    participants = window.show_tab("participants_tab")
    participants.refresh()
    select_all(participants)
    action(participants.bulk_menu, "Tetapkan jabatan sasaran...").trigger()
    assert {r.target_position for r in participants.model.rows()} == {"Kepala Bagian Umum"}

    # 5. Waves and groups.
    def grouping(dialog: QWidget) -> None:
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    when_dialog_opens(grouping)
    participants.groups_button.click()
    assert all(r.group is not None for r in participants.model.rows())

    # 6. Rooms, from the Jadwal tab: the building's list imported from a spreadsheet, one more typed in the table.
    schedule = window.show_tab("schedule_tab")
    book = Workbook()
    book.active.append(["Nama Ruang", "Jenis", "Kapasitas", "Lokasi"])
    book.active.append(["Aula Melati", "Aula", 40, "Lantai 1"])
    for n in (1, 2):
        book.active.append([f"Ruang Diskusi {n}", "Ruang Kelompok", 8, "Lantai 2"])
    for n in range(1, 6):
        book.active.append([f"Ruang Wawancara {n}", "Ruang Wawancara", 2, "Lantai 3"])
    book.save(tmp_path / "ruang.xlsx")

    def rooms(dialog: QWidget) -> None:
        from PySide6.QtWidgets import QAbstractSpinBox, QLineEdit

        monkeypatch.setattr(dialog, "ask_open_path", lambda: str(tmp_path / "ruang.xlsx"))
        dialog.import_button.click()
        assert dialog.table.rowCount() == 8, dialog.status_label.text()
        dialog.add_button.click()
        table = dialog.table
        table.editItem(table.item(8, 0))  # as a double click on the new row's name cell does
        editor = next(e for e in table.findChildren(QLineEdit) if not isinstance(e.parent(), QAbstractSpinBox))
        qtbot.keyClicks(editor, "Ruang Wawancara 6")
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: table.item(8, 0).text() == "Ruang Wawancara 6")
        table.cellWidget(8, 1).setCurrentIndex(table.cellWidget(8, 1).findText("Ruang Wawancara"))
        dialog.save_button.click()
        assert "1 ruang tersimpan" in dialog.status_label.text()
        dialog.close_button.click()

    when_dialog_opens(rooms)
    schedule.rooms_button.click()
    assert schedule.rooms_model.rowCount() == 9

    # 7. The assessing team from a spreadsheet, put on the event at import (the option is checked).
    assessors = window.show_tab("assessors_tab")
    source = team_workbook(tmp_path / "tim.xlsx")
    monkeypatch.setattr(assessors, "ask_open_path", lambda: str(source))

    def confirm_team(dialog: QWidget) -> None:
        assert dialog.assign_check.isChecked()
        dialog.accept()

    when_dialog_opens(confirm_team)
    wait_for(assessors.import_roster())
    assert any("7 anggota ditugaskan" in text for _k, text in recorded_messages), recorded_messages[-3:]
    assert event_status(window) == "terjadwal"

    # 8. Susun otomatis on the event made in the window: its wave follows the event's days.
    schedule = window.show_tab("schedule_tab")
    schedule.refresh()
    wait_for(schedule.run_scheduler(None))
    assert any(k == "info" and "Jadwal tersusun tanpa pelanggaran berat" in t for k, t in recorded_messages), \
        recorded_messages[-3:]
    assert "tanpa pelanggaran berat" in schedule.describe(schedule.model.rows())

    # 9. The invitations printed (Cetak > Surat undangan peserta...) and read back.
    action(window.print_menu, "Surat undangan peserta...").trigger()
    dialog = window.documents_dialog
    dialog.out_edit.setText(str(tmp_path / "undangan.pdf"))
    dialog.print_button.click()
    wait_for(dialog.task)
    text = "".join(page.extract_text() for page in PdfReader(tmp_path / "undangan.pdf").pages)
    first = participants.model.rows()[0]
    assert first.name.split(",")[0] in text
    assert event_status(window) == "persiapan"  # invitations went out
    dialog.close()

    window.walkthrough = {"event_id": event_id, "people": people, "tmp": tmp_path}
    second_half(window, qtbot, tmp_path, monkeypatch, recorded_messages)


def rate_by_keyboard(qtbot, entry) -> None:  # type: ignore[no-untyped-def]
    """Type a level into every row of the form, then hand it in with Serahkan."""
    grid = entry.grid
    grid.setFocus()
    grid.setCurrentIndex(entry.model.index(0, 2))
    for _ in range(entry.model.rowCount()):
        qtbot.keyClick(grid, "3")
    assert entry.model.missing == 0, "every row filled, none overwritten"
    entry.submit_button.click()
    assert "penilaian diserahkan" in entry.status.text()


def second_half(window, qtbot, tmp_path: Path, monkeypatch, recorded_messages) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.services.ratings import event_assignments

    # 10. Ratings typed with the keyboard in Penilaian > Input penilaian: the first assessor rates their first
    # participant; that participant's other assessors do the same, so the meeting has every exercise.
    scoring = window.show_tab("scoring_tab")
    entry = scoring.entry
    qtbot.waitUntil(lambda: entry.assessor_combo.count() > 0)
    entry.assessor_combo.setCurrentIndex(0)
    qtbot.waitUntil(lambda: entry.participant_list.count() > 0)
    entry.participant_list.setCurrentRow(0)
    ep_id = entry.participant_id
    rate_by_keyboard(qtbot, entry)
    with window.context.session() as session:
        raters = {a.assessor_id for a in event_assignments(session, window.context.event_id)
                  if a.event_participant_id == ep_id}
    for index in range(1, entry.assessor_combo.count()):
        entry.assessor_combo.setCurrentIndex(index)
        if entry.assessor_id not in raters:
            continue
        items = [entry.participant_list.item(i) for i in range(entry.participant_list.count())]
        row = next(i for i, item in enumerate(items) if item.data(Qt.ItemDataRole.UserRole) == ep_id)
        entry.participant_list.setCurrentRow(row)
        rate_by_keyboard(qtbot, entry)

    # 11. The integration meeting (Hasil dan laporan page, Rapat integrasi...) keeps the suggested levels.
    scoring.pages.setCurrentIndex(2)
    results = scoring.results
    qtbot.waitUntil(lambda: results.model.rowCount() > 0)
    select_row(results, lambda r: r.event_participant_id == ep_id)

    def meeting(dialog: QWidget) -> None:
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
        assert dialog.result() == 1, dialog.error.text()

    when_dialog_opens(meeting)
    results.meeting_button.click()

    # 12. The report written in Hasil dan laporan...
    def write(dialog: QWidget) -> None:
        assert "JPM" in dialog.summary.text()
        editor = dialog.editors["kekuatan"]
        editor.setFocus()
        editor.selectAll()
        qtbot.keyClicks(editor, "Menyusun rencana kerja yang runtut dan menyampaikannya dengan jelas.")
        potential = dialog.editors["potensi"]
        if not potential.toPlainText().strip():  # no psychotest results were imported: written by hand
            dialog.sections.setCurrentIndex(list(dialog.editors).index("potensi"))
            potential.setFocus()
            qtbot.keyClicks(potential, "Potensi belum diukur dengan psikotes; perlu pengukuran lanjutan.")
        dialog.save_button.click()
        assert dialog.status.text() == "Uraian tersimpan."
        dialog.reject()

    select_row(results, lambda r: r.event_participant_id == ep_id)
    when_dialog_opens(write)
    results.result_button.click()

    # 13. QC Laporan: submitted, returned with a comment, revised by the author, resubmitted, approved.
    qc = window.show_tab("qc_tab")
    qc.refresh()
    select_row(qc, lambda r: r.event_participant_id == ep_id)
    qc.submit_button.click()
    assert next(r for r in qc.model.rows() if r.event_participant_id == ep_id).status == "diajukan", \
        recorded_messages[-2:]
    qc.open_review(next(r for r in qc.model.rows() if r.event_participant_id == ep_id))
    review = qc.review_dialog
    review.section_combo.setCurrentIndex(review.section_combo.findData("kekuatan"))
    qtbot.keyClicks(review.comment_edit, "Tambahkan contoh perilaku dari simulasi.")
    review.return_button.click()
    assert review.data.status.value == "dikembalikan"
    review.close()

    results = window.show_tab("scoring_tab").results
    scoring.pages.setCurrentIndex(2)
    select_row(results, lambda r: r.event_participant_id == ep_id)

    def revise(dialog: QWidget) -> None:
        editor = dialog.editors["kekuatan"]
        editor.moveCursor(editor.textCursor().MoveOperation.End)
        qtbot.keyClicks(editor, " Contoh: memimpin diskusi kelompok hingga mufakat.")
        dialog.save_button.click()
        dialog.reject()

    when_dialog_opens(revise)
    results.result_button.click()
    qc = window.show_tab("qc_tab")
    qc.refresh()
    select_row(qc, lambda r: r.event_participant_id == ep_id)
    qc.submit_button.click()
    qc.open_review(next(r for r in qc.model.rows() if r.event_participant_id == ep_id))
    review = qc.review_dialog
    assert "memimpin diskusi kelompok" in review.diff_view.toPlainText()
    review.approve_button.click()
    assert review.data.status.value == "disetujui", recorded_messages[-2:]
    number = review.data.report_number
    assert number
    review.close()

    # 14. Cetak > Laporan individu..., read back.
    # The print dialog offers "only approved reports" first; the person keeps that choice and prints.
    from PySide6.QtWidgets import QFileDialog

    from ukom_desktop.ui.scoring.report_print_dialog import ReportPrintDialog

    out = tmp_path / "laporan.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), "PDF (*.pdf)"))

    def approved_only(dialog: QWidget) -> None:
        assert "1 dari" in dialog.summary.text(), dialog.summary.text()
        qtbot.mouseClick(dialog.approved_only, Qt.MouseButton.LeftButton)
        assert dialog.approved_only.isChecked() and dialog.selection() == (None, False)
        assert dialog.print_button.isEnabled()
        dialog.print_button.click()

    when_dialog_opens(approved_only, ReportPrintDialog)
    action(window.print_menu, "Laporan individu...").trigger()
    task = getattr(window, "print_task", None)
    qtbot.waitUntil(lambda: out.exists() and out.stat().st_size > 1000, timeout=60000)
    if task is not None:
        wait_for(task)
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    flat = " ".join(text.split())
    assert number in flat, flat[:1500]
    assert "memimpin diskusi kelompok" in flat
