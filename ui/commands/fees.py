"""Fees on the command line, for finance's scheduled work (same code paths as the app).

Every command logs in (``--user``; see :mod:`ui.commands.login`) and runs as that user:
billing needs a finance or manager login, ``bill-reverse`` a manager's.

* ``propdesk bill --month YYYY-MM [--yes] [--skip-meters]``: the billing run of a month
  (idempotent, all or nothing). It prints what it would write (lines, amount, meters without
  a reading) and asks for confirmation unless ``--yes``; ``--skip-meters`` bills the rest now
  and leaves water and electricity for a later run of the same month.
* ``propdesk bill-runs``: the recent billing runs with their numbers (reversed ones marked).
* ``propdesk bill-reverse RUN_ID --reason TEXT [--yes]``: undo an unpaid billing run (撤销出账),
  as a manager; asks for confirmation unless ``--yes``. A run with payments, waivers or late
  fees is refused (one line, exit code 2).
* ``propdesk export fees --month YYYY-MM [--to YYYY-MM] [--per-building] -o FILE.xlsx``:
  the fee collection sheet (收费明细表) of a month or a range of months.
* ``propdesk export arrears [--as-of YYYY-MM-DD] [--per-building] -o FILE.xlsx``: 欠费明细表.
* ``propdesk export calls [--as-of YYYY-MM-DD] -o FILE.xlsx``: the arrears call list (phones
  in full only for the roles that may see them).
* ``propdesk print notices --month YYYY-MM [--building B] -o FILE.pdf``: payment notices.
* ``propdesk print reminders [--as-of YYYY-MM-DD] [--building B] -o FILE.pdf``: reminder letters.
Printed notices and letters are logged on each unit.
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.errors import NotFound
from propdesk.fees.date_bounds import check_day, check_month_range
from propdesk.fees.periods import parse_period
from propdesk.files import write_private
from propdesk.registry import services as reg
from ui.commands import group, output_path
from ui.commands.login import open_logged_in

if TYPE_CHECKING:
    from propdesk.fees.billing_plan import BillingPlan


def register(sub: Any) -> None:
    from ui.cli import add_db_option

    bill = sub.add_parser("bill", help="run the monthly billing (出账) of a month")
    bill.add_argument("--month", required=True, metavar="YYYY-MM")
    bill.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    bill.add_argument(
        "--skip-meters",
        action="store_true",
        help="bill everything but water/electricity now; run again once readings are in",
    )
    add_db_option(bill)
    bill.set_defaults(func=_bill)

    runs = sub.add_parser("bill-runs", help="list the recent billing runs (出账记录)")
    runs.add_argument("--limit", type=int, default=20, help="how many runs (default 20)")
    add_db_option(runs)
    runs.set_defaults(func=_bill_runs)

    rev = sub.add_parser("bill-reverse", help="reverse (撤销) an unpaid billing run")
    rev.add_argument("run_id", type=int, metavar="RUN_ID", help="the run's number (bill-runs)")
    rev.add_argument("--reason", required=True, help="why the run is reversed")
    rev.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    add_db_option(rev)
    rev.set_defaults(func=_bill_reverse)

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

    calls = exp.add_parser(
        "calls", help="export the arrears call list (欠费催缴电话清单: who to call) to .xlsx"
    )
    calls.add_argument(
        "--as-of", metavar="YYYY-MM-DD", help="the day of the arrears (default today)"
    )
    calls.add_argument("-o", "--output", required=True, metavar="FILE.xlsx")
    add_db_option(calls)
    calls.set_defaults(func=_export_calls)

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
    """``--as-of``: today without one; a clear refusal for 0001-01-01 and the like."""
    from ui.cli import CliError

    today = clock.today()
    if not text:
        return today
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise CliError(f"日期格式应为 YYYY-MM-DD：{text}") from None
    return check_day(day, today, "as_of", "日期")


def _building_id(session: Session, code: str | None) -> int | None:
    if not code:
        return None
    for b in reg.list_buildings(session):
        if b.code == code.strip():
            return b.id
    raise NotFound(f"没有编号为 {code} 的楼栋。")


def _bill(args: argparse.Namespace) -> int:
    from propdesk.fees.billing import run_billing
    from propdesk.fees.billing_plan import plan_billing

    database, actor = open_logged_in(args)
    try:
        with database.begin(actor) as session:
            plan = plan_billing(session, args.month)
        _print_plan(plan, skip_meters=args.skip_meters)
        lines = plan.rest_lines if args.skip_meters else plan.lines
        asked = lines > 0 and not args.yes  # nothing to write: nothing to confirm
        if asked and not _confirmed(f"确认生成 {plan.period} 的账单？请输入 y 确认："):
            print("已取消，没有生成任何账单。")
            return 1
        skip = plan.metered_codes if args.skip_meters else ()
        with database.begin(actor) as session:
            result = run_billing(session, plan.period, skip_items=skip)
    finally:
        database.dispose()
    if result.lines_created:
        print(
            f"{result.period}：已生成 {result.lines_created} 条账单，合计 {_yuan(result.amount_fen)} 元。"
        )
    else:
        print(f"{result.period}：账单已全部生成，没有新增。")
    return 0


def _bill_runs(args: argparse.Namespace) -> int:
    from propdesk.fees.billing_plan import list_runs

    database, actor = open_logged_in(args)
    try:
        with database.begin(actor) as session:
            runs = list_runs(session, limit=max(1, min(args.limit, 500)))
    finally:
        database.dispose()
    if not runs:
        print("还没有出账记录。")
    for r in runs:
        line = (
            f"{r.id}\t{r.period}\t{r.lines_created} 条\t{_yuan(r.amount_fen)} 元\t"
            f"{r.run_by} {r.started_at_local}"
        )
        if r.reversed:
            line += f"\t已撤销（{r.reversed_by} {r.reversed_at_local}：{r.reversal_reason}）"
        print(line)
    return 0


def _bill_reverse(args: argparse.Namespace) -> int:
    from propdesk.fees.billing_plan import get_run, reverse_billing_run

    database, actor = open_logged_in(args)
    try:
        with database.begin(actor) as session:
            run = get_run(session, args.run_id)
        print(
            f"出账记录 {run.id}：{run.period}，{run.lines_created} 条账单，"
            f"合计 {_yuan(run.amount_fen)} 元（{run.run_by} {run.started_at_local}）。"
        )
        if not args.yes and not _confirmed("确认撤销这次出账？其账单将被删除。请输入 y 确认："):
            print("已取消，没有撤销。")
            return 1
        with database.begin(actor) as session:
            removed = reverse_billing_run(session, run.id, reason=args.reason)
    finally:
        database.dispose()
    print(f"{run.period} 的出账已撤销，删除了 {removed} 条账单。")
    return 0


def _yuan(fen: int) -> str:
    return f"{fen / 100:,.2f}"


def _print_plan(plan: BillingPlan, *, skip_meters: bool) -> None:
    if skip_meters:
        print(
            f"{plan.period}：将生成 {plan.rest_lines} 条账单，合计 {_yuan(plan.rest_amount_fen)} 元"
            f"（水电费 {plan.metered_lines} 条暂不出账，录入读数后再次运行本命令即可补出）。"
        )
    else:
        print(f"{plan.period}：将生成 {plan.lines} 条账单，合计 {_yuan(plan.amount_fen)} 元。")
    if plan.already_billed:
        print(f"本月已有 {plan.already_billed} 条账单，不会重复生成。")
    if plan.missing:
        units = plan.missing_units
        shown = "、".join(units[:20]) + (f" 等 {len(units)} 处" if len(units) > 20 else "")
        print(f"以下房屋的水电表还没有 {plan.period} 的读数，本次不会出这些水电费：{shown}")
        if not skip_meters:
            print("（可先加 --skip-meters 只出其余项目，录入读数后再运行一次补出水电费。）")
    if plan.items_without_rate:
        print("未设置单价、未出账的项目：" + "、".join(plan.items_without_rate))


def _confirmed(prompt: str) -> bool:
    """Ask on the terminal; no answer (no terminal, end of input) is a no."""
    try:
        answer = input(prompt)
    except (EOFError, OSError):  # no terminal (a scheduled job, captured input)
        return False
    return answer.strip().lower() in ("y", "yes", "是")


def _export_fees(args: argparse.Namespace) -> int:
    from propdesk.reporting.fee_sheet import collection_lines
    from propdesk.reporting.sheet_header import period_text, sheet_header
    from reports.excel.fees import write_fee_sheet

    target = output_path(args.output, ".xlsx")
    first = parse_period(args.month, "month")
    last = parse_period(args.to, "to") if args.to else first
    check_month_range(first, last)
    database, actor = open_logged_in(args)
    try:
        with database.begin(actor) as session:
            title = f"收费明细表 {first}" + (f" 至 {last}" if last != first else "")
            totals = write_fee_sheet(
                collection_lines(session, first, last),
                target,
                title=title[:31],
                per_building=args.per_building,
                header=sheet_header(session, "收费明细表", period_text(first, last)),
            )
    finally:
        database.dispose()
    rows = sum(t.rows for t in totals.values())
    billed = sum(t.fen["应收"] for t in totals.values())
    paid = sum(t.fen["实收"] for t in totals.values())
    print(
        f"已导出 {rows:,} 行到 {target}（应收 {billed / 100:,.2f} 元，实收 {paid / 100:,.2f} 元）。"
    )
    return 0


def _export_arrears(args: argparse.Namespace) -> int:
    from propdesk.reporting.fee_sheet import arrears_lines
    from propdesk.reporting.sheet_header import day_text, sheet_header
    from reports.excel.fees import write_arrears_sheet

    target = output_path(args.output, ".xlsx")
    day = _day(args.as_of)
    database, actor = open_logged_in(args)
    try:
        with database.begin(actor) as session:
            totals = write_arrears_sheet(
                arrears_lines(session, day),
                target,
                title=f"欠费明细表 {day.isoformat()}",
                per_building=args.per_building,
                header=sheet_header(session, "欠费明细表", f"截至 {day_text(day)}"),
            )
    finally:
        database.dispose()
    rows = sum(t.rows for t in totals.values())
    owed = sum(t.fen["欠费金额"] for t in totals.values())
    print(f"已导出 {rows:,} 行欠费到 {target}（合计 {owed / 100:,.2f} 元）。")
    return 0


def _export_calls(args: argparse.Namespace) -> int:
    from propdesk.reporting.call_list import call_list_rows
    from propdesk.reporting.sheet_header import day_text, sheet_header
    from reports.excel.fees import write_call_list

    target = output_path(args.output, ".xlsx")
    day = _day(args.as_of)
    database, actor = open_logged_in(args)
    try:
        with database.begin(actor) as session:
            totals = write_call_list(
                call_list_rows(session, day),
                target,
                header=sheet_header(session, "欠费催缴电话清单", f"截至 {day_text(day)}"),
            )
    finally:
        database.dispose()
    owed = totals.fen["欠费金额"]
    print(f"已导出 {totals.rows:,} 户欠费催缴清单到 {target}（欠费合计 {owed / 100:,.2f} 元）。")
    return 0


def _print_notices(args: argparse.Namespace) -> int:
    from propdesk.fees.notices import estate_header, log_notices, notice_entries, notice_pages
    from reports.pdf.fee_notices import notices_pdf

    target = output_path(args.output, ".pdf")
    period = parse_period(args.month)
    database, actor = open_logged_in(args)
    try:
        with database.begin(actor) as session:
            pages = notice_pages(session, period, building_id=_building_id(session, args.building))
            header = estate_header(session)
        write_private(target, notices_pdf(pages, header))
        with database.begin(actor) as session:
            log_notices(session, notice_entries(pages), channel="saved")
    finally:
        database.dispose()
    print(f"已打印 {len(pages)} 份缴费通知单到 {target}。")
    return 0


def _print_reminders(args: argparse.Namespace) -> int:
    from propdesk.fees.notices import estate_header, letter_entries, log_notices, reminder_letters
    from reports.pdf.fee_notices import letters_pdf

    target = output_path(args.output, ".pdf")
    day = _day(args.as_of)
    database, actor = open_logged_in(args)
    try:
        with database.begin(actor) as session:
            letters = reminder_letters(
                session, as_of=day, building_id=_building_id(session, args.building)
            )
            header = estate_header(session)
        write_private(target, letters_pdf(letters, header))
        with database.begin(actor) as session:
            log_notices(session, letter_entries(letters), on=day, channel="saved")
    finally:
        database.dispose()
    print(f"已打印 {len(letters)} 份催缴函到 {target}。")
    return 0
