"""Assessor packages (issue 14): `package export|open|return|import|conflicts|resolve`.

At the secretariat `--db` names the secretariat database; on a laptop `--db` names the assessor's working
database (a plain SQLite file made by `package open`).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ukom_desktop.cli import emit
from ukom_desktop.errors import UserFacingError

from .common import add_json_flag, open_db

PASSPHRASE_ENV = "UKOM_PACKAGE_PASSPHRASE"


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("package", help="paket asesor terenkripsi: buat, buka di laptop, kirim kembali, terima")
    psub = parser.add_subparsers(dest="package_action", metavar="AKSI", required=True)

    p = psub.add_parser("export", help="buat paket per asesor (slip kata sandi PDF di samping paket)")
    p.add_argument("--event", required=True, metavar="KODE", help="kode kegiatan")
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("--assessor", metavar="NIP", help="NIP asesor")
    who.add_argument("--all", action="store_true", help="semua asesor yang mendapat peserta")
    p.add_argument("--out", required=True, metavar="FOLDER", help="folder tujuan paket")
    p.add_argument("--passphrase-stdin", action="store_true", help="baca kata sandi dari stdin (satu asesor)")
    add_json_flag(p)
    p.set_defaults(handler=_export)

    p = psub.add_parser("open", help="buka paket asesor menjadi basis data kerja laptop (--db)")
    p.add_argument("file", metavar="BERKAS", help="berkas paket .ukom")
    p.add_argument("--passphrase-stdin", action="store_true",
                   help=f"baca kata sandi dari stdin (atau variabel {PASSPHRASE_ENV})")
    add_json_flag(p)
    p.set_defaults(handler=_open)

    p = psub.add_parser("return", help="tulis paket kiriman kembali dari basis data kerja laptop (--db)")
    p.add_argument("--out", required=True, metavar="BERKAS", help="berkas kiriman .ukom")
    p.add_argument("--passphrase-stdin", action="store_true",
                   help=f"kata sandi paket dari stdin (atau variabel {PASSPHRASE_ENV}) untuk membuka basis data kerja")
    add_json_flag(p)
    p.set_defaults(handler=_return)

    p = psub.add_parser("import", help="terima paket kiriman kembali: pratinjau, gabung, antrean konflik")
    p.add_argument("file", metavar="BERKAS", nargs="+", help="berkas kiriman .ukom (beberapa: satu transaksi)")
    p.add_argument("--dry-run", action="store_true", help="hanya pratinjau, tanpa menyimpan")
    add_json_flag(p)
    p.set_defaults(handler=_import)

    p = psub.add_parser("conflicts", help="daftar konflik paket yang menunggu keputusan")
    p.add_argument("--event", required=True, metavar="KODE", help="kode kegiatan")
    p.add_argument("--all", action="store_true", help="termasuk konflik yang sudah diputuskan")
    add_json_flag(p)
    p.set_defaults(handler=_conflicts)

    p = psub.add_parser("resolve", help="putuskan satu konflik: simpan versi laptop atau basis data")
    p.add_argument("--conflict", required=True, type=int, metavar="ID", help="nomor konflik")
    p.add_argument("--keep", required=True, choices=("laptop", "database"), help="versi yang disimpan")
    p.add_argument("--reason", required=True, metavar="ALASAN", help="alasan keputusan")
    add_json_flag(p)
    p.set_defaults(handler=_resolve)


def _read_passphrase(args: argparse.Namespace, *, allow_env: bool) -> str | None:
    if getattr(args, "passphrase_stdin", False):
        text = sys.stdin.readline().strip()
        if not text:
            raise UserFacingError("Kata sandi tidak terbaca dari stdin.")
        return text
    if allow_env and os.environ.get(PASSPHRASE_ENV):
        return os.environ[PASSPHRASE_ENV].strip()
    return None


def _read_file(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except FileNotFoundError as exc:
        raise UserFacingError(f"Berkas {path} tidak ditemukan.") from exc
    except OSError as exc:
        raise UserFacingError(f"Berkas {path} tidak dapat dibaca ({exc.strerror}).") from exc


def _export(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from ukom_desktop.db.models import TeamMember
    from ukom_desktop.documents.package_slip import Slip, slip_file_name, write_slips
    from ukom_desktop.domain.nip import normalize_nip
    from ukom_desktop.services import packages_export as px
    from ukom_desktop.services.results import find_event

    if args.passphrase_stdin and args.all:
        raise UserFacingError("--passphrase-stdin hanya untuk satu asesor (--assessor NIP).")
    passphrase = _read_passphrase(args, allow_env=False)
    if passphrase is not None and len("".join(ch for ch in passphrase if ch.isalnum())) < 12:
        raise UserFacingError("Kata sandi paket minimal 12 huruf atau angka.")
    out = Path(args.out)
    db = open_db(args)
    issued: list[px.IssuedPackage] = []
    try:
        with db.sessions() as session:
            event = find_event(session, args.event)
            members = None
            if args.assessor:
                nip = normalize_nip(args.assessor) if args.assessor.strip() else ""
                member = session.scalars(select(TeamMember).where(TeamMember.nip == nip)).first()
                if member is None:
                    raise UserFacingError(f"Asesor dengan NIP {args.assessor} tidak ditemukan.")
                members = [member.id]
            try:
                issued = px.run_export(session, event.id, members, out, passphrase=passphrase)
                session.commit()
            except BaseException:
                session.rollback()
                px.discard(issued)
                raise
            px.publish(issued)
            event_code, event_name = event.code, event.name
    finally:
        db.dispose()
    slip = None
    if passphrase is None:
        slip = write_slips([Slip(i.assessor_name, i.assessor_nip, event_code, event_name, i.path.name, i.passphrase)
                            for i in issued], out / slip_file_name(event_code))
    lines = [f"{len(issued)} paket asesor dibuat di {out}:"]
    lines += [f"  {i.path.name}  {i.assessor_name} ({i.participants} peserta)" for i in issued]
    lines.append(f"Slip kata sandi: {slip} (cetak, potong, serahkan terpisah dari paketnya)." if slip else
                 "Kata sandi: yang diberikan lewat stdin.")
    emit(args, {"packages": [{"file": str(i.path), "assessor": i.assessor_name, "nip": i.assessor_nip,
                              "participants": i.participants, "package_id": i.package_id} for i in issued],
                "slip": str(slip) if slip else None}, "\n".join(lines))
    return 0


def _open(args: argparse.Namespace) -> int:
    from ukom_desktop.db.engine import resolve_database_url
    from ukom_desktop.services.packages_laptop import open_package

    if not args.db:
        raise UserFacingError("Sebutkan basis data kerja laptop dengan --db, misalnya --db kerja.sqlite.")
    passphrase = _read_passphrase(args, allow_env=True)
    if passphrase is None:
        import getpass

        passphrase = getpass.getpass("Kata sandi paket: ")
    info = open_package(resolve_database_url(args.db), _read_file(args.file), passphrase)
    emit(args, info.__dict__,
         f"Paket dibuka: {info.event_code} - {info.event_name}, asesor {info.assessor_name}: {info.participants} "
         f"peserta, {info.cells} isian penilaian, {info.narratives} uraian laporan.")
    return 0


def _return(args: argparse.Namespace) -> int:
    from ukom_desktop.db.engine import resolve_database_url
    from ukom_desktop.services.packages_laptop import is_locked, unlock, write_return

    if not args.db:
        raise UserFacingError("Sebutkan basis data kerja laptop dengan --db.")
    url = resolve_database_url(args.db)
    if is_locked(url):  # the working database is encrypted with the package passphrase
        passphrase = _read_passphrase(args, allow_env=True)
        if passphrase is None:
            import getpass

            passphrase = getpass.getpass("Kata sandi paket: ")
        unlock(url, passphrase)
    done = write_return(url, Path(args.out))
    emit(args, {"file": str(done.path), "sequence": done.sequence, "cells": done.cells,
                "narratives": done.narratives},
         f"Kiriman ke-{done.sequence} ditulis ke {done.path}: {done.cells} isian penilaian, "
         f"{done.narratives} uraian laporan yang diubah di laptop ini.")
    return 0


def _import(args: argparse.Namespace) -> int:
    from ukom_desktop.services.packages_merge import CATEGORIES, import_packages

    datas = [_read_file(path) for path in args.file]
    db = open_db(args)
    try:
        with db.sessions() as session:
            previews = import_packages(session, datas, dry_run=args.dry_run)
            if args.dry_run or all(p.already_received for p in previews):
                session.rollback()
            else:
                session.commit()
    finally:
        db.dispose()
    lines = []
    for preview in previews:
        lines.append(f"Paket {preview.assessor_name} ({preview.event_code}), kiriman ke-{preview.sequence}: "
                     f"{preview.summary_line}.")
        if preview.already_received:
            lines.append("  Paket ini sudah pernah diterima; tidak ada yang berubah.")
        for item in preview.items:
            if item.category == "konflik":
                lines.append(f"  konflik: {item.participant} {item.label}: {item.reason_text}")
    if args.dry_run:
        lines.append("Pratinjau saja (--dry-run): belum ada yang disimpan.")
    total = {k: sum(p.counts[k] for p in previews) for k in CATEGORIES}
    summary = f"baru {total['baru']}, berubah {total['berubah']}, sama {total['sama']}, konflik {total['konflik']}"
    lines.append(summary)
    emit(args, {"packages": [{"package_id": p.package_id, "event": p.event_code, "assessor": p.assessor_name,
                              "sequence": p.sequence, "already_received": p.already_received, "applied": p.applied,
                              "counts": p.counts,
                              "conflicts": [{"participant": i.participant, "label": i.label, "reason": i.reason}
                                            for i in p.items if i.category == "konflik"]} for p in previews],
                "counts": total, "summary": summary}, "\n".join(lines))
    return 0


def _conflicts(args: argparse.Namespace) -> int:
    from ukom_desktop.services.packages_conflicts import list_conflicts
    from ukom_desktop.services.results import find_event

    db = open_db(args)
    try:
        with db.sessions() as session:
            rows = list_conflicts(session, find_event(session, args.event).id, include_resolved=args.all)
    finally:
        db.dispose()
    lines = [f"{len(rows)} konflik{' (termasuk yang sudah diputuskan)' if args.all else ' menunggu keputusan'}."]
    for r in rows:
        state = f" [{r.status}: {r.resolution}]" if r.status != "terbuka" else ""
        lines.append(f"  #{r.id} {r.assessor}: {r.description} - {r.reason_text}{state}")
        lines.append(f"      laptop: {_value(r.laptop)} | basis data: {_value(r.database)}")
    emit(args, [r.__dict__ for r in rows], "\n".join(lines))
    return 0


def _value(value: dict | None) -> str:
    if not value:
        return "-"
    if "sections" in value:
        return f"{len(value['sections'])} bagian uraian"
    level = "tanpa bukti" if value.get("no_evidence") else (value.get("level") or "kosong")
    return f"level {level}" + (f", bukti: {value['evidence'][:40]}" if value.get("evidence") else "")


def _resolve(args: argparse.Namespace) -> int:
    from ukom_desktop.services.packages_conflicts import KEEP, resolve_conflict

    db = open_db(args)
    try:
        with db.sessions() as session:
            row = resolve_conflict(session, args.conflict, args.keep, args.reason)
            session.commit()
    finally:
        db.dispose()
    emit(args, row.__dict__, f"Konflik #{row.id} diputuskan: {KEEP[row.resolution]} disimpan.")
    return 0
