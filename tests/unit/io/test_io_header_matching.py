"""Generic tolerant header detection."""

from __future__ import annotations

import pytest

from ukom_desktop.io.header_matching import FieldSpec, find_header, is_numbering_row, normalize_header

ROSTER = (
    FieldSpec("kode", "Kode Asesor", ("Kode", "ID Asesor"), required=True),
    FieldSpec("nama", "Nama Asesor", ("Nama", "Nama Lengkap"), required=True),
    FieldSpec("jabatan", "Jabatan", ("Nama Jabatan",)),
    FieldSpec("jabatan_sasaran", "Jabatan Sasaran", ("Jabatan yang Dituju",)),
    FieldSpec("nip", "NIP", ("N I P",)),
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("NIP", "nip"),
        ("N I P", "nip"),
        ("N.I.P.", "nip"),
        ("NIP*", "nip"),
        ("  NAMA   LENGKAP ", "nama lengkap"),
        ("Nama\nLengkap", "nama lengkap"),
        ("Pangkat/Gol. Ruang", "pangkat golongan ruang"),
        ("No. HP / WA", "no hp wa"),
        ("Tgl.Lahir", "tanggal lahir"),
        ("Tempat, Tgl. Lahir", "tempat tanggal lahir"),
        ("E-mail", "e mail"),
        ("Jénis Kelamin", "jenis kelamin"),
        ("L/P", "lp"),
        (None, ""),
        (12.0, "12"),
    ],
)
def test_normalize_header(raw: object, expected: str) -> None:
    assert normalize_header(raw) == expected


def test_header_below_title_rows_with_numbering_row() -> None:
    rows = [
        ["DAFTAR NAMA ASESOR", "", "", ""],
        ["Tahun 2025", "", "", ""],
        [],
        ["No", "Kode", "Nama Lengkap", "N.I.P."],
        ["1", "2", "3", "4"],
        [1, "A01", "Dr. Rina", "198609262015051001"],
    ]
    match = find_header(rows, ROSTER)
    assert match.header_index == 3
    assert match.data_start == 5  # the "1 2 3 4" row is skipped
    assert dict(match.columns) == {"kode": 1, "nama": 2, "nip": 3}
    assert match.ok and match.problem(4) is None
    assert match.unmatched_columns() == [(0, "No")]


def test_exact_spelling_wins_over_a_header_that_contains_it() -> None:
    for header in (
        ["Jabatan Sasaran", "Jabatan", "Kode", "Nama"],
        ["Jabatan", "Jabatan yang Dituju", "Kode", "Nama"],
    ):
        match = find_header([header], ROSTER)
        assert header[match.columns["jabatan"]] == "Jabatan"
        assert header[match.columns["jabatan_sasaran"]] != "Jabatan"


def test_partial_header_is_accepted_when_nothing_better_exists() -> None:
    match = find_header([["Kode Asesor (wajib)", "Nama Asesor Lengkap dengan Gelar"]], ROSTER)
    assert dict(match.columns) == {"kode": 0, "nama": 1}


def test_each_column_serves_one_field_and_each_field_one_column() -> None:
    match = find_header([["Kode", "Nama", "Nama"]], ROSTER)
    assert match.columns["nama"] == 1
    assert sorted(match.columns.values()) == [0, 1]


def test_missing_required_column_is_reported_in_indonesian() -> None:
    match = find_header([["Judul"], ["No", "Nama", "Jabatan"], [1, "Ani", "Analis"]], ROSTER)
    assert match.header_index == 1
    assert not match.ok
    assert [spec.key for spec in match.missing_required] == ["kode"]
    assert match.problem(2) == "Kolom wajib tidak ditemukan pada baris judul kolom (baris 2): Kode Asesor."


def test_no_header_at_all() -> None:
    match = find_header([["Laporan kegiatan"], ["isi", "lain"]], ROSTER)
    assert match.header_index is None and not match.ok
    message = match.problem()
    assert message is not None
    assert "Baris judul kolom tidak ditemukan pada 30 baris pertama" in message
    assert "Kode Asesor, Nama Asesor" in message


def test_header_is_only_searched_in_the_first_rows() -> None:
    rows: list[list[object]] = [[f"catatan {n}"] for n in range(40)] + [["Kode", "Nama"]]
    assert find_header(rows, ROSTER).header_index is None
    assert find_header(rows, ROSTER, max_scan_rows=50).header_index == 40


def test_two_row_header_with_merged_group_labels() -> None:
    specs = (
        FieldSpec("nip", "NIP", required=True),
        FieldSpec("tempat", "Tempat Lahir"),
        FieldSpec("tanggal", "Tanggal Lahir", ("Tgl Lahir",)),
        FieldSpec("pangkat", "Pangkat"),
        FieldSpec("golongan", "Golongan", ("Gol",)),
    )
    rows = [
        ["NIP", "Lahir", "", "Kepangkatan", ""],
        ["", "Tempat", "Tanggal", "Pangkat", "Gol."],
        ["198609262015051001", "Solo", "26-09-1986", "Penata", "III/c"],
    ]
    match = find_header(rows, specs)
    assert match.header_rows == 2
    assert match.data_start == 2
    assert dict(match.columns) == {"nip": 0, "tempat": 1, "tanggal": 2, "pangkat": 3, "golongan": 4}


def test_a_data_row_is_never_taken_as_a_second_header_row() -> None:
    rows = [["NIP", "Nama"], ["198609262015051001", "Nama"]]
    match = find_header(rows, (FieldSpec("nip", "NIP", required=True), FieldSpec("nama", "Nama")))
    assert match.header_rows == 1 and match.data_start == 1


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (["1", "2", "3", "4"], True),
        (["(1)", "(2)", "(3)"], True),
        ([1.0, 2.0, "", 3.0], True),
        (["1", "2"], False),
        (["1", "1", "1"], False),
        (["1", "Budi", "3"], False),
        (["3", "2", "1"], False),
    ],
)
def test_is_numbering_row(row: list[object], expected: bool) -> None:
    assert is_numbering_row(row) is expected
