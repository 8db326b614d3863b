"""Voiding a receipt with a supervisor's authorisation on the spot (主管授权)."""

from __future__ import annotations

from io import BytesIO

import pytest
from pypdf import PdfReader
from sqlalchemy import select
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.auth.actor import Actor
from propdesk.auth.models import ApprovalGrant, User
from propdesk.auth.passwords import TEST_COST
from propdesk.auth.approvals import (
    MAX_FAILED_PER_DESK,
    ApprovalAction,
    ApprovalOutcome,
    grant_approval,
    record_key,
)
from propdesk.auth.users import authenticate, create_first_admin, create_user
from propdesk.db.engine import Database
from propdesk.errors import NotAllowed
from propdesk.fees.billing import run_billing
from propdesk.fees.models import Payment
from propdesk.fees.payments import take_payment, void_payment
from propdesk.fees.receipts import get_receipt
from propdesk.fees.statement import unit_statement
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


def _grant(
    s: Session, username: str, password: str, pid: int, *, desk: str = "desk-1"
) -> ApprovalOutcome:
    return grant_approval(
        s,
        username=username,
        password=password,
        action=ApprovalAction.VOID_PAYMENT,
        record=record_key("payment", pid),
        desk=desk,
        cost=TEST_COST,
    )


def test_clerk_voids_with_supervisor_authorisation(
    db: Database, estate: Estate, people: dict[str, Actor]
) -> None:
    clerk = people["clerk"]
    pid = _paid(db, estate, clerk)
    with db.begin(clerk) as s:
        outcome = _grant(s, "SUP", PASSWORDS["sup"], pid)
        assert outcome.ok and outcome.approver is not None
        assert s.info["actor"] == clerk  # the supervisor is not logged in on this desk
        void_payment(s, pid, reason="收错房号", approval=outcome.token)
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
        # only the token's hash is stored, and the grant is used up
        grant = s.scalars(select(ApprovalGrant)).one()
        assert grant.used_at is not None and outcome.token not in grant.token_hash
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
        outcome = _grant(s, "clerk2", PASSWORDS["clerk2"], pid)
    assert not outcome.ok
    assert outcome.field == "username"
    assert "无权授权" in outcome.message
    with db.begin() as s:
        assert s.get(Payment, pid).voided is False  # type: ignore[union-attr]


def test_made_up_approval_is_refused(
    db: Database, estate: Estate, people: dict[str, Actor]
) -> None:
    """A caller that names a supervisor without their password gets nowhere: the service
    takes only a token, and a token must have been granted for this action and record."""
    clerk = people["clerk"]
    pid = _paid(db, estate, clerk)
    with db.begin(clerk) as s:
        other = take_payment(s, unit_id=estate.unit_ids[1], amount_fen=100, method="cash")
    for token in ("", "forged-token", str(people["sup"].user_id), "sup"):
        with pytest.raises(NotAllowed), db.begin(clerk) as s:
            void_payment(s, pid, reason="收错房号", approval=token)
    # a real token for another receipt does not void this one, and is not used up by trying
    with db.begin(clerk) as s:
        elsewhere = _grant(s, "sup", PASSWORDS["sup"], other.payment_id)
    with pytest.raises(NotAllowed), db.begin(clerk) as s:
        void_payment(s, pid, reason="收错房号", approval=elsewhere.token)
    # used once, never twice
    with db.begin(clerk) as s:
        void_payment(s, other.payment_id, reason="重复收款", approval=elsewhere.token)
    with db.begin() as s:
        assert s.get(Payment, pid).voided is False  # type: ignore[union-attr]


def test_token_expires_and_follows_the_approver(
    db: Database,
    estate: Estate,
    people: dict[str, Actor],
    test_clock: clock.FixedClock,
) -> None:
    clerk = people["clerk"]
    pid = _paid(db, estate, clerk)
    with db.begin(clerk) as s:
        late = _grant(s, "sup", PASSWORDS["sup"], pid)
    test_clock.advance(minutes=6)
    with pytest.raises(NotAllowed, match="过期"), db.begin(clerk) as s:
        void_payment(s, pid, reason="收错房号", approval=late.token)
    with db.begin(clerk) as s:
        demoted = _grant(s, "sup", PASSWORDS["sup"], pid)
    with db.begin() as s:
        s.scalars(select(User).where(User.username == "sup")).one().role = "clerk"
    with pytest.raises(NotAllowed), db.begin(clerk) as s:
        void_payment(s, pid, reason="收错房号", approval=demoted.token)


def test_no_approver_and_no_right_refused(
    db: Database, estate: Estate, people: dict[str, Actor]
) -> None:
    pid = _paid(db, estate, people["clerk"])
    with pytest.raises(NotAllowed), db.begin(people["clerk"]) as s:
        void_payment(s, pid, reason="收错房号")
    with db.begin() as s:
        assert s.get(Payment, pid).voided is False  # type: ignore[union-attr]


def test_wrong_passwords_limited_per_desk_not_the_supervisors_account(
    db: Database, estate: Estate, people: dict[str, Actor], test_clock: clock.FixedClock
) -> None:
    clerk = people["clerk"]
    pid = _paid(db, estate, clerk)
    with db.begin(clerk) as s:
        outcome = _grant(s, "sup", "wrong999", pid)
    assert not outcome.ok
    assert outcome.field == "password"
    assert "用户名或密码不正确" in outcome.message
    assert _failed(db, "sup") == 0  # never counted against the supervisor's lock-out
    for _ in range(MAX_FAILED_PER_DESK - 1):
        with db.begin(clerk) as s:
            _grant(s, "sup", "wrong999", pid)
    # this desk must wait, even with the right password; another desk and the login are fine
    with db.begin(clerk) as s:
        outcome = _grant(s, "sup", PASSWORDS["sup"], pid)
    assert not outcome.ok
    assert "分钟后再试" in outcome.message
    with db.begin(clerk) as s:
        assert _grant(s, "sup", PASSWORDS["sup"], pid, desk="desk-2").ok
    with db.begin() as s:
        assert authenticate(s, "sup", PASSWORDS["sup"]).ok
    assert _failed(db, "sup") == 0
    test_clock.advance(minutes=16)
    with db.begin(clerk) as s:
        assert _grant(s, "sup", PASSWORDS["sup"], pid).ok


def test_approval_is_not_a_login(db: Database, estate: Estate, people: dict[str, Actor]) -> None:
    pid = _paid(db, estate, people["clerk"])
    with db.begin() as s:
        before = s.scalar(select(User.last_login_at).where(User.username == "sup"))
    with db.begin(people["clerk"]) as s:
        assert _grant(s, "sup", PASSWORDS["sup"], pid).ok
    with db.begin() as s:
        after = s.scalar(select(User.last_login_at).where(User.username == "sup"))
    assert after == before
    with db.begin(people["clerk"]) as s:
        empty = _grant(s, " ", "x", pid)
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
        token = _grant(s, "sup", PASSWORDS["sup"], first).token
        void_payment(s, first, reason="收错房号", approval=token)
    with db.begin(clerk) as s:
        third = take_payment(s, unit_id=estate.unit_ids[1], amount_fen=5000, method="cash")
    year = clock.today().year
    with db.begin() as s:
        numbers = list(s.scalars(select(Payment.receipt_no).order_by(Payment.receipt_no)))
        assert s.get(Payment, first).voided is True  # type: ignore[union-attr]
    assert numbers == [f"{year}00000{i}" for i in (1, 2, 3)]
    assert (second.receipt_no, third.receipt_no) == (f"{year}000002", f"{year}000003")
