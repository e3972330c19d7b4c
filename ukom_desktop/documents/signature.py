"""Signature blocks: jabatan (with a.n./Plt./Plh.), room for the signature and stamp, the name in
bold and underlined, pangkat and "NIP. 19681115 199202 1 002"; one block or several side by side."""

from __future__ import annotations

from reportlab.platypus import Flowable, Spacer, Table

from ukom_desktop.documents.layout import Align, Flow, Style, para, plain_table
from ukom_desktop.documents.model import Signatory
from ukom_desktop.domain.nip import format_nip

SIGNATURE_SPACE = 50.0  # room for the wet signature and the stamp
SIGNATURE_BEFORE = 10.0


def signature_heading(signatory: Signatory) -> list[str]:
    """Lines above the signature: "a.n. Kepala ...", "Sekretaris,"; "Plt. Kepala ...,"."""
    jabatan = signatory.jabatan.strip().rstrip(",")
    prefix = signatory.prefix.lower()
    if prefix == "a.n." and signatory.principal:
        return [f"a.n. {signatory.principal.strip().rstrip(',')}", f"{jabatan},"]
    if prefix in ("plt.", "plh."):
        return [f"{prefix.capitalize()} {jabatan},"]
    return [f"{jabatan},"]


def signature_lines(signatory: Signatory) -> list[str]:
    """Lines below the signature space: name, pangkat, NIP."""
    lines = [signatory.name]
    if signatory.pangkat_name:
        lines.append(signatory.pangkat_name)
    if signatory.nip:
        lines.append(f"NIP. {format_nip(signatory.nip)}")
    return lines


def signature_cell(signatory: Signatory, style: Style, *, captions: list[str] | None = None,
                   align: Align = "L") -> list[Flowable]:
    """A signature block as flowables stacked in a table cell: captions and jabatan, room for the
    wet signature and stamp, the name in bold and underlined, pangkat and NIP."""
    head = [para(line, style, align) for line in [*(captions or []), *signature_heading(signatory)]]
    name = para(signatory.name, style, align, bold=True, underline=True)
    rest = [para(line, style, align) for line in signature_lines(signatory)[1:]]
    return [*head, Spacer(0, SIGNATURE_SPACE), name, *rest]


def _height(flowable: Flowable, width: float) -> float:
    return flowable.wrap(width, 1e6)[1]


def signature_block_height(
    flow: Flow, signatory: Signatory, captions: list[str] | None = None, before: float = SIGNATURE_BEFORE,
) -> float:
    """Room `draw_signature` needs (for `ensure` and table tails)."""
    return before + _height(_signature_table(flow, signatory, captions, "L"), flow.width)


def _signature_table(flow: Flow, signatory: Signatory, captions: list[str] | None, align: Align) -> Table:
    half = flow.width * 0.5
    return plain_table([["", signature_cell(signatory, flow.style, captions=captions, align=align)]],
                       [half, flow.width - half])


def draw_signature(
    flow: Flow, signatory: Signatory, *, captions: list[str] | None = None, before: float = SIGNATURE_BEFORE,
    after: float = 12.0, keep_with: bool = False,
) -> None:
    """The signature block in the right half of the page, kept on one page. With `keep_with` (a short
    Tembusan follows) the block stays on the page of the lines that follow it."""
    table = _signature_table(flow, signatory, captions, "L")
    table.spaceBefore = before
    table.spaceAfter = after
    if keep_with:
        table.keepWithNext = True
    flow.add(table)


def signature_row_table(flow: Flow, parties: list[tuple[list[str], Signatory]],
                        spaces: dict[int, Flowable] | None = None) -> Table:
    """Signature blocks side by side in equal columns: the captions in a first row and the signature
    space with the name in a second, so the names share one line however many lines the captions
    take. `spaces` replaces a party's empty signature space (the meterai box of an agreement)."""
    gap = 10.0
    width = (flow.width - gap * (len(parties) - 1)) / len(parties)
    heads: list[object] = []
    bodies: list[object] = []
    widths: list[float] = []
    for index, (captions, signatory) in enumerate(parties):
        if index:
            heads.append("")
            bodies.append("")
            widths.append(gap)
        cell = signature_cell(signatory, flow.style, captions=captions, align="C")
        cut = next(i for i, part in enumerate(cell) if isinstance(part, Spacer))
        heads.append(cell[:cut] or "")
        bodies.append([(spaces or {}).get(index, cell[cut]), *cell[cut + 1:]])
        widths.append(width)
    return plain_table([heads, bodies], widths, commands=[("NOSPLIT", (0, 0), (-1, -1))])


def signature_row_height(flow: Flow, parties: list[tuple[list[str], Signatory]], *, before: float = 14.0) -> float:
    """Room `draw_signature_row` needs."""
    return before + _height(signature_row_table(flow, parties), flow.width)


def draw_signature_row(
    flow: Flow, parties: list[tuple[list[str], Signatory]], *, before: float = 14.0, after: float = 8.0,
) -> None:
    """Two or three signature blocks side by side, centred in equal columns, kept on one page."""
    table = signature_row_table(flow, parties)
    table.spaceBefore = before
    table.spaceAfter = after
    flow.add(table)
