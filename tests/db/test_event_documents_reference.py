"""One committed reference PDF per document template (tests/fixtures/documents/, made by
make_references.py): today's output of the same data keeps the reference's page count and headings."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

FOLDER = Path(__file__).parent.parent / "fixtures" / "documents"
_spec = importlib.util.spec_from_file_location("make_references", FOLDER / "make_references.py")
assert _spec is not None and _spec.loader is not None
refs = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(refs)

HEADINGS = {
    "undangan": ("Nomor : 1/UND/PK/XI/2026", "Hal : Undangan Penilaian Kompetensi", "Tembusan"),
    "undangan-kolektif": ("Lampiran : 1 (satu) berkas", "LAMPIRAN", "DAFTAR PESERTA"),
    "pemanggilan": ("Nomor : 1/PGL/PK/XI/2026", "Hal : Pemanggilan Peserta Penilaian Kompetensi"),
    "surat-tugas": ("SURAT TUGAS", "Nomor: 1/ST/PK/XI/2026", "MENUGASKAN", "Untuk"),
    "daftar-hadir": ("DAFTAR HADIR", "Tanda Tangan", "Halaman 1 dari 2"),
    "susunan-acara": ("SUSUNAN ACARA", "Hari pertama: Senin, 23 November 2026", "07.30 - 08.00"),
    "laporan": ("LAPORAN PENYELENGGARAAN", "Peserta yang hadir : 27 orang (90,0%)", "Jumlah 30 28 27"),
    "sambutan": ("POKOK-POKOK SAMBUTAN", "Pembukaan", "Penutup"),
    "berita-acara": ("BERITA ACARA PELAKSANAAN", "Nomor: 1/BA/PK/XI/2026", "Selasa tanggal dua puluh empat"),
}


def read(path: Path) -> tuple[int, str]:
    reader = PdfReader(path)
    text = " ".join(page.extract_text() or "" for page in reader.pages)
    return len(reader.pages), re.sub(r"\s+", " ", text)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, int]:
    folder = tmp_path_factory.mktemp("dokumen")
    db = refs.build_database(f"sqlite:///{folder / 'ref.sqlite'}")
    try:
        refs.render_all(db, folder)
    finally:
        db.dispose()
    return {stem: read(folder / f"{stem}.pdf")[0] for stem, _kind, _options in refs.REFERENCES}


@pytest.mark.parametrize("stem", [stem for stem, _kind, _options in refs.REFERENCES])
def test_each_template_keeps_its_reference_page_count_and_headings(stem: str, rendered: dict[str, int]) -> None:
    pages, text = read(FOLDER / f"{stem}.pdf")
    assert rendered[stem] == pages
    assert "KEMENTERIAN PEKERJAAN UMUM" in text or stem in ("daftar-hadir", "sambutan")
    for heading in HEADINGS[stem]:
        assert heading in text
