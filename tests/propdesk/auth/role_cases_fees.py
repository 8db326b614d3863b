"""Role cases of fees: billing, rates, meters, payments, voids, refunds, waivers, settings."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from propdesk.auth.permissions import Permission
from propdesk.fees import (
    arrears,
    billing,
    charges,
    credits,
    discounts,
    items,
    latefee,
    meters,
    payments,
    refunds,
)
from propdesk.fees.models import BillLine
from propdesk.fees.settings import FeeSettings, save_fee_settings
from propdesk.registry import services as reg
from tests.propdesk.auth.role_matrix import Call, Guarded

AS_OF = date(2026, 4, 10)


def _billed(c: Call) -> list[int]:
    """Rates, late-fee settings and six months billed for the world's unit: its line ids."""

    def make() -> list[int]:
        def run(s: Session) -> list[int]:
            items.set_rate(s, item_code="property", effective_from=date(2025, 1, 1), rate_fen=185)
            save_fee_settings(
                s, FeeSettings(late_fee_enabled=True, late_fee_rate_per_10k=5, grace_days=10)
            )
            for month in range(1, 7):
                billing.run_billing(s, f"2025-{month:02d}")
            return list(
                s.scalars(
                    select(BillLine.id)
                    .where(BillLine.unit_id == c.world.unit_id)
                    .order_by(BillLine.period, BillLine.id)
                )
            )

        return list(c.as_system(run))

    return list(c.world.once("fees.billed", make))


def _line(c: Call) -> int:
    return _billed(c)[c.n % 6]


def _waive_arrears(c: Call) -> object:
    return c.run(
        lambda s: arrears.waive_arrears(s, line_id=c.prepared, amount_fen=100, reason="困难户减免")
    )


def _waive_late_fee(c: Call) -> object:
    return c.run(
        lambda s: arrears.waive_late_fee(s, line_id=c.prepared, reason="经理批准", as_of=AS_OF)
    )


def _run_billing(c: Call) -> object:
    return c.run(lambda s: billing.run_billing(s, f"2026-{c.n + 1:02d}"))


def _parking_item(c: Call) -> int:
    return int(c.as_system(lambda s: items.ensure_standard_items(s)["parking"]))


def _set_item_active(c: Call) -> object:
    return c.run(lambda s: items.set_item_active(s, c.prepared, c.n % 2 == 1))


def _set_rate(c: Call) -> object:
    return c.run(
        lambda s: items.set_rate(
            s, item_code="property", effective_from=date(2027, 1, 1 + c.n), rate_fen=190 + c.n
        )
    )


def _create_meter(c: Call) -> object:
    return c.run(
        lambda s: meters.create_meter(s, code=f"W-{c.tag}", kind="water", unit_id=c.world.unit_id)
    )


def _meter(c: Call) -> int:
    return int(
        c.as_system(
            lambda s: meters.create_meter(
                s, code=f"E-{c.tag}", kind="electricity", unit_id=c.world.unit_id
            )
        )
    )


def _record_reading(c: Call) -> object:
    return c.run(
        lambda s: meters.record_reading(
            s, meter_id=c.prepared, period="2026-01", reading_centi=1234
        )
    )


def _take_payment(c: Call) -> object:
    return c.run(
        lambda s: payments.take_payment(s, unit_id=c.world.unit_id, amount_fen=100, method="cash")
    )


def _payment(c: Call) -> int:
    _billed(c)
    return int(
        c.as_system(
            lambda s: (
                payments.take_payment(
                    s, unit_id=c.world.unit_id, amount_fen=200, method="cash"
                ).payment_id
            )
        )
    )


def _void_payment(c: Call) -> object:
    return c.run(lambda s: payments.void_payment(s, c.prepared, reason="收错房号"))


def _unit_with_credit(c: Call) -> int:
    """A fresh unit with no bills and 10 元 paid in advance (credit)."""

    def make(s: Session) -> int:
        unit = reg.create_unit(
            s, building_id=c.world.building_id, entrance=2, room=f"{c.n % 8 + 10}01", area="60"
        )
        payments.take_payment(s, unit_id=unit, amount_fen=1000, method="cash")
        return unit

    return int(c.as_system(make))


def _refund_credit(c: Call) -> object:
    return c.run(
        lambda s: refunds.refund_credit(
            s, unit_id=c.prepared, amount_fen=500, method="cash", reason="业主要求退回"
        )
    )


def _charge_and_credit(c: Call) -> tuple[int, int]:
    """A fresh unit with 10 元 of credit and an open 3 元 charge: (unit id, line id)."""

    def make(s: Session) -> tuple[int, int]:
        unit = reg.create_unit(
            s, building_id=c.world.building_id, entrance=2, room=f"{c.n % 8 + 10}03", area="60"
        )
        payments.take_payment(s, unit_id=unit, amount_fen=1000, method="cash")
        line = charges.post_one_off_charge(
            s,
            unit_id=unit,
            amount_fen=300,
            description="装修违规扣款",
            source="role_deduction",
            source_id=unit,
            item_code="renovation_deduction",
        )
        return unit, line

    unit, line = c.as_system(make)
    return int(unit), int(line)


def _pay_lines_from_credit(c: Call) -> object:
    unit, line = c.prepared
    return c.run(lambda s: credits.pay_lines_from_credit(s, unit_id=unit, line_ids=[line]))


def _add_discount_rule(c: Call) -> object:
    return c.run(
        lambda s: discounts.add_discount_rule(
            s, name=f"预缴优惠{c.tag}", item_code="property", min_months=12, free_months=1
        )
    )


def _discount_rule(c: Call) -> int:
    return int(
        c.as_system(
            lambda s: discounts.add_discount_rule(
                s, name=f"季度优惠{c.tag}", item_code="property", min_months=6, free_months=1
            )
        )
    )


def _set_discount_active(c: Call) -> object:
    return c.run(lambda s: discounts.set_discount_active(s, c.prepared, False))


def _save_fee_settings(c: Call) -> object:
    return c.run(lambda s: save_fee_settings(s, FeeSettings(grace_days=10 + c.n)))


def _charge_late_fees(c: Call) -> object:
    return c.run(lambda s: latefee.charge_late_fees(s, c.world.unit_id, as_of=AS_OF))


CASES: list[Guarded] = [
    Guarded(
        "propdesk.fees.latefee.charge_late_fees",
        Permission.TAKE_PAYMENT,
        _charge_late_fees,
        _billed,
    ),
    Guarded("propdesk.fees.arrears.waive_arrears", Permission.WAIVE, _waive_arrears, _line),
    Guarded("propdesk.fees.arrears.waive_late_fee", Permission.WAIVE, _waive_late_fee, _line),
    Guarded("propdesk.fees.billing.run_billing", Permission.RUN_BILLING, _run_billing, _billed),
    Guarded(
        "propdesk.fees.items.set_item_active",
        Permission.MANAGE_FEES,
        _set_item_active,
        _parking_item,
    ),
    Guarded("propdesk.fees.items.set_rate", Permission.MANAGE_FEES, _set_rate),
    Guarded("propdesk.fees.meters.create_meter", Permission.EDIT_REGISTRY, _create_meter),
    Guarded(
        "propdesk.fees.meters.record_reading", Permission.TAKE_PAYMENT, _record_reading, _meter
    ),
    Guarded("propdesk.fees.payments.take_payment", Permission.TAKE_PAYMENT, _take_payment, _billed),
    Guarded(
        "propdesk.fees.payments.void_payment", Permission.VOID_RECEIPT, _void_payment, _payment
    ),
    Guarded(
        "propdesk.fees.refunds.refund_credit",
        Permission.VOID_RECEIPT,
        _refund_credit,
        _unit_with_credit,
    ),
    Guarded(
        "propdesk.fees.credits.pay_lines_from_credit",
        Permission.TAKE_PAYMENT,
        _pay_lines_from_credit,
        _charge_and_credit,
    ),
    Guarded(
        "propdesk.fees.settings.save_fee_settings", Permission.MANAGE_SETTINGS, _save_fee_settings
    ),
    Guarded(
        "propdesk.fees.discounts.add_discount_rule", Permission.MANAGE_SETTINGS, _add_discount_rule
    ),
    Guarded(
        "propdesk.fees.discounts.set_discount_active",
        Permission.MANAGE_SETTINGS,
        _set_discount_active,
        _discount_rule,
    ),
]
