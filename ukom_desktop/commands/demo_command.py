"""`ukom-desktop demo [--participants N] [--seed S] [--with-ratings] [--with-qc]`: a realistic demo event."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from ukom_desktop.cli import emit

from .common import add_json_flag, open_db

HELD_DAYS_AGO = 18  # a rated demo event ended 18 days ago: its reports are due yesterday (17-day plan)


def register(sub: argparse._SubParsersAction) -> None:
    demo = sub.add_parser("demo", help="buat data contoh yang realistis (satu kegiatan lengkap)")
    demo.add_argument("--participants", type=int, default=30, metavar="N", help="jumlah peserta (bawaan 30)")
    demo.add_argument("--seed", type=int, default=1, metavar="S", help="benih acak agar hasil dapat diulang")
    demo.add_argument("--with-ratings", action="store_true",
                      help="lengkapi dengan penilaian asesor, hasil rapat integrasi dan draf laporan "
                           "(kegiatan dianggap selesai 18 hari yang lalu)")
    demo.add_argument("--with-qc", action="store_true",
                      help="seperti --with-ratings, lalu sebagian laporan diajukan, dikembalikan, direvisi, "
                           "disetujui dan diserahkan melalui QC")
    demo.add_argument("--with-users", action="store_true",
                      help="tambahkan satu pengguna per peran; nama pengguna dan kata sandi sekali pakai dicetak "
                           "sekali saja")
    add_json_flag(demo)
    demo.set_defaults(handler=_demo)


def _demo(args: argparse.Namespace) -> int:
    from ukom_desktop.services.demo import build_demo

    if args.participants < 0:
        from ukom_desktop.errors import UserFacingError

        raise UserFacingError("Jumlah peserta tidak boleh negatif.")
    from ukom_desktop.db.engine import transaction

    db = open_db(args)
    try:
        with transaction(db.sessions) as session:
            summary = build_demo(session, participants=args.participants, seed=args.seed)
            data = asdict(summary)
            if args.with_ratings or args.with_qc:
                from ukom_desktop.services.demo_ratings import build_demo_ratings

                data["ratings"] = asdict(build_demo_ratings(session, summary.event_id, seed=args.seed,
                                                            held_days_ago=HELD_DAYS_AGO))
            if args.with_qc:
                from ukom_desktop.services.demo_qc import build_demo_qc

                data["qc"] = asdict(build_demo_qc(session, summary.event_id, seed=args.seed))
            if getattr(args, "with_users", False):
                from ukom_desktop.services.demo_users import build_demo_users

                data["users"] = build_demo_users(session, summary.event_id)
    finally:
        db.dispose()
    text = summary.event_code
    if data.get("users"):
        text += "\nPengguna (kata sandi sekali pakai, wajib diganti saat masuk pertama):\n" + "\n".join(
            f"  {u['username']:<12} {u['password']}  ({', '.join(u['roles'])})" for u in data["users"]
        )
    emit(args, data, text)
    return 0
