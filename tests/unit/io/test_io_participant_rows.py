"""Participant rows: verdicts per fixture, header variants, NIP forms, footers, the same records from every format."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from ukom_desktop.domain.nip import parse_nip
from ukom_desktop.io.participant_rows import (
    ParticipantRecord,
    clean_nip,
    clean_phone,
    clean_sex,
    parse_participant_rows,
)
from ukom_desktop.io.spreadsheet_reader import RawSheet, read_table

IMPORT = Path(__file__).resolve().parents[2] / "fixtures" / "import"
HEADER = ["No", "NIP", "Nama", "Golongan", "Jabatan", "No. HP"]


def preview_of(name: str, existing: set[str] | frozenset[str] = frozenset()):  # type: ignore[no-untyped-def]
    return parse_participant_rows(read_table(IMPORT / name), existing)


def sheet_of(rows: list[list[object]]) -> RawSheet:
    return RawSheet(rows=rows, sheet_name="Uji", source_kind="csv", source_name="uji.csv")


def by_row(preview) -> dict:  # type: ignore[no-untyped-def]
    return {verdict.row_number: verdict for verdict in preview.rows}


# --------------------------------------------------------------------------- clean files, every format


@pytest.mark.parametrize("name", ["clean.xlsx", "clean.xls", "clean.ods", "clean.csv"])
def test_clean_file_all_rows_ok(name: str) -> None:
    preview = preview_of(name)
    assert preview.problems == ()
    assert preview.header_row_number == 1
    assert [v.row_number for v in preview.rows] == [2, 3, 4, 5, 6, 7]
    assert (preview.ok_count, preview.warning_count, preview.rejected_count) == (6, 0, 0)
    assert preview.can_import
    first = preview.valid_records()[0]
    assert first == ParticipantRecord(
        nip="198609262015051001",
        name="Budi Santoso, S.Kom.",
        sex="L",
        birth_date=date(1986, 9, 26),
        birth_place="Surakarta",
        golongan="III/b",
        jabatan="Analis Kepegawaian Ahli Pertama",
        unit="Bagian Kepegawaian",
        agency="Pemerintah Kota Tangerang",
        phone="081234567801",
        email="budi.santoso@tangerangkota.go.id",
        target_jabatan="Kepala Subbagian Umum",
    )


def test_all_four_formats_give_the_same_records() -> None:
    records = {
        name: preview_of(name).valid_records()
        for name in ("clean.xlsx", "clean.xls", "clean.ods", "clean.csv")
    }
    reference = records["clean.xlsx"]
    assert len(reference) == 6
    for name, found in records.items():
        assert found == reference, name
    # Sex, birth date and golongan agree with the NIP in every record.
    for record in reference:
        info = parse_nip(record.nip)
        assert (record.sex, record.birth_date) == (info.sex, info.birth_date)


@pytest.mark.parametrize("suffix", ["xlsx", "xls", "ods"])
def test_title_rows_merged_title_numbering_row_empty_rows_and_footer(suffix: str) -> None:
    preview = preview_of(f"title_rows.{suffix}")
    assert preview.sheet_name == "Peserta"
    assert preview.header_row_number == 4
    assert [v.row_number for v in preview.rows] == [6, 7, 8, 9, 10]  # row 5 holds "(1) (2) ..."
    assert all(v.status == "ok" for v in preview.rows)
    # "Jumlah", the place-and-date line, "Mengetahui", the signature and its NIP are skipped.
    assert preview.ignored_rows == (14, 16, 17, 18, 21, 22)
    assert any("dilewati" in note for note in preview.notes)
    assert preview.valid_records() == preview_of("clean.xlsx").valid_records()[:5]


# --------------------------------------------------------------------------- header variants


def test_header_variants_single_row() -> None:
    preview = preview_of("header_variants_1.xlsx")
    assert preview.header_row_number == 3
    assert preview.columns == {
        "nip": "A",
        "nama": "B",
        "jenis_kelamin": "C",
        "tempat_tanggal_lahir": "D",
        "golongan": "E",
        "jabatan": "F",
        "unit": "G",
        "instansi": "H",
        "no_hp": "I",
        "email": "J",
        "jabatan_sasaran": "K",
    }
    assert preview.column_headers["nip"] == "N I P"
    assert preview.column_headers["golongan"] == "Pangkat/Gol. Ruang"
    assert preview.ok_count == 4
    clean = {r.nip: r for r in preview_of("clean.xlsx").valid_records()}
    for record in preview.valid_records():
        # "Surakarta, 26-09-1986", "Penata Muda Tingkat I, III/b" and "+62 812-3456-7801" are taken apart.
        assert record == clean[record.nip]


def test_header_variants_two_row_header_without_gender_column() -> None:
    preview = preview_of("header_variants_2.ods")
    assert preview.header_row_number == 1
    assert [v.row_number for v in preview.rows] == [3, 4, 5, 6]
    assert preview.ok_count == 4
    assert {"pangkat": "F", "golongan": "G", "tanggal_lahir": "E"}.items() <= preview.columns.items()
    clean = {r.nip: r for r in preview_of("clean.xlsx").valid_records()}
    for record in preview.valid_records():
        expected = clean[record.nip]
        assert record.sex == expected.sex  # from the NIP: the file has no gender column
        assert record.birth_date == expected.birth_date  # "10 Desember 1978"
        assert (record.birth_place, record.golongan, record.phone) == (
            expected.birth_place,
            expected.golongan,
            expected.phone,
        )


def test_html_export_with_pangkat_and_golongan_in_one_cell() -> None:
    preview = preview_of("html_export.xls")
    assert preview.ok_count == 3
    assert [r.golongan for r in preview.valid_records()] == ["III/b", "III/a", "IV/a"]
    assert preview.valid_records()[0].nip == "198609262015051001"


# --------------------------------------------------------------------------- NIP forms


@pytest.mark.parametrize("suffix", ["xlsx", "ods"])
def test_nip_with_spaces_apostrophe_dots_dashes_label_and_as_number(suffix: str) -> None:
    preview = preview_of(f"nip_forms.{suffix}")
    rows = by_row(preview)
    expected = [r.nip for r in preview_of("clean.xlsx").valid_records()]
    for row_number in (2, 3, 4, 6, 7):
        assert rows[row_number].importable
        assert rows[row_number].record.nip == expected[row_number - 2]
    # Row 5 was a number cell: the spreadsheet program kept 15 digits only.
    assert rows[5].status == "ditolak"
    assert "tersimpan sebagai angka" in rows[5].errors[0]
    assert rows[5].record.nip == ""
    # Phones: +62 form, a number cell that lost its 0, two numbers in one cell.
    assert rows[2].record.phone == "081234567801"
    assert rows[3].record.phone == "081234567802"
    assert rows[4].record.phone == "081234567803"
    assert rows[4].status == "peringatan" and "lebih dari satu nomor" in rows[4].warnings[0]
    assert rows[5].record.phone == "081234567804"
    assert rows[6].record.phone == "081234567805"


def test_nip_exported_as_exact_number_is_accepted() -> None:
    preview = preview_of("nip_number_exact.xlsx")
    assert preview.ok_count == 3
    assert [r.nip for r in preview.valid_records()] == [
        "198609262015051001",
        "199003152019032005",
        "197812102005011003",
    ]


def test_semicolon_cp1252_csv_with_title_and_footer() -> None:
    preview = preview_of("semicolon_cp1252.csv")
    assert preview.header_row_number == 3
    assert preview.ok_count == 3
    assert [r.name for r in preview.valid_records()] == [
        "Sutrisno Wibowo, S.E.",
        "Ni Luh Putu Ayu",
        "Frédéric Hutapea, S.T., M.T.",
    ]
    assert preview.ignored_rows == (9,)  # "Jumlah;;3 orang" after two empty lines


# --------------------------------------------------------------------------- malformed rows


BAD_ROWS = {
    2: ("ok", None),
    3: ("ditolak", "NIP harus 18 digit, bukan 17 digit"),
    4: ("ditolak", "bukan tanggal lahir yang sah"),
    5: ("ditolak", "digit ke-15 NIP (jenis kelamin) harus 1 atau 2, bukan 3"),
    6: ("ditolak", "NIP 19860926 201505 1 001 sudah ada di baris 2 berkas ini"),
    7: ("ditolak", "Nama kosong"),
    8: ("ditolak", "Golongan/ruang 'V/a' tidak dikenal"),
    9: ("peringatan", "Golongan/ruang kosong"),
    10: ("peringatan", "Jenis kelamin 'P' berbeda dengan NIP (laki-laki)"),
    11: ("peringatan", "No. HP/WA kosong"),
    12: ("peringatan", "tidak tampak seperti nomor seluler"),
    13: ("peringatan", "Alamat email 'dewi.kartika@' tidak sah"),
    14: ("ditolak", "bulan TMT CPNS pada NIP (13) harus 01-12"),
    15: ("ditolak", "tidak boleh 000"),
    16: ("ok", None),
    17: ("peringatan", "usia saat TMT CPNS menurut NIP hanya 17 tahun"),
    18: ("peringatan", "Tanggal lahir '18-08-1987' berbeda dengan NIP (18-07-1987)"),
    19: ("ditolak", "mengandung karakter selain angka"),
    20: ("ditolak", "NIP kosong"),
    21: ("peringatan", "Jenis kelamin 'X' tidak dikenal"),
}


@pytest.mark.parametrize(("row_number", "expected"), sorted(BAD_ROWS.items()))
def test_bad_rows_verdicts(row_number: int, expected: tuple[str, str | None]) -> None:
    verdict = by_row(preview_of("bad_rows.xlsx"))[row_number]
    status, reason = expected
    assert verdict.status == status
    if reason is None:
        assert verdict.reasons == ()
    else:
        assert any(reason in text for text in verdict.reasons), verdict.reasons


def test_bad_rows_counts_and_valid_records() -> None:
    preview = preview_of("bad_rows.xlsx")
    statuses = [status for status, _ in BAD_ROWS.values()]
    assert preview.ok_count == statuses.count("ok")
    assert preview.warning_count == statuses.count("peringatan")
    assert preview.rejected_count == statuses.count("ditolak")
    assert len(preview.valid_records()) == preview.ok_count + preview.warning_count
    assert all(v.importable for v in preview.rows if v.record in preview.valid_records())
    assert preview.summary() == (
        f"20 baris: {preview.ok_count} siap diimpor, {preview.warning_count} dengan peringatan, "
        f"{preview.rejected_count} ditolak"
    )


def test_warnings_keep_the_cleaned_values() -> None:
    rows = by_row(preview_of("bad_rows.xlsx"))
    assert rows[10].record.sex == "P"  # the column wins over the NIP, with a warning
    assert rows[21].record.sex == "L"  # unknown value: taken from the NIP
    assert rows[18].record.birth_date == date(1987, 7, 18)  # the NIP wins
    assert rows[9].record.golongan is None


def test_nip_already_in_the_event_is_rejected_and_the_check_can_be_rerun() -> None:
    sheet = read_table(IMPORT / "bad_rows.xlsx")
    assert by_row(parse_participant_rows(sheet))[16].status == "ok"
    again = by_row(parse_participant_rows(sheet, {"199512312020121001"}))
    assert again[16].status == "ditolak"
    assert "NIP 19951231 202012 1 001 sudah terdaftar sebagai peserta kegiatan ini" in again[16].errors
    assert by_row(parse_participant_rows(sheet))[16].status == "ok"  # pure: no state kept
    # The first occurrence of a duplicated NIP that is also in the event is rejected for the event.
    both = by_row(parse_participant_rows(sheet, ["19860926 201505 1 001"]))
    assert "sudah terdaftar" in both[2].errors[0]
    assert "sudah ada di baris 2" in both[6].errors[0]


# --------------------------------------------------------------------------- file-level problems


def test_header_only_file() -> None:
    preview = preview_of("header_only.ods")
    assert preview.header_row_number == 3
    assert preview.problems == ("Tidak ada baris data peserta di bawah judul kolom (baris 3).",)
    assert not preview.can_import and preview.valid_records() == []


def test_sheet_without_nip_column() -> None:
    preview = preview_of("no_nip_column.xlsx")
    assert preview.problems == ("Kolom wajib tidak ditemukan pada baris judul kolom (baris 1): NIP.",)
    assert preview.rows == () and not preview.can_import


def test_sheet_without_any_header() -> None:
    preview = parse_participant_rows(sheet_of([["Laporan"], ["a", "b", "c"]]))
    assert preview.header_row_number is None
    assert "Baris judul kolom tidak ditemukan" in preview.problems[0]
    assert "NIP, Nama" in preview.problems[0]


# --------------------------------------------------------------------------- footers, headings, templates


def test_rows_inside_the_table_that_are_not_participants() -> None:
    sheet = sheet_of(
        [
            HEADER,
            ["", "", "A. Pejabat Administrator", "", "", ""],  # heading in the name column, before any data
            [1, "198609262015051001", "Budi", "III/b", "Analis", "081234567801"],
            ["B. Pejabat Pengawas", "", "", "", "", ""],  # heading in the No column: skipped
            ["", "", "Ani Lestari", "", "", ""],  # a person with only a name: rejected, not skipped
            HEADER,  # header repeated on a printed page: skipped
            [2, "199003152019032005", "Siti", "III/a", "Pengelola", "081234567802"],
            [3, "", "", "", "", ""],  # pre-numbered empty template row: skipped silently
            [4, "", "", "", "", ""],
        ]
    )
    preview = parse_participant_rows(sheet)
    rows = by_row(preview)
    assert sorted(rows) == [2, 3, 5, 7]
    assert rows[2].errors == ("NIP kosong",)  # a name-column entry inside the table is judged
    assert rows[5].errors == ("NIP kosong",)
    assert preview.ignored_rows == (4, 6)
    assert [r.name for r in preview.valid_records()] == ["Budi", "Siti"]


def test_a_footer_word_inside_the_table_does_not_end_the_data() -> None:
    sheet = sheet_of(
        [
            HEADER,
            [1, "198609262015051001", "Budi", "III/b", "Analis", "081234567801"],
            ["", "", "Kepala", "", "", ""],  # looks like a footer, but data follows
            [2, "199003152019032005", "Siti", "III/a", "Pengelola", "081234567802"],
            ["Jumlah", "", "2 orang", "", "", ""],
            ["", "", "", "", "Jakarta, 3 Januari 2026", ""],
            ["", "", "", "", "Drs. H. Kasim", ""],
            ["", "", "", "", "NIP. 19700101 199503 1 002", ""],
        ]
    )
    preview = parse_participant_rows(sheet)
    assert [v.row_number for v in preview.rows] == [2, 3, 4]
    assert by_row(preview)[3].errors == ("NIP kosong",)
    assert preview.ignored_rows == (5, 6, 7, 8)


def test_signature_nip_in_the_nip_column_is_footer() -> None:
    sheet = sheet_of(
        [
            HEADER,
            [1, "198609262015051001", "Budi", "III/b", "Analis", "081234567801"],
            ["", "", "Mengetahui,", "", "", ""],
            ["", "", "Drs. H. Kasim", "", "", ""],
            ["", "NIP. 19700101 199503 1 002", "", "", "", ""],
        ]
    )
    preview = parse_participant_rows(sheet)
    assert [v.row_number for v in preview.rows] == [2]
    assert preview.ignored_rows == (3, 4, 5)


def test_missing_phone_column_is_noted_and_warned() -> None:
    sheet = sheet_of([["NIP", "Nama", "Gol"], ["198609262015051001", "Budi", "3b"]])
    preview = parse_participant_rows(sheet)
    assert any("Kolom No. HP/WA tidak ada" in note for note in preview.notes)
    assert preview.rows[0].warnings == ("No. HP/WA kosong",)
    assert preview.rows[0].record.golongan == "III/b"


def test_pangkat_column_alone_gives_the_golongan_and_disagreement_warns() -> None:
    sheet = sheet_of(
        [
            ["NIP", "Nama", "Pangkat", "Gol.", "HP"],
            ["198609262015051001", "Budi", "Penata Muda Tk. I", "", "081234567801"],
            ["199003152019032005", "Siti", "Pembina", "III/a", "081234567802"],
            ["197812102005011003", "Agus", "Pangkat Aneh", "", "081234567803"],
        ]
    )
    rows = by_row(parse_participant_rows(sheet))
    assert rows[2].record.golongan == "III/b" and rows[2].status == "ok"
    assert rows[3].record.golongan == "III/a"
    assert rows[3].warnings == ("Pangkat 'Pembina' tidak sesuai dengan golongan III/a",)
    assert rows[4].errors == ("Pangkat/golongan 'Pangkat Aneh' tidak dikenal",)


def test_unused_columns_are_listed() -> None:
    sheet = sheet_of(
        [["NIP", "Nama", "Keterangan Tambahan", "HP"], ["198609262015051001", "Budi", "x", "0812345678"]]
    )
    preview = parse_participant_rows(sheet)
    assert preview.notes == ("Kolom yang tidak dipakai: C (Keterangan Tambahan).",)


# --------------------------------------------------------------------------- cell cleaning


@pytest.mark.parametrize(
    ("raw", "phone", "warned"),
    [
        ("0812-3456-7890", "081234567890", False),
        ("+62 812 3456 7890", "081234567890", False),
        ("6281234567890", "081234567890", False),
        (81234567890.0, "081234567890", False),
        ("(0812) 3456 7890", "081234567890", False),
        ("0812 3456 7890 / 0857 1234 5678", "081234567890", True),
        ("021-5551234", "0215551234", True),
        ("12345", "12345", True),
        ("", "", False),
        (None, "", False),
    ],
)
def test_clean_phone(raw: object, phone: str, warned: bool) -> None:
    cleaned, warning = clean_phone(raw)  # type: ignore[arg-type]
    assert cleaned == phone
    assert (warning is not None) is warned


@pytest.mark.parametrize(
    ("raw", "nip", "problem"),
    [
        ("19860926 201505 1 001", "198609262015051001", None),
        ("'198609262015051001", "198609262015051001", None),
        ("NIP. 19860926.201505.1.001", "198609262015051001", None),
        (198609262015051001, "198609262015051001", None),
        (1.98609262015051e17, "", "tersimpan sebagai angka"),
        ("1,98609E+17", "", "tersimpan sebagai angka"),
        ("1.98609E+17", "", "tersimpan sebagai angka"),
        (123456789.0, "123456789", None),
        (12.5, "", "bukan angka NIP"),
    ],
)
def test_clean_nip(raw: object, nip: str, problem: str | None) -> None:
    cleaned, reason = clean_nip(raw)  # type: ignore[arg-type]
    assert cleaned == nip
    if problem is None:
        assert reason is None
    else:
        assert reason is not None and problem in reason


@pytest.mark.parametrize(
    ("raw", "sex"),
    [
        ("L", "L"),
        ("Laki-laki", "L"),
        ("PRIA", "L"),
        ("P", "P"),
        ("Perempuan", "P"),
        ("wanita", "P"),
        ("?", None),
    ],
)
def test_clean_sex(raw: str, sex: str | None) -> None:
    assert clean_sex(raw) == sex


# --------------------------------------------------------------------------- volume


def _distinct_nips(count: int) -> list[str]:
    """count valid NIPs: birth dates from 1970 on, TMT May 2015, sequences 001-003."""
    nips = [
        f"{year}{month:02d}{day:02d}2015051{sequence:03d}"
        for year in range(1970, 1995)
        for month in range(1, 13)
        for day in range(1, 29)
        for sequence in (1, 2, 3)
    ]
    return nips[:count]


def test_twenty_thousand_rows(tmp_path: Path) -> None:
    nips = _distinct_nips(20_000)
    path = tmp_path / "besar.csv"
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, delimiter=";")
        writer.writerow(["No", "NIP", "Nama", "Gol", "No HP"])
        for number, nip in enumerate(nips, start=1):
            writer.writerow([number, nip, f"Pegawai {number}", "III/a", f"0812{number:08d}"])
        writer.writerow([20_001, nips[0], "Kembar", "III/a", "081200000000"])
    preview = parse_participant_rows(read_table(path))
    assert len(preview.rows) == 20_001
    assert preview.ok_count == 20_000
    assert preview.rows[-1].errors == ("NIP 19700101 201505 1 001 sudah ada di baris 2 berkas ini",)
