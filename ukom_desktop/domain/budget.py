"""Budget (RAB) of an event and the honoraria with their income tax: pure rules, no database.

Rates come from the standar biaya masukan the user enters (a setting per budget year); the defaults
below are EXAMPLES and are marked so (`example=True`) until the user saves their own table.

PPh pasal 21 on honoraria paid from the state budget to civil servants is final and follows the
golongan (PP 80/2010): I and II 0%, III 5%, IV 15% of the gross amount. Recipients without a
golongan (non-PNS) are taxed at a rate that is a setting. Amounts are whole rupiah; tax is rounded down.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, Decimal
from typing import Any, Literal

from ukom_desktop.domain.golongan import normalize_golongan

Basis = Literal["per_peserta", "per_hari", "per_kegiatan", "per_orang_hari"]
BASIS_UNIT: dict[str, str] = {"per_peserta": "OP", "per_hari": "OH", "per_kegiatan": "OK", "per_orang_hari": "OH"}
BASIS_LABEL: dict[str, str] = {
    "per_peserta": "per peserta", "per_hari": "per hari", "per_kegiatan": "per kegiatan",
    "per_orang_hari": "per orang per hari",
}

ACCOUNT_NAMES: dict[str, str] = {
    "521211": "Belanja Bahan",
    "521213": "Belanja Honor Output Kegiatan",
    "521219": "Belanja Barang Non Operasional Lainnya",
    "522151": "Belanja Jasa Profesi",
    "524111": "Belanja Perjalanan Dinas Biasa",
}

PPH_BY_GROUP: dict[str, int] = {"I": 0, "II": 0, "III": 5, "IV": 15}  # percent of gross, PP 80/2010
DEFAULT_NON_PNS_PERCENT = Decimal("5")  # EXAMPLE: the user sets the rate for non-civil-servants


@dataclass(frozen=True)
class Rate:
    """One line of the rate table: what is paid, on which account, how the volume is counted."""

    code: str
    description: str
    account: str
    basis: Basis
    amount: int
    role: str = ""  # team role the honorarium is for ("asesor", "ketua", "admin", ...); "" = not a honorarium
    example: bool = False

    @property
    def unit(self) -> str:
        return BASIS_UNIT[self.basis]


DEFAULT_RATES: tuple[Rate, ...] = (
    Rate("honor_ketua", "Honorarium Ketua Tim Penilai", "521213", "per_kegiatan", 1_000_000, "ketua", True),
    Rate("honor_asesor", "Honorarium Asesor", "521213", "per_peserta", 400_000, "asesor", True),
    Rate("honor_penilai_teknis", "Honorarium Penilai Teknis", "521213", "per_peserta", 300_000, "penilai_teknis",
         True),
    Rate("honor_admin", "Honorarium Sekretariat/Administrasi", "521213", "per_hari", 250_000, "admin", True),
    Rate("honor_tester", "Honorarium Tester", "521213", "per_hari", 250_000, "tester", True),
    Rate("honor_pendukung", "Honorarium Petugas Pendukung", "521213", "per_hari", 150_000, "pendukung", True),
    Rate("konsumsi_makan", "Konsumsi makan siang", "521211", "per_orang_hari", 50_000, "", True),
    Rate("konsumsi_snack", "Konsumsi rapat (kudapan)", "521211", "per_orang_hari", 25_000, "", True),
)

_BASES = set(BASIS_UNIT)


def rates_from_setting(value: Any) -> tuple[Rate, ...]:
    """The rate table stored as JSON (a list of dicts); the example table when nothing usable is stored."""
    if not isinstance(value, list) or not value:
        return DEFAULT_RATES
    rates = []
    for item in value:
        if not isinstance(item, dict) or item.get("basis") not in _BASES:
            continue
        try:
            amount = int(item.get("amount", 0))
        except (TypeError, ValueError):
            continue
        rates.append(Rate(str(item.get("code", "")), str(item.get("description", "")), str(item.get("account", "")),
                          item["basis"], max(0, amount), str(item.get("role", "")), bool(item.get("example", False))))
    return tuple(rates) or DEFAULT_RATES


def rates_to_setting(rates: tuple[Rate, ...] | list[Rate]) -> list[dict[str, Any]]:
    return [{"code": r.code, "description": r.description, "account": r.account, "basis": r.basis,
             "amount": r.amount, "role": r.role, "example": r.example} for r in rates]


def tax_percent(golongan: str, non_pns_percent: Decimal = DEFAULT_NON_PNS_PERCENT) -> Decimal:
    """PPh 21 rate (percent) on an honorarium: by the golongan's group, or the non-PNS rate."""
    canonical = normalize_golongan(golongan)
    if not canonical:
        return Decimal(non_pns_percent)
    return Decimal(PPH_BY_GROUP[canonical.split("/")[0]])


def tax_amount(gross: int, percent: Decimal) -> int:
    return int((Decimal(gross) * percent / 100).quantize(Decimal(1), rounding=ROUND_DOWN))


@dataclass(frozen=True)
class TeamWork:
    """What one team member did in the event (counted from the team and the schedule)."""

    name: str
    nip: str
    golongan: str
    role: str  # TeamRole value
    leader: bool = False
    days: int = 0  # distinct days with sessions (for those who assess) or the event's days
    participants: int = 0  # distinct participants assessed (planned)
    participants_present: int = 0  # of them, those who attended


@dataclass(frozen=True)
class Honorarium:
    name: str
    nip: str
    golongan: str
    role: str
    description: str
    account: str
    volume: int
    unit: str
    rate: int
    tax_percent: Decimal

    @property
    def gross(self) -> int:
        return self.volume * self.rate

    @property
    def tax(self) -> int:
        return tax_amount(self.gross, self.tax_percent)

    @property
    def net(self) -> int:
        return self.gross - self.tax


def _volume(rate: Rate, work: TeamWork, realised: bool) -> int:
    if rate.basis == "per_peserta":
        return work.participants_present if realised else work.participants
    if rate.basis in ("per_hari", "per_orang_hari"):
        return work.days
    return 1


def honoraria(team: list[TeamWork], rates: tuple[Rate, ...], *, realised: bool = False,
              non_pns_percent: Decimal = DEFAULT_NON_PNS_PERCENT) -> list[Honorarium]:
    """One honorarium per member and matching rate: the leader is paid the "ketua" rate as well as
    the rate of their role. Members whose role has no rate, or whose volume is 0, get nothing."""
    by_role: dict[str, list[Rate]] = defaultdict(list)
    for rate in rates:
        if rate.role:
            by_role[rate.role].append(rate)
    result = []
    for work in team:
        roles = (["ketua"] if work.leader else []) + [work.role]
        for role in roles:
            for rate in by_role.get(role, []):
                volume = _volume(rate, work, realised)
                if volume <= 0 or rate.amount <= 0:
                    continue
                result.append(Honorarium(
                    work.name, work.nip, work.golongan, role, rate.description, rate.account, volume, rate.unit,
                    rate.amount, tax_percent(work.golongan, non_pns_percent),
                ))
    return result


@dataclass(frozen=True)
class BudgetLine:
    account: str
    code: str
    description: str
    volume: int
    unit: str
    rate: int
    realised_volume: int = 0

    @property
    def amount(self) -> int:
        return self.volume * self.rate

    @property
    def realised(self) -> int:
        return self.realised_volume * self.rate


@dataclass(frozen=True)
class AccountGroup:
    account: str
    name: str
    lines: tuple[BudgetLine, ...]

    @property
    def amount(self) -> int:
        return sum(line.amount for line in self.lines)

    @property
    def realised(self) -> int:
        return sum(line.realised for line in self.lines)


@dataclass(frozen=True)
class Budget:
    """The RAB grouped by account (akun) as in the DIPA/RKAKL, with plan and realisation."""

    mak: str
    groups: tuple[AccountGroup, ...]
    honoraria: tuple[Honorarium, ...] = ()
    realised_honoraria: tuple[Honorarium, ...] = ()
    examples: bool = False  # at least one rate is still an example value
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def amount(self) -> int:
        return sum(group.amount for group in self.groups)

    @property
    def realised(self) -> int:
        return sum(group.realised for group in self.groups)


def build_budget(team: list[TeamWork], rates: tuple[Rate, ...], *, days: int, participants: int,
                 participants_present: int, mak: str = "",
                 non_pns_percent: Decimal = DEFAULT_NON_PNS_PERCENT) -> Budget:
    """Honoraria lines (summed per rate) and consumption lines (participants and team, per day)."""
    planned = honoraria(team, rates, non_pns_percent=non_pns_percent)
    realised = honoraria(team, rates, realised=True, non_pns_percent=non_pns_percent)
    lines: list[BudgetLine] = []
    for rate in rates:
        if rate.role:
            volume = sum(h.volume for h in planned if h.description == rate.description and h.rate == rate.amount)
            done = sum(h.volume for h in realised if h.description == rate.description and h.rate == rate.amount)
        elif rate.basis == "per_orang_hari":
            volume = (participants + len(team)) * days
            done = (participants_present + len(team)) * days
        elif rate.basis == "per_peserta":
            volume, done = participants, participants_present
        elif rate.basis == "per_hari":
            volume = done = days
        else:
            volume = done = 1
        if volume or done:
            lines.append(BudgetLine(rate.account, rate.code, rate.description, volume, rate.unit, rate.amount, done))
    grouped: dict[str, list[BudgetLine]] = defaultdict(list)
    for line in lines:
        grouped[line.account].append(line)
    groups = tuple(AccountGroup(account, ACCOUNT_NAMES.get(account, "Belanja lainnya"), tuple(items))
                   for account, items in sorted(grouped.items()))
    return Budget(mak, groups, tuple(planned), tuple(realised), any(r.example for r in rates))


def rupiah(amount: int) -> str:
    """"Rp1.250.000" (thousands with dots, no decimals)."""
    sign = "-" if amount < 0 else ""
    return f"{sign}Rp{abs(amount):,}".replace(",", ".")


def thousands(amount: int) -> str:
    return f"{amount:,}".replace(",", ".")
