"""Voiding a receipt with a supervisor's authorisation on the spot (主管授权)."""

from __future__ import annotations

from io import BytesIO

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from propdesk import clock
from propdesk.auth.actor import Actor
from propdesk.auth.models import User
from propdesk.auth.passwords import TEST_COST
from propdesk.auth.permissions import Permission
from propdesk.auth.users import MAX_FAILED_ATTEMPTS, authenticate, create_first_admin, create_user
from propdesk.db.engine import Database
from propdesk.errors import NotAllowed
from propdesk.fees.billing import run_billing
from propdesk.fees.models import Payment
from propdesk.fees.payments import take_payment, void_payment
from propdesk.fees.receipts import get_receipt
from propdesk.fees.statement import unit_statement
from propdesk.fees.void_approval import authenticate_approver
from reports.pdf.receipt import receipt_pdf
from tests.propdesk.fees.fee_fixtures import MANAGER, Estate, set_standard_rates

# Every scenario here must leave the money invariant holding (propdesk.fees.invariant).
pytestmark = pytest.mark.usefixtures("money_checked")

PASSWORDS = {"sup": "super123", "clerk": "clerk123", "clerk2": "clerk456"}


@pytest.fixture
def people(db: Database) -> dict[str, Actor]:
    """Real users: an administrator, a supervisor and two clerks."""
    with db.begin() as s:
        admin = create_first_admin(
            s, username="admin", display_name="管理员", password="admin123", cost=TEST_COST
        )
    with db.begin(admin) as s:
        for username, name, role in (
            ("sup", "赵主管", "supervisor"),
            ("clerk", "李前台", "clerk"),
            ("clerk2", "钱前台", "clerk"),
        ):
            create_user(
                s,
                username=username,
                display_name=name,
                role=role,
                password=PASSWORDS[username],
                cost=TEST_COST,
            )
    out: dict[str, Actor] = {}
    with db.begin() as s:
        for username, password in PASSWORDS.items():
            outcome = authenticate(s, username, password)
            assert outcome.actor is not None
            out[username] = outcome.actor
    return out


def _paid(db: Database, estate: Estate, clerk: Actor) -> int:
    set_standard_rates(db)
    with db.begin(MANAGER) as s:
        run_billing(s, "2026-03")
    with db.begin(clerk) as s:
        return take_payment(
            s, unit_id=estate.unit_ids[1], amount_fen=5000, method="cash"
        ).payment_id


def _failed(db: Database, username: str) -> int:
    with db.begin() as s:
        return s.scalar(select(User.failed_attempts).where(User.username == username)) or 0


def test_clerk_voids_with_supervisor_authorisation(
    db: Database, estate: Estate, people: dict[str, Actor]
) -> None:
    clerk = people["clerk"]
    pid = _paid(db, estate, clerk)
    with db.begin(clerk) as s:
        outcome = authenticate_approver(
            s, "SUP", PASSWORDS["sup"], permission=Permission.VOID_RECEIPT
        )
        assert outcome.approver is not None
        assert s.info["actor"] == clerk  # the supervisor is not logged in on this desk
        void_payment(s, pid, reason="收错房号", approved_by=outcome.approver)
    with db.begin() as s:
        p = s.get(Payment, pid)
        assert p is not None
        assert (p.voided, p.void_reason, p.voided_by, p.void_approved_by) == (
            True,
            "收错房号",
            "李前台",
            "赵主管",
        )
        assert p.voided_at is not None
        row = next(x for x in unit_statement(s, estate.unit_ids[1]).payments if x.payment_id == pid)
        assert (row.voided, row.voided_by, row.void_approved_by) == (True, "李前台", "赵主管")
        receipt = get_receipt(s, pid)
    text = "".join(page.extract_text() for page in PdfReader(BytesIO(receipt_pdf(receipt))).pages)
    assert "本收据已作废" in text
    assert "收错房号" in text
    assert "作废授权：赵主管" in text
    assert "经办：李前台" in text


def test_supervisor_voiding_alone_is_their_own_approver(
    db: Database, estate: Estate, people: dict[str, Actor]
) -> None:
    pid = _paid(db, estate, people["clerk"])
    with db.begin(people["sup"]) as s:
        void_payment(s, pid, reason="客户退单")
    with db.begin() as s:
        p = s.get(Payment, pid)
        assert p is not None
        assert (p.voided_by, p.void_approved_by) == ("赵主管", "赵主管")


def test_clerk_cannot_approve_a_clerk(
    db: Database, estate: Estate, people: dict[str, Actor]
) -> None:
    clerk = people["clerk"]
    pid = _paid(db, estate, clerk)
    with db.begin(clerk) as s:
        outcome = authenticate_approver(
            s, "clerk2", PASSWORDS["clerk2"], permission=Permission.VOID_RECEIPT
        )
    assert not outcome.ok
    assert outcome.field == "username"
    assert "没有授权" in outcome.message
    # handing a clerk straight to the service is refused as well
    with pytest.raises(NotAllowed), db.begin(clerk) as s:
        void_payment(s, pid, reason="收错房号", approved_by=people["clerk2"])
    # an approver whose role is out of date is judged by the role they hold now
    stale = Actor(people["clerk2"].user_id, "clerk2", "钱前台", people["sup"].role)
    with pytest.raises(NotAllowed), db.begin(clerk) as s:
        void_payment(s, pid, reason="收错房号", approved_by=stale)
    with db.begin() as s:
        assert s.get(Payment, pid).voided is False  # type: ignore[union-attr]


def test_no_approver_and_no_right_refused(
    db: Database, estate: Estate, people: dict[str, Actor]
) -> None:
    pid = _paid(db, estate, people["clerk"])
    with pytest.raises(NotAllowed), db.begin(people["clerk"]) as s:
        void_payment(s, pid, reason="收错房号")
    with db.begin() as s:
        assert s.get(Payment, pid).voided is False  # type: ignore[union-attr]


def test_wrong_password_refused_and_counted_towards_lock_out(
    db: Database, estate: Estate, people: dict[str, Actor]
) -> None:
    clerk = people["clerk"]
    _paid(db, estate, clerk)
    with db.begin(clerk) as s:
        outcome = authenticate_approver(s, "sup", "wrong999", permission=Permission.VOID_RECEIPT)
    assert not outcome.ok
    assert outcome.field == "password"
    assert "用户名或密码不正确" in outcome.message
    assert _failed(db, "sup") == 1
    for _ in range(MAX_FAILED_ATTEMPTS - 1):
        with db.begin(clerk) as s:
            outcome = authenticate_approver(
                s, "sup", "wrong999", permission=Permission.VOID_RECEIPT
            )
    assert "锁定" in outcome.message
    # locked: even the right password is refused now, and the supervisor's login too
    with db.begin(clerk) as s:
        outcome = authenticate_approver(
            s, "sup", PASSWORDS["sup"], permission=Permission.VOID_RECEIPT
        )
    assert not outcome.ok
    assert "锁定" in outcome.message
    with db.begin() as s:
        assert not authenticate(s, "sup", PASSWORDS["sup"]).ok


def test_approval_is_not_a_login(db: Database, estate: Estate, people: dict[str, Actor]) -> None:
    with db.begin() as s:
        before = s.scalar(select(User.last_login_at).where(User.username == "sup"))
    with db.begin(people["clerk"]) as s:
        assert authenticate_approver(
            s, "sup", PASSWORDS["sup"], permission=Permission.VOID_RECEIPT
        ).ok
    with db.begin() as s:
        after = s.scalar(select(User.last_login_at).where(User.username == "sup"))
    assert after == before
    with db.begin(people["clerk"]) as s:
        empty = authenticate_approver(s, " ", "x", permission=Permission.VOID_RECEIPT)
    assert not empty.ok
    assert empty.field == "username"


def test_receipt_numbers_stay_gap_free_across_authorised_voids(
    db: Database, estate: Estate, people: dict[str, Actor]
) -> None:
    clerk = people["clerk"]
    first = _paid(db, estate, clerk)
    with db.begin(clerk) as s:
        second = take_payment(s, unit_id=estate.unit_ids[1], amount_fen=3000, method="cash")
    with db.begin(clerk) as s:
        void_payment(s, first, reason="收错房号", approved_by=people["sup"])
    with db.begin(clerk) as s:
        third = take_payment(s, unit_id=estate.unit_ids[1], amount_fen=5000, method="cash")
    year = clock.today().year
    with db.begin() as s:
        numbers = list(s.scalars(select(Payment.receipt_no).order_by(Payment.receipt_no)))
        assert s.get(Payment, first).voided is True  # type: ignore[union-attr]
    assert numbers == [f"{year}00000{i}" for i in (1, 2, 3)]
    assert (second.receipt_no, third.receipt_no) == (f"{year}000002", f"{year}000003")
