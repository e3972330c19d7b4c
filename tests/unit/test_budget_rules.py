"""Honoraria, PPh 21 by golongan (PP 80/2010) and the RAB grouped by account (issue 16 item 1)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ukom_desktop.domain.budget import (
    DEFAULT_RATES,
    Rate,
    TeamWork,
    build_budget,
    honoraria,
    rates_from_setting,
    rates_to_setting,
    rupiah,
    tax_amount,
    tax_percent,
)
from ukom_desktop.domain.golongan import GOLONGAN_ORDER

RATES = (
    Rate("ketua", "Honorarium Ketua Tim", "521213", "per_kegiatan", 1_000_000, "ketua"),
    Rate("asesor", "Honorarium Asesor", "521213", "per_peserta", 400_000, "asesor"),
    Rate("admin", "Honorarium Sekretariat", "521213", "per_hari", 250_000, "admin"),
    Rate("makan", "Konsumsi makan siang", "521211", "per_orang_hari", 50_000),
)


@pytest.mark.parametrize("golongan", GOLONGAN_ORDER)
def test_tax_follows_the_group_of_every_golongan(golongan: str) -> None:
    expected = {"I": 0, "II": 0, "III": 5, "IV": 15}[golongan.split("/")[0]]
    assert tax_percent(golongan) == expected
    member = TeamWork("A", "198609262015051001", golongan, "asesor", participants=3, participants_present=2, days=1)
    [fee] = honoraria([member], RATES)
    assert fee.gross == 1_200_000
    assert fee.tax == 1_200_000 * expected // 100
    assert fee.net == fee.gross - fee.tax


def test_spellings_of_golongan_and_non_civil_servants() -> None:
    assert tax_percent("3b") == 5 and tax_percent("IV-A") == 15 and tax_percent("Pengatur (II/c)") == 0
    assert tax_percent("") == Decimal("5")  # the example non-PNS rate
    assert tax_percent("", Decimal("2.5")) == Decimal("2.5")
    assert tax_amount(333_333, Decimal("2.5")) == 8_333  # rounded down to the rupiah


def test_honoraria_per_participant_per_day_per_event_and_the_leader() -> None:
    team = [
        TeamWork("Ketua", "", "IV/b", "asesor", leader=True, days=2, participants=4, participants_present=3),
        TeamWork("Asesor", "", "III/c", "asesor", days=2, participants=5, participants_present=5),
        TeamWork("Admin", "", "II/d", "admin", days=3),
        TeamWork("Tester", "", "III/a", "tester", days=3),  # no rate for tester: nothing paid
    ]
    fees = honoraria(team, RATES)
    assert [(f.name, f.description, f.volume, f.gross, f.tax) for f in fees] == [
        ("Ketua", "Honorarium Ketua Tim", 1, 1_000_000, 150_000),
        ("Ketua", "Honorarium Asesor", 4, 1_600_000, 240_000),
        ("Asesor", "Honorarium Asesor", 5, 2_000_000, 100_000),
        ("Admin", "Honorarium Sekretariat", 3, 750_000, 0),
    ]
    realised = honoraria(team, RATES, realised=True)
    assert [f.volume for f in realised] == [1, 3, 5, 3]


def test_budget_groups_lines_by_account_with_plan_and_realisation() -> None:
    team = [TeamWork("Asesor", "", "III/c", "asesor", days=2, participants=10, participants_present=8),
            TeamWork("Admin", "", "II/d", "admin", days=2)]
    budget = build_budget(team, RATES, days=2, participants=10, participants_present=8, mak="3799.EBA.994.002")
    assert [g.account for g in budget.groups] == ["521211", "521213"]
    food, fees = budget.groups
    assert food.name == "Belanja Bahan" and fees.name == "Belanja Honor Output Kegiatan"
    [meal] = food.lines
    assert (meal.volume, meal.realised_volume) == ((10 + 2) * 2, (8 + 2) * 2)
    assert meal.amount == 24 * 50_000 and meal.realised == 20 * 50_000
    assert fees.amount == 10 * 400_000 + 2 * 250_000 and fees.realised == 8 * 400_000 + 2 * 250_000
    assert budget.amount == food.amount + fees.amount and not budget.examples


def test_rate_table_setting_round_trips_and_falls_back_to_examples() -> None:
    assert rates_from_setting(None) == DEFAULT_RATES and all(r.example for r in DEFAULT_RATES)
    assert rates_from_setting(rates_to_setting(RATES)) == RATES
    broken = [{"basis": "per_bulan", "amount": 1}, {"basis": "per_hari", "amount": "x"}]
    assert rates_from_setting(broken) == DEFAULT_RATES


def test_rupiah() -> None:
    assert rupiah(1_250_000) == "Rp1.250.000" and rupiah(0) == "Rp0"
