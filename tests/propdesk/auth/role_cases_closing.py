"""Role cases of closing: the period close (关账) and the cashier's daily close (日结)."""

from __future__ import annotations

from datetime import date

from propdesk.auth.permissions import Permission
from propdesk.fees import closing, daily_close
from propdesk.reporting import period_close
from tests.propdesk.auth.role_matrix import Call, Guarded


def _close_period(c: Call) -> object:
    return c.run(lambda s: closing.close_period(s, f"2024-{c.n + 1:02d}", freeze=lambda s, p: "{}"))


def _close_month(c: Call) -> object:
    return c.run(lambda s: period_close.close_month(s, f"2023-{c.n + 1:02d}"))


def _close_day(c: Call) -> object:
    return c.run(lambda s: daily_close.close_day(s, day=date(2025, 1, 2), cash_counted_fen=0))


CASES = [
    Guarded("propdesk.fees.closing.close_period", Permission.CLOSE_PERIOD, _close_period),
    Guarded("propdesk.reporting.period_close.close_month", Permission.CLOSE_PERIOD, _close_month),
    Guarded("propdesk.fees.daily_close.close_day", Permission.TAKE_PAYMENT, _close_day),
]
