"""Administration of an event (issue 16): `budget --event CODE [--json]`, `export budget`, and the
print kinds honoraria, receipts, decree-team, decree-participants, agreement, briefing, delivery."""

from __future__ import annotations

import argparse

from ukom_desktop.cli import emit

from .common import add_json_flag, open_db
from .registry import register_kind


def register(sub: argparse._SubParsersAction) -> None:
    budget = sub.add_parser("budget", help="rencana anggaran biaya (RAB), honorarium dan PPh, realisasi")
    budget.add_argument("--event", required=True, metavar="KODE", help="kode kegiatan")
    add_json_flag(budget)
    budget.set_defaults(handler=_budget)
    rates = sub.add_parser("rates", help="tabel tarif (standar biaya masukan), PPh non-PNS, MAK dan penanda tangan SPJ")
    rates.add_argument("--set", action="append", default=[], metavar="KODE=RUPIAH",
                       help="ubah tarif satu kode, misalnya honor_asesor=450000 (boleh berulang)")
    rates.add_argument("--year", type=int, metavar="TAHUN", help="tahun anggaran tabel tarif (bawaan: tabel umum)")
    rates.add_argument("--non-pns", metavar="PERSEN", help="tarif PPh penerima tanpa golongan (non-PNS)")
    rates.add_argument("--mak", metavar="KODE", help="kode MAK (program.kegiatan.output.komponen)")
    rates.add_argument("--ppk", metavar="NAMA", help="nama Pejabat Pembuat Komitmen")
    rates.add_argument("--ppk-nip", default="", metavar="NIP")
    rates.add_argument("--treasurer", metavar="NAMA", help="nama Bendahara Pengeluaran")
    rates.add_argument("--treasurer-nip", default="", metavar="NIP")
    add_json_flag(rates)
    rates.set_defaults(handler=_rates)
    register_kind("export", "budget", "RAB, daftar nominatif honorarium dan realisasi (xlsx)", _out_args,
                  _export_budget)
    for name, help_text in SPJ_KINDS.items():
        register_kind("print", name, help_text, _spj_args, _spj_handler(name))
    for name, help_text in LETTER_KINDS.items():
        register_kind("print", name, help_text, _letter_args, _letter_handler(name))


SPJ_TITLES = {"honoraria": "Daftar nominatif honorarium", "receipts": "Kuitansi honorarium",
              "briefing": "Bahan paparan pembukaan",
              "consumption": "Daftar hadir konsumsi", "realisation": "Rekap realisasi anggaran"}
SPJ_KINDS = {
    "honoraria": "daftar nominatif honorarium dengan PPh dan tanda tangan (SPJ)",
    "receipts": "kuitansi honorarium, satu halaman per penerima (SPJ)",
    "consumption": "daftar hadir penerima konsumsi per hari (SPJ)",
    "realisation": "rekap realisasi anggaran terhadap RAB (SPJ)",
    "briefing": "bahan paparan pembukaan untuk proyektor (PDF mendatar)",
}


LETTER_KINDS = {
    "decree-team": "SK pembentukan tim penilai kompetensi dengan lampiran susunan tim",
    "decree-participants": "SK peserta penilaian kompetensi dengan lampiran daftar peserta",
    "agreement": "perjanjian kerja sama dengan instansi pemohon (SOP 002)",
    "delivery": "surat penyampaian hasil kepada instansi pemohon dengan tanda terima",
}


def _letter_args(parser: argparse.ArgumentParser) -> None:
    _out_args(parser)
    parser.add_argument("--date", metavar="YYYY-MM-DD", help="tanggal penetapan/naskah (bawaan: hari ini)")
    parser.add_argument("--renumber", action="store_true", help="beri nomor baru (naskah pengganti)")
    if parser.prog.endswith("delivery"):
        parser.add_argument("--copy", action="append", default=[], metavar="TEKS", help="tembusan (boleh berulang)")
    if parser.prog.endswith("agreement"):
        parser.add_argument("--partner", default="", metavar="INSTANSI", help="pihak kedua (bawaan: instansi pemohon)")
        parser.add_argument("--partner-signer", default="", metavar="NAMA", help="penanda tangan pihak kedua")
        parser.add_argument("--partner-position", default="", metavar="JABATAN", help="jabatan penanda tangan")
        parser.add_argument("--partner-number", default="", metavar="NOMOR", help="nomor perjanjian pihak kedua")
        parser.add_argument("--cost", type=int, metavar="RUPIAH", help="biaya (bawaan: jumlah RAB kegiatan)")
        parser.add_argument("--duration", default="6 (enam) bulan", metavar="TEKS", help="jangka waktu")


def _letter_handler(kind: str):  # type: ignore[no-untyped-def]
    def handler(args: argparse.Namespace) -> int:
        from ukom_desktop.db.engine import transaction
        from ukom_desktop.services import administration_letters as letters
        from ukom_desktop.services.results import find_event

        db = open_db(args)
        try:
            with transaction(db.sessions) as session:
                event_id = find_event(session, args.event).id
                when = _parse_date(args.date)
                if kind == "delivery":
                    result = letters.print_delivery(session, event_id, args.out, when=when, renumber=args.renumber,
                                                    copies=tuple(args.copy))
                elif kind == "agreement":
                    options = letters.AgreementOptions(
                        args.partner, args.partner_signer, args.partner_position, args.partner_number, args.cost,
                        args.duration)
                    result = letters.print_agreement(session, event_id, args.out, options, when=when,
                                                     renumber=args.renumber)
                else:
                    result = letters.print_decree(session, event_id, kind.split("-")[1], args.out, when=when,
                                                  renumber=args.renumber)
        finally:
            db.dispose()
        note = " (dicetak ulang dengan nomor yang sudah terbit)" if result.reprint else ""
        emit(args, {"berkas": str(result.file), "halaman": result.pages, "nomor": result.number,
                    "tanggal": result.issued_on.isoformat()},
             f"{LETTER_KINDS[kind].split(' dengan')[0]} nomor {result.number}{note} tersimpan: {result.file} "
             f"({result.pages} halaman)")
        return 0

    return handler


def _spj_args(parser: argparse.ArgumentParser) -> None:
    _out_args(parser)
    parser.add_argument("--date", metavar="YYYY-MM-DD", help="tanggal dokumen (bawaan: hari ini)")
    if parser.prog.endswith("briefing"):
        parser.add_argument("--day", metavar="YYYY-MM-DD", help="hari yang ditampilkan (bawaan: hari pertama)")
    else:
        parser.add_argument("--realised", action="store_true",
                            help="honorarium menurut realisasi (peserta yang hadir)")


def _parse_date(text: str | None) -> object:
    from datetime import date

    from ukom_desktop.errors import UserFacingError

    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UserFacingError(f"Tanggal '{text}' tidak dikenali; tulis sebagai TTTT-BB-HH, misalnya 2026-11-23.") \
            from None


def _spj_handler(kind: str):  # type: ignore[no-untyped-def]
    def handler(args: argparse.Namespace) -> int:
        from ukom_desktop.db.engine import transaction
        from ukom_desktop.services.administration_docs import print_briefing, print_spj
        from ukom_desktop.services.results import find_event

        db = open_db(args)
        try:
            with transaction(db.sessions) as session:
                event_id = find_event(session, args.event).id
                if kind == "briefing":
                    result = print_briefing(session, event_id, args.out, day=_parse_date(args.day))
                else:
                    result = print_spj(session, event_id, kind, args.out, when=_parse_date(args.date),
                                       realised=args.realised)
        finally:
            db.dispose()
        text = "\n".join([f"{SPJ_TITLES[kind]} tersimpan: {result.file} "
                          f"({result.pages} halaman)", *result.warnings])
        emit(args, {"berkas": str(result.file), "halaman": result.pages, "peringatan": list(result.warnings)}, text)
        return 0

    return handler


def _out_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--event", required=True, metavar="KODE", help="kode kegiatan")
    parser.add_argument("--out", required=True, metavar="BERKAS", help="berkas tujuan")
    add_json_flag(parser)


def _budget(args: argparse.Namespace) -> int:
    from ukom_desktop.domain.budget import thousands
    from ukom_desktop.services.budget import budget_as_json, event_budget
    from ukom_desktop.services.results import find_event

    db = open_db(args)
    try:
        with db.sessions() as session:
            event = find_event(session, args.event)
            budget = event_budget(session, event.id)
            title = f"{event.code} - {event.name}"
    finally:
        db.dispose()
    lines = [f"RAB {title} (MAK {budget.mak})"]
    for group in budget.groups:
        lines.append(f"{group.account} {group.name}: {thousands(group.amount)} (realisasi {thousands(group.realised)})")
        for line in group.lines:
            lines.append(f"   {line.description}: {line.volume} {line.unit} x {thousands(line.rate)} = "
                         f"{thousands(line.amount)}")
    lines.append(f"Jumlah: {thousands(budget.amount)}; realisasi {thousands(budget.realised)}")
    pph = sum(h.tax for h in budget.honoraria)
    lines.append(f"Honorarium: {len(budget.honoraria)} penerima, bruto "
                 f"{thousands(sum(h.gross for h in budget.honoraria))}, PPh {thousands(pph)}")
    if budget.examples:
        lines.append("Catatan: sebagian tarif masih nilai contoh (standar biaya masukan belum diisi).")
    emit(args, budget_as_json(budget), "\n".join(lines))
    return 0


def _rates(args: argparse.Namespace) -> int:
    from decimal import Decimal, InvalidOperation

    from ukom_desktop.db.engine import transaction
    from ukom_desktop.domain.budget import BASIS_LABEL, thousands
    from ukom_desktop.errors import UserFacingError
    from ukom_desktop.services import budget as svc
    from ukom_desktop.services.administration_docs import PPK_KEY, TREASURER_KEY
    from ukom_desktop.services.settings import get_setting, set_setting

    db = open_db(args)
    try:
        with transaction(db.sessions) as session:
            table = list(svc.rate_table(session, year=args.year))
            if args.set:
                changed = dict(table_entry.split("=", 1) for table_entry in args.set if "=" in table_entry)
                known = {r.code for r in table}
                unknown = sorted(set(changed) - known) + [e for e in args.set if "=" not in e]
                if unknown:
                    raise UserFacingError(f"Kode tarif tidak dikenal: {', '.join(unknown)}. Kode yang ada: "
                                          f"{', '.join(sorted(known))}.")
                try:
                    amounts = {code: int(value.replace(".", "")) for code, value in changed.items()}
                except ValueError:
                    raise UserFacingError("Tarif harus bilangan bulat rupiah, misalnya honor_asesor=450000.") from None
                from dataclasses import replace

                table = [replace(r, amount=amounts[r.code], example=False) if r.code in amounts else r for r in table]
                svc.save_rate_table(session, table, args.year)
                table = list(svc.rate_table(session, year=args.year))
            if args.non_pns is not None:
                try:
                    percent = Decimal(args.non_pns.replace(",", "."))
                except InvalidOperation:
                    raise UserFacingError("Tarif PPh non-PNS harus berupa angka persen, misalnya 5.") from None
                if not 0 <= percent <= 100:
                    raise UserFacingError("Tarif PPh non-PNS harus antara 0 dan 100 persen.")
                set_setting(session, svc.NON_PNS_KEY, str(percent))
            if args.mak is not None:
                set_setting(session, svc.MAK_KEY, args.mak.strip())
            if args.ppk is not None:
                set_setting(session, PPK_KEY, {"name": args.ppk.strip(), "nip": args.ppk_nip.strip()})
            if args.treasurer is not None:
                set_setting(session, TREASURER_KEY, {"name": args.treasurer.strip(), "nip": args.treasurer_nip.strip()})
            non_pns = get_setting(session, svc.NON_PNS_KEY, str(svc.DEFAULT_NON_PNS_PERCENT))
            mak = get_setting(session, svc.MAK_KEY, svc.DEFAULT_MAK)
    finally:
        db.dispose()
    lines = [f"{r.code}: {r.description} ({r.account}), {BASIS_LABEL[r.basis]}, Rp{thousands(r.amount)}"
             + (" [contoh]" if r.example else "") for r in table]
    lines.append(f"PPh non-PNS: {non_pns}%; MAK: {mak}")
    payload = {"tarif": [{"kode": r.code, "uraian": r.description, "akun": r.account, "dasar": r.basis,
                          "tarif": r.amount, "contoh": r.example} for r in table],
               "pph_non_pns": str(non_pns), "mak": mak}
    emit(args, payload, "\n".join(lines))
    return 0


def _export_budget(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ukom_desktop.services.budget_exports import write_budget_workbook
    from ukom_desktop.services.results import find_event

    out = Path(args.out)
    db = open_db(args)
    try:
        with db.sessions() as session:
            write_budget_workbook(session, find_event(session, args.event).id, out)
    finally:
        db.dispose()
    emit(args, {"berkas": str(out)}, f"RAB dan daftar nominatif honorarium tersimpan: {out}")
    return 0
