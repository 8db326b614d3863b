"""``propdesk check money``: the money invariant over the whole database.

Exits 0 when every bill line agrees with its allocations and every payment with its
allocations plus credit (:func:`propdesk.fees.invariant.check_money`); otherwise lists
each failing line, payment or unit and exits 1.
"""

from __future__ import annotations

import argparse
from typing import Any

from ui.commands import group
from ui.commands.login import open_logged_in

EXIT_PROBLEMS = 1
#: Problems printed in full; the rest are counted.
SHOWN = 200


def register(sub: Any) -> None:
    from ui.cli import add_db_option

    chk = group(sub, "check", "check the data's consistency (e.g. check money)")
    money = chk.add_parser(
        "money",
        help="check that bill lines, allocations, payments and credit agree",
        description=(
            "Each bill line's paid amount equals its live allocations; each payment equals"
            " its allocations plus credit; no credit balance is negative."
        ),
    )
    add_db_option(money)
    money.set_defaults(func=_check_money)


def _check_money(args: argparse.Namespace) -> int:
    from propdesk.fees.invariant import check_money

    database, actor = open_logged_in(args)
    try:
        with database.begin(actor, write=False) as session:
            problems = check_money(session)
    finally:
        database.dispose()
    if not problems:
        print("账目一致：每笔账单的已收金额与分配相符，每张收据的金额等于分配加预收。")
        return 0
    for problem in problems[:SHOWN]:
        print(problem.message)
    if len(problems) > SHOWN:
        print(f"……另有 {len(problems) - SHOWN} 处未列出。")
    print(f"发现 {len(problems)} 处账目不一致。")
    return EXIT_PROBLEMS
