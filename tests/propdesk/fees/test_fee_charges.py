from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from propdesk.db.engine import Database
from propdesk.errors import Conflict, NotFound, ValidationError
from propdesk.fees.charges import post_one_off_charge
from propdesk.fees.models import BillLine
from tests.propdesk.fees.fee_fixtures import CLERK, Estate


def test_one_off_charge_posted_once_per_source(db: Database, estate: Estate) -> None:
    u = estate.unit_ids[0]
    with db.begin(CLERK) as s:
        first = post_one_off_charge(
            s,
            unit_id=u,
            amount_fen=12_050,
            description="更换水龙头",
            source="ticket",
            source_id=7,
            on=date(2026, 3, 5),
        )
    with db.begin(CLERK) as s:
        again = post_one_off_charge(
            s, unit_id=u, amount_fen=12_050, description="更换水龙头", source="ticket", source_id=7
        )
        line = s.get(BillLine, first)
        assert line is not None
        assert (line.period, line.due_date, line.amount_fen, line.paid_fen) == (
            "2026-03",
            date(2026, 3, 5),
            12_050,
            0,
        )
        assert s.scalar(select(func.count()).select_from(BillLine)) == 1
    assert again == first
    with pytest.raises(Conflict), db.begin(CLERK) as s:
        post_one_off_charge(
            s, unit_id=u, amount_fen=99, description="x", source="ticket", source_id=7
        )


@pytest.mark.parametrize("amount", [0, -5, True])
def test_one_off_charge_rejects_bad_amount(db: Database, estate: Estate, amount: int) -> None:
    with pytest.raises(ValidationError) as err, db.begin(CLERK) as s:
        post_one_off_charge(
            s,
            unit_id=estate.unit_ids[0],
            amount_fen=amount,
            description="x",
            source="ticket",
            source_id=1,
        )
    assert err.value.field == "amount_fen"


def test_one_off_charge_needs_unit_and_one_off_item(db: Database, estate: Estate) -> None:
    with pytest.raises(NotFound), db.begin(CLERK) as s:
        post_one_off_charge(
            s, unit_id=999_999, amount_fen=100, description="x", source="ticket", source_id=1
        )
    with pytest.raises(ValidationError) as err, db.begin(CLERK) as s:
        post_one_off_charge(
            s,
            unit_id=estate.unit_ids[0],
            amount_fen=100,
            description="x",
            source="ticket",
            source_id=1,
            item_code="property",
        )
    assert err.value.field == "item_code"
