"""The monthly management report on the command line, for managers who schedule it.

``propdesk report monthly --month 2026-10 -o report.pdf [--xlsx report.xlsx]``
(either output, or both). Same queries and renderers as the app.
"""

from __future__ import annotations

import argparse
from typing import Any

from propdesk import clock
from propdesk.files import write_private
from ui.commands import group, output_path
from ui.commands.login import open_logged_in


def register(sub: Any) -> None:
    from ui.cli import add_db_option

    rep = group(sub, "report", "management reports (管理报表)")
    monthly = rep.add_parser("monthly", help="the monthly management report (管理月报)")
    monthly.add_argument("--month", required=True, metavar="YYYY-MM", help="e.g. 2026-10")
    monthly.add_argument("-o", "--output", metavar="FILE.pdf", help="write the PDF here")
    monthly.add_argument("--xlsx", metavar="FILE.xlsx", help="write the Excel workbook here")
    add_db_option(monthly)
    monthly.set_defaults(func=_monthly)


def _monthly(args: argparse.Namespace) -> int:
    from propdesk.fees.date_bounds import check_month
    from propdesk.reporting.monthly import monthly_report, parse_month
    from propdesk.reporting.sheet_header import sheet_header
    from ui.cli import CliError

    if not args.output and not args.xlsx:
        raise CliError("请用 -o FILE.pdf 或 --xlsx FILE.xlsx 指定输出文件。")
    period = parse_month(args.month)
    check_month(period, clock.today())  # 9999-12: a clear refusal, not an OverflowError
    pdf = output_path(args.output, ".pdf") if args.output else None
    xlsx = output_path(args.xlsx, ".xlsx") if args.xlsx else None
    database, actor = open_logged_in(args)
    try:
        with database.begin(actor) as session:
            report = monthly_report(session, period)
            header = sheet_header(session, "物业管理月报")
    finally:
        database.dispose()
    if pdf is not None:
        from reports.pdf.monthly_report import monthly_report_pdf

        write_private(pdf, monthly_report_pdf(report))
        print(f"已生成 {period} 管理月报：{pdf}")
    if xlsx is not None:
        from reports.excel.monthly_report import monthly_report_xlsx

        monthly_report_xlsx(report, xlsx, header=header)
        print(f"已生成 {period} 管理月报（Excel）：{xlsx}")
    return 0
