"""Assessor mode: the laptop's working database made from a package, editing it, and the return package.

The working database is a small SQLite file of its own (tables `lp_*`), not a secretariat database: it
holds only what the package held. It is an SQLCipher file keyed by the package passphrase (normalised as
the package format does, so SQLCipher's own PBKDF2 derives the page key and the file opens with the
passphrase in any SQLCipher 4 tool); only when SQLCipher is not installed is it a plain file. The assessor
types the passphrase again when reopening it (`unlock`). Every edit is saved at once (autosave) and marks the cell
changed; `write_return` packs every changed cell and narrative since the package was opened, so a return
can be sent any number of times and a later one supersedes an earlier one (its sequence number grows).
"""

from __future__ import annotations

import base64
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Engine,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    event,
    insert,
    inspect,
    select,
    update,
)
from sqlalchemy.pool import NullPool

from ukom_desktop.db import encryption
from ukom_desktop.db.engine import make_engine, sqlite_path
from ukom_desktop.errors import UserFacingError
from ukom_desktop.io import exchange_package as fmt

META = MetaData()
lp_meta = Table("lp_meta", META, Column("key", String(60), primary_key=True), Column("value", JSON))
lp_participant = Table(
    "lp_participant", META, Column("uuid", String(36), primary_key=True), Column("number", Integer),
    Column("name", String(150)), Column("nip", String(18)), Column("jabatan", String(250)),
    Column("golongan", String(10)), Column("unit", String(250)), Column("target_position", String(250)),
    Column("job_level", String(100)), Column("standard", JSON),
)
lp_competency = Table(
    "lp_competency", META, Column("uuid", String(36), primary_key=True), Column("code", String(20)),
    Column("name", String(150)), Column("definition", Text), Column("levels", JSON), Column("sort", Integer),
)
lp_exercise = Table(
    "lp_exercise", META, Column("uuid", String(36), primary_key=True), Column("code", String(20)),
    Column("name", String(150)), Column("sort", Integer),
)
lp_session = Table(
    "lp_session", META, Column("uuid", String(36), primary_key=True), Column("exercise", String(36)),
    Column("starts_at", String(40)), Column("ends_at", String(40)), Column("room", String(100)),
    Column("label", String(120)), Column("participants", JSON),
)
lp_cell = Table(
    "lp_cell", META, Column("ep", String(36), primary_key=True), Column("exercise", String(36), primary_key=True),
    Column("competency", String(36), primary_key=True), Column("level", String(10)),
    Column("no_evidence", Boolean, default=False), Column("evidence", Text, default=""),
    Column("submitted", Boolean, default=False), Column("base_version", Integer),
    Column("changed", Boolean, default=False), Column("updated_at", String(40)),
)
lp_narrative = Table(
    "lp_narrative", META, Column("report", String(36), primary_key=True), Column("ep", String(36)),
    Column("status", String(20)), Column("sections", JSON), Column("base_version", Integer),
    Column("changed", Boolean, default=False),
)
EDITABLE_REPORT_STATUSES = {"draft", "dikembalikan", "direvisi"}


@dataclass(frozen=True)
class LaptopSummary:
    event_code: str
    event_name: str
    assessor_name: str
    participants: int
    cells: int
    narratives: int
    path: str


@dataclass(frozen=True)
class ReturnWritten:
    path: Path
    sequence: int
    cells: int
    narratives: int


class LockedWorkingDatabase(UserFacingError):
    """An encrypted working database whose passphrase this process has not been given yet."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"Basis data kerja {path.name} terkunci dengan kata sandi paket. Masukkan kata sandi dari "
                         "slip sekretariat (di baris perintah: --passphrase-stdin atau UKOM_PACKAGE_PASSPHRASE).")
        self.path = path


def encryption_available() -> bool:
    try:
        encryption.dbapi_module()
    except encryption.EncryptionError:
        return False
    return True


def is_locked(url: str) -> bool:
    """True for an encrypted working database this process cannot open yet (ask the passphrase)."""
    path = sqlite_path(url)
    return path is not None and encryption.is_encrypted(path) and encryption.key_for(path) is None


def unlock(url: str, passphrase: str) -> None:
    """Give this process the passphrase of an encrypted working database; a wrong one is a sentence."""
    path = sqlite_path(url)
    if path is None or not encryption.is_encrypted(path):
        return
    key = fmt.normalise_passphrase(passphrase)
    try:
        encryption.check_key(path, key)
    except encryption.WrongKeyError:
        raise UserFacingError(f"Kata sandi paket salah untuk basis data kerja {path.name}. Berkas tidak diubah.") \
            from None
    encryption.register_key(path, key)


def engine_for(url: str) -> Engine:
    path = sqlite_path(url)
    if path is not None and is_locked(url):
        raise LockedWorkingDatabase(path)
    return make_engine(url)


def read_meta(conn: Any) -> dict[str, Any]:
    return {k: v for k, v in conn.execute(select(lp_meta.c.key, lp_meta.c.value))}


def is_working_database(url: str) -> bool:
    path = sqlite_path(url)
    if path is not None and (not path.exists() or path.stat().st_size == 0):
        return False
    if is_locked(url):
        raise LockedWorkingDatabase(path)  # type: ignore[arg-type]
    engine = engine_for(url)
    try:
        return "lp_meta" in inspect(engine).get_table_names()
    finally:
        engine.dispose()


def working_package_id(url: str) -> str:
    engine = engine_for(url)
    try:
        with engine.connect() as conn:
            return str(read_meta(conn).get("package_id", ""))
    finally:
        engine.dispose()


def open_package(url: str, data: bytes, passphrase: str) -> LaptopSummary:
    """Make the laptop's working database from an issue package (a new or empty file)."""
    opened = fmt.open_with_passphrase(data, passphrase)
    path = sqlite_path(url)
    if path is not None and (not path.exists() or path.stat().st_size == 0):
        _create(path, opened, fmt.normalise_passphrase(passphrase))
        return summary(url)
    another = UserFacingError(
        "Basis data kerja ini sudah berisi paket lain. Kirim kembali hasilnya dulu, lalu buka paket baru "
        "pada berkas basis data kerja yang baru.")
    try:
        unlock(url, passphrase)
    except UserFacingError:  # the package's passphrase is right, so the file holds another package
        raise another from None
    engine = engine_for(url)
    try:
        tables = inspect(engine).get_table_names()
        if tables and "lp_meta" not in tables:
            raise UserFacingError(
                "Berkas basis data yang dipilih bukan basis data kerja asesor; pilih nama berkas baru untuk paket ini."
            )
        if tables:
            with engine.connect() as conn:
                meta = read_meta(conn)
            if meta.get("package_id") == opened.header.package_id:
                return summary(url)
            raise another
        _fill(engine, opened)
    finally:
        engine.dispose()
    return summary(url)


def _create(path: Path, opened: fmt.OpenedPackage, key: str) -> None:
    """A new working database, encrypted with the passphrase when SQLCipher is there, built in a hidden
    `.part` file and moved into place only when complete (a failed open leaves nothing behind)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    part = path.with_name(f".{path.name}.part")
    part.unlink(missing_ok=True)
    encrypted = encryption_available()
    if encrypted:
        engine = create_engine(f"sqlite:///{part}", module=encryption.dbapi_module(), poolclass=NullPool)
        event.listen(engine, "connect", lambda conn, _rec: encryption.apply_key(conn, key))
    else:  # pragma: no cover - sqlcipher3 is a dependency; a broken install still works, unencrypted
        engine = create_engine(f"sqlite:///{part}", poolclass=NullPool)
    try:
        _fill(engine, opened)
        engine.dispose()
        os.replace(part, path)
    except BaseException:
        engine.dispose()
        part.unlink(missing_ok=True)
        raise
    if encrypted:
        encryption.register_key(path, key)


def _fill(engine: Engine, opened: fmt.OpenedPackage) -> None:
    p, h = opened.payload, opened.header
    meta = {
        "format": 1, "package_id": h.package_id, "event_uuid": h.event_uuid, "assessor_uuid": h.assessor_uuid,
        "database_id": h.database_id, "issue_sequence": h.sequence, "return_sequence": 0,
        "event": p["event"], "assessor": p["assessor"], "settings": p["settings"],
        "return_key": p["return_key"], "institution": p["institution"],
        "opened_at": datetime.now(UTC).isoformat(),
    }
    with engine.begin() as conn:  # tables and rows in one transaction: a failed open leaves an empty file
        META.create_all(conn)
        conn.execute(insert(lp_meta), [{"key": k, "value": v} for k, v in meta.items()])
        rows = [{k: q.get(k) for k in ("uuid", "number", "name", "nip", "jabatan", "golongan", "unit",
                                       "target_position", "job_level", "standard")} for q in p["participants"]]
        if rows:
            conn.execute(insert(lp_participant), rows)
        if p["competencies"]:
            conn.execute(insert(lp_competency), [
                {"uuid": c["uuid"], "code": c["code"], "name": c["name"], "definition": c["definition"],
                 "levels": c["levels"], "sort": i} for i, c in enumerate(p["competencies"])])
        if p["exercises"]:
            conn.execute(insert(lp_exercise), [{k: x[k] for k in ("uuid", "code", "name", "sort")}
                                               for x in p["exercises"]])
        if p["sessions"]:
            conn.execute(insert(lp_session), [
                {k: s[k] for k in ("uuid", "exercise", "starts_at", "ends_at", "room", "label", "participants")}
                for s in p["sessions"]])
        if p["cells"]:
            conn.execute(insert(lp_cell), [
                {"ep": c["ep"], "exercise": c["exercise"], "competency": c["competency"], "level": c["level"],
                 "no_evidence": bool(c["no_evidence"]), "evidence": c["evidence"] or "",
                 "submitted": bool(c["submitted"]), "base_version": c["version"], "changed": False}
                for c in p["cells"]])
        if p["narratives"]:
            conn.execute(insert(lp_narrative), [
                {"report": n["report"], "ep": n["ep"], "status": n["status"], "sections": n["sections"],
                 "base_version": n["version"], "changed": False} for n in p["narratives"]])


def summary(url: str) -> LaptopSummary:
    engine = engine_for(url)
    try:
        with engine.connect() as conn:
            meta = read_meta(conn)
            if not meta:
                raise UserFacingError("Basis data kerja ini belum berisi paket asesor.")
            count = {t.name: len(conn.execute(select(t)).all()) for t in (lp_participant, lp_cell, lp_narrative)}
    finally:
        engine.dispose()
    return LaptopSummary(meta["event"]["code"], meta["event"]["name"], meta["assessor"]["name"],
                         count["lp_participant"], count["lp_cell"], count["lp_narrative"], url)


def _check_level(value: str | None, settings: dict[str, Any]) -> str | None:
    if value is None or str(value).strip() == "":
        return None
    try:
        level = Decimal(str(value).strip().replace(",", "."))
    except InvalidOperation as exc:
        raise UserFacingError(f"Level '{value}' bukan angka.") from exc
    step = Decimal("0.5") if settings.get("allow_half_levels") else Decimal(1)
    if level < 1 or level > int(settings.get("max_level", 5)) or level % step != 0:
        halves = " (boleh setengah)" if settings.get("allow_half_levels") else ""
        raise UserFacingError(f"Level harus antara 1 dan {settings.get('max_level', 5)}{halves}.")
    return f"{level:.2f}"


def save_cell(
    url: str, ep: str, exercise: str, competency: str, *, level: str | None, no_evidence: bool, evidence: str,
) -> None:
    """Autosave of one form cell; a cell already submitted at the secretariat stays as it is."""
    engine = engine_for(url)
    try:
        with engine.begin() as conn:
            meta = read_meta(conn)
            key = (lp_cell.c.ep == ep) & (lp_cell.c.exercise == exercise) & (lp_cell.c.competency == competency)
            row = conn.execute(select(lp_cell).where(key)).one_or_none()
            if row is None:
                raise UserFacingError("Isian ini tidak ada pada formulir penilaian paket ini.")
            if row.submitted:
                raise UserFacingError("Penilaian ini sudah dikirim dan dikunci; perubahan tidak disimpan.")
            checked = None if no_evidence else _check_level(level, meta["settings"])
            values = {"level": checked, "no_evidence": no_evidence, "evidence": evidence.strip()}
            if values == {"level": row.level, "no_evidence": bool(row.no_evidence), "evidence": row.evidence or ""}:
                return
            conn.execute(update(lp_cell).where(key).values(**values, changed=True,
                                                           updated_at=datetime.now(UTC).isoformat()))
    finally:
        engine.dispose()


def submit_participant(url: str, ep: str) -> int:
    """Mark every cell of a participant submitted (as the Kirim button of the Penilaian tab does)."""
    engine = engine_for(url)
    try:
        with engine.begin() as conn:
            rows = conn.execute(select(lp_cell).where(lp_cell.c.ep == ep, lp_cell.c.submitted.is_(False))).all()
            empty = [r for r in rows if r.level is None and not r.no_evidence]
            if empty:
                raise UserFacingError(f"Masih ada {len(empty)} isian kosong; lengkapi dulu sebelum dikirim.")
            conn.execute(update(lp_cell).where(lp_cell.c.ep == ep, lp_cell.c.submitted.is_(False))
                         .values(submitted=True, changed=True))
            return len(rows)
    finally:
        engine.dispose()


def save_narrative(url: str, report: str, sections: dict[str, Any]) -> None:
    engine = engine_for(url)
    try:
        with engine.begin() as conn:
            row = conn.execute(select(lp_narrative).where(lp_narrative.c.report == report)).one_or_none()
            if row is None:
                raise UserFacingError("Laporan ini tidak ada dalam paket.")
            if row.status not in EDITABLE_REPORT_STATUSES:
                raise UserFacingError("Laporan ini sudah diajukan atau disetujui dan terkunci.")
            new = {**(row.sections or {}), **sections}
            if new != (row.sections or {}):
                conn.execute(update(lp_narrative).where(lp_narrative.c.report == report)
                             .values(sections=new, changed=True))
    finally:
        engine.dispose()


def write_return(url: str, out: Path) -> ReturnWritten:
    """The return package of every change made on this laptop since the package was opened."""
    engine = engine_for(url)
    try:
        with engine.begin() as conn:
            meta = read_meta(conn)
            if not meta:
                raise UserFacingError("Basis data kerja ini belum berisi paket asesor.")
            cells = [
                {"ep": r.ep, "exercise": r.exercise, "competency": r.competency, "level": r.level,
                 "no_evidence": bool(r.no_evidence), "evidence": r.evidence or "", "submitted": bool(r.submitted),
                 "base_version": r.base_version}
                for r in conn.execute(select(lp_cell).where(lp_cell.c.changed.is_(True))
                                      .order_by(lp_cell.c.ep, lp_cell.c.exercise, lp_cell.c.competency))
            ]
            narratives = [
                {"report": r.report, "ep": r.ep, "sections": r.sections or {}, "base_version": r.base_version}
                for r in conn.execute(select(lp_narrative).where(lp_narrative.c.changed.is_(True))
                                      .order_by(lp_narrative.c.report))
            ]
            sequence = int(meta["return_sequence"]) + 1
            data = fmt.write_package(
                kind=fmt.KIND_RETURN, package_id=fmt.new_package_id(), event_uuid=meta["event_uuid"],
                assessor_uuid=meta["assessor_uuid"], database_id=meta["database_id"], sequence=sequence,
                created_at=datetime.now(UTC).isoformat(), issue_id=meta["package_id"],
                payload={"cells": cells, "narratives": narratives},
                institution_x25519_public=base64.b64decode(meta["institution"]["x25519"]),
                hmac_key=base64.b64decode(meta["return_key"]),
            )
            out.parent.mkdir(parents=True, exist_ok=True)
            tmp = out.with_name(f".{out.name}.tmp")
            tmp.write_bytes(data)
            conn.execute(update(lp_meta).where(lp_meta.c.key == "return_sequence").values(value=sequence))
        tmp.replace(out)  # after the commit: a return on disk always has a recorded sequence
    finally:
        engine.dispose()
    return ReturnWritten(out, sequence, len(cells), len(narratives))
