"""Room paper laid out from plain data and read back from the PDF: RAHASIA at the head, the answer
sheet one page, and signature blocks that never break over a page."""

from __future__ import annotations

import io

from doc_samples import read_pdf

from ukom_desktop.documents.output import Document, write_pdf
from ukom_desktop.documents.room_materials import (
    CompetencyRow,
    HandoverRoom,
    Heading,
    Person,
    answer_sheet,
    handover_minutes,
    rating_form,
)

HEAD = Heading(("KEMENTERIAN PEKERJAAN UMUM", "BALAI PENILAIAN KOMPETENSI"), "Penilaian Kompetensi 2026",
               "UKOM-2026-001", place_date="Jakarta, 23 November 2026")
PERSON = Person(7, "Budi Santoso, S.Kom.", "19860926 201505 1 001", "Analis", "Biro Umum", wave=1, group="A")


def pages(doc: Document) -> list[str]:
    out = io.BytesIO()
    write_pdf([doc], out)
    return read_pdf(out.getvalue()).pages


def test_answer_sheet_is_one_confidential_page_with_the_participant() -> None:
    [page] = pages(answer_sheet(HEAD, PERSON, "INB-007", "In-Basket", "A"))
    assert page.lstrip().startswith("RAHASIA")
    assert "LEMBAR JAWABAN IN-BASKET" in page and "INB-007" in page and "Budi Santoso, S.Kom." in page


def test_handover_signatures_stay_together_however_long_the_lists() -> None:
    for count in range(10, 60, 7):
        rooms = [HandoverRoom(f"Ruang {r}", tuple((f"INB-{r}{i:02d}", f"Peserta {i}", i % 5 != 0)
                                                   for i in range(count))) for r in range(1, 3)]
        text = pages(handover_minutes(HEAD, rooms))
        signed = [page for page in text if "Yang menyerahkan," in page]
        assert len(signed) == 1 and signed[0] is text[-1], count
        assert "Yang menerima," in signed[0] and "Jakarta, 23 November 2026" in signed[0]
        assert signed[0].count("(" + "." * 45 + ")") == 2


def test_rating_form_signature_block_is_never_split() -> None:
    for count in range(1, 9):
        rows = [CompetencyRow(f"M.0{i}", f"Kompetensi {i}", "3", tuple((n, f"Uraian level {n} kompetensi {i}.")
                                                                         for n in range(1, 6)))
                for i in range(1, count + 1)]
        text = pages(rating_form(HEAD, PERSON, "In-Basket", rows, "Dra. Sari Dewi"))
        signed = [page for page in text if "Asesor," in page]
        assert len(signed) == 1 and "Jakarta, 23 November 2026" in signed[0], count
        assert "(Dra. Sari Dewi)" in signed[0] and "Tanpa bukti" in text[0]
