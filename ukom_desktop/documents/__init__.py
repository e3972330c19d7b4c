"""ReportLab templates for every printed document. Inputs are plain dataclasses; no Qt, no Session."""
