from __future__ import annotations

import dataclasses
import io

import pytest
from doc_samples import read_pdf, sample_assignment, sample_letter

from ukom_desktop.documents.assignment import render_assignment
from ukom_desktop.documents.letters import render_invitation
from ukom_desktop.documents.templates import (
    DEFAULT_TEMPLATES,
    FIELD_DESCRIPTIONS,
    TEMPLATE_FIELDS,
    Marker,
    TemplateError,
    render_lines,
    render_paragraphs,
    render_template,
    template_problems,
)


def test_fields_are_filled() -> None:
    assert render_template("Yth. {nama} di {tempat}", {"nama": "Budi", "tempat": "Jakarta"}) == "Yth. Budi di Jakarta"


def test_field_names_ignore_case_and_inner_spaces() -> None:
    assert render_template("{ Nama } / {NAMA}", {"nama": "Budi"}) == "Budi / Budi"


def test_double_braces_print_literal_braces() -> None:
    assert render_template("{{nama}} = {nama}", {"nama": "Budi"}) == "{nama} = Budi"


def test_unknown_field_gives_a_clear_indonesian_error() -> None:
    with pytest.raises(TemplateError) as caught:
        render_template("Yth. {namaa} di {tempat}, {jabatn}", {"nama": "Budi", "tempat": "Jakarta"})
    message = str(caught.value)
    assert "tidak dikenal" in message
    assert "{namaa}" in message and "{jabatn}" in message
    assert "{nama}" in message and "{tempat}" in message  # the fields that can be used are listed
    assert caught.value.unknown == ("namaa", "jabatn")


@pytest.mark.parametrize(("text", "fragment"), [("Yth. {nama", "baris 1"), ("a\nb } c", "baris 2"), ("{1x}", "{")])
def test_stray_braces_are_reported_with_their_line(text: str, fragment: str) -> None:
    with pytest.raises(TemplateError, match="baris") as caught:
        render_template(text, {"nama": "Budi"})
    assert fragment in str(caught.value)


def test_attribute_access_is_not_evaluated() -> None:
    with pytest.raises(TemplateError):
        render_template("{nama.__class__}", {"nama": "Budi"})


@pytest.mark.parametrize("kind", sorted(DEFAULT_TEMPLATES))
def test_every_default_template_uses_only_its_own_fields(kind: str) -> None:
    assert template_problems(DEFAULT_TEMPLATES[kind], set(TEMPLATE_FIELDS[kind])) == []
    assert set(TEMPLATE_FIELDS[kind]) <= set(FIELD_DESCRIPTIONS)


def test_paragraphs_split_on_blank_lines_and_keep_markers() -> None:
    parts = render_paragraphs("Satu {a}\nlanjut.\n\n[[jadwal]]\n\nDua {b}.", {"a": "A", "b": "B"})
    assert parts == ["Satu A lanjut.", Marker("jadwal"), "Dua B."]


def test_paragraph_with_an_empty_field_is_left_out() -> None:
    parts = render_paragraphs("Hadir tepat waktu.\n\nHubungi {kontak}.", {"kontak": "  "})
    assert parts == ["Hadir tepat waktu."]


def test_list_lines_keep_their_indent_and_drop_empty_items() -> None:
    lines = render_lines("- satu {a}\n  - dua\n\n- tiga {b}", {"a": "A", "b": ""})
    assert lines == ["- satu A", "  - dua"]


def test_a_letter_with_a_user_template_prints_its_wording() -> None:
    data = dataclasses.replace(sample_letter(), template="Kami mengundang {nama} ({nip}).\n\n[[jadwal]]")
    out = io.BytesIO()
    render_invitation(data, out)
    text = read_pdf(out.getvalue()).flat
    assert "Kami mengundang Budi Santoso, S.Kom. (19860926 201505 1 001)." in text
    assert "Hari/tanggal : Senin, 23 November 2026" in text


def test_a_letter_template_with_an_unknown_field_raises_template_error() -> None:
    data = dataclasses.replace(sample_letter(), template="Kami mengundang {nama_lengkap}.")
    with pytest.raises(TemplateError, match=r"\{nama_lengkap\}"):
        render_invitation(data, io.BytesIO())


def test_extra_fields_of_the_data_can_be_used_in_a_template() -> None:
    data = dataclasses.replace(sample_assignment(), tasks_template="Menilai di {ruang}.", fields={"ruang": "Aula B"})
    out = io.BytesIO()
    render_assignment(data, out)
    assert "Menilai di Aula B." in read_pdf(out.getvalue()).flat
