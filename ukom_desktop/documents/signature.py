"""Signature blocks: jabatan (with a.n./Plt./Plh.), room for the signature and stamp, the name in
bold and underlined, pangkat and "NIP. 19681115 199202 1 002"; one block or several side by side."""

from __future__ import annotations

from ukom_desktop.documents.layout import Align, Flow, Line, Style, line_ops, wrap
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


def _wrapped(lines: list[str], style: Style, width: float) -> list[Line]:
    result: list[Line] = []
    for line in lines:
        result.extend(wrap(line, style.font, style.size, round(width, 2)))
    return result


def signature_height(signatory: Signatory, width: float, style: Style, captions: list[str]) -> float:
    top = _wrapped([*captions, *signature_heading(signatory)], style, width)
    bottom = _wrapped(signature_lines(signatory), style, width)
    return (len(top) + len(bottom)) * style.leading + SIGNATURE_SPACE


def _draw_name(flow: Flow, names: tuple[Line, ...], bold: Style, x: float, width: float, top: float,
               align: Align) -> float:
    """The signatory's name in bold, each line underlined; returns the y below it."""
    flow.ops.extend(line_ops(names, bold, x, top, width, align))
    y = top
    for text, natural, _spaces, _end in names:
        baseline = y - bold.leading * 0.8
        lx = x + (width - natural) / 2 if align == "C" else x
        if text:
            flow.line(lx, baseline - 1.6, lx + natural, baseline - 1.6, 0.7)
        y -= bold.leading
    return y


def draw_signature_at(
    flow: Flow, signatory: Signatory, x: float, width: float, top: float, *, captions: list[str] | None = None,
    align: Align = "L",
) -> float:
    """Draw a signature block with its top at `top`; return its height."""
    style = flow.style
    bold = style.derive(bold=True)
    head = _wrapped([*(captions or []), *signature_heading(signatory)], style, width)
    flow.ops.extend(line_ops(head, style, x, top, width, align))
    names = wrap(signatory.name, bold.font, bold.size, round(width, 2))
    y = _draw_name(flow, names, bold, x, width, top - len(head) * style.leading - SIGNATURE_SPACE, align)
    rest = _wrapped(signature_lines(signatory)[1:], style, width)
    flow.ops.extend(line_ops(rest, style, x, y, width, align))
    return top - (y - len(rest) * style.leading)


def signature_block_height(
    flow: Flow, signatory: Signatory, captions: list[str] | None = None, before: float = SIGNATURE_BEFORE,
) -> float:
    """Room `draw_signature` needs, for keeping the text before it on the same page."""
    return before + signature_height(signatory, flow.x1 - (flow.x0 + flow.width * 0.5), flow.style, captions or [])


def draw_signature(
    flow: Flow, signatory: Signatory, *, captions: list[str] | None = None, before: float = SIGNATURE_BEFORE,
    after: float = 12.0, keep_with: float = 0.0,
) -> None:
    """The signature block in the right half of the page, kept on one page (together with the
    `keep_with` points that follow it, such as a short Tembusan)."""
    x = flow.x0 + flow.width * 0.5
    width = flow.x1 - x
    height = signature_height(signatory, width, flow.style, captions or [])
    flow.skip(before)
    flow.ensure(height + keep_with)
    flow.y -= draw_signature_at(flow, signatory, x, width, flow.y, captions=captions)
    flow.skip(after)


def _row_parts(flow: Flow, parties: list[tuple[list[str], Signatory]]) -> tuple[float, list, list, list, float]:
    style = flow.style
    bold = style.derive(bold=True)
    gap = 10.0
    width = (flow.width - gap * (len(parties) - 1)) / len(parties)
    heads = [_wrapped([*captions, *signature_heading(s)], style, width) for captions, s in parties]
    rests = [_wrapped(signature_lines(s)[1:], style, width) for _, s in parties]
    name_lines = [wrap(s.name, bold.font, bold.size, round(width, 2)) for _, s in parties]
    head_height = max(len(h) for h in heads) * style.leading
    height = (
        head_height + SIGNATURE_SPACE + max(len(n) for n in name_lines) * bold.leading
        + max(len(r) for r in rests) * style.leading
    )
    return width, heads, rests, name_lines, height


def signature_row_height(flow: Flow, parties: list[tuple[list[str], Signatory]], *, before: float = 14.0) -> float:
    """Room `draw_signature_row` needs, for keeping the text before it on the same page."""
    return before + _row_parts(flow, parties)[4]


def draw_signature_row(
    flow: Flow, parties: list[tuple[list[str], Signatory]], *, before: float = 14.0, after: float = 8.0,
) -> None:
    """Two or three signature blocks side by side, centred in equal columns, names on one level."""
    style = flow.style
    bold = style.derive(bold=True)
    gap = 10.0
    width, heads, rests, name_lines, height = _row_parts(flow, parties)
    head_height = max(len(h) for h in heads) * style.leading
    flow.skip(before)
    flow.ensure(height)
    top = flow.y
    for index, (head, names, rest) in enumerate(zip(heads, name_lines, rests, strict=True)):
        x = flow.x0 + index * (width + gap)
        flow.ops.extend(line_ops(head, style, x, top, width, "C"))
        y = _draw_name(flow, names, bold, x, width, top - head_height - SIGNATURE_SPACE, "C")
        flow.ops.extend(line_ops(rest, style, x, y, width, "C"))
    flow.y = top - height
    flow.skip(after)
