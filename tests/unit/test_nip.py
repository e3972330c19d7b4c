from datetime import date

import pytest

from ukom_desktop.domain.nip import NipError, format_nip, is_valid_nip, normalize_nip, parse_nip


def test_parse_valid_nip_gives_its_parts() -> None:
    info = parse_nip("198609262015051001")
    assert info.birth_date == date(1986, 9, 26)
    assert (info.tmt_year, info.tmt_month) == (2015, 5)
    assert info.sex == "L"
    assert info.sequence == 1
    assert info.warnings == ()


@pytest.mark.parametrize(
    "raw",
    ["19860926 201505 1 001", "'198609262015051001", "1986.0926.2015.05.1.001", 198609262015051001,
     "198609262015051001.0", " 19860926-201505-1-001 "],
)
def test_nip_as_typed_in_spreadsheets_is_normalised(raw: object) -> None:
    assert normalize_nip(raw) == "198609262015051001"
    assert is_valid_nip(raw)


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("", "kosong"),
        ("19860926201505100", "18 digit"),
        ("1986092620150510011", "18 digit"),
        ("19860231201505 1001", "tanggal lahir"),
        ("198609262015131001", "bulan TMT"),
        ("198609262015003001", "bulan TMT"),
        ("198609261980051001", "lebih awal"),
        ("198609262015053001", "jenis kelamin"),
        ("198609262015051000", "urut"),
        ("19860926A015051001", "selain angka"),
    ],
)
def test_invalid_nip_is_refused_with_an_indonesian_reason(raw: str, reason: str) -> None:
    with pytest.raises(NipError, match=reason):
        parse_nip(raw)


def test_young_appointment_is_a_warning_not_an_error() -> None:
    info = parse_nip("200001012015052001")
    assert info.sex == "P"
    assert info.warnings and "15 tahun" in info.warnings[0]


def test_format_nip_groups_8_6_1_3() -> None:
    assert format_nip("196811151992021002") == "19681115 199202 1 002"
    assert format_nip("123") == "123"
    assert format_nip(None) == ""


def test_nip_stored_as_a_spreadsheet_number_is_refused_because_digits_are_lost() -> None:
    with pytest.raises(NipError, match="format kolom NIP sebagai Teks"):
        parse_nip(198609262015051001.0)


@pytest.mark.parametrize(
    "raw",
    ["１９８６０９２６２０１５０５１００１", "١٩٨٦٠٩٢٦٢٠١٥٠٥١٠٠١", "۱۹۸۶۰۹۲۶ ۲۰۱۵۰۵ ۱ ۰۰۱"],
)
def test_fullwidth_and_arabic_indic_digits_become_the_same_ascii_nip(raw: str) -> None:
    assert normalize_nip(raw) == "198609262015051001"
    assert parse_nip(raw).nip == "198609262015051001"


def test_superscript_digit_is_refused_with_a_sentence_not_a_bare_value_error() -> None:
    with pytest.raises(NipError, match="selain angka 0-9 \\('²'\\)"):
        parse_nip("19860926²015051001")


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("203001012050011001", "masa depan"),  # born in 2030
        ("198609262099051001", "TMT CPNS .* terlalu jauh"),  # TMT in 2099
        ("185001011880011001", "sebelum 1940"),  # born in 1850
    ],
)
def test_implausible_birth_and_tmt_years_are_refused(raw: str, reason: str) -> None:
    with pytest.raises(NipError, match=reason):
        parse_nip(raw, today=date(2026, 12, 6))


def test_tmt_in_the_birth_month_never_gives_a_negative_age() -> None:
    info = parse_nip("198609261986091001", today=date(2026, 12, 6))
    assert info.warnings
    assert "-1" not in info.warnings[0]
    assert "kurang dari 1 tahun" in info.warnings[0]
