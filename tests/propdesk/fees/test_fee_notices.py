from __future__ import annotations

from datetime import date

import pytest

from propdesk.db.engine import Database
from propdesk.errors import Conflict, ValidationError
from propdesk.fees.billing import run_billing
from propdesk.fees.notices import (
    confirm_delivery,
    letter_entries,
    list_contacts,
    list_notices,
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


def test_levels_escalate_from_delivered_letters_only(db: Database, estate: Estate) -> None:
    """A year overdue, the first letter is still the first; a preview never counts."""
    _bill(db, "2025-01")
    u1, _u2, _u3 = estate.unit_ids
    day = date(2026, 1, 31)  # a year overdue
    with db.begin(CLERK) as s:
        previewed = reminder_letters(s, as_of=day)  # built, never delivered
    assert {x.level for x in previewed} == {1}
    assert [x.letter_no for x in previewed] == [
        "翠物催字〔2026〕第001号",
        "翠物催字〔2026〕第002号",
        "翠物催字〔2026〕第003号",
    ]
    first = previewed[0]
    assert first.deadline == date(2026, 2, 15)
    assert first.total_fen == first.owed_fen + first.late_fee_fen
    with db.begin(CLERK) as s:
        again = reminder_letters(s, as_of=day)
        assert [x.level for x in again] == [1, 1, 1]  # the preview logged nothing
        log_notices(s, letter_entries(again[:1]), on=day, channel="printed")
    with db.begin(CLERK) as s:
        early = reminder_letters(s, as_of=date(2026, 2, 10))
        assert early  # the others still get their first letter
        assert all(x.unit_id != u1 for x in early)  # 10 days after level 1: too early for 2
        later = {x.unit_id: x for x in reminder_letters(s, as_of=date(2026, 2, 20))}
        shown = list_notices(s, u1)
    assert later[u1].level == 2
    assert later[u1].previous == ("2026年1月31日第一次催缴函（翠物催字〔2026〕第001号）",)
    assert later[u1].letter_no == "翠物催字〔2026〕第002号"  # 001 was used
    assert [(n.channel_zh, n.doc_no) for n in shown] == [("打印", "翠物催字〔2026〕第001号")]


def test_a_letter_number_is_logged_once(db: Database, estate: Estate) -> None:
    _bill(db, "2025-01")
    day = date(2026, 1, 31)
    with db.begin(CLERK) as s:
        letters = reminder_letters(s, as_of=day)
        log_notices(s, letter_entries(letters[:1]), on=day, channel="saved")
    with pytest.raises(Conflict), db.begin(CLERK) as s:  # another desk built the same numbers
        log_notices(s, letter_entries(letters[:1]), on=day, channel="printed")


def test_delivery_confirmed_by_hand_counts(db: Database, estate: Estate) -> None:
    _bill(db, "2025-01")
    u1 = estate.unit_ids[0]
    with db.begin(CLERK) as s:
        confirm_delivery(s, unit_id=u1, kind="reminder", level=1, on=date(2026, 1, 1))
    with db.begin(CLERK) as s:
        assert list_notices(s, u1)[0].channel_zh == "当面送达"
        letters = {x.unit_id: x.level for x in reminder_letters(s, as_of=date(2026, 1, 31))}
    assert letters[u1] == 2


def test_notice_lines_say_how_they_were_computed(db: Database, estate: Estate) -> None:
    _bill(db, "2026-02", "2026-03")
    u1 = estate.unit_ids[0]
    with db.begin(CLERK) as s:
        take_payment(s, unit_id=u1, amount_fen=100_000, method="cash")  # pays ahead
        pages = {p.unit_id: p for p in notice_pages(s, "2026-04")}
        march = {p.unit_id: p for p in notice_pages(s, "2026-03")}
    assert u1 not in pages or pages[u1].total_fen == 0
    page = next(p for p in march.values() if p.unit_id != u1)
    assert page.notice_no == f"TZ202603-{page.unit_code}"
    bases = {x.item_name: x.basis for x in page.lines}
    assert bases["物业服务费"] == "120.00 m² × 1.85 元/m²"
    assert bases["电梯费"] == "每户每月 30.00 元"
