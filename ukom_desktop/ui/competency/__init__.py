"""Competency formulation screens: dictionary, positions and standards, exercise library, event matrix,
the formulation meeting and the Excel round trip. Dialog modules are imported when first opened.

Other parts of the window (the Kegiatan tab's event editor) call `open_event_matrix` and
`open_event_standards`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ukom_desktop.ui.context import AppContext


def open_dictionary(parent: QWidget | None, context: AppContext) -> None:
    from ukom_desktop.ui.competency.dictionary_dialog import DictionaryDialog

    DictionaryDialog(context, parent).exec()


def open_positions(parent: QWidget | None, context: AppContext, position_id: int | None = None) -> None:
    from ukom_desktop.ui.competency.positions_dialog import PositionsDialog

    PositionsDialog(context, parent, position_id).exec()


def open_exercises(parent: QWidget | None, context: AppContext) -> None:
    from ukom_desktop.ui.competency.exercises_dialog import ExercisesDialog

    ExercisesDialog(context, parent).exec()


def open_event_matrix(parent: QWidget | None, context: AppContext, event_id: int) -> None:
    """The event's exercise x competency checkbox grid with the live rule check."""
    from ukom_desktop.ui.competency.matrix_dialog import EventMatrixDialog

    EventMatrixDialog(context, event_id, parent).exec()


def open_event_standards(parent: QWidget | None, context: AppContext, event_id: int) -> None:
    """The event's target positions with their standards side by side (and the way to edit them)."""
    from ukom_desktop.ui.competency.event_standards_dialog import EventStandardsDialog

    EventStandardsDialog(context, event_id, parent).exec()


def open_formulation(parent: QWidget | None, context: AppContext, event_id: int) -> None:
    from ukom_desktop.ui.competency.formulation_dialog import FormulationDialog

    FormulationDialog(context, event_id, parent).exec()
