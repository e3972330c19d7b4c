"""Tables of people (participants, team members) with NIP printed 8-6-1-3 on one line."""

from __future__ import annotations

from collections.abc import Sequence

from ukom_desktop.documents.layout import Flow, Style
from ukom_desktop.documents.model import Person, TeamMember
from ukom_desktop.documents.tables import Column, TableStyle, draw_table, fit_width
from ukom_desktop.domain.nip import format_nip

NIP_SAMPLE = "19860926 201505 1 001"
PADDING = 3.0


def short_pangkat(text: str) -> str:
    """"Penata Muda Tk. I, III/b": the usual abbreviation, so the pangkat fits a narrow column."""
    return text.replace("Tingkat I", "Tk. I")


def table_style(body: Style, **options: float | bool) -> TableStyle:
    return TableStyle(body=body, header=body.derive(bold=True), padding=PADDING, **options)  # type: ignore[arg-type]


def number_column(style: Style, count: int) -> Column:
    return Column("No.", 0.0, "C", fit_width(["No.", f"{max(count, 9)}."], style.derive(bold=True), PADDING))


def nip_column(style: Style, title: str = "NIP") -> Column:
    return Column(title, 0.0, "L", fit_width([NIP_SAMPLE], style, PADDING))


def draw_participant_table(flow: Flow, people: Sequence[Person], style: Style, *, tail: float = 0.0) -> None:
    """No, Nama, NIP, Pangkat/Gol, Jabatan, Unit Kerja."""
    columns = [
        number_column(style, len(people)),
        Column("Nama", 2.6),
        nip_column(style),
        Column("Pangkat/Gol", 1.8),
        Column("Jabatan", 2.3),
        Column("Unit Kerja", 2.7),
    ]
    rows = [
        [f"{i}.", p.name, format_nip(p.nip), short_pangkat(p.pangkat_gol), p.jabatan, p.unit_kerja]
        for i, p in enumerate(people, start=1)
    ]
    draw_table(flow, columns, rows, table_style(style), after=6.0, tail=tail)


def draw_team_table(flow: Flow, team: Sequence[TeamMember], style: Style, *, left: float = 0.0) -> None:
    """No, Nama, NIP, Pangkat/Gol, Jabatan, Peran dalam Tim."""
    columns = [
        number_column(style, len(team)),
        Column("Nama", 3.0),
        nip_column(style),
        Column("Pangkat/Gol", 1.7),
        Column("Jabatan", 2.9),
        Column("Peran dalam Tim", 1.6),
    ]
    rows = [
        [f"{i}.", m.person.name, format_nip(m.person.nip), short_pangkat(m.person.pangkat_gol), m.person.jabatan,
         m.role]
        for i, m in enumerate(team, start=1)
    ]
    draw_table(flow, columns, rows, table_style(style), left=left, after=6.0)
