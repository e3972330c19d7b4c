"""Dialogs of the Kegiatan tab: event editor (status, checklist, rundown) and the feature menu."""
