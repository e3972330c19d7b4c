"""Administration of an event (issue 16): the Cetak > Administrasi kegiatan menu."""
