"""Checks of an xlsx archive before calamine unpacks it (issue 12 item 6): the unpacked size and ratio of
its parts, and the last row and column a sheet names, read as a bounded stream."""

from __future__ import annotations

import io
import posixpath
import re
import xml.etree.ElementTree as ET
import zipfile

from ukom_desktop.io import limits
from ukom_desktop.io.raw_sheet import SpreadsheetError, _column_index, _too_large

_MAIN_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"

_EXTENT_REF = re.compile(rb"""\sr=["']([A-Z]{0,4})(\d{1,10})["']""")
# A quick first pass: any row/cell reference at or beyond row 100,000 or column GS (201); only when one
# is found is the exact extent computed. Keep in step with limits.MAX_ROWS / MAX_COLUMNS (a test checks).
# (It starts with the literal 'r=' so that the regular expression engine can skip ahead quickly; a false
# hit only costs the exact pass, which looks for the attribute itself.)
_BEYOND_LIMITS = re.compile(
    rb"""r=["'](?:[A-Z]{3,}|G[S-Z]|[H-Z][A-Z])\d|r=["'][A-Z]{0,4}(?:\d{7,}|[1-9]\d{5})["']"""
)
_CHUNK = 1 << 20


def _sheet_part(archive: zipfile.ZipFile, sheet_name: str) -> str | None:
    workbook = ET.fromstring(archive.read("xl/workbook.xml"))
    rels = ET.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {rel.get("Id"): rel.get("Target", "") for rel in rels}
    for sheet in workbook.iter(f"{_MAIN_NS}sheet"):
        if sheet.get("name") == sheet_name:
            target = targets.get(sheet.get(f"{_REL_NS}id"), "")
            return target.lstrip("/") if target.startswith("/") else posixpath.normpath("xl/" + target)
    return None



def _check_archive(data: bytes, name: str) -> None:
    """Refuse a zip whose parts unpack beyond the limits, before calamine unpacks anything."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return  # calamine reports the damage in its own sentence
    total = sum(info.file_size for info in infos)
    worst = max(
        (info.file_size / max(info.compress_size, 1) for info in infos if info.file_size > 1024 * 1024), default=0
    )
    if total > limits.MAX_UNCOMPRESSED_BYTES or worst > limits.MAX_COMPRESSION_RATIO:
        raise SpreadsheetError(
            f"Berkas '{name}' terlalu besar setelah dibuka ({limits.megabytes(total)}; batasnya "
            f"{limits.megabytes(limits.MAX_UNCOMPRESSED_BYTES)}) atau isinya dimampatkan secara tidak wajar. "
            "Salin tabel pesertanya saja ke buku kerja baru lalu impor berkas itu."
        )


def _sheet_extent(archive: zipfile.ZipFile, part: str) -> tuple[int, int]:
    """The last row number and column number (1-based) any row or cell of an xlsx sheet names.

    Read as a stream with a bounded amount of unpacked text, so a sheet that claims cell XFD1048576 is
    found without calamine allocating room for every cell up to it.
    """
    last_row = last_col = 0
    unpacked = 0
    tail = b""
    exact = False
    with archive.open(part) as stream:
        while chunk := stream.read(_CHUNK):
            unpacked += len(chunk)
            if unpacked > limits.MAX_UNCOMPRESSED_BYTES:
                return last_row, max(last_col, limits.MAX_COLUMNS + 1)
            block = tail + chunk
            exact = exact or _BEYOND_LIMITS.search(block) is not None
            if exact:
                for letters, digits in _EXTENT_REF.findall(block):
                    last_row = max(last_row, int(digits))
                    if letters:
                        last_col = max(last_col, _column_index(letters.decode()) + 1)
            tail = block[-64:]
    return last_row, last_col


def _check_extent(data: bytes, sheet_name: str, name: str) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            part = _sheet_part(archive, sheet_name)
            if part is None:
                return
            last_row, last_col = _sheet_extent(archive, part)
    except (KeyError, zipfile.BadZipFile, ET.ParseError, ValueError, OSError, EOFError):
        return  # calamine reports the damage in its own sentence
    if last_row > limits.MAX_ROWS or last_col > limits.MAX_COLUMNS:
        raise _too_large(name, sheet_name, last_row, last_col)

