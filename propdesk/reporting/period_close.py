"""Closing a month (关账) with the monthly report's fee figures frozen.

:func:`close_month` closes the period (:func:`propdesk.fees.closing.close_period`) and keeps
the fee section exactly as the monthly report computes it at that moment; the report of a
closed month reads it back (:func:`frozen_fee_section`), so it gives identical figures
whenever it is re-run, whatever is paid, voided or reversed later.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date

from sqlalchemy.orm import Session

from propdesk.fees.closing import ClosedMonth, close_period, frozen_figures
from propdesk.fees.collection import CollectionRow
from propdesk.fees.periods import last_day
from propdesk.reporting.values import FeeSection


def fee_section_json(section: FeeSection) -> str:
    data = asdict(section)
    data["arrears_as_of"] = section.arrears_as_of.isoformat()
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def fee_section_from_json(text: str) -> FeeSection:
    d = json.loads(text)
    return FeeSection(
        by_building=tuple(CollectionRow(**r) for r in d["by_building"]),
        total=CollectionRow(**d["total"]),
        payments=int(d["payments"]),
        payments_fen=int(d["payments_fen"]),
        arrears_as_of=date.fromisoformat(d["arrears_as_of"]),
        arrears_units=int(d["arrears_units"]),
        ageing_fen=tuple(int(x) for x in d["ageing_fen"]),  # type: ignore[arg-type]
        reversals=int(d.get("reversals", 0)),
        reversals_fen=int(d.get("reversals_fen", 0)),
    )


def frozen_fee_section(session: Session, period: str) -> FeeSection | None:
    """The fee section frozen when ``period`` was closed; ``None`` while it is open."""
    text = frozen_figures(session, period)
    return None if text is None else fee_section_from_json(text)


def _freeze(session: Session, period: str) -> str:
    from propdesk.reporting.monthly import fee_section

    return fee_section_json(fee_section(session, period, as_of=last_day(period)))


def close_month(session: Session, month: str) -> ClosedMonth:
    """Close ``month`` (finance or a manager) and freeze its report's fee figures."""
    return close_period(session, month, freeze=_freeze)
