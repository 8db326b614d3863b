"""Role cases of deliberate billing and payment dates: plan, reverse a run, backdate a payment."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from propdesk.auth.permissions import Permission
from propdesk.fees import billing, billing_plan, items, payments
from propdesk.fees.periods import add_months
from tests.propdesk.auth.role_matrix import Call, Guarded


def _rates(c: Call) -> None:
    def make() -> None:
        def run(s: Session) -> None:
            items.set_rate(s, item_code="property", effective_from=date(2024, 1, 1), rate_fen=185)

        c.as_system(run)

    c.world.once("billing_plan.rates", make)


def _plan(c: Call) -> object:
    return c.run(lambda s: billing_plan.plan_billing(s, "2024-12"))


def _unpaid_run(c: Call) -> int:
    """A run of its own for each role (a month of 2024), nobody paid against it."""
    _rates(c)

    def make(s: Session) -> int:
        result = billing.run_billing(s, add_months("2024-01", c.n))
        assert result.run_id is not None
        return result.run_id

    return int(c.as_system(make))


def _reverse(c: Call) -> object:
    return c.run(lambda s: billing_plan.reverse_billing_run(s, c.prepared, reason="月份选错"))


def _backdated_payment(c: Call) -> object:
    return c.run(
        lambda s: payments.take_payment(
            s,
            unit_id=c.world.unit_id,
            amount_fen=100,
            method="cash",
            paid_on=date(2026, 6, 1 + c.n),
        )
    )


CASES = [
    Guarded(
        "propdesk.fees.billing_plan.plan_billing", Permission.RUN_BILLING, _plan, prepare=_rates
    ),
    Guarded(
        "propdesk.fees.billing_plan.reverse_billing_run",
        Permission.REVERSE_BILLING,
        _reverse,
        prepare=_unpaid_run,
    ),
    Guarded(
        "propdesk.fees.payment_dates.payment_day",
        Permission.BACKDATE_PAYMENT,
        _backdated_payment,
        also=(Permission.TAKE_PAYMENT,),
    ),
]
