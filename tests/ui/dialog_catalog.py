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
    }
