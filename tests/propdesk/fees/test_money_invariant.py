"""The money invariant (propdesk.fees.invariant) and ``propdesk check money``."""

from __future__ import annotations

import pytest
from sqlalchemy import select, update

from propdesk.auth.actor import Role
from propdesk.db.engine import Database
from propdesk.fees.billing import run_billing
from propdesk.fees.credits import pay_lines_from_credit
from propdesk.fees.invariant import ProblemKind, check_money
from propdesk.fees.models import BillLine, CreditEntry, Payment
from propdesk.fees.payments import take_payment, void_payment
from propdesk.fees.refunds import refund_credit
from tests.cli_login import AddUser, cli_user_fixture  # noqa: F401 (the cli_user fixture)
from tests.propdesk.fees.fee_fixtures import CLERK, MANAGER, SUPERVISOR, Estate, set_standard_rates
from tests.propdesk.fees.money_check import assert_money_consistent
from ui.cli import main


def _scenario(db: Database, estate: Estate) -> None:
    """Payments, an overpayment, a void, a credit settlement and a refund."""
    set_standard_rates(db)
    with db.begin(MANAGER) as s:
        run_billing(s, "2026-03")
        run_billing(s, "2026-04")
    u1, u2, u3 = estate.unit_ids
    with db.begin(CLERK) as s:
        take_payment(s, unit_id=u1, amount_fen=20000, method="cash")
        voided = take_payment(s, unit_id=u2, amount_fen=30000, method="cash").payment_id
        take_payment(s, unit_id=u3, amount_fen=50000, method="cash")  # leaves credit
    with db.begin(SUPERVISOR) as s:
        void_payment(s, voided, reason="收错房屋")
        refund_credit(s, unit_id=u3, amount_fen=100, method="cash", reason="业主要求")
    with db.begin() as s:
        open_line = s.scalar(
            select(BillLine.id)
            .where(BillLine.unit_id == u1, BillLine.settled.is_(False))
            .order_by(BillLine.id)
            .limit(1)
        )
    assert open_line is not None
    with db.begin(CLERK) as s:
        s.add(CreditEntry(unit_id=u1, amount_fen=10**6, kind="overpay"))
        s.flush()
        pay_lines_from_credit(s, unit_id=u1, line_ids=[open_line])


def test_clean_after_every_kind_of_money_action(db: Database, estate: Estate) -> None:
    _scenario(db, estate)
    assert_money_consistent(db)


@pytest.mark.money_broken
def test_each_kind_of_break_is_found(db: Database, estate: Estate) -> None:
    _scenario(db, estate)
    with db.begin() as s:
        line_id = s.scalar(
            select(BillLine.id).where(BillLine.paid_fen > 0).order_by(BillLine.id).limit(1)
        )
        pay_id = s.scalar(
            select(Payment.id).where(Payment.voided.is_(False)).order_by(Payment.id).limit(1)
        )
        assert line_id is not None
        assert pay_id is not None
        s.execute(
            update(BillLine).where(BillLine.id == line_id).values(paid_fen=BillLine.paid_fen - 1)
        )
        s.execute(
            update(Payment).where(Payment.id == pay_id).values(credit_fen=Payment.credit_fen + 5)
        )
        s.add(CreditEntry(unit_id=estate.unit_ids[1], amount_fen=-999, kind="refund"))
    with db.begin(write=False) as s:
        problems = check_money(s)
    kinds = {(p.kind, p.record_id) for p in problems}
    assert (ProblemKind.LINE_PAID, line_id) in kinds
    assert (ProblemKind.PAYMENT, pay_id) in kinds
    assert (ProblemKind.CREDIT, estate.unit_ids[1]) in kinds
    assert all("元" in p.message for p in problems)


@pytest.mark.money_broken
def test_check_money_command(
    sqlite_db: Database, capsys: pytest.CaptureFixture[str], cli_user: AddUser
) -> None:
    cli_user(sqlite_db.url, username="fin", role=Role.FINANCE)
    from tests.propdesk.fees.fee_fixtures import make_estate

    estate = make_estate(sqlite_db)
    _scenario(sqlite_db, estate)
    url = sqlite_db.url
    assert main(["--db", url, "check", "money"]) == 0
    assert "账目一致" in capsys.readouterr().out
    with sqlite_db.begin() as s:
        line_id = s.scalar(
            select(BillLine.id).where(BillLine.paid_fen > 0).order_by(BillLine.id).limit(1)
        )
        s.execute(update(BillLine).where(BillLine.id == line_id).values(paid_fen=1))
    assert main(["--db", url, "check", "money"]) == 1
    out = capsys.readouterr().out
    assert f"账单 #{line_id}" in out
    assert "发现 1 处账目不一致" in out
