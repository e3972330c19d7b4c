"""Hints joined from parts never end a sentence with two dots (Jadwal's empty-state hint once read
"Bagi kelompok...., ... Gelombang....")."""

from __future__ import annotations

import pytest

from ukom_desktop.domain.sentences import control, join_sentences, sentence


@pytest.mark.parametrize(("label", "named"), [
    ("Bagi kelompok...", "Bagi kelompok"),
    ("Impor...", "Impor"),
    ("Susun otomatis", "Susun otomatis"),
    (" Ruang... ", "Ruang"),
])
def test_a_button_is_named_without_its_dialog_dots(label: str, named: str) -> None:
    assert control(label) == named


@pytest.mark.parametrize(("text", "wanted"), [
    ("Perbaiki lewat Data > Matriks alat ukur kegiatan...", "Perbaiki lewat Data > Matriks alat ukur kegiatan..."),
    ("Selesai.", "Selesai."),
    ("Dua titik..", "Dua titik."),
    ("Tanpa titik", "Tanpa titik."),
    ("Sudah siap?", "Sudah siap?"),
    ("", ""),
])
def test_a_sentence_ends_with_one_full_stop(text: str, wanted: str) -> None:
    assert sentence(text) == wanted


def test_joined_sentences_have_one_full_stop_each() -> None:
    joined = join_sentences([f"Bagi peserta lewat {control('Bagi kelompok...')}", "", "Atur tanggal..",
                             "Lalu Susun otomatis", "Perbaiki lewat Data > Ruang..."])
    assert joined == ("Bagi peserta lewat Bagi kelompok. Atur tanggal. Lalu Susun otomatis. "
                      "Perbaiki lewat Data > Ruang...")
    assert "...." not in joined and ".. " not in joined
