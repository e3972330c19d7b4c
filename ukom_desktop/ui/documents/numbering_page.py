"""Numbering patterns per kind of letter, with the next number shown live and problems explained."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ukom_desktop.ui.context import AppContext

#: The pattern fields as the user sees and types them; stored patterns keep the program's names.
TOKENS = {"seq3": "nomor3", "seq": "nomor", "roman_month": "bulan_romawi", "month": "bulan", "year": "tahun"}


def shown_pattern(pattern: str) -> str:
    """"{seq}/UND/{roman_month}/{year}" -> "{nomor}/UND/{bulan_romawi}/{tahun}" (also inside sentences)."""
    for name, local in TOKENS.items():
        pattern = pattern.replace("{" + name + "}", "{" + local + "}")
    return pattern


def stored_pattern(text: str) -> str:
    for name, local in TOKENS.items():
        text = text.replace("{" + local + "}", "{" + name + "}")
    return text


class NumberingPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.edits: dict[str, QLineEdit] = {}
        self.previews: dict[str, QLabel] = {}
        self._setup_ui()

    def _setup_ui(self) -> None:
        from ukom_desktop.services.numbering import (
            NUMBERED_KINDS,
            PATTERN_FIELDS,
            last_sequence,
            numbering_patterns,
        )

        today = date.today()
        with self.context.session() as session:
            patterns = numbering_patterns(session)
            self.last = {kind: last_sequence(session, kind, today.year) for kind in NUMBERED_KINDS}
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Pola nomor setiap jenis surat. Nomor urut dimulai dari 1 setiap tahun dan tidak pernah terpakai dua "
            "kali, juga bila beberapa komputer mencetak bersamaan. Isian yang dapat dipakai:"
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        fields = QLabel("<br>".join(f"<b>{{{TOKENS.get(name, name)}}}</b>: {text}"
                                    for name, text in PATTERN_FIELDS.items()))
        fields.setWordWrap(True)
        layout.addWidget(fields)
        grid = QGridLayout()
        grid.addWidget(QLabel("<b>Jenis surat</b>"), 0, 0)
        grid.addWidget(QLabel("<b>Pola nomor</b>"), 0, 1)
        grid.addWidget(QLabel(f"<b>Nomor berikutnya ({today.year})</b>"), 0, 2)
        for row, (kind, title) in enumerate(NUMBERED_KINDS.items(), start=1):
            edit = QLineEdit(shown_pattern(patterns[kind]))
            preview = QLabel()
            preview.setWordWrap(True)
            preview.setMinimumWidth(240)
            edit.textChanged.connect(lambda _text, k=kind: self._update(k))
            grid.addWidget(QLabel(title), row, 0)
            grid.addWidget(edit, row, 1)
            grid.addWidget(preview, row, 2)
            self.edits[kind] = edit
            self.previews[kind] = preview
            self._update(kind)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)
        layout.addStretch(1)

    def _update(self, kind: str) -> None:
        from ukom_desktop.services.numbering import format_number, pattern_problems

        text = stored_pattern(self.edits[kind].text())
        problems = pattern_problems(text)
        label = self.previews[kind]
        if problems:
            label.setStyleSheet("color: #b00020;")
            label.setText(shown_pattern(" ".join(problems)))
        else:
            label.setStyleSheet("")
            label.setText(format_number(text, self.last[kind] + 1, date.today()))

    def patterns(self) -> dict[str, str]:
        return {kind: stored_pattern(edit.text().strip()) for kind, edit in self.edits.items()}

    def problems(self) -> list[str]:
        from ukom_desktop.services.numbering import NUMBERED_KINDS, pattern_problems

        return [f"{NUMBERED_KINDS[kind]}: {shown_pattern(' '.join(p))}" for kind, text in self.patterns().items()
                if (p := pattern_problems(text))]
