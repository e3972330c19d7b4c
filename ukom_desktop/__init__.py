"""UKOM Desktop: penilaian kompetensi ASN dari surat permintaan sampai laporan yang lolos QC."""

__version__ = "0.1.0"
APP_NAME = "UKOM Desktop"
APP_ID = "ukom-desktop"
