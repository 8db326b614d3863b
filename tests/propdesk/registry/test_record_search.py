"""The global search finds tickets, receipts and parcels by the start of their number."""

from __future__ import annotations

from propdesk.db.engine import Database
from propdesk.desk.parcels import receive_parcel
from propdesk.fees.payments import take_payment
from propdesk.registry.record_numbers import looks_like_number
from propdesk.registry.search import search
from propdesk.tickets import services as svc
from tests.propdesk.tickets.helpers import category_id
from tests.ui.helpers import CLERK, build_small_estate


def test_numbers_are_found_by_prefix_on_both_databases(db: Database) -> None:
    estate = build_small_estate(db)
    cat = category_id(db, "repair", "plumbing")
    with db.begin(CLERK) as s:
        ticket = svc.create_ticket(
            s,
            svc.Intake(
                kind="repair",
                category_id=cat,
                description="漏水",
                unit_id=estate.unit_1502,
                person_id=estate.zhang_san,
            ),
        )
        paid = take_payment(s, unit_id=estate.unit_1502, amount_fen=12_345, method="cash")
        parcel = receive_parcel(
            s, carrier="顺丰", tracking_no="SF1234567890", unit_id=estate.unit_1501
        )
        receive_parcel(s, carrier="圆通", tracking_no="YT99887766", unit_id=estate.unit_1501)
        digits = receive_parcel(
            s, carrier="京东", tracking_no="773012345678", unit_id=None, recipient="王五"
        )
    with db.begin(CLERK) as s:
        # A ticket number, typed in lower case and cut short.
        hits = search(s, ticket.number[:8].lower())
        assert [(h.kind, h.id) for h in hits] == [("ticket", ticket.id)]
        assert "3-2-1502" in hits[0].subtitle and "报修" in hits[0].subtitle
        # The whole ticket number.
        assert [h.id for h in search(s, ticket.number) if h.kind == "ticket"] == [ticket.id]
        # A receipt number (all digits): its unit, day and amount.
        hits = search(s, paid.receipt_no[:6])
        receipt = [h for h in hits if h.kind == "receipt"]
        assert [(h.id, h.title) for h in receipt] == [(paid.payment_id, paid.receipt_no)]
        assert "¥123.45" in receipt[0].subtitle and "3-2-1502" in receipt[0].subtitle
        # Tracking numbers, with letters or all digits.
        assert [(h.kind, h.id) for h in search(s, "sf12345")] == [("parcel", parcel)]
        assert [(h.kind, h.id) for h in search(s, "7730123")] == [("parcel", digits)]
        # What is not a number still finds people and units, not records.
        assert {h.kind for h in search(s, "3-2-15")} == {"unit"}
        assert search(s, "ZZ9999") == []


def test_what_looks_like_a_number() -> None:
    assert looks_like_number("BX2026")
    assert looks_like_number("sf123")
    assert looks_like_number("2026000123")
    assert not looks_like_number("5678")  # a phone's last digits
    assert not looks_like_number("zs")  # pinyin initials
    assert not looks_like_number("张三")
