"""The budget workbook: RAB by account with realisation, and the daftar nominatif of honoraria."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from ukom_desktop.db.models import Event
from ukom_desktop.domain.budget import Budget, Honorarium
from ukom_desktop.domain.nip import format_nip
from ukom_desktop.domain.terbilang import terbilang
from ukom_desktop.io.xlsx_writer import INTEGER_FORMAT, TableColumn, TableSheet, write_table_workbook
from ukom_desktop.services.budget import event_budget

MONEY = "#,##0"
EXAMPLE_NOTE = "Catatan: sebagian tarif masih nilai contoh; isi standar biaya masukan tahun berjalan di pengaturan."


def amount_in_words(amount: int) -> str:
    """"Satu juta dua ratus lima puluh ribu rupiah" (terbilang of a total)."""
    words = terbilang(amount)
    return f"{words[:1].upper()}{words[1:]} rupiah"


def budget_sheet(budget: Budget, title: str) -> TableSheet:
    rows: list[list[object]] = []
    for group in budget.groups:
        rows.append([f"{budget.mak}.{group.account}", group.name, None, None, None, group.amount, group.realised,
                     group.amount - group.realised])
        for line in group.lines:
            rows.append(["", f"- {line.description}", line.volume, line.unit, line.rate, line.amount, line.realised,
                         line.amount - line.realised])
    rows.append(["", "JUMLAH", None, None, None, budget.amount, budget.realised, budget.amount - budget.realised])
    columns = [TableColumn.text("Kode (MAK/akun)", 24), TableColumn("Uraian", width=42),
               TableColumn("Volume", INTEGER_FORMAT), TableColumn("Satuan"), TableColumn("Tarif", MONEY),
               TableColumn("Jumlah", MONEY), TableColumn("Realisasi", MONEY), TableColumn("Sisa", MONEY)]
    footer = [f"Terbilang: {amount_in_words(budget.amount)}"] + ([EXAMPLE_NOTE] if budget.examples else [])
    return TableSheet("RENCANA ANGGARAN BIAYA (RAB)", columns, rows, subtitles=[title], sheet_name="RAB",
                      footer_lines=footer)


def honoraria_sheet(items: tuple[Honorarium, ...], title: str, heading: str, sheet: str) -> TableSheet:
    rows: list[list[object]] = [
        [n, h.name, format_nip(h.nip) if h.nip else "-", h.golongan or "-", h.description, h.volume, h.unit, h.rate,
         h.gross, float(h.tax_percent) / 100, h.tax, h.net]
        for n, h in enumerate(items, start=1)
    ]
    gross, tax, net = (sum(h.gross for h in items), sum(h.tax for h in items), sum(h.net for h in items))
    rows.append([None, "JUMLAH", None, None, None, None, None, None, gross, None, tax, net])
    columns = [TableColumn("No.", INTEGER_FORMAT), TableColumn("Nama", width=32), TableColumn.text("NIP", 22),
               TableColumn("Gol."), TableColumn("Uraian", width=30), TableColumn("Volume", INTEGER_FORMAT),
               TableColumn("Satuan"), TableColumn("Tarif", MONEY), TableColumn("Bruto", MONEY),
               TableColumn("PPh", "0%"), TableColumn("Potongan PPh", MONEY), TableColumn("Diterima", MONEY)]
    return TableSheet(heading, columns, rows, subtitles=[title], sheet_name=sheet,
                      footer_lines=[f"Terbilang: {amount_in_words(net)}"])


def write_budget_workbook(session: Session, event_id: int, out: str | Path) -> Path:
    event = session.get(Event, event_id)
    budget = event_budget(session, event_id)
    title = f"{event.code} - {event.name}" if event else ""
    return write_table_workbook(out, [
        budget_sheet(budget, title),
        honoraria_sheet(budget.honoraria, title, "DAFTAR NOMINATIF HONORARIUM (RENCANA)", "Honorarium"),
        honoraria_sheet(budget.realised_honoraria, title, "DAFTAR NOMINATIF HONORARIUM (REALISASI)", "Realisasi"),
    ])
