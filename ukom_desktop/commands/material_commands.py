"""`ukom-desktop materials import|list|status|map|reuse|returns`: the exercise material library (issue 17).

The acting user is the global --user (commands/common.sign_in binds it to the sessions); the services check the
material permissions of the permission table."""

from __future__ import annotations

import argparse

from .common import add_json_flag, open_db
from .registry import register_kind

ROOM_KINDS = {
    "booklets": "buku soal bernomor: sampul dan materi dicap nomor dan RAHASIA",
    "answer-sheets": "lembar jawaban dengan identitas dan nomor peserta",
    "rating-forms": "formulir penilaian di atas kertas per simulasi x peserta",
    "material-handover": "berita acara serah terima soal per ruang",
    "interview-guides": "panduan wawancara per peserta untuk asesornya",
}


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("materials", help="pustaka materi soal per latihan (versi, berkas, paket soal)")
    msub = parser.add_subparsers(dest="materials_command", metavar="AKSI", required=True)

    imp = msub.add_parser("import", help="simpan berkas PDF/DOCX/XLSX sebagai versi materi sebuah latihan")
    imp.add_argument("files", nargs="+", metavar="BERKAS")
    imp.add_argument("--exercise", required=True, metavar="KODE", help="kode latihan, mis. IB")
    imp.add_argument("--version", required=True, metavar="NAMA", help="nama versi, mis. 'IB-2026-A'")
    imp.add_argument("--role", default="peserta", choices=("peserta", "pemeran", "asesor"),
                     help="peruntukan berkas (bawaan: peserta)")
    imp.add_argument("--notes", default="", metavar="TEKS", help="catatan versi")
    add_json_flag(imp)
    imp.set_defaults(handler=_import)

    lst = msub.add_parser("list", help="daftar versi materi dan berkasnya")
    add_json_flag(lst)
    lst.set_defaults(handler=_list)

    status = msub.add_parser("status", help="ubah status versi materi (aktif/pensiun)")
    status.add_argument("--exercise", required=True, metavar="KODE")
    status.add_argument("--version", required=True, metavar="NAMA")
    status.add_argument("status", choices=("aktif", "pensiun"))
    status.set_defaults(handler=_status)

    mp = msub.add_parser("map", help="pasangkan paket soal kegiatan dengan versi materi per latihan")
    mp.add_argument("--event", required=True, metavar="KODE")
    mp.add_argument("--exercise", required=True, metavar="KODE")
    mp.add_argument("--set", required=True, metavar="PAKET", help="paket soal, mis. A")
    mp.add_argument("--version", metavar="NAMA", help="versi materi (tanpa ini: pasangan dihapus)")
    mp.set_defaults(handler=_map)

    reuse = msub.add_parser("reuse", help="siapa yang akan bertemu kembali materi yang pernah dikerjakan")
    reuse.add_argument("--event", required=True, metavar="KODE")
    add_json_flag(reuse)
    reuse.set_defaults(handler=_reuse)

    returns = msub.add_parser("returns", help="catat buku soal bernomor yang sudah kembali")
    returns.add_argument("--event", required=True, metavar="KODE")
    returns.add_argument("numbers", nargs="*", metavar="NOMOR", help="nomor buku soal, mis. IB-001")
    add_json_flag(returns)
    returns.set_defaults(handler=_returns)

    questions = sub.add_parser("interview-questions", help="bank pertanyaan wawancara per kompetensi dan level")
    qsub = questions.add_subparsers(dest="questions_command", metavar="AKSI", required=True)
    qlist = qsub.add_parser("list", help="daftar pertanyaan (diisi set awal bila masih kosong)")
    qlist.add_argument("--competency", metavar="KODE", help="hanya kompetensi ini, mis. M.01")
    add_json_flag(qlist)
    qlist.set_defaults(handler=_questions_list)
    qadd = qsub.add_parser("add", help="tambah atau ubah pertanyaan")
    qadd.add_argument("--competency", required=True, metavar="KODE")
    qadd.add_argument("--level", required=True, type=int, metavar="N")
    qadd.add_argument("--question", required=True, metavar="TEKS")
    qadd.add_argument("--probe", action="append", default=[], metavar="TEKS", help="pertanyaan lanjutan (boleh diulang)")
    qadd.add_argument("--id", type=int, metavar="ID", help="ubah pertanyaan ini")
    qadd.set_defaults(handler=_questions_add)
    qdel = qsub.add_parser("delete", help="hapus pertanyaan")
    qdel.add_argument("id", type=int, metavar="ID")
    qdel.set_defaults(handler=_questions_delete)

    for kind, help_text in ROOM_KINDS.items():
        register_kind("print", kind, help_text, _room_arguments, _room_handler(kind))
    register_kind("print", "role-player-briefs", "naskah pemeran (role player) per sesi terjadwal: sampul dan "
                  "naskah dicap nomor peserta dan RAHASIA", _brief_arguments, _briefs)


def _scoped_print_arguments(parser: argparse.ArgumentParser, narrow: str, metavar: str, help_text: str) -> None:
    """--event, --wave N, one narrower choice (a group or a room), --out and --json."""
    parser.add_argument("--event", required=True, metavar="KODE", help="kode kegiatan, mis. UKOM-2026-001")
    parser.add_argument("--wave", type=int, metavar="N", help="hanya gelombang N")
    parser.add_argument(narrow, metavar=metavar, help=help_text)
    parser.add_argument("--out", required=True, metavar="BERKAS.pdf", help="berkas PDF tujuan")
    add_json_flag(parser)


def _room_arguments(parser: argparse.ArgumentParser) -> None:
    _scoped_print_arguments(parser, "--group", "KELOMPOK", "hanya kelompok ini, mis. B atau 'Kelompok B'")


def _brief_arguments(parser: argparse.ArgumentParser) -> None:
    _scoped_print_arguments(parser, "--room", "NAMA", "hanya ruang ini, mis. 'Ruang Wawancara 1'")


def _briefs(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ukom_desktop.cli import emit
    from ukom_desktop.db.engine import transaction
    from ukom_desktop.services.document_printing import event_id_by_code
    from ukom_desktop.services.room_printing import print_role_player_briefs

    db = open_db(args)
    try:
        with transaction(db.sessions) as session:
            result = print_role_player_briefs(session, event_id_by_code(session, args.event),
                                              Path(args.out).expanduser().resolve(), wave=args.wave, room=args.room)
    finally:
        db.dispose()
    emit(args, {"kind": result.kind, "file": str(result.path), "pages": result.pages, "sessions": result.items},
         result.summary())
    return 0


def _room_handler(kind: str):  # type: ignore[no-untyped-def]
    def handle(args: argparse.Namespace) -> int:
        from pathlib import Path

        from ukom_desktop.cli import emit
        from ukom_desktop.db.engine import transaction
        from ukom_desktop.services.document_printing import event_id_by_code
        from ukom_desktop.services.interview_guides import print_interview_guides
        from ukom_desktop.services.room_printing import PRINTERS

        out = Path(args.out).expanduser().resolve()
        db = open_db(args)
        try:
            with transaction(db.sessions) as session:
                event_id = event_id_by_code(session, args.event)
                printer = print_interview_guides if kind == "interview-guides" else PRINTERS[kind]
                result = printer(session, event_id, out, wave=args.wave, group=args.group)
        finally:
            db.dispose()
        emit(args, {"kind": kind, "file": str(result.path), "pages": result.pages, "items": result.items,
                    "notes": list(result.notes)}, result.summary())
        return 0

    return handle


def _import(args: argparse.Namespace) -> int:
    from ukom_desktop.cli import emit
    from ukom_desktop.db.engine import transaction
    from ukom_desktop.services.materials import import_material_files

    db = open_db(args)
    try:
        with transaction(db.sessions) as session:
            result = import_material_files(session, args.exercise, args.version, args.files, role=args.role,
                                           notes=args.notes)
    finally:
        db.dispose()
    emit(args, {"exercise": result.exercise_code, "version": result.version, "added": list(result.added),
                "skipped": list(result.skipped)}, result.text())
    return 0


def _list(args: argparse.Namespace) -> int:
    from ukom_desktop.cli import emit
    from ukom_desktop.services.materials import STATUSES, list_materials

    db = open_db(args)
    try:
        with db.sessions() as session:
            rows = list_materials(session)
    finally:
        db.dispose()
    data = [{"exercise": r.exercise_code, "version": r.name, "status": r.status, "notes": r.notes, "events": r.events,
             "files": [{"name": f.filename, "role": f.role, "size": f.size, "sha256": f.sha256} for f in r.files]}
            for r in rows]
    lines = [f"{r.exercise_code:6} {r.name:24} {STATUSES.get(r.status, r.status):8} {len(r.files)} berkas, "
             f"dipakai {r.events} kegiatan" for r in rows] or ["Pustaka materi masih kosong."]
    emit(args, data, "\n".join(lines))
    return 0


def _status(args: argparse.Namespace) -> int:
    from ukom_desktop.db.engine import transaction
    from ukom_desktop.services.materials import exercise_by_code, set_status, version_by_name

    db = open_db(args)
    try:
        with transaction(db.sessions) as session:
            version = version_by_name(session, exercise_by_code(session, args.exercise), args.version)
            set_status(session, version.id, args.status)
    finally:
        db.dispose()
    print(f"Status versi '{args.version}' menjadi {args.status}.")
    return 0


def _map(args: argparse.Namespace) -> int:
    from ukom_desktop.db.engine import transaction
    from ukom_desktop.services.document_printing import event_id_by_code
    from ukom_desktop.services.materials import map_question_set

    db = open_db(args)
    try:
        with transaction(db.sessions) as session:
            map_question_set(session, event_id_by_code(session, args.event), args.exercise, args.set, args.version)
    finally:
        db.dispose()
    target = f"versi '{args.version}'" if args.version else "tanpa materi"
    print(f"Paket {args.set.upper()} latihan {args.exercise.upper()} pada {args.event}: {target}.")
    return 0


def _reuse(args: argparse.Namespace) -> int:
    from ukom_desktop.cli import emit
    from ukom_desktop.services.access import perm, require
    from ukom_desktop.services.document_printing import event_id_by_code
    from ukom_desktop.services.material_reuse import reuse_conflicts

    db = open_db(args)
    try:
        with db.sessions() as session:
            require(session, perm.READ_MATERIALS)
            conflicts = reuse_conflicts(session, event_id_by_code(session, args.event))
    finally:
        db.dispose()
    data = [{"nip": c.nip, "name": c.name, "set": c.question_set, "exercise": c.exercise_code, "version": c.version,
             "earlier_event": c.earlier_event} for c in conflicts]
    emit(args, data, "\n".join(c.text() for c in conflicts) or "Tidak ada peserta yang bertemu kembali materi lama.")
    return 1 if conflicts else 0


def _returns(args: argparse.Namespace) -> int:
    from ukom_desktop.cli import emit
    from ukom_desktop.db.engine import transaction
    from ukom_desktop.services.document_printing import event_id_by_code
    from ukom_desktop.services.material_handover import handover_status, record_returns

    db = open_db(args)
    try:
        with transaction(db.sessions) as session:
            event_id = event_id_by_code(session, args.event)
            if args.numbers:
                record_returns(session, event_id, args.numbers)
            status = handover_status(session, event_id)
    finally:
        db.dispose()
    emit(args, {"out": status.out_count, "back": status.back_count, "missing": list(status.missing)}, status.text())
    return 1 if status.missing else 0


def _questions_list(args: argparse.Namespace) -> int:
    from ukom_desktop.cli import emit
    from ukom_desktop.db.engine import transaction
    from ukom_desktop.services.interview_guides import list_questions

    db = open_db(args)
    try:
        with transaction(db.sessions) as session:
            rows = list_questions(session, args.competency)
    finally:
        db.dispose()
    data = [{"id": r.id, "competency": r.competency_code, "level": r.level, "question": r.question,
             "probes": list(r.probes)} for r in rows]
    emit(args, data, "\n".join(f"[{r.id}] {r.competency_code} L{r.level}: {r.question}" for r in rows))
    return 0


def _questions_add(args: argparse.Namespace) -> int:
    from ukom_desktop.db.engine import transaction
    from ukom_desktop.services.interview_guides import save_question

    db = open_db(args)
    try:
        with transaction(db.sessions) as session:
            question_id = save_question(session, args.competency, args.level, args.question, args.probe, args.id)
    finally:
        db.dispose()
    print(f"Pertanyaan [{question_id}] disimpan.")
    return 0


def _questions_delete(args: argparse.Namespace) -> int:
    from ukom_desktop.db.engine import transaction
    from ukom_desktop.services.interview_guides import delete_question

    db = open_db(args)
    try:
        with transaction(db.sessions) as session:
            delete_question(session, args.id)
    finally:
        db.dispose()
    print(f"Pertanyaan [{args.id}] dihapus.")
    return 0
