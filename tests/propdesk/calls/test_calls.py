"""Identifying callers, logging calls, the queue, outbound calls (both databases)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from propdesk import clock
from propdesk.calls import calls, identify
from propdesk.calls.calls import CallEntry
from propdesk.calls.values import CallState, Outcome
from propdesk.db.engine import Database
from propdesk.errors import NotAllowed, ValidationError
from propdesk.tickets import catalog
from propdesk.tickets import services as tickets
from tests.propdesk.calls.helpers import CLERK, CallEstate


def test_full_number_in_any_format_finds_both_households(db: Database, estate: CallEstate) -> None:
    with db.begin(CLERK) as s:
        found = identify.identify(s, "+86 138 1234 5678")
    assert [(h.unit_id, h.person_name, h.role) for h in found] == [
        (estate.unit_101, "张伟", "owner"),
        (estate.unit_202, "张伟", "owner"),
    ]
    assert found[0].phone_shown == "138****5678"  # a clerk sees the number masked


def test_last_four_digits_find_every_match(db: Database, estate: CallEstate) -> None:
    with db.begin(CLERK) as s:
        found = identify.identify(s, "5678")
    assert {(h.person_name, h.unit_id) for h in found} == {
        ("张伟", estate.unit_101),
        ("张伟", estate.unit_202),
        ("李娜", estate.unit_101),
    }


def test_landline_with_area_code(db: Database, estate: CallEstate) -> None:
    with db.begin(CLERK) as s:
        assert [h.person_name for h in identify.identify(s, "(0755) 2688 1234")] == ["陈静"]
        assert identify.identify(s, "13000000000") == []


def test_empty_summary_is_refused(db: Database, estate: CallEstate) -> None:
    with db.begin(CLERK) as s, pytest.raises(ValidationError) as err:
        calls.log_call(s, CallEntry("13812345678", "consultation", "  ", "answered"))
    assert err.value.field == "summary"
    assert "摘要" in str(err.value)


def test_login_required(db: Database, estate: CallEstate) -> None:
    with db.begin(None) as s, pytest.raises(NotAllowed):
        calls.log_call(s, CallEntry("", "other", "问路", "answered"))


def test_unknown_caller_is_logged_as_unknown(db: Database, estate: CallEstate) -> None:
    with db.begin(CLERK) as s:
        cid = calls.log_call(s, CallEntry("021-55556666", "consultation", "问停车收费", "answered"))
        row = calls.get_call(s, cid)
    assert row.caller == "未知来电"
    assert row.clerk == "王前台"


def test_ringing_call_waits_in_the_queue_until_logged(db: Database, estate: CallEstate) -> None:
    with db.begin(CLERK) as s:
        cid = calls.ring(s, "13900005678")
        [item] = calls.queue(s)
        assert (item.kind, item.caller, item.overdue) == ("missed", "李娜", False)
    with db.begin(CLERK) as s:
        calls.log_call(
            s,
            CallEntry(
                "13900005678",
                "repair",
                "厨房水龙头漏水",
                "answered",
                call_id=cid,
                person_id=estate.li,
                unit_id=estate.unit_101,
            ),
        )
        assert calls.queue(s) == []
        assert calls.get_call(s, cid).state == CallState.LOGGED.value


def test_missed_call_overdue_after_two_hours(
    db: Database, estate: CallEstate, test_clock: clock.FixedClock
) -> None:
    with db.begin(CLERK) as s:
        calls.ring(s, "5678")
    test_clock.advance(hours=3)
    with db.begin(CLERK) as s:
        assert calls.queue(s)[0].overdue
        assert calls.count_queue(s) == (1, 1)


def test_callback_then_outbound_call_closes_it(
    db: Database, estate: CallEstate, test_clock: clock.FixedClock
) -> None:
    due = clock.now() + timedelta(hours=4)
    with db.begin(CLERK) as s:
        with pytest.raises(ValidationError):
            calls.log_call(s, CallEntry("13812345678", "complaint", "楼上噪音", "callback"))
        cid = calls.log_call(
            s,
            CallEntry(
                "13812345678",
                "complaint",
                "楼上噪音",
                "callback",
                person_id=estate.zhang,
                unit_id=estate.unit_101,
                callback_due=due,
            ),
        )
        assert [q.kind for q in calls.queue(s)] == ["callback"]
    test_clock.advance(hours=1)
    with db.begin(CLERK) as s:
        calls.log_call(
            s,
            CallEntry(
                "13812345678",
                "complaint",
                "已上门提醒楼上，回电告知",
                "answered",
                direction="out",
                parent_id=cid,
                unit_id=estate.unit_101,
            ),
        )
        assert calls.queue(s) == []
        recent = calls.recent_calls(s, unit_id=estate.unit_101, number="")
    assert [r.direction for r in recent] == ["out", "in"]


def test_ticket_outcome_links_the_ticket(db: Database, estate: CallEstate) -> None:
    with db.begin(CLERK) as s:
        with pytest.raises(ValidationError):
            calls.log_call(s, CallEntry("13812345678", "repair", "漏水", "ticket"))
        category = catalog.list_categories(s, "repair")[0]
        made = tickets.create_ticket(
            s,
            tickets.Intake(
                kind="repair",
                category_id=category.id,
                description="卫生间漏水",
                unit_id=estate.unit_101,
                person_id=estate.zhang,
            ),
        )
        cid = calls.log_call(
            s,
            CallEntry(
                "13812345678",
                "repair",
                "卫生间漏水",
                "ticket",
                ticket_id=made.id,
                unit_id=estate.unit_101,
                person_id=estate.zhang,
            ),
        )
        row = calls.get_call(s, cid)
        [household, *_] = identify.identify(s, "13812345678")
        context = calls.caller_context(s, household, "13812345678")
    assert row.outcome == Outcome.TICKET.value
    assert row.ticket_number == made.number
    assert [t.number for t in context.open_tickets] == [made.number]


def test_transfer_needs_whom(db: Database, estate: CallEstate) -> None:
    with db.begin(CLERK) as s, pytest.raises(ValidationError) as err:
        calls.log_call(s, CallEntry("", "other", "找工程部", "transferred"))
    assert err.value.field == "transfer_to"


def test_dunning_call_goes_to_the_contact_log(db: Database, estate: CallEstate) -> None:
    from propdesk.fees.notices import list_contacts

    with db.begin(CLERK) as s:
        cid = calls.log_call(
            s,
            CallEntry(
                "13812345678",
                "other",
                "催缴物业费，业主答应月底前缴清",
                "answered",
                direction="out",
                arrears_unit_id=estate.unit_101,
            ),
        )
        contacts = list_contacts(s, estate.unit_101)
        assert calls.get_call(s, cid).unit_code
    assert [c.outcome for c in contacts] == ["催缴物业费，业主答应月底前缴清"]


def test_the_callers_number_is_encrypted_and_found_by_its_hash(
    db: Database, estate: CallEstate
) -> None:
    from sqlalchemy import text

    with db.begin(CLERK) as s:
        cid = calls.log_call(s, CallEntry("138-1234-5678", "consultation", "问停车", "answered"))
    with db.begin(CLERK) as s:
        stored = s.execute(
            text("SELECT number, number_tail FROM call_record WHERE id = :i"), {"i": cid}
        ).one()
        assert "13812345678" not in stored.number  # ciphertext at rest
        assert stored.number_tail == "5678"
        # the whole number finds the call (through its lookup hash) in the card's history
        found = calls.recent_calls(s, unit_id=None, number="13812345678")
        assert [r.id for r in found] == [cid]


def test_a_caller_identified_by_four_digits_keeps_the_whole_number(
    db: Database, estate: CallEstate
) -> None:
    with db.begin(CLERK) as s:
        cid = calls.log_call(
            s,
            CallEntry(
                "5678",
                "consultation",
                "问快递",
                "answered",
                person_id=estate.li,
                unit_id=estate.unit_101,
            ),
        )
        assert calls.full_number(s, cid) == "13900005678"
