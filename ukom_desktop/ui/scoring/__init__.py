"""Penilaian: rating entry, progress, assessor meeting, results and the individual report."""
