from __future__ import annotations

from datetime import date

import pytest

from propdesk.db.engine import Database
from propdesk.errors import ValidationError
from propdesk.fees.billing import run_billing
from propdesk.fees.notices import (
    list_contacts,
    log_notices,
    notice_pages,
    record_contact,
    reminder_letters,
    unit_collection_status,
)
from propdesk.fees.payments import take_payment
from tests.propdesk.fees.fee_fixtures import CLERK, MANAGER, Estate, set_standard_rates


def _bill(db: Database, *periods: str) -> None:
    set_standard_rates(db)
    with db.begin(MANAGER) as s:
        for p in periods:
            run_billing(s, p)


def _letters(db: Database, on: date) -> dict[int, int]:
    with db.begin(CLERK) as s:
        letters = reminder_letters(s, as_of=on)
        log_notices(s, [(x.unit_id, "reminder", x.level, "", x.owed_fen) for x in letters], on=on)
    return {x.unit_id: x.level for x in letters}


def test_notice_pages_list_period_and_earlier_arrears(db: Database, estate: Estate) -> None:
    _bill(db, "2026-02", "2026-03")
    _u1, u2, u3 = estate.unit_ids
    with db.begin(CLERK) as s:
        take_payment(s, unit_id=u2, amount_fen=25200, method="cash")  # February settled
        pages = notice_pages(s, "2026-03")
        only_b2 = notice_pages(s, "2026-03", building_id=estate.building_ids[1])
    by_unit = {p.unit_id: p for p in pages}
    assert [p.unit_id for p in only_b2] == [u3]
    assert by_unit[u2].earlier_owed_fen == 0
    assert by_unit[u2].period_owed_fen == 25200
    assert by_unit[u3].earlier_owed_fen == 13884
    assert by_unit[u3].total_fen == 2 * 13884
    assert [(x.item_name, x.period) for x in by_unit[u3].lines] == [
        ("物业服务费", "2026-02"),
        ("物业服务费", "2026-03"),
    ]


def test_reminders_escalate_by_age_and_broken_promise(db: Database, estate: Estate) -> None:
    _bill(db, "2025-09")
    u1, u2, u3 = estate.unit_ids
    assert _letters(db, date(2025, 10, 20)) == {}  # 20 days: below the first threshold
    assert _letters(db, date(2025, 11, 5)) == {u1: 1, u2: 1, u3: 1}
    assert _letters(db, date(2025, 11, 6)) == {}  # each level once
    with db.begin(CLERK) as s:
        record_contact(
            s,
            unit_id=u3,
            contact_date=date(2025, 11, 6),
            kind="call",
            outcome="业主答应月中缴费",
            promised_date=date(2025, 11, 20),
        )
        assert unit_collection_status(s, u3, date(2025, 11, 10)).open_promise == date(2025, 11, 20)
    assert _letters(db, date(2025, 11, 15)) == {}
    assert _letters(db, date(2025, 11, 25)) == {u3: 2}  # promise broken: next level early
    with db.begin(CLERK) as s:
        status = unit_collection_status(s, u3, date(2025, 11, 25))
        assert (status.reminder_level, status.broken_promises) == (2, 1)
        assert list_contacts(s, u3)[0].promise == "broken"
        take_payment(s, unit_id=u1, amount_fen=34569, method="cash")  # u1 pays in full
    assert _letters(db, date(2026, 1, 5)) == {u2: 2}  # 97 days; u3 already at 2
    assert _letters(db, date(2026, 3, 31)) == {u2: 3, u3: 3}  # 182 days: final


def test_contact_validation(db: Database, estate: Estate) -> None:
    with pytest.raises(ValidationError) as err, db.begin(CLERK) as s:
        record_contact(
            s,
            unit_id=estate.unit_ids[0],
            contact_date=date(2025, 11, 6),
            kind="call",
            outcome="答应缴费",
            promised_date=date(2025, 11, 1),
        )
    assert err.value.field == "promised_date"
    with pytest.raises(ValidationError), db.begin(CLERK) as s:
        record_contact(
            s, unit_id=estate.unit_ids[0], contact_date=date(2025, 11, 6), kind="fax", outcome="x"
        )
