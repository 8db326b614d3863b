"""The cashier's daily close (日结) of 1,000 payments, against the raw SQL in the same run.

    python benchmarks/bench_daily_close.py [--payments 1000] [--repeat 5] [--smoke]

One cashier takes ``--payments`` receipts on one day (cash, card, WeChat; every 50th
voided the same day). Timed: :func:`propdesk.fees.daily_close.close_day` (the figures by
method, receipt range, voids, cash expected, and the stored close) in one transaction that
is rolled back after each repeat, vs the figures' SQL replayed on a raw sqlite3 connection.
Target < 0.5 s. ``--smoke`` uses 100 payments and one repeat.
"""

from __future__ import annotations

import argparse
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path

from _common import captured_sql, fresh_database, median_seconds, ratio_line, raw_connection, replay
from sqlalchemy import insert

from propdesk import clock
from propdesk.auth.actor import Actor, Role
from propdesk.fees.daily_close import close_day, day_figures
from propdesk.fees.models import Payment
from propdesk.registry import services as reg

DAY = date(2026, 6, 15)
CASHIER = Actor(user_id=None, username="cashier", display_name="收款员甲", role=Role.CLERK)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--payments", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--smoke", action="store_true")
    args = parser.parse_args()
    if args.smoke:
        args.payments, args.repeat = 100, 1
    fixed = clock.FixedClock(clock.local_datetime(DAY, datetime(2000, 1, 1, 18).time()))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.sqlite"
        db = fresh_database(path)
        with db.begin(Actor.system()) as s:
            estate = reg.create_estate(s, name="翠湖苑")
            building = reg.create_building(s, estate_id=estate, code="1", floors=18)
            unit = reg.create_unit(s, building_id=building, entrance=1, room="0101", area="90")
            methods = ("cash", "cash", "card", "wechat")
            at = datetime(2026, 6, 15, 2, tzinfo=UTC)
            s.execute(
                insert(Payment),
                [
                    {
                        "receipt_no": f"2026{i:06d}",
                        "unit_id": unit,
                        "paid_at": at,
                        "paid_on": DAY,
                        "amount_fen": 10_000 + i,
                        "method": methods[i % 4],
                        "txn_ref": f"WX{i:08d}" if methods[i % 4] == "wechat" else None,
                        "taken_by": CASHIER.display_name,
                        "voided": i % 50 == 0,
                        "voided_at": at if i % 50 == 0 else None,
                        "void_reason": "收错" if i % 50 == 0 else "",
                    }
                    for i in range(1, args.payments + 1)
                ],
            )

        def ours() -> None:
            with db.session_factory() as session:
                session.info["actor"] = CASHIER
                session.info["clock"] = fixed
                with session.begin():
                    f = day_figures(session, day=DAY, cashier=CASHIER.display_name)
                    close_day(session, day=DAY, cash_counted_fen=f.cash_expected_fen)
                    session.rollback()

        with db.session_factory() as session:
            session.info["clock"] = fixed
            with captured_sql(db.engine) as seen:
                day_figures(session, day=DAY, cashier=CASHIER.display_name)
        conn = raw_connection(path)
        ours()  # warm up
        t_ours = median_seconds(ours, args.repeat)
        t_raw = median_seconds(lambda: replay(conn, seen), args.repeat)
        print(f"daily close of {args.payments} payments (target < 0.5 s)")
        print(ratio_line("close_day (figures + stored close)", t_ours, t_raw))
        print("PASS" if t_ours < 0.5 else "SLOW")


if __name__ == "__main__":
    main()
