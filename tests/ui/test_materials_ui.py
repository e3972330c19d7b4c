"""The window's material library, re-use preview, room printing entries and the letter register
(issue 17 item 6)."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from pypdf import PdfReader

from ukom_desktop.ui.background import wait_for

sys.path.insert(0, str(Path(__file__).parents[1] / "db"))
from material_support import make_pdf, schedule_role_plays  # noqa: E402


def _import(window, monkeypatch, tmp_path: Path, version: str = "INB-2026-A"):  # type: ignore[no-untyped-def]
    from ukom_desktop.ui.materials import library_dialog, menu

    pdf = make_pdf(tmp_path / f"{version}.pdf", 3, f"Kasus {version}")
    monkeypatch.setattr(library_dialog, "choose_files", lambda _parent: [str(pdf)])
    dialog = menu.open_library(window)
    form = library_dialog.ImportForm(dialog.exercises, dialog)
    form.exercise_combo.setCurrentIndex(form.exercise_combo.findData("INB"))
    form.version_edit.setText(version)
    form._pick()
    monkeypatch.setattr(form, "exec", lambda: 1)
    dialog.import_files(form=form)
    return dialog


def test_import_map_and_retire_a_version(main_window, monkeypatch, tmp_path: Path, recorded_messages) -> None:  # type: ignore[no-untyped-def]
    dialog = _import(main_window, monkeypatch, tmp_path)
    [row] = dialog.model.rows()
    assert (row.exercise_code, row.name, [f.filename for f in row.files]) == ("INB", "INB-2026-A", ["INB-2026-A.pdf"])
    assert "1 berkas disimpan" in main_window.statusBar().currentMessage()
    dialog.map_exercise.setCurrentIndex(dialog.map_exercise.findData("INB"))
    dialog.map_set.setText("b")
    dialog.map_button.click()
    assert [(m.exercise_code, m.question_set, m.version) for m in dialog.mapping_model.rows()] == [
        ("INB", "B", "INB-2026-A")]
    monkeypatch.setattr(dialog, "_selected", lambda: dialog.model.rows()[0])
    dialog.toggle_status()
    assert dialog.model.rows()[0].status == "pensiun" and dialog.map_version.count() == 0
    dialog.map_button.click()
    assert recorded_messages and "belum memiliki versi materi yang aktif" in recorded_messages[-1][1]


def test_the_preview_names_who_would_meet_a_case_again(main_window, demo_database, monkeypatch,  # type: ignore[no-untyped-def]
                                                       tmp_path: Path) -> None:
    from ukom_desktop.services import grouping, participants
    from ukom_desktop.services.events import EventData, create_event
    from ukom_desktop.services.materials import map_question_set
    from ukom_desktop.ui.materials import menu

    _import(main_window, monkeypatch, tmp_path).close()
    event_id = main_window.context.event_id
    with demo_database.sessions.begin() as session:
        grouping.build_groups(session, event_id, grouping.GroupingOptions(question_sets=1), force=True)
        map_question_set(session, event_id, "INB", "A", "INB-2026-A")
        row = participants.list_participant_rows(session, event_id)[0]
        earlier = create_event(session, EventData(name="Penilaian tahun lalu", start_date=date.today().replace(
            year=date.today().year - 1)))
        ep = participants.save_participant(session, earlier, participants.ParticipantForm(nip=row.nip, name=row.name))
        map_question_set(session, earlier, "INB", "A", "INB-2026-A")
        participants.set_question_set(session, [ep], "A")
    dialog = menu.open_library(main_window)
    text = dialog.reuse_text.toPlainText()
    assert row.name in text and "INB-2026-A" in text and "akan kembali bertemu" in text


def test_materials_are_refused_to_a_role_without_the_right(main_window, demo_database,  # type: ignore[no-untyped-def]
                                                           recorded_messages) -> None:
    from ukom_desktop.db.models import User, UserRole
    from ukom_desktop.services.access import bind_actor
    from ukom_desktop.services.users import to_actor
    from ukom_desktop.ui.materials import menu

    with demo_database.sessions.begin() as session:
        user = User(username="asesor1", role=UserRole.ASESOR, roles="asesor", password_hash="x")
        session.add(user)
        session.flush()
        actor = to_actor(user)
    bind_actor(main_window.context.database.sessions, actor)
    assert menu.open_library(main_window) is None
    assert any("tidak berhak melihat materi soal" in text for _k, text in recorded_messages), recorded_messages
    main_window.identity.refresh()  # the menu hides what the permission table refuses
    shown = {key for key, action in main_window.materials_actions.items() if action.isVisible()}
    # the incoming-letter register is the secretariat's work (menyiapkan kegiatan), not an asesor's
    assert "library" not in shown and "booklets" not in shown and "letters" not in shown
    assert "role-player-briefs" not in shown


def test_reviewer_qc_reads_the_library_without_the_managing_controls(main_window, demo_database) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.db.models import User
    from ukom_desktop.services.access import bind_actor
    from ukom_desktop.services.users import to_actor
    from ukom_desktop.ui.materials import menu

    plain = menu.open_library(main_window)  # without users: everything
    assert all(w.isVisibleTo(plain) for w in (plain.import_button, plain.export_button, plain.map_row))
    plain.close()
    with demo_database.sessions.begin() as session:
        user = User(username="reviewer", role="qc", roles="qc", password_hash="x")
        session.add(user)
        session.flush()
        actor = to_actor(user)
    bind_actor(main_window.context.database.sessions, actor)
    dialog = menu.open_library(main_window)
    assert dialog is not None and dialog.table.isVisibleTo(dialog)
    assert not any(w.isVisibleTo(dialog) for w in (dialog.import_button, dialog.status_button,
                                                   dialog.export_button, dialog.map_row))


def test_cetak_prints_rating_forms_and_booklets(main_window, monkeypatch, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                demo_database) -> None:
    from ukom_desktop.services import grouping
    from ukom_desktop.services.materials import map_question_set
    from ukom_desktop.ui.materials import menu

    _import(main_window, monkeypatch, tmp_path).close()
    with demo_database.sessions.begin() as session:
        grouping.build_groups(session, main_window.context.event_id, grouping.GroupingOptions(question_sets=1),
                              force=True)
        map_question_set(session, main_window.context.event_id, "INB", "A", "INB-2026-A")
    assert {"booklets", "rating-forms", "disposition"} <= set(main_window.materials_actions)
    wait_for(menu.print_room(main_window, "booklets", str(tmp_path / "buku.pdf"), wave=None))
    assert len(PdfReader(tmp_path / "buku.pdf").pages) == 30 * 4
    assert "buku.pdf (120 halaman)" in main_window.statusBar().currentMessage()
    wait_for(menu.print_room(main_window, "rating-forms", str(tmp_path / "fp.pdf"), wave=1))
    assert "FORMULIR PENILAIAN" in PdfReader(tmp_path / "fp.pdf").pages[0].extract_text()


def test_cetak_prints_booklets_for_one_group_chosen_in_the_window(main_window, monkeypatch, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                 demo_database) -> None:
    from sqlalchemy import func, select

    from ukom_desktop.db.models import EventParticipant, ParticipantGroup
    from ukom_desktop.services import grouping
    from ukom_desktop.services.materials import map_question_set
    from ukom_desktop.ui.materials import menu

    _import(main_window, monkeypatch, tmp_path).close()
    event_id = main_window.context.event_id
    with demo_database.sessions.begin() as session:
        grouping.build_groups(session, event_id, grouping.GroupingOptions(question_sets=1), force=True)
        map_question_set(session, event_id, "INB", "A", "INB-2026-A")
        group_id, name = session.execute(select(ParticipantGroup.id, ParticipantGroup.name)
                                         .where(ParticipantGroup.event_id == event_id)
                                         .order_by(ParticipantGroup.id)).first()
        members = session.scalar(select(func.count()).where(EventParticipant.group_id == group_id))
    offered: list[str] = []

    def choose(_parent, scopes):  # type: ignore[no-untyped-def]
        offered.extend(s.label for s in scopes)
        return next(s for s in scopes if s.group == name)

    monkeypatch.setattr(menu, "ask_scope", choose)
    wait_for(menu.print_room(main_window, "booklets", str(tmp_path / "kelompok.pdf")))
    assert offered[:2] == ["Semua peserta kegiatan", "Gelombang 1"] and f"Gelombang 1 - {name}" in offered
    assert 4 <= members < 30 and len(PdfReader(tmp_path / "kelompok.pdf").pages) == members * 4
    assert f"({members * 4} halaman)" in main_window.statusBar().currentMessage()


def test_the_letter_register_records_attaches_and_prints(main_window, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.ui.materials import menu
    from ukom_desktop.ui.materials.letters_dialog import LetterForm

    dialog = menu.open_letters(main_window)
    form = LetterForm(dialog.events, None, dialog)
    form.number_edit.setText("005/12/BKD/2026")
    form.sender_edit.setText("BKD Kabupaten Bogor")
    form.subject_edit.setPlainText("Permohonan uji kompetensi")
    form.event_combo.setCurrentIndex(1)
    form.to_edit.setText("Kepala Bidang")
    monkeypatch.setattr(form, "exec", lambda: 1)
    dialog.edit_letter(None, form=form)
    [row] = dialog.model.rows()
    assert (row.number, row.event_code) == ("005/12/BKD/2026", dialog.events[0].code)
    monkeypatch.setattr(dialog, "_selected", lambda: dialog.model.rows()[0])
    dialog.attach(str(make_pdf(tmp_path / "pindaian.pdf", 1, "Surat")))
    assert dialog.model.rows()[0].scan_filename == "pindaian.pdf"
    dialog.print_sheet(str(tmp_path / "disposisi.pdf"))
    text = PdfReader(tmp_path / "disposisi.pdf").pages[0].extract_text()
    assert "LEMBAR DISPOSISI" in text and "BKD Kabupaten Bogor" in text and "Kepala Bidang" in text


def test_the_question_bank_is_seeded_and_edited(main_window, monkeypatch, recorded_messages) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.ui.materials import menu
    from ukom_desktop.ui.materials.questions_dialog import QuestionForm

    dialog = menu.open_questions(main_window)
    rows = dialog.model.rows()
    assert len({r.competency_code for r in rows}) == 9 and {r.level for r in rows} == {1, 2, 3, 4, 5}
    form = QuestionForm(dialog._competencies(), None, dialog)
    form.competency_combo.setCurrentIndex(form.competency_combo.findData("M.08"))
    form.level_spin.setValue(4)
    form.question_edit.setPlainText("Ceritakan keputusan yang Anda batalkan setelah mendapat data baru.")
    form.probes_edit.setPlainText("Data apa yang muncul?\n\nSiapa yang Anda ajak bicara?")
    monkeypatch.setattr(form, "exec", lambda: 1)
    dialog.edit_question(None, form=form)
    [added] = [r for r in dialog.model.rows() if r.question.startswith("Ceritakan keputusan yang Anda batalkan")]
    assert (added.competency_code, added.level, added.probes) == (
        "M.08", 4, ("Data apa yang muncul?", "Siapa yang Anda ajak bicara?"))
    monkeypatch.setattr(dialog, "_selected", lambda: added)
    dialog.delete_selected()
    assert added.id not in {r.id for r in dialog.model.rows()}
    assert main_window.statusBar().currentMessage() == "Pertanyaan dihapus."


def test_returned_booklets_are_ticked_until_all_are_back(main_window, monkeypatch, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                         demo_database) -> None:
    from ukom_desktop.services import grouping
    from ukom_desktop.services.materials import map_question_set
    from ukom_desktop.ui.materials import menu

    _import(main_window, monkeypatch, tmp_path).close()
    with demo_database.sessions.begin() as session:
        grouping.build_groups(session, main_window.context.event_id, grouping.GroupingOptions(question_sets=1),
                              force=True)
        map_question_set(session, main_window.context.event_id, "INB", "A", "INB-2026-A")
    dialog = menu.open_returns(main_window)
    rows = dialog.model.rows()
    assert len(rows) == 30 and not any(r.returned for r in rows)
    assert "30 buku soal belum kembali" in dialog.summary.text()
    monkeypatch.setattr(dialog.table, "selected_rows", lambda: rows[:28])
    dialog.mark_selected()
    assert "2 buku soal belum kembali" in dialog.summary.text()
    monkeypatch.setattr(dialog.table, "selected_rows", lambda: rows[28:])
    dialog.mark_selected()
    assert "Semua buku soal sudah kembali" in dialog.summary.text()
    assert all(r.returned for r in dialog.model.rows())


def test_cetak_prints_the_role_players_briefs_for_a_room_chosen_in_the_window(  # type: ignore[no-untyped-def]
        main_window, monkeypatch, tmp_path: Path, demo_database, recorded_messages) -> None:
    from sqlalchemy import update

    from ukom_desktop.db.models import EventParticipant
    from ukom_desktop.services.materials import import_material_files, map_question_set
    from ukom_desktop.ui.materials import menu
    from ukom_desktop.ui.menu_paths import find_menu_action

    action = find_menu_action(main_window, "Cetak > Naskah pemeran (role player)...")
    assert action is main_window.materials_actions["role-player-briefs"] and action.isVisible()
    texts = [a.text() for a in main_window.print_menu.actions()]
    assert texts.index("Naskah pemeran (role player)...") == texts.index("Buku soal bernomor (RAHASIA)...") + 1
    event_id = main_window.context.event_id
    monkeypatch.setattr(menu, "ask_save_path", lambda _parent, stem: str(tmp_path / f"{stem}.pdf"))
    wait_for(menu.print_room(main_window, "role-player-briefs", wave=None))
    assert any("Pustaka materi soal" in text for _k, text in recorded_messages), recorded_messages
    assert not (tmp_path / "naskah-pemeran.pdf").exists()

    with demo_database.sessions.begin() as session:
        session.execute(update(EventParticipant).where(EventParticipant.event_id == event_id).values(question_set="A"))
        import_material_files(session, "RP", "RP-A", [make_pdf(tmp_path / "rp.pdf", 2, "Naskah atasan")],
                              role="pemeran")
        map_question_set(session, event_id, "RP", "A", "RP-A")
        sessions = schedule_role_plays(session, event_id)
    offered: list[str] = []

    def choose(_parent, scopes):  # type: ignore[no-untyped-def]
        offered.extend(s.label for s in scopes)
        return next(s for s in scopes if s.room == "Ruang Wawancara 1")

    monkeypatch.setattr(menu, "ask_scope", choose)
    wait_for(menu.print_room(main_window, "role-player-briefs"))
    in_room = [n for n, room, _h, _a in sessions if room == "Ruang Wawancara 1"]
    assert offered == ["Semua sesi kegiatan", "Gelombang 1", "Gelombang 1 - Ruang Wawancara 1",
                       "Gelombang 1 - Ruang Wawancara 2"]
    pages = PdfReader(tmp_path / "naskah-pemeran.pdf").pages
    assert len(pages) == 3 * len(in_room) == 6
    assert [f"Nomor peserta: {n:03d}" in pages[3 * i].extract_text() for i, n in enumerate(in_room)] == [True, True]
    assert f"({len(in_room)} sesi, 6 halaman)" in main_window.statusBar().currentMessage()
