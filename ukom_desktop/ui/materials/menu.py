"""Menu actions of issue 17: Data > Pustaka materi soal / Agenda surat masuk; Cetak > buku soal bernomor,
lembar jawaban, formulir penilaian, panduan wawancara, berita acara serah terima soal, lembar disposisi
(printed in the background)."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction

from ukom_desktop.domain import permissions as perm
from ukom_desktop.ui import messages
from ukom_desktop.ui.icons import icon

PRINT_ITEMS = (
    ("booklets", "Buku soal bernomor (RAHASIA)...", "buku-soal"),
    ("role-player-briefs", "Naskah pemeran (role player)...", "naskah-pemeran"),
    ("answer-sheets", "Lembar jawaban...", "lembar-jawaban"),
    ("rating-forms", "Formulir penilaian di atas kertas...", "formulir-penilaian"),
    ("interview-guides", "Panduan wawancara per peserta...", "panduan-wawancara"),
    ("material-handover", "Berita acara serah terima soal...", "serah-terima-soal"),
    ("disposition", "Lembar disposisi surat permohonan...", "lembar-disposisi"),
)


def ask_save_path(parent: Any, stem: str) -> str:
    """Where to save (tests patch this)."""
    from PySide6.QtWidgets import QFileDialog

    path, _ = QFileDialog.getSaveFileName(parent, "Simpan dokumen", f"{stem}.pdf", "Dokumen PDF (*.pdf)")
    return path


def ask_scope(parent: Any, scopes: list[Any]) -> Any:
    """The chosen PrintScope (whole event, a wave or one group of a wave; for the role players' briefs a
    BriefScope: a room instead of a group), or None when cancelled (tests patch this). With nothing to choose
    between, the whole event."""
    if len(scopes) <= 1:
        return scopes[0] if scopes else None
    from PySide6.QtWidgets import QInputDialog

    labels = [s.label for s in scopes]
    what = "ruang" if hasattr(scopes[0], "room") else "kelompok"
    choice, ok = QInputDialog.getItem(parent, "Cetak", f"Cetak untuk (kegiatan, gelombang atau {what}):", labels,
                                      0, False)
    return scopes[labels.index(choice)] if ok else None


def _event_id(window: Any) -> int | None:
    event_id = window.context.event_id
    if window.context.database is None or event_id is None:
        messages.info(window, "Pilih kegiatan aktif terlebih dahulu pada daftar Kegiatan aktif di bilah atas.")
        return None
    return int(event_id)


def print_room(window: Any, kind: str, path: str | None = None, wave: int | None | bool = False,
               group: str | None = None, room: str | None = None) -> Any:
    """Print one of the room documents for the current event, a wave or one group (the role players' briefs:
    one room) in the background (without ``wave`` the user chooses)."""
    event_id = _event_id(window)
    if event_id is None:
        return None
    if kind != "disposition" and wave is False:
        from ukom_desktop.services.material_handover import print_scopes
        from ukom_desktop.services.room_printing import brief_scopes

        with window.context.session() as session:
            scopes = (brief_scopes if kind == "role-player-briefs" else print_scopes)(session, event_id)
        scope = ask_scope(window, scopes)
        if scope is None:
            return None
        wave, group, room = scope.wave, getattr(scope, "group", None), getattr(scope, "room", None)
    stem = dict((k, s) for k, _t, s in PRINT_ITEMS)[kind]
    target = path or ask_save_path(window, stem)
    if not target:
        return None
    context = window.context

    def work():  # type: ignore[no-untyped-def]
        yield 0, 0, "Menyusun dokumen..."
        with context.transaction() as session:
            if kind == "disposition":
                from ukom_desktop.services.incoming_letters import print_disposition

                print_disposition(session, event_id, target)
                return f"Lembar disposisi tersimpan: {target}"
            from ukom_desktop.services.interview_guides import print_interview_guides
            from ukom_desktop.services.room_printing import PRINTERS, print_role_player_briefs

            if kind == "role-player-briefs":
                result = print_role_player_briefs(session, event_id, target, wave=wave or None, room=room)
                return f"Naskah pemeran tersimpan: {target} ({result.items} sesi, {result.pages} halaman)."
            printer = print_interview_guides if kind == "interview-guides" else PRINTERS[kind]
            result = printer(session, event_id, target, wave=wave or None, group=group)
            return " ".join([f"Tersimpan: {target} ({result.pages} halaman).", *result.notes])

    from ukom_desktop.ui.actions import run_long, status_message

    return run_long(window, work, title="Mencetak dokumen", level="warn",
                    on_done=lambda text: status_message(window, text, 15000))


def open_library(window: Any) -> Any:
    if window.context.database is None:
        return None
    from ukom_desktop.ui.materials.library_dialog import MaterialLibraryDialog

    dialog = MaterialLibraryDialog(window.context, window)
    if not dialog.allowed:
        return None
    window.materials_dialog = dialog
    dialog.open()
    return dialog


def open_letters(window: Any) -> Any:
    if window.context.database is None:
        return None
    from ukom_desktop.ui.materials.letters_dialog import LettersDialog

    dialog = LettersDialog(window.context, window)
    window.materials_dialog = dialog
    dialog.open()
    return dialog


def open_questions(window: Any) -> Any:
    if window.context.database is None:
        return None
    from ukom_desktop.ui.materials.questions_dialog import QuestionsDialog

    dialog = QuestionsDialog(window.context, window)
    window.materials_dialog = dialog
    dialog.open()
    return dialog


def open_returns(window: Any) -> Any:
    if _event_id(window) is None:
        return None
    from ukom_desktop.ui.materials.returns_dialog import ReturnsDialog

    dialog = ReturnsDialog(window.context, window)
    window.materials_dialog = dialog
    dialog.open()
    return dialog


def install(window: Any) -> None:
    window.materials_dialog = None
    library = QAction(icon("edit"), "Pustaka materi soal...", window)
    library.triggered.connect(lambda: open_library(window))
    letters = QAction(icon("events"), "Agenda surat masuk dan disposisi...", window)
    letters.triggered.connect(lambda: open_letters(window))
    window.data_menu.addSeparator()
    window.data_menu.addAction(library)
    questions = QAction(icon("edit"), "Bank pertanyaan wawancara...", window)
    questions.triggered.connect(lambda: open_questions(window))
    returns = QAction(icon("edit"), "Pengembalian buku soal...", window)
    returns.triggered.connect(lambda: open_returns(window))
    window.data_menu.addAction(questions)
    window.data_menu.addAction(returns)
    window.data_menu.addAction(letters)
    actions = {"library": library, "letters": letters, "questions": questions, "returns": returns}
    if not window.print_menu.isEmpty():
        window.print_menu.addSeparator()
    for kind, text, _stem in PRINT_ITEMS:
        action = QAction(icon("print"), text, window)
        action.triggered.connect(lambda _checked=False, k=kind: print_room(window, k))
        window.print_menu.addAction(action)
        actions[kind] = action
    window.materials_actions = actions
    window.permission_hooks = [*getattr(window, "permission_hooks", []), lambda: show_allowed_actions(window)]
    show_allowed_actions(window)


# What each menu entry needs in the permission table (the services refuse anyway; the menu only hides).
ACTION_NEEDS = {"library": perm.READ_MATERIALS, "questions": perm.MANAGE_MATERIALS,
                "returns": perm.MANAGE_MATERIALS, "letters": perm.MANAGE_EVENTS, "disposition": perm.PRINT_LETTERS}


def show_allowed_actions(window: Any) -> None:
    from ukom_desktop.ui.identity.menu import allowed

    for key, action in window.materials_actions.items():
        action.setVisible(allowed(window, ACTION_NEEDS.get(key, perm.PRINT_MATERIALS)))
