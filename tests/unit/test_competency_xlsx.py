"""Excel round trip of the dictionary, standards and matrix; tolerant reading of an agency's workbook."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook, load_workbook

from ukom_desktop.domain import kamus
from ukom_desktop.io.competency_dictionary_rows import KnownCompetency
from ukom_desktop.io.competency_xlsx import (
    TICK,
    KnownData,
    dictionary_sheet,
    matrix_sheet,
    read_competency_workbook,
    standards_sheet,
    write_competency_workbook,
)
from ukom_desktop.services.competency_dictionary import CompetencyInfo, LevelInfo


def known(**overrides: object) -> KnownData:
    data = {
        "competencies": {c.code: KnownCompetency(c.code, c.name, 5) for c in kamus.COMPETENCIES},
        "exercises": {"INB": "In-Basket", "LGD": "Diskusi Kelompok Tanpa Pemimpin (LGD)", "WWC": "Wawancara"},
        "positions": {("kepala bagian umum", "ADMINISTRATOR"): 1},
        "job_levels": {"administrator": "ADMINISTRATOR", "pengawas": "PENGAWAS", "jf ahli muda": "JF_AHLI_MUDA"},
        "events": frozenset({"UKOM-1"}),
    }
    data.update(overrides)
    return KnownData(**data)  # type: ignore[arg-type]


def shipped_infos() -> list[CompetencyInfo]:
    return [
        CompetencyInfo(None, c.code, c.name, c.group, c.definition, 5,
                       levels=tuple(LevelInfo(lv.level, lv.description, lv.indicators) for lv in c.levels))
        for c in kamus.COMPETENCIES
    ]


def write_rows(path: Path, rows: list[list[object]], title: str = "Lembar1") -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def test_exported_workbook_reads_back_the_same(tmp_path: Path) -> None:
    path = tmp_path / "kompetensi.xlsx"
    standards = [("Kepala Bagian Umum", "Administrator", "", [("M.01", "Integritas", Decimal(3)),
                                                             ("SK.01", "Perekat Bangsa", Decimal("3.5"))])]
    cells = {("INB", "M.01"), ("WWC", "M.01"), ("LGD", "SK.01")}
    write_competency_workbook(path, [
        dictionary_sheet(shipped_infos()),
        standards_sheet(standards),
        matrix_sheet("UKOM-1", "Uji", [("INB", "In-Basket"), ("LGD", "LGD"), ("WWC", "Wawancara")],
                     [("M.01", "Integritas"), ("SK.01", "Perekat Bangsa")], cells),
    ])
    wb = load_workbook(path)
    assert wb.sheetnames == ["Kamus Kompetensi", "Standar Jabatan", "Matriks Alat Ukur"]
    assert wb["Matriks Alat Ukur"]["A2"].value == "Kegiatan: UKOM-1 - Uji"

    result = read_competency_workbook(path, known())
    assert result.issues == []
    assert result.ok
    assert [c.code for c in result.competencies] == [c.code for c in kamus.COMPETENCIES]
    integritas = result.competencies[0]
    assert not integritas.is_new and integritas.group == "manajerial"
    assert sorted(integritas.levels) == [1, 2, 3, 4, 5]
    assert integritas.levels[3].indicators == list(kamus.COMPETENCIES[0].levels[2].indicators)
    assert result.competencies[-1].group == "sosial_kultural"
    [standard] = result.standards
    assert standard.position_id == 1
    assert standard.levels == {"M.01": Decimal(3), "SK.01": Decimal("3.5")}
    [matrix] = result.matrices
    assert matrix.event_code == "UKOM-1" and matrix.exercises == ["INB", "LGD", "WWC"]
    assert matrix.cells == cells


def test_agency_dictionary_with_title_rows_merged_names_and_indicator_rows(tmp_path: Path) -> None:
    path = write_rows(tmp_path / "kamus-instansi.xlsx", [
        ["KAMUS KOMPETENSI TEKNIS"],
        ["DINAS KESEHATAN PROVINSI"],
        [],
        ["No.", "Kompetensi", "Jenis Kompetensi", "Uraian Kompetensi", "Tingkat", "Uraian Level", "Indikator"],
        [1, "Pengelolaan Data Kesehatan", "Teknis", "Mengelola data kesehatan.", "Level I", "Mengumpulkan data.",
         "1. Mencatat data harian. 2. Memeriksa kelengkapan data."],
        [None, None, None, None, None, None, "Melaporkan data tepat waktu."],
        [None, None, None, None, "Level II", "Mengolah data.", "Menyusun tabel ringkas."],
        [2, "KERJASAMA", "Manajerial", None, 1, "Berpartisipasi dalam kelompok.", None],
    ])
    result = read_competency_workbook(path, known())
    assert result.errors == []
    assert [w.message for w in result.warnings] == ["Kompetensi Pengelolaan Data Kesehatan tidak berkode; "
                                                    "diberi kode T.01."]
    tech, kerja_sama = result.competencies
    assert (tech.code, tech.group, tech.is_new) == ("T.01", "teknis", True)
    assert tech.levels[1].indicators == ["Mencatat data harian.", "Memeriksa kelengkapan data.",
                                        "Melaporkan data tepat waktu."]
    assert tech.levels[2].description == "Mengolah data."
    assert (kerja_sama.code, kerja_sama.is_new) == ("M.02", False)  # the alias "Kerjasama" is recognised


def test_wide_layout_with_a_column_per_level(tmp_path: Path) -> None:
    path = write_rows(tmp_path / "lebar.xlsx", [
        ["Kode", "Nama Kompetensi", "Kelompok", "Definisi", "Level 1", "Level 2", "Level 3"],
        ["T.05", "Analisis Kebijakan", "Teknis", "Menganalisis kebijakan.", "Dasar", "Menengah", "Mahir"],
    ])
    [comp] = read_competency_workbook(path, known()).competencies
    assert {n: lv.description for n, lv in comp.levels.items()} == {1: "Dasar", 2: "Menengah", 3: "Mahir"}


def test_dictionary_errors_name_the_row(tmp_path: Path) -> None:
    path = write_rows(tmp_path / "salah.xlsx", [
        ["Kode", "Nama Kompetensi", "Kelompok", "Level Maksimal", "Level", "Deskripsi Level"],
        ["T.01", "Audit", "Teknis", 4, 1, "a"],
        ["T.01", "Audit", "Teknis", 4, 5, "b"],
        ["T.01", "Pengadaan", "Teknis", 4, 1, "c"],
        ["T.02", "Arsip", "Lain-lain", 4, 1, "d"],
        ["T.03", "Hukum", "Teknis", 4, 2, "e"],
        ["T.03", "Hukum", "Teknis", 4, 2, "f"],
    ])
    result = read_competency_workbook(path, known())
    assert not result.ok
    messages = {(i.row, i.message) for i in result.errors}
    assert (3, "Level 5 untuk T.01 Audit di luar rentang 1 sampai 4.") in messages
    assert (4, "Kode T.01 ganda: dipakai untuk Audit (baris 2) dan Pengadaan.") in messages
    assert any(row == 5 and "Kelompok 'Lain-lain' tidak dikenal" in text for row, text in messages)
    assert (7, "Level 2 kompetensi T.03 Hukum tercantum dua kali.") in messages


def test_standard_errors_unknown_competency_level_out_of_range_duplicate(tmp_path: Path) -> None:
    path = write_rows(tmp_path / "standar.xlsx", [
        ["Jabatan", "Jenjang", "Kompetensi", "Level Standar"],
        ["Kepala Bagian Umum", "Administrator", "Integritas", 3],
        ["Kepala Bagian Umum", "Administrator", "Kepemimpinan Visioner", 3],
        ["Kepala Bagian Umum", "Administrator", "Komunikasi", 7],
        ["Kepala Bagian Umum", "Administrator", "Integritas", 4],
        ["Analis Baru", "", "Integritas", 2],
        ["Auditor", "JF Ahli Muda", "M.99", 2],
    ])
    result = read_competency_workbook(path, known())
    messages = {(i.row, i.message) for i in result.errors}
    assert (3, "Kompetensi 'Kepemimpinan Visioner' tidak dikenal.") in messages
    assert (4, "Level 7 untuk M.03 pada jabatan Kepala Bagian Umum di luar rentang 1 sampai 5.") in messages
    assert (5, "Kompetensi M.01 untuk jabatan Kepala Bagian Umum tercantum dua kali (juga pada baris 2).") in messages
    assert (6, "Jabatan Analis Baru belum ada; isi kolom Jenjang agar dapat dibuat.") in messages
    assert (7, "Kompetensi M.99 pada jabatan Auditor tidak dikenal.") in messages
    assert not result.ok


def test_standard_may_use_competencies_imported_in_the_same_file(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Standar"
    for row in (["Jabatan", "Jenjang", "Kode Kompetensi", "Level Standar"], ["Auditor", "JF Ahli Muda", "T.09", 3]):
        ws.append(row)
    kamus_ws = wb.create_sheet("Kamus")
    for row in (["Kode", "Nama Kompetensi", "Kelompok", "Level Maksimal", "Level", "Deskripsi Level"],
                ["T.09", "Audit Kinerja", "Teknis", 3, 3, "Mahir"]):
        kamus_ws.append(row)
    wb.save(tmp_path / "gabung.xlsx")
    result = read_competency_workbook(tmp_path / "gabung.xlsx", known())
    assert result.errors == [] and result.ok
    assert result.standards[0].job_level == "JF_AHLI_MUDA" and result.standards[0].position_id is None


def test_matrix_errors(tmp_path: Path) -> None:
    path = write_rows(tmp_path / "matriks.xlsx", [
        ["Matriks"],
        ["Kegiatan: UKOM-1"],
        ["No", "Kompetensi", "INB", "LGD", "Tes Tulis"],
        [1, "Integritas", TICK, "v", ""],
        [2, "Integritas", "", "v", ""],
        [3, "Kepemimpinan", "", "v", ""],
        [4, "Komunikasi", "mungkin", "", ""],
    ])
    result = read_competency_workbook(path, known())
    messages = {(i.row, i.message) for i in result.errors}
    assert (3, "Alat ukur 'Tes Tulis' tidak dikenal.") in messages
    assert (5, "Kompetensi M.01 tercantum dua kali (juga pada baris 4).") in messages
    assert (6, "Kompetensi 'Kepemimpinan' tidak dikenal.") in messages
    assert any(row == 7 and "'mungkin'" in text for row, text in messages)


def test_matrix_without_event_needs_one(tmp_path: Path) -> None:
    rows = [["Kode Kompetensi", "INB", "WWC"], ["M.01", "v", "v"]]
    path = write_rows(tmp_path / "m.xlsx", rows)
    assert "Kegiatan matriks tidak diketahui" in read_competency_workbook(path, known()).errors[0].message
    result = read_competency_workbook(path, known(), event_code="UKOM-1")
    assert result.ok and result.matrices[0].cells == {("INB", "M.01"), ("WWC", "M.01")}


def test_unrecognised_workbook_is_one_clear_error(tmp_path: Path) -> None:
    path = write_rows(tmp_path / "lain.xlsx", [["Nama", "NIP"], ["Budi", "198001012006041001"]])
    result = read_competency_workbook(path, known())
    assert not result.ok
    assert "Tidak ada lembar yang dikenali" in result.errors[0].message
