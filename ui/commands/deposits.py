"""Deposits and prepayments on the command line (finance's lists).

* ``propdesk export prepaid [--as-of YYYY-MM-DD] -o FILE.xlsx``: the prepayment balance
  list (预收余额表), one row per unit holding credit.
* ``propdesk deposits [--held]``: the deposit ledger (押金台账), newest first.
"""

from __future__ import annotations

import argparse
from typing import Any

from ui.commands import group, output_path
from ui.commands.fees import _day
from ui.commands.login import open_logged_in


def register(sub: Any) -> None:
    from ui.cli import add_db_option

    exp = group(sub, "export")
    pre = exp.add_parser("prepaid", help="export the prepayment balance list (预收余额表) to .xlsx")
    pre.add_argument("--as-of", metavar="YYYY-MM-DD", help="balances at the end of this day")
    pre.add_argument("-o", "--output", required=True, metavar="FILE.xlsx")
    add_db_option(pre)
    pre.set_defaults(func=_export_prepaid)

    dep = sub.add_parser("deposits", help="list the deposit ledger (押金台账)")
    dep.add_argument("--held", action="store_true", help="only deposits still (partly) held")
    add_db_option(dep)
    dep.set_defaults(func=_list_deposits)


def _export_prepaid(args: argparse.Namespace) -> int:
    from propdesk.fees.prepaid import prepaid_balances
    from propdesk.reporting.sheet_header import day_text, sheet_header
    from reports.excel.prepaid import write_prepaid_sheet

    target = output_path(args.output, ".xlsx")
    day = _day(args.as_of)
    database, actor = open_logged_in(args)
    try:
        with database.begin(actor) as session:
            totals = write_prepaid_sheet(
                prepaid_balances(session, day),
                target,
                title=f"预收余额表 {day.isoformat()}",
                header=sheet_header(session, "预收余额表", f"截至 {day_text(day)}"),
            )
    finally:
        database.dispose()
    total = totals.fen["预收余额"]
    print(f"已导出 {totals.rows} 户预收余额到 {target}（合计 {total / 100:,.2f} 元）。")
    return 0


def _list_deposits(args: argparse.Namespace) -> int:
    from propdesk.deposits.queries import deposit_rows

    database, actor = open_logged_in(args)
    try:
        with database.begin(actor) as session:
            rows = deposit_rows(session, held_only=args.held)
    finally:
        database.dispose()
    for r in rows:
        print(
            f"{r.receipt_no}\t{r.received_on}\t{r.unit_code}\t{r.kind_zh}\t"
            f"{r.amount_fen / 100:,.2f}\t在押 {r.held_fen / 100:,.2f}\t{r.status_zh}\t{r.description}"
        )
    held = sum(r.held_fen for r in rows)
    print(f"共 {len(rows)} 笔押金，在押合计 {held / 100:,.2f} 元。")
    return 0
