"""Beranda: the first tab, the state of the current event at a glance."""
