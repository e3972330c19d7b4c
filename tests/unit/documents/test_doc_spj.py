"""SPJ documents laid out from plain data: one kuitansi per person with all their honoraria, and the
totals in words of the daftar nominatif (issue 16 items 2 and 8)."""

from __future__ import annotations

import io
import re
from datetime import date
from decimal import Decimal

from doc_samples import LETTERHEAD, read_pdf

from ukom_desktop.documents.model import Signatory
from ukom_desktop.documents.output import write_pdf
from ukom_desktop.documents.spj import SpjData, build_honoraria_list, build_receipt, receipts_by_person
from ukom_desktop.domain.budget import Budget, Honorarium

KETUA = ("Dr. Rina Harahap", "197507261997042011", "IV/d")
FEES = (
    Honorarium(*KETUA, "ketua", "Honorarium Ketua Tim", "521213", 1, "OK", 1_000_000, Decimal(15)),
    Honorarium(*KETUA, "asesor", "Honorarium Asesor", "521213", 3, "OP", 400_000, Decimal(15)),
    Honorarium("Budi Wijaya", "199411092023071008", "III/a", "admin", "Honorarium Sekretariat", "521213", 2, "OH",
               250_000, Decimal(5)),
    Honorarium("Sari Dewi", "", "", "pendukung", "Honorarium Petugas Pendukung", "521213", 2, "OH", 150_000,
               Decimal("2.5")),
)


def data() -> SpjData:
    budget = Budget("3799.EBA.994.002", (), FEES, FEES)
    return SpjData(LETTERHEAD, "PUSAT PENILAIAN KOMPETENSI", "Penilaian Kompetensi 2026", "23 - 24 November 2026",
                   2026, budget, Signatory("Drs. Bambang", "Pejabat Pembuat Komitmen"),
                   Signatory("Siti Aminah", "Bendahara Pengeluaran"), "Jakarta", date(2026, 11, 25))


def pdf_text(doc) -> str:  # type: ignore[no-untyped-def]
    buffer = io.BytesIO()
    write_pdf([doc], buffer)
    return re.sub(r"\s+", " ", read_pdf(buffer.getvalue()).text)


def test_one_receipt_per_person_with_all_their_honoraria() -> None:
    groups = receipts_by_person(FEES)
    assert [len(g) for g in groups] == [2, 1, 1]
    text = pdf_text(build_receipt(data(), groups[0]))
    assert "Uang sebesar : Rp2.200.000" in text and "Terbilang : Dua juta dua ratus ribu rupiah" in text
    assert "Honorarium Ketua Tim 1 OK x Rp1.000.000; Honorarium Asesor 3 OP x Rp400.000" in text
    assert "PPh pasal 21 (15%) : Rp330.000" in text and "Jumlah diterima : Rp1.870.000" in text
    assert "Mata Anggaran : 3799.EBA.994.002.521213" in text
    non_pns = pdf_text(build_receipt(data(), groups[2]))
    assert "PPh pasal 21 (2.5%) : Rp7.500" in non_pns and "Jumlah diterima : Rp292.500" in non_pns


def test_nominative_list_totals_and_words() -> None:
    text = pdf_text(build_honoraria_list(data()))
    # gross 1.000.000 + 1.200.000 + 500.000 + 300.000; tax 150.000 + 180.000 + 25.000 + 7.500
    assert "JUMLAH 3.000.000 362.500 2.637.500" in text
    assert "Terbilang (jumlah diterima): Dua juta enam ratus tiga puluh tujuh ribu lima ratus rupiah." in text
    assert "IV/d" in text and "2.5%" in text and "NIP 19750726 199704 2 011" in text


def test_the_total_its_words_and_the_signatures_are_never_parted_by_a_page_break() -> None:
    """However many people are paid, the page with the signatures also carries the JUMLAH row and the
    amount in words (a signature never stands alone on a page)."""
    from dataclasses import replace

    from ukom_desktop.documents.model import Person
    from ukom_desktop.documents.spj import build_consumption_attendance

    for count in range(8, 24):
        fees = tuple(Honorarium(f"Asesor {i:02d} Wijaya", "199411092023071008", "III/a", "asesor", "Honorarium Asesor",
                                "521213", 2, "OP", 400_000, Decimal(5)) for i in range(count))
        base = data()
        spj = replace(base, budget=Budget(base.budget.mak, (), fees, fees),
                      people=tuple(Person(f"Peserta {i:02d}", "198609262015051001", "III/a", "Analis", "Biro")
                                   for i in range(count * 2)), days=(date(2026, 11, 23), date(2026, 11, 24)))
        buffer = io.BytesIO()
        write_pdf([build_honoraria_list(spj)], buffer)
        pages = read_pdf(buffer.getvalue()).pages
        signed = [page for page in pages if "Drs. Bambang" in page]
        assert len(signed) == 1 and "JUMLAH" in signed[0] and "Terbilang" in signed[0], count
        buffer = io.BytesIO()
        write_pdf([build_consumption_attendance(spj)], buffer)
        pages = read_pdf(buffer.getvalue()).pages
        signed = [page for page in pages if "Drs. Bambang" in page]
        assert len(signed) == 1 and f"Peserta {count * 2 - 1:02d}" in signed[0], count
