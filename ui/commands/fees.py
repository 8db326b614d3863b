"""Fees on the command line, for finance's scheduled work (same code paths as the app).

* ``propdesk bill --month YYYY-MM``: the billing run of a month (idempotent, all or nothing).
* ``propdesk export fees --month YYYY-MM [--to YYYY-MM] [--per-building] -o FILE.xlsx``:
  the fee collection sheet (收费明细表) of a month or a range of months.
* ``propdesk export arrears [--as-of YYYY-MM-DD] [--per-building] -o FILE.xlsx``: 欠费明细表.
* ``propdesk print notices --month YYYY-MM [--building B] -o FILE.pdf``: payment notices.
* ``propdesk print reminders [--as-of YYYY-MM-DD] [--building B] -o FILE.pdf``: reminder letters.
Printed notices and letters are logged on each unit.
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.auth.actor import Actor, Role
from propdesk.errors import NotFound
from propdesk.fees.periods import parse_period
from propdesk.registry import services as reg
from ui.commands import group, open_db_from_args, output_path

# Scheduled finance work runs as finance: billing allowed, phones masked in exports.
CLI_ACTOR = Actor(
    user_id=None, username="finance-cli", display_name="财务（命令行）", role=Role.FINANCE
)


def register(sub: Any) -> None:
    from ui.cli import add_db_option

    bill = sub.add_parser("bill", help="run the monthly billing (出账) of a month")
    bill.add_argument("--month", required=True, metavar="YYYY-MM")
    add_db_option(bill)
    bill.set_defaults(func=_bill)

    exp = group(sub, "export")
    fees = exp.add_parser("fees", help="export the fee collection sheet (收费明细表) to .xlsx")
    fees.add_argument("--month", required=True, metavar="YYYY-MM", help="the (first) month")
    fees.add_argument("--to", metavar="YYYY-MM", help="last month of a range (e.g. a year)")
    fees.add_argument("--per-building", action="store_true", help="one sheet per building")
    fees.add_argument("-o", "--output", required=True, metavar="FILE.xlsx")
    add_db_option(fees)
    fees.set_defaults(func=_export_fees)

    arr = exp.add_parser("arrears", help="export the arrears sheet (欠费明细表) to .xlsx")
    arr.add_argument("--as-of", metavar="YYYY-MM-DD", help="the day of the arrears (default today)")
    arr.add_argument("--per-building", action="store_true", help="one sheet per building")
    arr.add_argument("-o", "--output", required=True, metavar="FILE.xlsx")
    add_db_option(arr)
    arr.set_defaults(func=_export_arrears)

    prn = group(sub, "print")
    notices = prn.add_parser("notices", help="print payment notices (缴费通知单) of a month")
    notices.add_argument("--month", required=True, metavar="YYYY-MM")
    notices.add_argument("--building", metavar="CODE", help="only this building (default: estate)")
    notices.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    add_db_option(notices)
    notices.set_defaults(func=_print_notices)

    rem = prn.add_parser("reminders", help="print the reminder letters (催缴函) now due")
    rem.add_argument("--as-of", metavar="YYYY-MM-DD", help="the letters' date (default today)")
    rem.add_argument("--building", metavar="CODE", help="only this building (default: estate)")
    rem.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    add_db_option(rem)
    rem.set_defaults(func=_print_reminders)


def _day(text: str | None) -> date:
    from ui.cli import CliError

    if not text:
        return clock.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CliError(f"日期格式应为 YYYY-MM-DD：{text}") from None


def _building_id(session: Session, code: str | None) -> int | None:
    if not code:
        return None
    for b in reg.list_buildings(session):
        if b.code == code.strip():
            return b.id
    raise NotFound(f"没有编号为 {code} 的楼栋。")


def _bill(args: argparse.Namespace) -> int:
    from propdesk.fees.billing import run_billing

    database = open_db_from_args(args)
    try:
        with database.begin(CLI_ACTOR) as session:
            result = run_billing(session, args.month)
    finally:
        database.dispose()
    if result.lines_created:
        print(
            f"{result.period}：已生成 {result.lines_created} 条账单，合计 {result.amount_fen / 100:,.2f} 元。"
        )
    else:
        print(f"{result.period}：账单已全部生成，没有新增。")
    if result.items_without_rate:
        print("未设置单价、未出账的项目：" + "、".join(result.items_without_rate))
    return 0


def _export_fees(args: argparse.Namespace) -> int:
    from propdesk.fees.exports import fee_sheet_rows
    from reports.excel.fees import write_fee_sheet

    target = output_path(args.output, ".xlsx")
    first = parse_period(args.month)
    last = parse_period(args.to) if args.to else first
    database = open_db_from_args(args)
    try:
        with database.begin(CLI_ACTOR) as session:
            title = f"收费明细表 {first}" + (f" 至 {last}" if last != first else "")
            totals = write_fee_sheet(
                fee_sheet_rows(session, first, last),
                target,
                title=title[:31],
                per_building=args.per_building,
            )
    finally:
        database.dispose()
    rows = sum(t.rows for t in totals.values())
    billed = sum(t.fen["应收"] for t in totals.values())
    paid = sum(t.fen["实收"] for t in totals.values())
    print(
        f"已导出 {rows} 行到 {target}（应收 {billed / 100:,.2f} 元，实收 {paid / 100:,.2f} 元）。"
    )
    return 0


def _export_arrears(args: argparse.Namespace) -> int:
    from propdesk.fees.exports import arrears_sheet_rows
    from reports.excel.fees import write_arrears_sheet

    target = output_path(args.output, ".xlsx")
    day = _day(args.as_of)
    database = open_db_from_args(args)
    try:
        with database.begin(CLI_ACTOR) as session:
            totals = write_arrears_sheet(
                arrears_sheet_rows(session, day),
                target,
                title=f"欠费明细表 {day.isoformat()}",
                per_building=args.per_building,
            )
    finally:
        database.dispose()
    rows = sum(t.rows for t in totals.values())
    owed = sum(t.fen["欠费金额"] for t in totals.values())
    print(f"已导出 {rows} 行欠费到 {target}（合计 {owed / 100:,.2f} 元）。")
    return 0


def _print_notices(args: argparse.Namespace) -> int:
    from propdesk.fees.notices import estate_header, log_notices, notice_pages
    from reports.pdf.fee_notices import notices_pdf

    target = output_path(args.output, ".pdf")
    period = parse_period(args.month)
    database = open_db_from_args(args)
    try:
        with database.begin(CLI_ACTOR) as session:
            pages = notice_pages(session, period, building_id=_building_id(session, args.building))
            header = estate_header(session)
        target.write_bytes(notices_pdf(pages, header))
        with database.begin(CLI_ACTOR) as session:
            log_notices(session, [(p.unit_id, "notice", 0, period, p.total_fen) for p in pages])
    finally:
        database.dispose()
    print(f"已打印 {len(pages)} 份缴费通知单到 {target}。")
    return 0


def _print_reminders(args: argparse.Namespace) -> int:
    from propdesk.fees.notices import estate_header, log_notices, reminder_letters
    from reports.pdf.fee_notices import letters_pdf

    target = output_path(args.output, ".pdf")
    day = _day(args.as_of)
    database = open_db_from_args(args)
    try:
        with database.begin(CLI_ACTOR) as session:
            letters = reminder_letters(
                session, as_of=day, building_id=_building_id(session, args.building)
            )
            header = estate_header(session)
        target.write_bytes(letters_pdf(letters, header))
        with database.begin(CLI_ACTOR) as session:
            log_notices(
                session, [(x.unit_id, "reminder", x.level, "", x.owed_fen) for x in letters], on=day
            )
    finally:
        database.dispose()
    print(f"已打印 {len(letters)} 份催缴函到 {target}。")
    return 0
