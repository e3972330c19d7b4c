"""Bantuan: short guides per tab (F1) and Bantuan > Panduan."""
