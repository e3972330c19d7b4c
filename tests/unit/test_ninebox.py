"""9-box placement, recommendations and grid layout (domain.md 3.3)."""

from __future__ import annotations

import pytest

from ukom_desktop.domain.ninebox import (
    BOX_RECOMMENDATIONS,
    GridOrientation,
    NineBoxError,
    PerformanceBand,
    PotentialBand,
    axis_labels,
    axis_titles,
    box_at,
    box_bands,
    box_description,
    box_label,
    box_number,
    box_recommendations,
    grid_cell,
    grid_layout,
    is_succession_box,
    parse_performance_band,
    parse_potential_band,
)

# The table of domain.md 3.3, written out cell by cell.
ALL_BOXES = [
    ("tinggi", "di_bawah", 6),
    ("tinggi", "sesuai", 8),
    ("tinggi", "di_atas", 9),
    ("menengah", "di_bawah", 3),
    ("menengah", "sesuai", 5),
    ("menengah", "di_atas", 7),
    ("rendah", "di_bawah", 1),
    ("rendah", "sesuai", 2),
    ("rendah", "di_atas", 4),
]


@pytest.mark.parametrize(("potential", "performance", "box"), ALL_BOXES)
def test_box_number_for_all_nine_cells(potential: str, performance: str, box: int) -> None:
    assert box_number(potential, performance) == box
    assert box_number(PotentialBand(potential), PerformanceBand(performance)) == box
    assert box_bands(box) == (PotentialBand(potential), PerformanceBand(performance))


def test_the_nine_cells_cover_boxes_one_to_nine_once() -> None:
    assert sorted(box for _, _, box in ALL_BOXES) == list(range(1, 10))


@pytest.mark.parametrize(
    ("text", "band"),
    [
        ("Tinggi", PotentialBand.TINGGI),
        ("Potensial Tinggi", PotentialBand.TINGGI),
        ("potensi menengah", PotentialBand.MENENGAH),
        ("SEDANG", PotentialBand.MENENGAH),
        (" rendah ", PotentialBand.RENDAH),
    ],
)
def test_parse_potential_band(text: str, band: PotentialBand) -> None:
    assert parse_potential_band(text) is band


@pytest.mark.parametrize(
    ("text", "band"),
    [
        ("di_atas", PerformanceBand.DI_ATAS),
        ("Kinerja di Atas Ekspektasi", PerformanceBand.DI_ATAS),
        ("Di atas ekspektasi", PerformanceBand.DI_ATAS),
        ("sesuai ekspektasi", PerformanceBand.SESUAI),
        ("Kinerja Sesuai Ekspektasi", PerformanceBand.SESUAI),
        ("di bawah ekspektasi", PerformanceBand.DI_BAWAH),
        ("DI_BAWAH", PerformanceBand.DI_BAWAH),
    ],
)
def test_parse_performance_band(text: str, band: PerformanceBand) -> None:
    assert parse_performance_band(text) is band


def test_unknown_bands_are_rejected_in_indonesian() -> None:
    with pytest.raises(NineBoxError, match="Kategori potensial 'luar biasa' tidak dikenal"):
        box_number("luar biasa", "sesuai")
    with pytest.raises(NineBoxError, match="Kategori kinerja 'istimewa' tidak dikenal"):
        box_number("tinggi", "istimewa")


@pytest.mark.parametrize("box", [0, 10, -1, True])
def test_unknown_box(box: int) -> None:
    with pytest.raises(NineBoxError, match="nomor kotak adalah 1 sampai 9"):
        box_label(box)


def test_labels_and_descriptions() -> None:
    assert box_label(7) == "Kotak 7"
    assert box_description(9) == "Potensial Tinggi, Kinerja di Atas Ekspektasi"
    assert box_description(3) == "Potensial Menengah, Kinerja di Bawah Ekspektasi"
    assert box_description(4) == "Potensial Rendah, Kinerja di Atas Ekspektasi"


@pytest.mark.parametrize(
    ("box", "must_contain"),
    [
        (9, "Dipromosikan dan dipertahankan"),
        (8, "Rotasi/perluasan jabatan (job enlargement)"),
        (7, "Tugas belajar"),
        (6, "Konseling kinerja"),
        (5, "Pengembangan kompetensi"),
        (4, "Rotasi"),
        (3, "Konseling kinerja"),
        (2, "Bimbingan kinerja"),
        (1, "Diproses sesuai dengan ketentuan peraturan perundang-undangan"),
    ],
)
def test_recommendations(box: int, must_contain: str) -> None:
    assert must_contain in box_recommendations(box)


def test_recommendation_counts_follow_the_source_list() -> None:
    assert {box: len(recs) for box, recs in BOX_RECOMMENDATIONS.items()} == {
        9: 3, 8: 4, 7: 5, 6: 3, 5: 3, 4: 2, 3: 4, 2: 3, 1: 1,
    }  # fmt: skip


@pytest.mark.parametrize(("box", "succession"), [(b, b in (7, 8, 9)) for b in range(1, 10)])
def test_succession_boxes(box: int, succession: bool) -> None:
    assert is_succession_box(box) is succession


def test_default_grid_is_the_domain_table() -> None:
    assert grid_layout() == ((6, 8, 9), (3, 5, 7), (1, 2, 4))
    assert axis_titles() == ("Potensial", "Kinerja")
    rows, cols = axis_labels()
    assert rows == ("Potensial Tinggi", "Potensial Menengah", "Potensial Rendah")
    assert cols == ("Kinerja di Bawah Ekspektasi", "Kinerja Sesuai Ekspektasi", "Kinerja di Atas Ekspektasi")


def test_performance_vertical_grid_matches_kaltim_chart() -> None:
    # Kaltim: IV, VII, IX in the top row and II, V in the middle row.
    assert grid_layout("kinerja_vertikal") == ((4, 7, 9), (2, 5, 8), (1, 3, 6))
    assert axis_titles(GridOrientation.PERFORMANCE_VERTICAL) == ("Kinerja", "Potensial")
    rows, cols = axis_labels(GridOrientation.PERFORMANCE_VERTICAL)
    assert rows[0] == "Kinerja di Atas Ekspektasi"
    assert cols == ("Potensial Rendah", "Potensial Menengah", "Potensial Tinggi")


@pytest.mark.parametrize(
    ("box", "potential_vertical", "performance_vertical"),
    [
        (9, (0, 2), (0, 2)),
        (1, (2, 0), (2, 0)),
        (5, (1, 1), (1, 1)),
        (6, (0, 0), (2, 2)),
        (4, (2, 2), (0, 0)),
        (8, (0, 1), (1, 2)),
        (3, (1, 0), (2, 1)),
        (7, (1, 2), (0, 1)),
        (2, (2, 1), (1, 0)),
    ],
)
def test_grid_cell(
    box: int, potential_vertical: tuple[int, int], performance_vertical: tuple[int, int]
) -> None:
    assert grid_cell(box) == potential_vertical
    assert grid_cell(box, GridOrientation.PERFORMANCE_VERTICAL) == performance_vertical


@pytest.mark.parametrize("orientation", list(GridOrientation))
def test_box_at_inverts_grid_cell(orientation: GridOrientation) -> None:
    cells = {grid_cell(box, orientation) for box in range(1, 10)}
    assert len(cells) == 9
    for box in range(1, 10):
        assert box_at(*grid_cell(box, orientation), orientation) == box


def test_bad_cell_and_orientation() -> None:
    with pytest.raises(NineBoxError, match="di luar kisi"):
        box_at(3, 0)
    with pytest.raises(NineBoxError, match="Orientasi kotak 'miring' tidak dikenal"):
        grid_layout("miring")
