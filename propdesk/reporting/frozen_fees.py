"""The fee figures of a closed month (关账) as frozen at its close (JSON in
:class:`propdesk.fees.closing_models.ClosedPeriod`); see :mod:`propdesk.reporting.period_close`."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date

from sqlalchemy.orm import Session

from propdesk.fees.closing import frozen_figures
from propdesk.fees.collection import CollectionRow
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
