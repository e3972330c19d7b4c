"""Every dialog of the window, built the way its menu or button builds it, on the rated demo database.

Shared by the geometry test (each fits 1366x768 and 1280x720) and the language test (no English words).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parents[1] / "db"))
from rated_demo import rated_demo_copy  # noqa: E402

Factory = Callable[[Any], Any]


def open_rated_window(qtbot: Any, tmp_path: Path) -> Any:
    from ukom_desktop.ui.main_window import MainWindow

    window = MainWindow(f"sqlite:///{rated_demo_copy(tmp_path)}")
    qtbot.addWidget(window)
    window.show()
    assert window.open_database()
    return window


def first_participant(window: Any) -> int:
    from ukom_desktop.services.listings import list_event_participants

    with window.context.session() as session:
        return int(list_event_participants(session, window.context.event_id)[0].id)


def _submitted_report(window: Any) -> int:
    from ukom_desktop.services import report_qc

    ep = first_participant(window)
    with window.context.transaction() as session:
        report_qc.submit(session, ep, actor="Penulis")
    return ep


def _team_preview(window: Any) -> Any:
    from ukom_desktop.services.team_import import export_team, preview_team_import

    path = Path(str(window.context.database.url).removeprefix("sqlite:///")).with_name("tim.xlsx")
    with window.context.session() as session:
        export_team(session, path)
        return preview_team_import(session, path)


def _member_row(window: Any) -> Any:
    tab = window.show_tab("assessors_tab")
    return tab.model.rows()[0]


def _report_print(window: Any) -> Any:
    from ukom_desktop.services.result_exports import report_choices
    from ukom_desktop.ui.scoring.report_print_dialog import ReportPrintDialog

    with window.context.session() as session:
        return ReportPrintDialog(window, report_choices(session, window.context.event_id))


def _passphrases(window: Any) -> Any:
    from types import SimpleNamespace

    from ukom_desktop.ui.packages.export_dialog import PassphraseDialog

    folder = Path(str(window.context.database.file)).parent / "paket"
    issued = [SimpleNamespace(assessor_name="Dr. Ratna Sari, M.Psi.", path=folder / "paket-UKOM-1-a1b2c3d4.ukom",
                              passphrase="jeruk-meja-awan-sungai-7")]
    return PassphraseDialog(issued, folder / "slip-kata-sandi.pdf", window)


def _change_password(window: Any) -> Any:
    from ukom_desktop.domain.permissions import Actor
    from ukom_desktop.ui.identity.login import ChangePasswordDialog

    return ChangePasswordDialog(window.context.database, Actor(1, "ratna", frozenset({"admin"})), parent=window)


def _laptop(window: Any) -> str:
    """The working database of one assessor's real package, opened on a laptop (assessor mode); a folder of its
    own per call, as a test may build several of these dialogs on one window."""
    import tempfile

    from ukom_desktop.services import packages_export as px
    from ukom_desktop.services import packages_laptop as lp

    folder = Path(tempfile.mkdtemp(prefix="laptop-", dir=Path(str(window.context.database.file)).parent))
    event_id = int(window.context.event_id)
    with window.context.session() as session:
        member = px.event_assessors(session, event_id)[0][0]
        issued = px.run_export(session, event_id, [member], folder / "paket")
        session.commit()
    px.publish(issued)
    laptop = f"sqlite:///{folder / 'laptop.sqlite'}"
    lp.open_package(laptop, issued[0].path.read_bytes(), issued[0].passphrase)
    return laptop


def _merge_preview(window: Any) -> Any:
    """A real return package of one assessor, opened on a laptop database and sent back."""
    from ukom_desktop.services import packages_laptop as lp
    from ukom_desktop.ui.packages.merge_dialog import MergePreviewDialog

    folder = Path(str(window.context.database.file)).parent
    back = lp.write_return(_laptop(window), folder / "kembali.ukom").path
    return MergePreviewDialog(window.context, back.read_bytes(), back.name, window)


def _assessor_window(window: Any) -> Any:
    """Assessor mode (Berkas > Buka paket asesor...), its first participant's rating form on screen."""
    from ukom_desktop.ui.packages.assessor_window import AssessorWindow

    assessor = AssessorWindow(_laptop(window))
    assessor.tabs.setCurrentIndex(1)
    assessor.participant_list.setCurrentRow(0)
    return assessor


def _competency_import(window: Any) -> Any:
    """The preview of a competency workbook (Data > Perumusan Kompetensi > Impor kompetensi...), read."""
    from ukom_desktop.services.competency_transfer import export_competencies, preview_competency_import
    from ukom_desktop.ui.competency.transfer_dialog import ImportPreviewDialog

    path = Path(str(window.context.database.file)).with_name("kompetensi.xlsx")
    with window.context.session() as session:
        export_competencies(session, path, event_id=window.context.event_id)
        preview = preview_competency_import(session, path)
    dialog = ImportPreviewDialog(window.context, path, window)
    dialog.show_preview(preview)
    return dialog


def _move_session(window: Any) -> Any:
    """Pindahkan sesi, from a session's right-click menu in the Jadwal tab."""
    tab = window.show_tab("schedule_tab")
    tab.refresh()
    return tab.reschedule_dialog(tab.stored.schedule.sessions[0].id)


def _wave_rooms(window: Any) -> Any:
    from ukom_desktop.services.rooms import list_room_infos
    from ukom_desktop.ui.schedule.wave_rooms_dialog import WaveRoomsDialog

    with window.context.session() as session:
        rooms = list_room_infos(session, include_inactive=False)
    return WaveRoomsDialog(1, rooms, [rooms[0].id], window)


def _new_dialogs() -> dict[str, Factory]:
    """Dialogs of issues 12-14 (restore, server password, users, audit, encryption, packages) and issue 11's
    waves and report printing."""
    from ukom_desktop.ui.dialogs.password_dialog import PasswordDialog
    from ukom_desktop.ui.dialogs.restore_dialog import RestoreDialog
    from ukom_desktop.ui.identity.audit_dialog import AuditDialog
    from ukom_desktop.ui.identity.encrypt_dialog import EncryptDialog
    from ukom_desktop.ui.identity.login import FirstAdminDialog, LoginDialog
    from ukom_desktop.ui.identity.users_dialog import UserFormDialog, UsersDialog
    from ukom_desktop.ui.packages.export_dialog import ExportPackagesDialog
    from ukom_desktop.ui.packages.merge_dialog import ConflictQueueDialog
    from ukom_desktop.ui.schedule.waves_dialog import WavesDialog

    return {
        "Pulihkan dari cadangan": lambda w: RestoreDialog(w.context.database.file, w),
        "Kata sandi server": lambda w: PasswordDialog("server-bkn/ukom", w),
        "Catatan audit": lambda w: AuditDialog(w.context, w),
        "Enkripsi basis data": lambda w: EncryptDialog(w, w),
        "Masuk": lambda w: LoginDialog(w.context.database, w),
        "Ganti kata sandi": _change_password,
        "Administrator pertama": lambda w: FirstAdminDialog(w.context.database, w),
        "Pengguna dan peran": lambda w: UsersDialog(w.context, w),
        "Pengguna baru": lambda w: UserFormDialog(w.context, w),
        "Cetak laporan individu": _report_print,
        "Buat paket asesor": lambda w: ExportPackagesDialog(w.context, int(w.context.event_id), w),
        "Kata sandi paket": _passphrases,
        "Terima paket": _merge_preview,
        "Konflik paket": lambda w: ConflictQueueDialog(w.context, int(w.context.event_id), w),
        "Gelombang": lambda w: WavesDialog(w.context, w),
        "Ruang gelombang": _wave_rooms,
        "Mode asesor": _assessor_window,
        "Pratinjau impor kompetensi": _competency_import,
        "Pindahkan sesi": _move_session,
    }


def dialogs() -> dict[str, Factory]:
    """name -> factory(window) returning a dialog (not shown yet)."""
    from ukom_desktop.ui.competency.dictionary_dialog import DictionaryDialog
    from ukom_desktop.ui.competency.event_standards_dialog import EventStandardsDialog
    from ukom_desktop.ui.competency.exercises_dialog import ExercisesDialog
    from ukom_desktop.ui.competency.formulation_dialog import FormulationDialog
    from ukom_desktop.ui.competency.matrix_dialog import EventMatrixDialog
    from ukom_desktop.ui.competency.positions_dialog import PositionsDialog
    from ukom_desktop.ui.dialogs.error_dialog import ErrorDialog
    from ukom_desktop.ui.documents.issued_dialog import IssuedDocumentsDialog
    from ukom_desktop.ui.documents.print_dialog import PrintDialog
    from ukom_desktop.ui.documents.profile_dialog import InstitutionDialog
    from ukom_desktop.ui.documents.template_dialog import TemplateDialog
    from ukom_desktop.ui.events.editor import EventEditorDialog
    from ukom_desktop.ui.help.dialog import GuideDialog
    from ukom_desktop.ui.materials.letters_dialog import LetterForm, LettersDialog
    from ukom_desktop.ui.materials.library_dialog import ImportForm, MaterialLibraryDialog
    from ukom_desktop.ui.materials.questions_dialog import QuestionForm, QuestionsDialog
    from ukom_desktop.ui.materials.returns_dialog import ReturnsDialog
    from ukom_desktop.ui.participants.directory_dialog import DirectoryDialog
    from ukom_desktop.ui.participants.editor import ParticipantEditorDialog
    from ukom_desktop.ui.participants.grouping_dialog import GroupingDialog
    from ukom_desktop.ui.participants.import_wizard import ImportWizard
    from ukom_desktop.ui.qc.evaluation_dialog import EvaluationDialog
    from ukom_desktop.ui.qc.review_dialog import ReviewDialog
    from ukom_desktop.ui.schedule.rooms_dialog import RoomsDialog
    from ukom_desktop.ui.schedule.team_dialogs import AvailabilityDialog, MemberDialog, TeamImportDialog
    from ukom_desktop.ui.scoring.integration_dialog import IntegrationDialog
    from ukom_desktop.ui.scoring.result_dialog import ResultDialog
    from ukom_desktop.ui.setup.wizard import SetupWizard

    def event(w: Any) -> int:
        return int(w.context.event_id)

    return {
        "Kamus kompetensi": lambda w: DictionaryDialog(w.context, w),
        "Jabatan sasaran kegiatan": lambda w: EventStandardsDialog(w.context, event(w), w),
        "Pustaka simulasi": lambda w: ExercisesDialog(w.context, w),
        "Matriks simulasi": lambda w: EventMatrixDialog(w.context, event(w), w),
        "Rumusan kompetensi": lambda w: FormulationDialog(w.context, event(w), w),
        "Jabatan dan standar": lambda w: PositionsDialog(w.context, w),
        "Evaluasi asesor": lambda w: EvaluationDialog(w.context, w),
        "Pemeriksaan laporan": lambda w: ReviewDialog(w.context, _submitted_report(w), w),
        "Pembagian kelompok": lambda w: GroupingDialog(w.context, event(w), w),
        "Direktori pegawai": lambda w: DirectoryDialog(w.context, w),
        "Wizard impor peserta": lambda w: ImportWizard(w.context, event(w), w),
        "Data peserta": lambda w: ParticipantEditorDialog(w.context, event(w), first_participant(w), parent=w),
        "Peserta baru": lambda w: ParticipantEditorDialog(w.context, event(w), parent=w),
        "Kegiatan": lambda w: EventEditorDialog(w.context, event(w), w),
        "Kegiatan baru": lambda w: EventEditorDialog(w.context, None, w),
        "Ruangan": lambda w: RoomsDialog(w.context, w),
        "Anggota tim": lambda w: MemberDialog(_member_row(w), w),
        "Ketersediaan asesor": lambda w: AvailabilityDialog("Asesor", [], None, w),
        "Impor tim": lambda w: TeamImportDialog(_team_preview(w), w),
        "Rapat integrasi": lambda w: IntegrationDialog(w.context, first_participant(w), w),
        "Hasil dan laporan": lambda w: ResultDialog(w.context, first_participant(w), w),
        "Dokumen terbit": lambda w: IssuedDocumentsDialog(w.context, w),
        "Profil instansi": lambda w: InstitutionDialog(w.context, w),
        "Templat naskah": lambda w: TemplateDialog(w.context, w),
        "Cetak undangan": lambda w: PrintDialog(w.context, "undangan", w),
        "Cetak daftar hadir": lambda w: PrintDialog(w.context, "daftar_hadir", w),
        "Pustaka materi soal": lambda w: MaterialLibraryDialog(w.context, w),
        "Impor berkas materi": lambda w: ImportForm(MaterialLibraryDialog(w.context, w).exercises, w),
        "Agenda surat masuk": lambda w: LettersDialog(w.context, w),
        "Surat masuk": lambda w: LetterForm(LettersDialog(w.context, w).events, None, w),
        "Bank pertanyaan wawancara": lambda w: QuestionsDialog(w.context, w),
        "Pertanyaan wawancara": lambda w: QuestionForm([("M.01", "Integritas")], None, w),
        "Pengembalian buku soal": lambda w: ReturnsDialog(w.context, w),
        "Penyiapan awal": lambda w: SetupWizard(w.context, w),
        "Panduan": lambda w: GuideDialog(list(w.pages), "schedule_tab", w),
        "Kesalahan": lambda w: ErrorDialog("Terjadi kesalahan tak terduga.", "rincian", w),
        **_new_dialogs(),
    }
