"""Closing a month (关账) with the monthly report's fee figures frozen.

:func:`close_month` closes the period (:func:`propdesk.fees.closing.close_period`) and keeps
the fee section exactly as the monthly report computes it at that moment; the report of a
closed month reads it back (:func:`propdesk.reporting.frozen_fees.frozen_fee_section`), so it gives identical figures
whenever it is re-run, whatever is paid, voided or reversed later.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from propdesk.fees.closing import ClosedMonth, close_period
from propdesk.fees.periods import last_day
from propdesk.reporting.frozen_fees import fee_section_json
from propdesk.reporting.monthly import fee_section


def _freeze(session: Session, period: str) -> str:
    return fee_section_json(fee_section(session, period, as_of=last_day(period)))


def close_month(session: Session, month: str) -> ClosedMonth:
    """Close ``month`` (finance or a manager) and freeze its report's fee figures."""
    return close_period(session, month, freeze=_freeze)
