"""Demo step 40: a year of fees for the demo estate (rates, bills, payments, arrears).

A water meter per unit and a shared electricity meter per building, read every month
(estates up to 20,000 units); twelve monthly billing runs (the real :func:`run_billing`,
bulk inserts), then payments
written in bulk: most owners pay each month within the month, some pay a few months
late, some pay part, a few pay nothing for months (the arrears); a handful prepaid a year
with the 预缴一年送一月 discount; one receipt is voided. Reminder letters and calls with
promises are logged for the worst payers. Reads ``ctx.info`` defensively (the units
come from the database).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from propdesk.demo.steps import DemoContext
from propdesk.fees.billing import run_billing
from propdesk.fees.items import ensure_standard_items
from propdesk.fees.models import (
    Allocation,
    BillLine,
    ContactLog,
    DiscountRule,
    FeeRate,
    Meter,
    MeterReading,
    NoticeLog,
    Payment,
    ReceiptCounter,
)
from propdesk.fees.payments import Prepay, take_payment, void_payment
from propdesk.fees.periods import add_months, first_day, period_of
from propdesk.fees.receipt_numbers import format_receipt_no, series_for
from propdesk.fees.settings import FeeSettings, save_fee_settings
from propdesk.registry.models import Unit

MONTHS = 12
METER_UNITS = 20_000
_METHODS = ("wechat", "wechat", "alipay", "cash", "transfer", "card")


def _at(day: date, rng_minutes: int) -> datetime:
    return datetime.combine(day, time(1, 0), UTC) + timedelta(minutes=rng_minutes)


def _meters(
    session: Session, ctx: DemoContext, items: dict[str, int], start: date, periods: list[str]
) -> None:
    """A water meter per unit and a shared (公摊) electricity meter per building, read monthly.

    Skipped above :data:`METER_UNITS` units (a reading per unit and month is a lot of rows).
    """
    unit_rows = session.execute(select(Unit.id, Unit.building_id).order_by(Unit.id)).all()
    if not unit_rows or len(unit_rows) > METER_UNITS:
        return
    rng = ctx.rng
    session.execute(
        insert(FeeRate),
        [
            {
                "item_id": items["water"],
                "effective_from": start,
                "rate_fen": 450,
                "created_by": "demo",
            },
            {
                "item_id": items["electricity"],
                "effective_from": start,
                "rate_fen": 62,
                "created_by": "demo",
            },
        ],
    )
    meters = [
        {
            "code": f"W-{uid:06d}",
            "kind": "water",
            "unit_id": uid,
            "building_id": None,
            "split": "",
            "rollover_centi": 100_000_00,
            "version": 1,
        }
        for uid, _b in unit_rows
    ]
    meters += [
        {
            "code": f"E-公摊-{bid}",
            "kind": "electricity",
            "unit_id": None,
            "building_id": bid,
            "split": "area",
            "rollover_centi": 1_000_000_00,
            "version": 1,
        }
        for bid in sorted({b for _u, b in unit_rows})
    ]
    session.execute(insert(Meter), meters)
    ids = session.execute(select(Meter.id, Meter.kind)).all()
    readings: list[dict[str, object]] = []
    for mid, kind in ids:
        value = rng.randint(0, 900_00) if kind == "water" else rng.randint(0, 50_000_00)
        previous = value
        for k, period in enumerate([add_months(periods[0], -1), *periods]):
            used = (
                0
                if k == 0
                else (
                    rng.randint(4_00, 18_00) if kind == "water" else rng.randint(800_00, 2_500_00)
                )
            )
            value += used
            readings.append(
                {
                    "meter_id": mid,
                    "period": period,
                    "previous_centi": previous,
                    "reading_centi": value,
                    "consumption_centi": used,
                    "kind": "normal",
                    "read_on": first_day(period),
                    "entered_by": "demo",
                }
            )
            previous = value
    for i in range(0, len(readings), 10_000):
        session.execute(insert(MeterReading), readings[i : i + 10_000])


def build_fees(session: Session, ctx: DemoContext) -> None:
    """Fill the fee tables for the demo estate (see the module docstring)."""
    rng = ctx.rng
    today = ctx.today
    last = period_of(today)
    first = add_months(last, -(MONTHS - 1))
    items = ensure_standard_items(session)
    start = first_day(add_months(first, -12))
    session.execute(
        insert(FeeRate),
        [
            {
                "item_id": items["property"],
                "effective_from": start,
                "rate_fen": 185,
                "created_by": "demo",
            },
            {
                "item_id": items["elevator"],
                "effective_from": start,
                "rate_fen": 3000,
                "created_by": "demo",
            },
            {
                "item_id": items["parking"],
                "effective_from": start,
                "rate_fen": 15000,
                "created_by": "demo",
            },
            # a rate change half-way through the year: past bills keep 1.85
            {
                "item_id": items["property"],
                "effective_from": first_day(add_months(first, 6)),
                "rate_fen": 200,
                "created_by": "demo",
            },
        ],
    )
    session.add(
        DiscountRule(name="预缴一年送一月", item_id=items["property"], min_months=12, free_months=1)
    )
    save_fee_settings(
        session, FeeSettings(late_fee_enabled=True, late_fee_rate_per_10k=5, grace_days=30)
    )
    session.flush()

    periods = [add_months(first, k) for k in range(MONTHS)]
    _meters(session, ctx, items, start, periods)
    for k, p in enumerate(periods):
        run_billing(session, p)
        ctx.progress(0.6 * (k + 1) / MONTHS, f"收费：{p} 出账")

    unit_ids = list(session.scalars(select(Unit.id).order_by(Unit.id)))
    # payer profile per unit
    profile: dict[int, str] = {}
    for uid in unit_ids:
        x = rng.random()
        profile[uid] = (
            "prompt" if x < 0.72 else "late" if x < 0.86 else "partial" if x < 0.94 else "none"
        )
    lines: dict[int, dict[str, list[tuple[int, int]]]] = defaultdict(lambda: defaultdict(list))
    for lid, uid, period, amount in session.execute(
        select(BillLine.id, BillLine.unit_id, BillLine.period, BillLine.amount_fen).where(
            BillLine.period >= first
        )
    ):
        lines[uid][period].append((lid, amount))

    payments: list[dict[str, object]] = []
    allocs: list[tuple[int, list[tuple[int, int]]]] = []  # payment index → [(line, amount)]
    for uid in unit_ids:
        kind = profile[uid]
        stop = rng.randint(3, 9) if kind == "none" else MONTHS  # stops paying after month `stop`
        for k, p in enumerate(periods):
            mine = lines[uid].get(p)
            if not mine:
                continue
            if k >= stop:
                continue
            if kind == "late":
                pay_day = first_day(add_months(p, rng.randint(1, 4))) + timedelta(
                    days=rng.randint(0, 25)
                )
            else:
                pay_day = first_day(p) + timedelta(days=rng.randint(2, 27))
            if pay_day > today:
                continue
            total = sum(a for _l, a in mine)
            paid = total if kind != "partial" or rng.random() < 0.6 else total // 2
            left = paid
            split: list[tuple[int, int]] = []
            for lid, amount in mine:
                take = min(amount, left)
                if take > 0:
                    split.append((lid, take))
                    left -= take
            method = rng.choice(_METHODS)
            payments.append(
                {
                    "unit_id": uid,
                    "paid_on": pay_day,
                    "paid_at": _at(pay_day, rng.randint(0, 600)),
                    "amount_fen": paid,
                    "method": method,
                    "txn_ref": None,
                    "allocated_fen": paid,
                    "taken_by": "前台",
                }
            )
            allocs.append((len(payments) - 1, split))
    ctx.progress(0.75, "收费：收款记录")
    order = sorted(range(len(payments)), key=lambda i: (payments[i]["paid_at"], i))
    seq: dict[int, int] = defaultdict(int)
    for n, i in enumerate(order):
        pay = payments[i]
        day = pay["paid_on"]
        assert isinstance(day, date)
        seq[day.year] += 1
        pay["receipt_no"] = format_receipt_no(day.year, seq[day.year])
        if pay["method"] != "cash":
            pay["txn_ref"] = f"DEMO{day:%Y%m%d}{n:07d}"
    chunk = 5000
    for i in range(0, len(payments), chunk):
        session.execute(insert(Payment), payments[i : i + chunk])
    ids = dict(session.execute(select(Payment.receipt_no, Payment.id)).all())
    alloc_rows: list[dict[str, object]] = []
    paid_by_line: dict[int, int] = defaultdict(int)
    for i, split in allocs:
        pay = payments[i]
        pid = ids[str(pay["receipt_no"])]
        for lid, amount in split:
            alloc_rows.append(
                {
                    "bill_line_id": lid,
                    "payment_id": pid,
                    "kind": "payment",
                    "amount_fen": amount,
                    "paid_on": pay["paid_on"],
                }
            )
            paid_by_line[lid] += amount
    for i in range(0, len(alloc_rows), chunk):
        session.execute(insert(Allocation), alloc_rows[i : i + chunk])
    amounts = dict(
        session.execute(
            select(BillLine.id, BillLine.amount_fen).where(BillLine.period >= first)
        ).all()
    )
    updates = [
        {"id": lid, "paid_fen": v, "settled": v == amounts[lid]} for lid, v in paid_by_line.items()
    ]
    for i in range(0, len(updates), chunk):
        session.execute(update(BillLine), updates[i : i + chunk])
    for year, value in seq.items():
        session.execute(insert(ReceiptCounter).values(series=series_for(year), last_value=value))
    # A few prompt payers prepaid a year today (one month free); one receipt was voided.
    prompt = [u for u in unit_ids if profile[u] == "prompt"]
    prepay_receipts: list[str] = []
    for uid in prompt[:: max(1, len(prompt) // 5)][:5]:
        monthly = session.scalar(
            select(BillLine.amount_fen).where(
                BillLine.unit_id == uid,
                BillLine.item_id == items["property"],
                BillLine.period == last,
            )
        )
        owed = session.scalar(
            select(func.coalesce(func.sum(BillLine.amount_fen - BillLine.paid_fen), 0)).where(
                BillLine.unit_id == uid, BillLine.settled.is_(False)
            )
        )
        if not monthly:
            continue
        prepaid = take_payment(
            session,
            unit_id=uid,
            amount_fen=int(owed or 0) + 11 * monthly,
            method="cash",
            prepay=Prepay("property", 12),
            paid_on=today,
        )
        prepay_receipts.append(prepaid.receipt_no)
    if prompt:
        uid = prompt[-1]
        wrong = take_payment(session, unit_id=uid, amount_fen=10_000, method="cash", paid_on=today)
        void_payment(session, wrong.payment_id, reason="收错房号，已重新开票")
    ctx.progress(0.9, "收费：催缴记录")

    # the worst payers got reminder letters and calls; half the promises were broken
    worst = [u for u in unit_ids if profile[u] == "none"][:200]
    notices: list[dict[str, object]] = []
    contacts: list[dict[str, object]] = []
    for uid in worst:
        sent = today - timedelta(days=rng.randint(20, 60))
        notices.append(
            {
                "unit_id": uid,
                "kind": "reminder",
                "level": 1,
                "period": "",
                "amount_fen": 0,
                "sent_at": _at(sent, 0),
                "sent_by": "前台",
            }
        )
        call = sent + timedelta(days=7)
        promised = call + timedelta(days=10)
        contacts.append(
            {
                "unit_id": uid,
                "contact_date": call,
                "kind": rng.choice(["call", "visit"]),
                "staff": "前台",
                "outcome": rng.choice(
                    ["业主答应近期缴费", "业主对服务有意见，暂不缴费", "家中无人，已留言"]
                ),
                "promised_date": promised,
                "promise": "broken" if promised < today else "open",
            }
        )
    if notices:
        session.execute(insert(NoticeLog), notices)
        session.execute(insert(ContactLog), contacts)
    ctx.info["prepay_receipts"] = prepay_receipts
    ctx.info["fee_periods"] = periods
    ctx.info["payments"] = len(payments)
    ctx.progress(1.0, "收费：完成")
