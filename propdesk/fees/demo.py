"""Demo step 40: a year of fees for the demo estate (rates, bills, payments, arrears).

A water meter per unit and a shared electricity meter per building, read every month
(estates up to 20,000 units); twelve monthly billing runs (the rows and amounts of
:func:`run_billing`) and the year's payments: most owners pay each month within the
month, some pay a few months late, some pay part, a few pay nothing for months (the
arrears). The year is planned in Python and written once, one bulk insert per table
(bill lines are born with their paid amounts, receipts numbered gap-free in time order,
the receipt counter set to match); then a handful prepaid a year today with the
预缴一年送一月 discount and one receipt is voided, through the real payment services. Reminder letters and calls with
promises are logged for the worst payers. Reads ``ctx.info`` defensively (the units
come from the database).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from random import Random
from typing import cast

from sqlalchemy import Table, func, insert, select, update
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.demo.bulk import reserve_ids
from propdesk.demo.steps import DemoContext
from propdesk.fees.billing import billing_rows
from propdesk.fees.bulk_rows import insert_rows, roomy_cache
from propdesk.fees.items import ensure_standard_items
from propdesk.fees.models import (
    BILLING_SOURCE,
    Allocation,
    BillingRun,
    BillLine,
    ContactLog,
    DiscountRule,
    FeeRate,
    ItemKind,
    Meter,
    MeterReading,
    NoticeLog,
    Payment,
    ReceiptCounter,
    Rounding,
)
from propdesk.fees.payments import Prepay, take_payment, void_payment
from propdesk.fees.periods import add_months, first_day, period_of
from propdesk.fees.receipt_numbers import format_receipt_no, series_for
from propdesk.fees.settings import FeeSettings, save_fee_settings
from propdesk.fees.standards import add_rate, save_item
from propdesk.models_base import Base
from propdesk.registry.models import Unit

MONTHS = 12
METER_UNITS = 20_000
_METHODS = ("wechat", "wechat", "alipay", "cash", "transfer", "card")
_READING_COLUMNS = (
    "meter_id",
    "period",
    "previous_centi",
    "reading_centi",
    "consumption_centi",
    "kind",
    "read_on",
    "entered_by",
    "created_at",
)
# A bill line row; ``paid_fen`` and ``settled`` are filled in once payments are planned.
_LINE_COLUMNS = (
    "id",
    "unit_id",
    "item_id",
    "period",
    "due_date",
    "quantity_centi",
    "rate_fen",
    "amount_fen",
    "description",
    "source",
    "source_ref",
    "run_id",
    "created_at",
    "created_by",
    "notes",
    "waived_fen",
    "late_fee_charged_fen",
    "paid_fen",
    "settled",
)
_PAYMENT_COLUMNS = (
    "id",
    "receipt_no",
    "unit_id",
    "paid_at",
    "paid_on",
    "amount_fen",
    "method",
    "txn_ref",
    "allocated_fen",
    "credit_fen",
    "discount_fen",
    "discount_note",
    "payer",
    "notes",
    "taken_by",
    "voided",
    "void_reason",
    "voided_by",
)
_ALLOCATION_COLUMNS = (
    "bill_line_id",
    "payment_id",
    "kind",
    "amount_fen",
    "paid_on",
    "reversed",
    "created_at",
)


def _at(day: date, rng_minutes: int, latest: datetime) -> datetime:
    """``rng_minutes`` after 09:00 at the estate on ``day`` (UTC), never after ``latest``
    (the demo's now: on its day, what happened happened before it)."""
    at = clock.local_datetime(day, time(9, 0)).astimezone(UTC) + timedelta(minutes=rng_minutes)
    return min(at, latest)


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
    meters: list[dict[str, object]] = [
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
    _bulk(session, Meter, meters, "演示数据：水表与公摊电表")
    ids = session.execute(select(Meter.id, Meter.kind).order_by(Meter.id)).all()
    readings: list[tuple[object, ...]] = []
    months = [add_months(periods[0], -1), *periods]
    read_on = [first_day(p) for p in months]
    read_at = [_at(d, 0, ctx.now) for d in read_on]
    for mid, kind in ids:
        value = rng.randint(0, 900_00) if kind == "water" else rng.randint(0, 50_000_00)
        previous = value
        for k, period in enumerate(months):
            used = (
                0
                if k == 0
                else (
                    rng.randint(4_00, 18_00) if kind == "water" else rng.randint(800_00, 2_500_00)
                )
            )
            value += used
            readings.append(
                (mid, period, previous, value, used, "normal", read_on[k], "demo", read_at[k])
            )
            previous = value
    insert_rows(session, MeterReading, _READING_COLUMNS, readings, "演示数据：一年抄表")


def _standards(session: Session, items: dict[str, int], start: date) -> None:
    """The estate's own fee standards (收费标准): vacant units pay 70% of the property fee,
    floors 1–2 pay no lift fee, a monthly 垃圾清运费 and 二次供水, and the cashier's
    catalogue of one-off charges (临停, 装修管理费, 门禁卡工本费)."""
    save_item(
        session,
        item_id=items["property"],
        name="物业服务费",
        kind=ItemKind.AREA,
        category="物业服务",
        vacant_discount_pct=30,
    )
    add_rate(session, item_id=items["elevator"], effective_from=start, rate_fen=0, floor_to=2)
    trash = save_item(
        session, name="垃圾清运费", kind=ItemKind.FIXED, category="物业服务", rounding=Rounding.YUAN
    )
    add_rate(session, item_id=trash, effective_from=start, rate_fen=800)
    water2 = save_item(session, name="二次供水", kind=ItemKind.AREA, category="公共能耗")
    add_rate(session, item_id=water2, effective_from=start, rate_fen=12)
    for name, fen, category in (
        ("临停", 1000, "停车"),
        ("装修管理费", 50000, "装修"),
        ("门禁卡工本费", 2000, "工本费"),
    ):
        iid = save_item(
            session, name=name, kind=ItemKind.ONE_OFF, category=category, in_catalogue=True
        )
        add_rate(session, item_id=iid, effective_from=start, rate_fen=fen)


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
    _standards(session, items, start)
    session.add(
        DiscountRule(name="预缴一年送一月", item_id=items["property"], min_months=12, free_months=1)
    )
    save_fee_settings(
        session, FeeSettings(late_fee_enabled=True, late_fee_rate_per_10k=5, grace_days=30)
    )
    session.flush()

    periods = [add_months(first, k) for k in range(MONTHS)]
    with roomy_cache(session):
        _meters(session, ctx, items, start, periods)
    bills = _bills(session, ctx, periods)
    ctx.progress(0.4, "收费：收款记录")
    unit_ids = list(session.scalars(select(Unit.id).order_by(Unit.id)))
    profile = _profiles(rng, unit_ids)
    payments, allocs = _plan_payments(rng, ctx.now, periods, unit_ids, profile, bills.lines)
    payments, allocs, seq = _number_receipts(payments, allocs)
    with roomy_cache(session):
        _write_year(session, bills, payments, allocs)
    ctx.progress(0.8, "收费：预缴与作废")
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
    _reminders(session, rng, ctx.now, [u for u in unit_ids if profile[u] == "none"][:200])
    ctx.info["prepay_receipts"] = prepay_receipts
    ctx.info["fee_periods"] = periods
    ctx.info["payments"] = len(payments)
    ctx.progress(1.0, "收费：完成")


@dataclass
class _Bills:
    """The year of bills, computed before anything is written.

    ``runs``: one billing run row per month; ``rows``: the new bill lines (ids reserved,
    ``paid_fen``/``settled`` filled in once payments are planned); ``lines``:
    unit → period → ``[(line id, amount)]`` of every line a payment may settle (lines
    posted by earlier steps, e.g. paid repairs, first); ``earlier``: those earlier
    lines' ids, updated rather than inserted.
    """

    runs: list[dict[str, object]]
    rows: list[tuple[object, ...]]
    lines: dict[int, dict[str, list[tuple[int, int]]]]
    earlier: dict[int, tuple[int, int, int]]


def _bills(session: Session, ctx: DemoContext, periods: list[str]) -> _Bills:
    """Twelve monthly billing runs, computed as :func:`run_billing` would (same rows, same
    rates and rounding) but written once, with their final paid amounts."""
    actor = session.info.get("actor")
    username = getattr(actor, "username", "")
    run_by = getattr(actor, "display_name", "") or username  # shown in the runs list
    lines: dict[int, dict[str, list[tuple[int, int]]]] = defaultdict(lambda: defaultdict(list))
    earlier: dict[int, tuple[int, int, int]] = {}
    for lid, uid, period, amount, paid, waived in session.execute(
        select(
            BillLine.id,
            BillLine.unit_id,
            BillLine.period,
            BillLine.amount_fen,
            BillLine.paid_fen,
            BillLine.waived_fen,
        )
        .where(BillLine.period >= periods[0], BillLine.settled.is_(False))
        .order_by(BillLine.id)
    ):
        if amount > paid + waived:
            lines[uid][period].append((lid, amount - paid - waived))
            earlier[lid] = (amount, paid, waived)
    monthly: list[list[dict[str, object]]] = []
    for k, p in enumerate(periods):
        rows, _no_rate = billing_rows(session, p)
        monthly.append(rows)
        ctx.progress(0.3 * (k + 1) / MONTHS, f"收费：{p} 出账")
    run_ids = reserve_ids(session, BillingRun, len(periods))
    line_ids = iter(reserve_ids(session, BillLine, sum(len(m) for m in monthly)))
    runs: list[dict[str, object]] = []
    out: list[tuple[object, ...]] = []
    for run_id, p, rows in zip(run_ids, periods, monthly, strict=True):
        made = _at(first_day(p), 0, ctx.now)
        runs.append(
            {
                "id": run_id,
                "period": p,
                "started_at": made,
                "lines_created": len(rows),
                "amount_fen": sum(cast(int, r["amount_fen"]) for r in rows),
                "run_by": run_by,
            }
        )
        for r in rows:
            lid = next(line_ids)
            uid, amount = cast(int, r["unit_id"]), cast(int, r["amount_fen"])
            out.append(
                (
                    lid,
                    uid,
                    r["item_id"],
                    p,
                    r["due_date"],
                    r["quantity_centi"],
                    r["rate_fen"],
                    amount,
                    r["description"],
                    BILLING_SOURCE,
                    r["source_ref"],
                    run_id,
                    made,
                    username,
                    "",
                    0,
                    0,
                )
            )
            lines[uid][p].append((lid, amount))
    return _Bills(runs, out, lines, earlier)


def _profiles(rng: Random, unit_ids: list[int]) -> dict[int, str]:
    """Payer profile per unit: prompt, late, partial or none (stops paying)."""
    profile: dict[int, str] = {}
    for uid in unit_ids:
        x = rng.random()
        profile[uid] = (
            "prompt" if x < 0.72 else "late" if x < 0.86 else "partial" if x < 0.94 else "none"
        )
    return profile


_Split = list[tuple[int, int]]  # [(bill line id, fen)]


def _plan_payments(
    rng: Random,
    now: datetime,
    periods: list[str],
    unit_ids: list[int],
    profile: dict[int, str],
    lines: dict[int, dict[str, list[tuple[int, int]]]],
) -> tuple[list[dict[str, object]], list[_Split]]:
    """Each unit's payments of the year by its profile, and what each payment settles."""
    today = clock.local_date(now)
    payments: list[dict[str, object]] = []
    allocs: list[_Split] = []
    starts = [first_day(p) for p in periods]
    late_start = [first_day(add_months(periods[0], k)) for k in range(1, MONTHS + 4)]
    for uid in unit_ids:
        kind = profile[uid]
        stop = rng.randint(3, 9) if kind == "none" else MONTHS  # stops paying after month `stop`
        mine_by_period = lines.get(uid, {})
        for k, p in enumerate(periods):
            mine = mine_by_period.get(p)
            if not mine:
                continue
            if k >= stop:
                continue
            if kind == "late":
                pay_day = late_start[k + _pick(rng, 0, 3)] + timedelta(days=_pick(rng, 0, 25))
            else:
                pay_day = starts[k] + timedelta(days=_pick(rng, 2, 27))
            if pay_day > today:
                continue
            total = sum(a for _l, a in mine)
            paid = total if kind != "partial" or rng.random() < 0.6 else total // 2
            left = paid
            split: _Split = []
            for lid, amount in mine:
                take = min(amount, left)
                if take > 0:
                    split.append((lid, take))
                    left -= take
            payments.append(
                {
                    "unit_id": uid,
                    "paid_on": pay_day,
                    "paid_at": _at(pay_day, _pick(rng, 0, 600), now),
                    "amount_fen": paid,
                    "method": _METHODS[_pick(rng, 0, len(_METHODS) - 1)],
                    "txn_ref": None,
                    "allocated_fen": paid,
                    "credit_fen": 0,
                    "discount_fen": 0,
                    "discount_note": "",
                    "payer": "",
                    "notes": "",
                    "taken_by": "前台",
                    "voided": False,
                    "void_reason": "",
                    "voided_by": "",
                    "voided_at": None,
                }
            )
            allocs.append(split)
    return payments, allocs


def _pick(rng: Random, low: int, high: int) -> int:
    """A random integer in ``low..high`` (``randint`` costs 3× more; 100k calls here)."""
    return low + int(rng.random() * (high - low + 1))


def _number_receipts(
    payments: list[dict[str, object]], allocs: list[_Split]
) -> tuple[list[dict[str, object]], list[_Split], dict[int, int]]:
    """Payments (and their splits) in time order with gap-free receipt numbers per year
    and a transaction reference unless cash, and the last number used per year."""
    order = sorted(range(len(payments)), key=lambda i: (cast(datetime, payments[i]["paid_at"]), i))
    seq: dict[int, int] = defaultdict(int)
    for n, i in enumerate(order):
        pay = payments[i]
        day = pay["paid_on"]
        assert isinstance(day, date)
        seq[day.year] += 1
        pay["receipt_no"] = format_receipt_no(day.year, seq[day.year])
        if pay["method"] != "cash":
            pay["txn_ref"] = f"DEMO{day:%Y%m%d}{n:07d}"
    return [payments[i] for i in order], [allocs[i] for i in order], dict(seq)


def _write_year(
    session: Session, bills: _Bills, payments: list[dict[str, object]], allocs: list[_Split]
) -> None:
    """Write runs, bill lines (born with their paid amounts), payments and allocations:
    one bulk insert each, ids reserved up front."""
    pay_ids = reserve_ids(session, Payment, len(payments))
    paid_by_line: dict[int, int] = defaultdict(int)
    alloc_rows: list[tuple[object, ...]] = []
    pay_rows: list[tuple[object, ...]] = []
    for pid, pay, split in zip(pay_ids, payments, allocs, strict=True):
        pay["id"] = pid
        pay_rows.append(tuple(pay[c] for c in _PAYMENT_COLUMNS))
        day, at = pay["paid_on"], pay["paid_at"]
        for lid, amount in split:
            alloc_rows.append((lid, pid, "payment", amount, day, False, at))
            paid_by_line[lid] += amount
    line_rows: list[tuple[object, ...]] = []
    for row in bills.rows:
        paid = paid_by_line.get(cast(int, row[0]), 0)
        line_rows.append((*row, paid, paid == row[7]))
    _bulk(session, BillingRun, bills.runs, "演示数据：十二个月出账")
    insert_rows(session, BillLine, _LINE_COLUMNS, line_rows, "演示数据：一年账单")
    insert_rows(session, Payment, _PAYMENT_COLUMNS, pay_rows, "演示数据：一年收款")
    insert_rows(session, Allocation, _ALLOCATION_COLUMNS, alloc_rows, "演示数据：收款核销")
    earlier: list[dict[str, object]] = []
    for lid, (amount, was_paid, waived) in bills.earlier.items():
        paid = was_paid + paid_by_line.get(lid, 0)
        if paid != was_paid:
            earlier.append({"id": lid, "paid_fen": paid, "settled": paid + waived == amount})
    if earlier:
        session.execute(update(BillLine), earlier)


def _bulk(session: Session, model: type[Base], rows: list[dict[str, object]], note: str) -> None:
    """A Core insert of a few rows (every row with the same keys); the audit trail records
    one summary row with ``note``."""
    if rows:
        table = cast(Table, model.__table__)
        session.execute(insert(table).execution_options(audit_note=note), rows)


def _reminders(session: Session, rng: Random, now: datetime, worst: list[int]) -> None:
    """The worst payers got reminder letters and calls; half the promises were broken."""
    today = clock.local_date(now)
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
                "sent_at": _at(sent, 0, now),
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
