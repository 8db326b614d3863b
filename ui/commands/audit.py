"""``propdesk audit verify``: walk the audit log's hash chain (needs the audit-view right).

Exits 0 when every row still seals the one before it and every audit trigger is in place;
otherwise names the first broken link (the row changed, a row removed or inserted before it,
the first rows removed) and the missing triggers, and exits 1.
"""

from __future__ import annotations

import argparse
from typing import Any

from ui.commands.login import open_logged_in

EXIT_BROKEN = 1


def register(sub: Any) -> None:
    from ui.cli import add_db_option

    audit = sub.add_parser("audit", help="check the audit log (e.g. audit verify)")
    what = audit.add_subparsers(dest="audit_what", metavar="WHAT", required=True)
    verify = what.add_parser(
        "verify",
        help="check that no audit row was changed or removed (hash chain)",
        description="Recompute every audit row's hash from its content and the previous "
        "row's hash; report the first row where the chain breaks.",
    )
    add_db_option(verify)
    verify.set_defaults(func=_verify)


def _verify(args: argparse.Namespace) -> int:
    from propdesk.audit.chain import verify_trail

    database, actor = open_logged_in(args)
    try:
        with database.begin(actor, write=False) as session:
            report = verify_trail(session)
    finally:
        database.dispose()
    broken = report.first_break
    if broken is not None:
        print(f"操作日志校验失败：{broken.message}")
        if report.rows:
            print(f"编号 {report.last_id} 及之前的 {report.rows:,} 条记录完好。")
    for name in report.missing_triggers:
        table, trigger = name.split(":", 1)
        print(f"缺少审计触发器：{table} 表的 {trigger}（有人绕过程序删除了它）。")
    if report.ok:
        print(f"操作日志校验通过：共 {report.rows:,} 条，链条完整，审计触发器齐全。")
        return 0
    return EXIT_BROKEN
