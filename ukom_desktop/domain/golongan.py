"""Golongan/ruang and pangkat of PNS (domain.md 6.2), with the spellings found in e-HR exports."""

from __future__ import annotations

import re

GOLONGAN_PANGKAT: dict[str, str] = {
    "I/a": "Juru Muda",
    "I/b": "Juru Muda Tingkat I",
    "I/c": "Juru",
    "I/d": "Juru Tingkat I",
    "II/a": "Pengatur Muda",
    "II/b": "Pengatur Muda Tingkat I",
    "II/c": "Pengatur",
    "II/d": "Pengatur Tingkat I",
    "III/a": "Penata Muda",
    "III/b": "Penata Muda Tingkat I",
    "III/c": "Penata",
    "III/d": "Penata Tingkat I",
    "IV/a": "Pembina",
    "IV/b": "Pembina Tingkat I",
    "IV/c": "Pembina Utama Muda",
    "IV/d": "Pembina Utama Madya",
    "IV/e": "Pembina Utama",
}
GOLONGAN_ORDER: tuple[str, ...] = tuple(GOLONGAN_PANGKAT)
_ROMAN = {"1": "I", "2": "II", "3": "III", "4": "IV"}
_PANGKAT_TO_GOL = {
    re.sub(r"\s+", " ", p.lower().replace("tingkat i", "tk. i")): g for g, p in GOLONGAN_PANGKAT.items()
}


def _clean_pangkat(text: str) -> str:
    t = re.sub(r"\s+", " ", text.lower().strip())
    t = re.sub(r"\btingkat\s*i\b|\btk\.?\s*i\b|\btk\s*1\b", "tk. i", t)
    return t


def normalize_golongan(raw: object) -> str | None:
    """Read a golongan in any common spelling ("III/a", "III-A", "3a", "31", "Penata Muda Tk. I (III/b)").

    Returns the canonical "III/b" form, or None when nothing is recognised.
    """
    if raw is None:
        return None
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    text = str(raw).strip()
    if not text:
        return None
    m = re.search(r"\b(IV|III|II|I)\s*[/\-.\s]?\s*([a-e])\b", text, re.IGNORECASE)
    if m:
        gol = f"{m.group(1).upper()}/{m.group(2).lower()}"
        return gol if gol in GOLONGAN_PANGKAT else None
    m = re.fullmatch(r"([1-4])\s*[/\-.]?\s*([a-eA-E])", text)
    if m:
        gol = f"{_ROMAN[m.group(1)]}/{m.group(2).lower()}"
        return gol if gol in GOLONGAN_PANGKAT else None
    m = re.fullmatch(r"([1-4])([1-5])", text)  # BKN numeric code, 31 = III/a
    if m:
        gol = f"{_ROMAN[m.group(1)]}/{'abcde'[int(m.group(2)) - 1]}"
        return gol if gol in GOLONGAN_PANGKAT else None
    pangkat = _clean_pangkat(re.sub(r"[,(].*$", "", text))
    return _PANGKAT_TO_GOL.get(pangkat)


def pangkat_of(golongan: str | None) -> str:
    return GOLONGAN_PANGKAT.get(golongan or "", "")


def pangkat_golongan(golongan: str | None) -> str:
    """"Penata Muda Tingkat I, III/b" as printed in letters; empty when unknown."""
    if not golongan or golongan not in GOLONGAN_PANGKAT:
        return golongan or ""
    return f"{GOLONGAN_PANGKAT[golongan]}, {golongan}"
