"""First drafts of the report's narratives agree with the result: placement follows the category, the
9-box is named once, strengths are above standard, the potential description is written in words."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

import pytest

from ukom_desktop.domain import potential
from ukom_desktop.services.demo import build_demo
from ukom_desktop.services.demo_ratings import build_demo_ratings
from ukom_desktop.services.report_narratives import starting_text
from ukom_desktop.services.results import LevelRow, event_results, participant_result


@pytest.fixture
def session_and_result(sqlite_database):  # type: ignore[no-untyped-def]
    with sqlite_database.sessions.begin() as session:
        demo = build_demo(session, participants=4, seed=11)
        build_demo_ratings(session, demo.event_id, seed=11)
    session = sqlite_database.sessions()
    result = participant_result(session, event_results(session, demo.event_id).rows[0].event_participant_id)
    yield session, result
    session.close()


def _with_levels(result, finals: list[int], *, jpm: str, category: tuple[str, str], box: int):  # type: ignore[no-untyped-def]
    levels = tuple(LevelRow(r.code, r.name, Decimal(3), Decimal(f), Decimal(f) - 3) for r, f in
                   zip(result.levels, finals, strict=False))
    from ukom_desktop.domain import ninebox

    return replace(result, levels=levels, jpm=Decimal(jpm), category_code=category[0], category_name=category[1],
                   purpose="pemetaan", nine_box=box, nine_box_description=ninebox.box_description(box),
                   nine_box_recommendations=ninebox.box_recommendations(box))


def test_full_match_is_placed_without_development_and_the_box_is_named_once(session_and_result) -> None:  # type: ignore[no-untyped-def]
    session, result = session_and_result
    full = _with_levels(result, [4, 3, 3, 3, 3, 3, 3, 3, 3], jpm="100", category=("O", "Optimal"), box=9)
    text = starting_text(session, full)["saran_penempatan"]
    assert "JPM 100,00%" in text and "telah memenuhi standar" in text
    assert "setelah mengikuti pengembangan" not in text
    assert text.count("Kotak 9") == 1 and "(Kotak" not in text.replace("Kotak 9 (", "")
    assert "- Dipromosikan dan dipertahankan" in text


def test_lowest_category_is_not_recommended_for_the_target_post(session_and_result) -> None:  # type: ignore[no-untyped-def]
    session, result = session_and_result
    weak = _with_levels(result, [2, 2, 2, 2, 3, 3, 3, 2, 2], jpm="74.07", category=("KO", "Kurang Optimal"), box=1)
    text = starting_text(session, weak)["saran_penempatan"]
    assert "belum disarankan" in text and "dapat dipertimbangkan" not in text
    assert "JPM 74,07%" in text and "Integritas" in text  # names what to develop
    assert "Kotak 1" in text and "Diproses sesuai dengan ketentuan" in text


def test_strengths_list_only_competencies_above_standard(session_and_result) -> None:  # type: ignore[no-untyped-def]
    session, result = session_and_result
    mixed = _with_levels(result, [4, 3, 3, 3, 3, 3, 3, 3, 2], jpm="100", category=("O", "Optimal"), box=9)
    sections = starting_text(session, mixed)
    bullets = [line for line in sections["kekuatan"].splitlines() if line.startswith("- ")]
    assert len(bullets) == 1 and bullets[0].startswith(f"- {mixed.levels[0].name} (level 4, di atas standar 3)")
    assert "sudah sesuai standar (belum melampauinya)" in sections["kekuatan"]
    none_above = _with_levels(result, [3] * 9, jpm="100", category=("O", "Optimal"), box=8)
    text = starting_text(session, none_above)["kekuatan"]
    assert not [line for line in text.splitlines() if line.startswith("- ")]
    assert "Tidak ada kompetensi yang berada di atas standar" in text


def test_potential_description_is_written_from_the_aspects_not_the_scores(session_and_result) -> None:  # type: ignore[no-untyped-def]
    session, result = session_and_result
    values = {"P1": 5, "P2": 4, "P3": 3, "P4": 3, "P5": 4, "P6": 2, "P7": 3, "P8": 4}
    summary = potential.compute_potential(values)
    text = starting_text(session, replace(result, potential=summary))["potensi"]
    assert "kategori menengah" in text
    assert "Aspek yang menonjol: Kemampuan Intelektual" in text
    assert "Aspek yang perlu dikembangkan: Kecerdasan Emosional" in text
    assert "mengelola emosi" in text and "menalar" in text
    assert not re.search(r":\s*\d([,.]\d+)?\s*$", text, re.MULTILINE)  # no "- Aspek: 4" score lines
