"""Dialogs of the Peserta tab: import wizard, participant editor, bulk actions, grouping, directory."""
