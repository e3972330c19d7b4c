"""The passphrase slip of assessor packages: three strips a page, every particular printed whole, and a
file only its owner can read (it holds the passphrases)."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest
from doc_samples import read_pdf

from ukom_desktop.documents.package_slip import Slip, write_slips

EVENT = ("Penilaian Kompetensi Manajerial dan Sosial Kultural bagi Pejabat Administrator dan Pengawas "
         "Tahun 2026 Gelombang Kedua di Lingkungan Sekretariat Jenderal")


def slips(count: int) -> list[Slip]:
    return [Slip(f"Asesor {i} Wijayakusuma, S.Psi., M.Psi.", "19860926 201505 1 001", "UKOM-2026-001", EVENT,
                 f"paket-UKOM-2026-001-asesor-{i}.ukom", f"ABCD-EFGH-JKLM-{i:04d}") for i in range(1, count + 1)]


def test_three_slips_a_page_each_with_its_passphrase_after_its_file(tmp_path: Path) -> None:
    pdf = read_pdf(write_slips(slips(4), tmp_path / "slip.pdf"))
    assert len(pdf.pages) == 2
    assert [page.count("SLIP KATA SANDI PAKET ASESOR") for page in pdf.pages] == [3, 1]
    flat = pdf.flat
    assert EVENT in flat  # a long event name wraps, it is not cut off
    for i in range(1, 5):
        after_file = flat[flat.index(f"paket-UKOM-2026-001-asesor-{i}.ukom"):]
        assert re.search(r"[A-Z]{4}-[A-Z]{4}-[A-Z]{4}-\d{4}", after_file).group(0) == f"ABCD-EFGH-JKLM-{i:04d}"  # type: ignore[union-attr]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_the_slip_file_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    path = write_slips(slips(1), tmp_path / "keluar" / "slip.pdf")
    assert os.stat(path).st_mode & 0o077 == 0
    assert [p.name for p in path.parent.iterdir()] == ["slip.pdf"]  # no temporary file left beside it
