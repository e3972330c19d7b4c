"""The exercise material library (issue 17): versions of an exercise's material, each a set of files
(PDF, DOCX, XLSX) stored in the database with their SHA-256, a status (aktif, pensiun) and notes; and the
mapping of an event's paket soal (A, B, ...) to a version per exercise.

Every function checks the material permissions of the permission table (domain/permissions.py) for the user
bound to the session (services/access.py); a database without users allows everything."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ukom_desktop.db.models import Event, EventMaterial, Exercise, MaterialFile, MaterialVersion
from ukom_desktop.errors import UserFacingError
from ukom_desktop.services.access import perm, require

STATUSES = {"aktif": "Aktif", "pensiun": "Pensiun"}
FILE_ROLES = {"peserta": "Untuk peserta", "pemeran": "Untuk pemeran (role player)", "asesor": "Untuk asesor"}
KINDS = {".pdf": b"%PDF", ".docx": b"PK", ".xlsx": b"PK"}
MAX_FILE_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class MaterialFileRow:
    id: int
    filename: str
    role: str
    size: int
    sha256: str


@dataclass(frozen=True)
class MaterialRow:
    id: int
    exercise_code: str
    exercise_name: str
    name: str
    status: str
    notes: str
    files: tuple[MaterialFileRow, ...]
    events: int  # how many events map a paket soal to it


@dataclass(frozen=True)
class ImportResult:
    version_id: int
    exercise_code: str
    version: str
    added: tuple[str, ...]
    skipped: tuple[str, ...]  # same content already in the version

    def text(self) -> str:
        lines = [f"Materi {self.exercise_code} versi '{self.version}': {len(self.added)} berkas disimpan."]
        if self.skipped:
            lines.append("Sudah tersimpan (isi sama), dilewati: " + ", ".join(self.skipped))
        return "\n".join(lines)


@dataclass(frozen=True)
class MappingRow:
    exercise_code: str
    exercise_name: str
    question_set: str
    version_id: int
    version: str
    status: str


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def exercise_by_code(session: Session, code: str) -> Exercise:
    exercise = session.scalar(select(Exercise).where(func.upper(Exercise.code) == code.strip().upper()))
    if exercise is None:
        known = ", ".join(session.scalars(select(Exercise.code).order_by(Exercise.sort_order, Exercise.code)))
        raise UserFacingError(f"Latihan '{code}' tidak dikenal. Kode yang ada: {known}.")
    return exercise


def _read_material_file(path: Path) -> bytes:
    suffix = path.suffix.lower()
    if suffix not in KINDS:
        raise UserFacingError(f"Berkas '{path.name}' bukan PDF, DOCX atau XLSX.")
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise UserFacingError(f"Berkas '{path.name}' lebih dari 50 MB.")
        data = path.read_bytes()
    except FileNotFoundError:
        raise UserFacingError(f"Berkas '{path}' tidak ditemukan.") from None
    except IsADirectoryError:
        raise UserFacingError(f"'{path}' adalah folder, bukan berkas.") from None
    except PermissionError:
        raise UserFacingError(f"Berkas '{path.name}' tidak dapat dibaca (akses ditolak).") from None
    if not data:
        raise UserFacingError(f"Berkas '{path.name}' kosong (0 byte).")
    if not data.startswith(KINDS[suffix]):
        raise UserFacingError(f"Isi berkas '{path.name}' bukan {suffix[1:].upper()} yang sah.")
    if suffix == ".pdf":
        from ukom_desktop.documents.pdf_stamp import read_pdf

        read_pdf(data, path.name)  # a locked or broken PDF could not be stamped for the room later
    return data


def import_material_files(
    session: Session, exercise_code: str, version_name: str, paths: Sequence[str | os.PathLike[str]], *,
    role: str = "peserta", notes: str = "",
) -> ImportResult:
    """Store the files in the version (made when new); a file whose content is already there is skipped.
    All files are read and checked before anything is stored."""
    require(session, perm.MANAGE_MATERIALS)
    name = version_name.strip()
    if not name:
        raise UserFacingError("Nama versi materi wajib diisi.")
    if role not in FILE_ROLES:
        raise UserFacingError(f"Peruntukan berkas '{role}' tidak dikenal: {', '.join(FILE_ROLES)}.")
    if not paths:
        raise UserFacingError("Pilih sedikitnya satu berkas materi.")
    exercise = exercise_by_code(session, exercise_code)
    contents = [(Path(p), _read_material_file(Path(p))) for p in paths]
    version = session.scalar(
        select(MaterialVersion).where(MaterialVersion.exercise_id == exercise.id, MaterialVersion.name == name)
    )
    if version is None:
        version = MaterialVersion(exercise_id=exercise.id, name=name, notes=notes.strip())
        session.add(version)
        session.flush()
    elif notes.strip():
        version.notes = notes.strip()
    known = set(session.scalars(select(MaterialFile.sha256).where(MaterialFile.version_id == version.id)))
    added, skipped = [], []
    for path, data in contents:
        digest = sha256_of(data)
        if digest in known:
            skipped.append(path.name)
            continue
        known.add(digest)
        session.add(MaterialFile(version_id=version.id, filename=path.name[:255], role=role, size=len(data),
                                 sha256=digest, content=data))
        added.append(path.name)
    session.flush()
    return ImportResult(version.id, exercise.code, version.name, tuple(added), tuple(skipped))


def list_materials(session: Session, *, include_retired: bool = True) -> list[MaterialRow]:
    require(session, perm.READ_MATERIALS)
    query = (
        select(MaterialVersion, Exercise.code, Exercise.name)
        .join(Exercise, Exercise.id == MaterialVersion.exercise_id)
        .order_by(Exercise.sort_order, Exercise.code, MaterialVersion.name)
    )
    if not include_retired:
        query = query.where(MaterialVersion.status == "aktif")
    used = dict(session.execute(
        select(EventMaterial.version_id, func.count(func.distinct(EventMaterial.event_id)))
        .group_by(EventMaterial.version_id)
    ).all())
    files: dict[int, list[MaterialFileRow]] = {}
    for f in session.execute(
        select(MaterialFile.version_id, MaterialFile.id, MaterialFile.filename, MaterialFile.role, MaterialFile.size,
               MaterialFile.sha256).order_by(MaterialFile.id)
    ):
        files.setdefault(f[0], []).append(MaterialFileRow(f[1], f[2], f[3], f[4], f[5]))
    return [
        MaterialRow(v.id, code, ex_name, v.name, v.status, v.notes, tuple(files.get(v.id, ())), used.get(v.id, 0))
        for v, code, ex_name in session.execute(query)
    ]


def set_status(session: Session, version_id: int, status: str) -> None:
    require(session, perm.MANAGE_MATERIALS)
    if status not in STATUSES:
        raise UserFacingError("Status materi harus 'aktif' atau 'pensiun'.")
    version = session.get(MaterialVersion, version_id)
    if version is None:
        raise UserFacingError("Versi materi tidak ditemukan.")
    version.status = status
    session.flush()


def version_by_name(session: Session, exercise: Exercise, name: str) -> MaterialVersion:
    version = session.scalar(
        select(MaterialVersion).where(MaterialVersion.exercise_id == exercise.id, MaterialVersion.name == name.strip())
    )
    if version is None:
        raise UserFacingError(f"Latihan {exercise.code} tidak memiliki versi materi '{name}'.")
    return version


def map_question_set(
    session: Session, event_id: int, exercise_code: str, question_set: str, version_name: str | None,
) -> None:
    """Paket soal `question_set` of the event uses the version for the exercise (None removes the mapping)."""
    require(session, perm.MANAGE_MATERIALS)
    if session.get(Event, event_id) is None:
        raise UserFacingError("Kegiatan tidak ditemukan.")
    qset = question_set.strip().upper()
    if not qset:
        raise UserFacingError("Paket soal wajib diisi, mis. A.")
    exercise = exercise_by_code(session, exercise_code)
    row = session.scalar(select(EventMaterial).where(
        EventMaterial.event_id == event_id, EventMaterial.exercise_id == exercise.id, EventMaterial.question_set == qset
    ))
    if version_name is None:
        if row is not None:
            session.delete(row)
        session.flush()
        return
    version = version_by_name(session, exercise, version_name)
    if version.status != "aktif":
        raise UserFacingError(f"Versi '{version.name}' sudah pensiun dan tidak dapat dipakai lagi.")
    if row is None:
        session.add(EventMaterial(event_id=event_id, exercise_id=exercise.id, question_set=qset, version_id=version.id))
    else:
        row.version_id = version.id
    session.flush()


def event_mapping(session: Session, event_id: int) -> list[MappingRow]:
    rows = session.execute(
        select(Exercise.code, Exercise.name, EventMaterial.question_set, MaterialVersion.id, MaterialVersion.name,
               MaterialVersion.status)
        .join(Exercise, Exercise.id == EventMaterial.exercise_id)
        .join(MaterialVersion, MaterialVersion.id == EventMaterial.version_id)
        .where(EventMaterial.event_id == event_id)
        .order_by(Exercise.sort_order, Exercise.code, EventMaterial.question_set)
    )
    return [MappingRow(*r) for r in rows]


def file_content(session: Session, file_id: int) -> tuple[str, bytes]:
    """A stored file's name and content, checked against its SHA-256."""
    require(session, perm.EXPORT_MATERIALS)
    row = session.get(MaterialFile, file_id)
    if row is None:
        raise UserFacingError("Berkas materi tidak ditemukan.")
    data = row.content
    if sha256_of(data) != row.sha256:
        raise UserFacingError(f"Berkas '{row.filename}' rusak: isinya tidak cocok dengan checksum yang tersimpan.")
    return row.filename, data


def export_file(session: Session, file_id: int, out: str | os.PathLike[str]) -> Path:
    from ukom_desktop.documents.output import write_bytes_atomic

    _name, data = file_content(session, file_id)
    return write_bytes_atomic(out, data)
