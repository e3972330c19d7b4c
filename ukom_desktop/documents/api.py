"""The public face of the documents layer: input dataclasses, render functions and errors.

Every `render_<kind>(data, out)` writes one PDF to a path or binary file and returns its page count.
Batch functions take `progress(done, total, message)` and `cancelled() -> bool` callbacks; a
cancelled batch raises RenderCancelled and leaves no file behind.
"""

from __future__ import annotations

from ukom_desktop.documents.assignment import build_assignment, render_assignment
from ukom_desktop.documents.attendance import build_attendance, render_attendance, render_attendance_sheets
from ukom_desktop.documents.event_report import (
    build_event_report,
    build_speech_outline,
    render_event_report,
    render_speech_outline,
)
from ukom_desktop.documents.fonts import FontsMissingError, register_fonts
from ukom_desktop.documents.letterhead import LogoError, logo_size
from ukom_desktop.documents.letters import (
    build_invitation,
    build_summons,
    letter_file_stem,
    render_invitation,
    render_invitation_files,
    render_invitations,
    render_summons,
    render_summons_files,
    render_summonses,
)
from ukom_desktop.documents.minutes import build_minutes, render_minutes
from ukom_desktop.documents.model import (
    AssignmentData,
    AttendanceSheetData,
    EventInfo,
    EventReportData,
    LetterData,
    Letterhead,
    MinutesData,
    MinutesParty,
    PaperSize,
    Person,
    RundownData,
    RundownDay,
    RundownItem,
    Signatory,
    SpeechOutlineData,
    TeamMember,
    UnitFigures,
)
from ukom_desktop.documents.output import (
    Document,
    RenderCancelled,
    iter_write_pdf,
    iter_write_pdf_files,
    safe_file_stem,
    write_pdf,
    write_pdf_files,
)
from ukom_desktop.documents.rundown import build_rundown, render_rundown
from ukom_desktop.documents.templates import (
    DEFAULT_TEMPLATES,
    FIELD_DESCRIPTIONS,
    TEMPLATE_FIELDS,
    TemplateError,
    default_template,
    render_template,
    template_problems,
)

__all__ = [
    "DEFAULT_TEMPLATES",
    "FIELD_DESCRIPTIONS",
    "TEMPLATE_FIELDS",
    "AssignmentData",
    "AttendanceSheetData",
    "Document",
    "EventInfo",
    "EventReportData",
    "FontsMissingError",
    "LetterData",
    "Letterhead",
    "LogoError",
    "MinutesData",
    "MinutesParty",
    "PaperSize",
    "Person",
    "RenderCancelled",
    "RundownData",
    "RundownDay",
    "RundownItem",
    "Signatory",
    "SpeechOutlineData",
    "TeamMember",
    "TemplateError",
    "UnitFigures",
    "build_assignment",
    "build_attendance",
    "build_event_report",
    "build_invitation",
    "build_minutes",
    "build_rundown",
    "build_speech_outline",
    "build_summons",
    "default_template",
    "iter_write_pdf",
    "iter_write_pdf_files",
    "letter_file_stem",
    "logo_size",
    "register_fonts",
    "render_assignment",
    "render_attendance",
    "render_attendance_sheets",
    "render_event_report",
    "render_invitation",
    "render_invitation_files",
    "render_invitations",
    "render_minutes",
    "render_rundown",
    "render_speech_outline",
    "render_summons",
    "render_summons_files",
    "render_summonses",
    "render_template",
    "safe_file_stem",
    "template_problems",
    "write_pdf",
    "write_pdf_files",
]
