"""Bahasa Indonesia for Qt's own texts, and the Indonesian locale for dates and numbers.

Qt ships no Indonesian translation (there is no qtbase_id.qm), so the project keeps its own for the
texts a user meets in Qt's standard widgets: message box and button box buttons, the file dialog, the
text fields' context menu, the wizard and the calendar. `install_indonesian` also sets QLocale id_ID as
the default (month and day names, decimal comma, thousands dot) and asks for Qt's own (translatable,
non-native) file dialogs, so every dialog speaks Indonesian on every platform.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator

_EDIT = {
    "&Undo": "&Urungkan", "&Redo": "Ulan&gi", "Cu&t": "Po&tong", "&Copy": "&Salin", "&Paste": "T&empel",
    "Delete": "Hapus", "Select All": "Pilih semua", "Copy &Link Location": "Salin &alamat tautan",
}

TEXTS: dict[str, dict[str, str]] = {
    "QPlatformTheme": {
        "OK": "Oke", "Save": "Simpan", "Save All": "Simpan semua", "Open": "Buka", "&Yes": "&Ya",
        "Yes to &All": "Ya untuk &semua", "&No": "&Tidak", "N&o to All": "T&idak untuk semua", "Abort": "Hentikan",
        "Retry": "Coba lagi", "Ignore": "Abaikan", "Close": "Tutup", "Cancel": "Batal", "Discard": "Buang",
        "Help": "Bantuan", "Apply": "Terapkan", "Reset": "Atur ulang", "Restore Defaults": "Kembalikan bawaan",
    },
    "QMessageBox": {
        "Show Details...": "Tampilkan rincian...", "Hide Details...": "Sembunyikan rincian...", "OK": "Oke",
        "About Qt": "Tentang Qt",
    },
    "QDialogButtonBox": {"OK": "Oke", "Cancel": "Batal", "&Yes": "&Ya", "&No": "&Tidak", "Close": "Tutup"},
    "QProgressDialog": {"Cancel": "Batal"},
    "QInputDialog": {"Enter a value:": "Masukkan nilai:"},
    "QWizard": {
        "< &Back": "< &Kembali", "&Next >": "&Lanjut >", "&Next": "&Lanjut", "&Finish": "&Selesai",
        "Cancel": "Batal", "Commit": "Terapkan", "Continue": "Lanjutkan", "Done": "Selesai", "Go Back": "Kembali",
        "Help": "Bantuan", "&Help": "&Bantuan",
    },
    "QLineEdit": _EDIT,
    "QWidgetTextControl": _EDIT,
    "QCalendarWidget": {"Previous Month": "Bulan sebelumnya", "Next Month": "Bulan berikutnya", "Week": "Mgg"},
    "QAbstractFileIconProvider": {"Drive": "Drive", "Folder": "Folder", "File": "Berkas"},
    "QFileSystemModel": {
        "Name": "Nama", "Size": "Ukuran", "Type": "Jenis", "Date Modified": "Tanggal diubah", "Computer": "Komputer",
        "My Computer": "Komputer", "Kind": "Jenis", "%1 TB": "%1 TB", "%1 GB": "%1 GB", "%1 MB": "%1 MB",
        "%1 KB": "%1 KB", "%1 bytes": "%1 bita", "Invalid filename": "Nama berkas tidak sah",
        "<b>The name \"%1\" cannot be used.</b><p>Try using another name, with fewer characters or no punctuation "
        "marks.": "<b>Nama \"%1\" tidak dapat dipakai.</b><p>Coba nama lain yang lebih pendek atau tanpa tanda baca.",
    },
    "QFileDialog": {
        "&Open": "&Buka", "&Save": "&Simpan", "&Choose": "&Pilih", "Open": "Buka", "Save As": "Simpan sebagai",
        "Find Directory": "Pilih folder", "&Look in:": "&Cari di:", "Look in:": "Cari di:",
        "File &name:": "&Nama berkas:", "Files of &type:": "&Jenis berkas:", "Directory:": "Folder:",
        "Back": "Kembali", "Forward": "Maju", "Go back": "Kembali", "Go forward": "Maju",
        "Parent Directory": "Folder induk", "Go to the parent directory": "Ke folder induk",
        "Create New Folder": "Buat folder baru", "Create a New Folder": "Buat folder baru",
        "&New Folder": "Folder &baru", "New Folder": "Folder baru", "List View": "Tampilan daftar",
        "Detail View": "Tampilan rincian", "Change to list view mode": "Tampilkan sebagai daftar",
        "Change to detail view mode": "Tampilkan dengan rincian", "Sidebar": "Panel samping",
        "List of places and bookmarks": "Daftar tempat dan penanda", "Files": "Berkas", "Directories": "Folder",
        "Directory": "Folder", "File": "Berkas", "File Folder": "Folder", "Folder": "Folder", "Drive": "Drive",
        "Unknown": "Tidak diketahui", "All Files (*)": "Semua berkas (*)", "All Files (*.*)": "Semua berkas (*.*)",
        "Show &hidden files": "Tampilkan berkas &tersembunyi", "&Rename": "&Ganti nama", "&Delete": "&Hapus",
        "Show ": "Tampilkan ", "Delete": "Hapus", "Recent Places": "Tempat terakhir",
        "%1 already exists.\nDo you want to replace it?": "%1 sudah ada.\nGanti berkas itu?",
        "%1\nFile not found.\nPlease verify the correct file name was given.":
            "%1\nBerkas tidak ditemukan.\nPeriksa kembali nama berkasnya.",
        "%1\nDirectory not found.\nPlease verify the correct directory name was given.":
            "%1\nFolder tidak ditemukan.\nPeriksa kembali nama foldernya.",
        "'%1' is write protected.\nDo you want to delete it anyway?":
            "'%1' dilindungi dari penulisan.\nTetap hapus?",
        "Are you sure you want to delete '%1'?": "Yakin menghapus '%1'?",
        "Could not delete directory.": "Folder tidak dapat dihapus.",
    },
}


class IndonesianTranslator(QTranslator):
    """Answers Qt's own texts from TEXTS; anything not listed keeps Qt's text."""

    def translate(self, context: str, source: str, disambiguation: str | None = None,  # type: ignore[override]
                  n: int = -1) -> str | None:
        return TEXTS.get(context, {}).get(source)

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return False


INDONESIAN = QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)
_installed: list[QTranslator] = []


def install_indonesian(app: QCoreApplication) -> None:
    """Indonesian locale and Qt texts for the whole application (idempotent)."""
    QLocale.setDefault(INDONESIAN)
    app.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)
    if not _installed:
        translator = IndonesianTranslator(app)
        app.installTranslator(translator)
        _installed.append(translator)
