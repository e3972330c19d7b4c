"""The QC Laporan area: review dialog, assessor evaluation screen, print menu."""
