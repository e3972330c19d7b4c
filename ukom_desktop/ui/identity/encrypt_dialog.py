"""Berkas > Enkripsi basis data... (filled in with the SQLCipher work)."""
