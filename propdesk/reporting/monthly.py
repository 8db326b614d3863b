"""The monthly management report (管理月报): pure queries returning plain data.

Figures that another feature already computes come from its own query module
(collection rate: :mod:`propdesk.fees.collection`; arrears ageing:
:mod:`propdesk.fees.arrears`; complaint classification: :mod:`propdesk.tickets.stats`);
the rest is counted here. Every section counts over a window of local days (a calendar
month, or the last N days for :func:`rolling_report`). A ticket counts when it was registered
in the window and is not cancelled — one rule for every ticket figure, the complaint
statistics' own (:mod:`propdesk.reporting.figures`), so the complaint count is one number on
every page; cancelled tickets are counted apart.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, func, not_, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from propdesk import clock
from propdesk.calls.values import CallStats, OutageRow
from propdesk.desk.models import Parcel, Patrol, PatrolCheckpoint, PatrolFinding
from propdesk.desk.values import AREA_ZH, CheckpointArea, FindingResult, PatrolStatus
from propdesk.errors import ValidationError
from propdesk.fees.arrears import arrears_list
from propdesk.fees.closing import reversals_in
from propdesk.fees.collection import CollectionRow, collection_rows, summarize
from propdesk.fees.income import income_allocation
from propdesk.fees.models import Allocation, AllocKind, Payment
from propdesk.fees.periods import add_months, first_day, last_day, parse_period, period_of
from propdesk.keys.models import KeyDeposit, KeyLoan
from propdesk.registry.models import Estate
from propdesk.renovation.models import Inspection, RenovationPermit, Violation, ViolationType
from propdesk.renovation.values import PermitStatus
from propdesk.reporting.figures import (
    activity_figures,
    care_figures,
    day_bounds,
    first_record_day,
    live_tickets,
    survey_figures,
)
from propdesk.reporting.frozen_fees import frozen_fee_section
from propdesk.reporting.notes import month_notes
from propdesk.reporting.values import (
    CallbackSection,
    Count,
    DeskSection,
    FeeSection,
    Headline,
    MonthlyReport,
    PatrolSection,
    RenovationSection,
    TicketSection,
)
from propdesk.tickets.models import Ticket, TicketCallback, TicketCategory
from propdesk.tickets.stats import complaint_stats
from propdesk.tickets.values import KIND_ZH, STATUS_ZH, TicketKind, TicketStatus

INSPECTION_RESULT_ZH = {"ok": "合格", "violation": "发现违规"}


def parse_month(text: str) -> str:
    """``"2026-10"`` → ``"2026-10"``; a clear error for anything else."""
    try:
        return parse_period((text or "").strip(), "month")
    except ValidationError as exc:
        raise ValidationError(
            "month", f"月份应写成 年-月，例如 2026-10（收到 “{text}”）。"
        ) from exc


def month_bounds(period: str) -> tuple[datetime, datetime]:
    """UTC-aware ``[start, end)`` of a local calendar month."""
    return day_bounds(first_day(period), last_day(period))


def _between(col: InstrumentedAttribute[Any], lo: datetime, hi: datetime) -> ColumnElement[bool]:
    return and_(col >= lo, col < hi)


def _counts(session: Session, stmt: Select[Any, int]) -> list[tuple[str, int]]:
    return [(str(k), int(n)) for k, n in session.execute(stmt)]


# --- tickets ---------------------------------------------------------------------------


def ticket_section(session: Session, start: date, end: date) -> TicketSection:
    """Tickets registered ``start``…``end`` (local dates): by kind, category and status.

    Cancelled tickets are counted apart (``cancelled``) and left out of every other figure,
    the same rule as the complaint statistics (:func:`propdesk.reporting.figures.live_tickets`).
    """
    lo, hi = day_bounds(start, end)
    live = live_tickets(lo, hi)
    kinds = dict(
        _counts(session, select(Ticket.kind, func.count()).where(live).group_by(Ticket.kind))
    )
    by_kind = tuple(Count(k.value, KIND_ZH[k], kinds.get(k.value, 0)) for k in TicketKind)
    statuses = dict(
        _counts(session, select(Ticket.status, func.count()).where(live).group_by(Ticket.status))
    )
    by_status = tuple(
        Count(s.value, STATUS_ZH[s], statuses[s.value]) for s in TicketStatus if s.value in statuses
    )
    cancelled = int(
        session.scalar(
            select(func.count(Ticket.id)).where(
                _between(Ticket.created_at, lo, hi),
                Ticket.status == TicketStatus.CANCELLED.value,
            )
        )
        or 0
    )
    cat_rows = session.execute(
        select(
            TicketCategory.kind,
            TicketCategory.id,
            TicketCategory.name,
            func.count().label("n"),
        )
        .join(Ticket, Ticket.category_id == TicketCategory.id)
        .where(live)
        .group_by(TicketCategory.kind, TicketCategory.id, TicketCategory.name)
    ).all()
    kind_label = {k.value: KIND_ZH[k] for k in TicketKind}
    by_category = tuple(
        sorted(
            (
                Count(str(r.id), f"{kind_label.get(r.kind, r.kind)} · {r.name}", int(r.n))
                for r in cat_rows
            ),
            key=lambda c: (-c.count, c.label),
        )
    )
    times = session.execute(
        select(
            Ticket.created_at,
            Ticket.responded_at,
            Ticket.response_due,
            Ticket.done_at,
            Ticket.resolve_due,
        ).where(live)
    ).all()
    response = [
        (r.responded_at - r.created_at, r.responded_at <= r.response_due)
        for r in times
        if r.responded_at
    ]
    done = [(r.done_at - r.created_at, r.done_at <= r.resolve_due) for r in times if r.done_at]
    return TicketSection(
        total=sum(kinds.values()),
        by_kind=by_kind,
        by_category=by_category,
        by_status=by_status,
        responded=len(response),
        avg_response_minutes=(
            sum(d.total_seconds() for d, _ in response) / 60 / len(response) if response else None
        ),
        done=len(done),
        avg_completion_hours=(
            sum(d.total_seconds() for d, _ in done) / 3600 / len(done) if done else None
        ),
        response_on_time=sum(1 for _, ok in response if ok),
        resolve_on_time=sum(1 for _, ok in done if ok),
        cancelled=cancelled,
    )


def callback_section(session: Session, start: date, end: date) -> CallbackSection:
    """Callbacks (回访) made ``start``…``end``."""
    lo, hi = day_bounds(start, end)
    where = _between(TicketCallback.at, lo, hi)
    count, overall, speed, attitude, satisfied, not_fixed = session.execute(
        select(
            func.count(TicketCallback.id),
            func.sum(TicketCallback.overall),
            func.sum(TicketCallback.speed),
            func.sum(TicketCallback.attitude),
            func.count(TicketCallback.id).filter(TicketCallback.overall >= 4),
            func.count(TicketCallback.id).filter(TicketCallback.fixed.is_(False)),
        ).where(where)
    ).one()
    scores = dict(
        _counts(
            session,
            select(TicketCallback.overall, func.count())
            .where(where)
            .group_by(TicketCallback.overall),
        )
    )
    n = int(count)
    return CallbackSection(
        count=n,
        avg_overall=int(overall) / n if n else None,
        avg_speed=int(speed) / n if n else None,
        avg_attitude=int(attitude) / n if n else None,
        by_score=tuple(scores.get(str(i), 0) for i in range(1, 6)),  # type: ignore[arg-type]
        satisfied=int(satisfied),
        not_fixed=int(not_fixed),
    )


# --- renovation ------------------------------------------------------------------------


def renovation_section(session: Session, start: date, end: date) -> RenovationSection:
    """Permits applied/decided/accepted, inspections and violations ``start``…``end``."""
    lo, hi = day_bounds(start, end)
    p = RenovationPermit

    def n(*where: ColumnElement[bool]) -> int:
        return int(session.scalar(select(func.count(p.id)).where(*where)) or 0)

    decided = _between(p.decided_at, lo, hi)
    ended = (PermitStatus.REJECTED.value, PermitStatus.APPLIED.value)
    insp_where = and_(Inspection.inspected_on >= start, Inspection.inspected_on <= end)
    results = _counts(
        session,
        select(Inspection.result, func.count()).where(insp_where).group_by(Inspection.result),
    )
    vtypes = session.execute(
        select(ViolationType.id, ViolationType.name, func.count(Violation.id))
        .join(Violation, Violation.type_id == ViolationType.id)
        .join(Inspection, Inspection.id == Violation.inspection_id)
        .where(insp_where)
        .group_by(ViolationType.id, ViolationType.name, ViolationType.sort_key)
        .order_by(func.count(Violation.id).desc(), ViolationType.sort_key)
    ).all()
    open_at_end = session.scalar(
        select(func.count(Violation.id))
        .join(Inspection, Inspection.id == Violation.inspection_id)
        .where(
            Inspection.inspected_on <= end,
            or_(Violation.rectified_on.is_(None), Violation.rectified_on > end),
        )
    )
    return RenovationSection(
        applied=n(_between(p.created_at, lo, hi)),
        approved=n(decided, p.status.not_in(ended)),
        rejected=n(decided, p.status == PermitStatus.REJECTED.value),
        accepted=n(p.accepted_on >= start, p.accepted_on <= end),
        active_at_end=n(
            p.decided_at < hi,
            p.status.not_in(ended),
            or_(p.accepted_on.is_(None), p.accepted_on > end),
            p.status != PermitStatus.CANCELLED.value,
        ),
        inspections=sum(c for _, c in results),
        inspections_by_result=tuple(
            Count(k, INSPECTION_RESULT_ZH.get(k, k), c) for k, c in sorted(results)
        ),
        violations=sum(int(c) for _, _, c in vtypes),
        violations_by_type=tuple(Count(str(i), name, int(c)) for i, name, c in vtypes),
        violations_rectified=int(
            session.scalar(
                select(func.count(Violation.id)).where(
                    Violation.rectified_on >= start, Violation.rectified_on <= end
                )
            )
            or 0
        ),
        violations_open_at_end=int(open_at_end or 0),
    )


# --- patrols, parcels, keys ------------------------------------------------------------


def patrol_section(session: Session, start: date, end: date) -> PatrolSection:
    """Patrols ``start``…``end`` (by their local day): checkpoints, misses, anomalies."""
    in_month = and_(Patrol.local_day >= start, Patrol.local_day <= end)
    patrols, finished = session.execute(
        select(
            func.count(Patrol.id),
            func.count(Patrol.id).filter(Patrol.status == PatrolStatus.FINISHED.value),
        ).where(in_month)
    ).one()
    f = PatrolFinding
    abnormal = f.result == FindingResult.ABNORMAL.value
    total, checked, missed, anomalies, ticketed, resolved = session.execute(
        select(
            func.count(f.id),
            func.count(f.id).filter(
                f.result.in_([FindingResult.NORMAL.value, FindingResult.ABNORMAL.value])
            ),
            func.count(f.id).filter(f.result == FindingResult.MISSED.value),
            func.count(f.id).filter(abnormal),
            func.count(f.id).filter(abnormal, f.ticket_id.is_not(None)),
            func.count(f.id).filter(abnormal, f.resolved_at.is_not(None)),
        )
        .join(Patrol, Patrol.id == f.patrol_id)
        .where(in_month)
    ).one()
    areas: dict[str, int] = {}
    for area, count in session.execute(
        select(PatrolCheckpoint.area, func.count(f.id))
        .select_from(f)
        .join(Patrol, Patrol.id == f.patrol_id)
        .outerjoin(PatrolCheckpoint, PatrolCheckpoint.id == f.checkpoint_id)
        .where(in_month, abnormal)
        .group_by(PatrolCheckpoint.area)
    ):
        key = area or CheckpointArea.OTHER.value
        areas[key] = areas.get(key, 0) + int(count)
    area_label = {a.value: label for a, label in AREA_ZH.items()}
    return PatrolSection(
        patrols=int(patrols),
        finished=int(finished),
        checkpoints=int(total),
        checked=int(checked),
        missed=int(missed),
        anomalies=int(anomalies),
        anomalies_ticketed=int(ticketed),
        anomalies_resolved=int(resolved),
        anomalies_by_area=tuple(
            sorted(
                (Count(k, area_label.get(k, k), c) for k, c in areas.items()),
                key=lambda c: (-c.count, c.label),
            )
        ),
    )


def desk_section(session: Session, start: date, end: date) -> DeskSection:
    """Parcels received/collected/returned and key custody ``start``…``end``."""
    lo, hi = day_bounds(start, end)

    def n(col: InstrumentedAttribute[int], *where: ColumnElement[bool]) -> int:
        return int(session.scalar(select(func.count(col)).where(*where)) or 0)

    collected = _between(Parcel.collected_at, lo, hi)
    return DeskSection(
        parcels_received=n(Parcel.id, _between(Parcel.received_at, lo, hi)),
        parcels_collected=n(Parcel.id, collected, Parcel.status == "collected"),
        parcels_returned=n(Parcel.id, collected, Parcel.status == "returned"),
        parcels_waiting_at_end=n(
            Parcel.id,
            Parcel.received_at < hi,
            or_(Parcel.collected_at.is_(None), Parcel.collected_at >= hi),
        ),
        keys_deposited=n(KeyDeposit.id, _between(KeyDeposit.deposited_at, lo, hi)),
        key_loans=n(KeyLoan.id, _between(KeyLoan.lent_at, lo, hi)),
        keys_returned=n(KeyLoan.id, _between(KeyLoan.returned_at, lo, hi)),
        key_loans_late=n(
            KeyLoan.id,
            _between(KeyLoan.due_at, lo, hi),
            or_(KeyLoan.returned_at.is_(None), KeyLoan.returned_at > KeyLoan.due_at),
        ),
    )


# --- fees ------------------------------------------------------------------------------


def fee_payments(session: Session, start: date, end: date) -> tuple[int, int]:
    """Fee payments received ``start``…``end`` (live receipts): their count and money.

    Money that settled an old deposit line (before the deposit ledger) is not a fee
    payment and is left out; a receipt that only took a deposit is not counted.
    """
    deposit_part = (
        select(Allocation.payment_id, func.sum(Allocation.amount_fen).label("fen"))
        .where(
            Allocation.kind == AllocKind.PAYMENT.value,
            Allocation.reversed.is_(False),
            not_(income_allocation()),
        )
        .group_by(Allocation.payment_id)
        .subquery()
    )
    fee_fen = Payment.amount_fen - func.coalesce(deposit_part.c.fen, 0)
    count, money = session.execute(
        select(
            func.coalesce(func.sum(case((fee_fen > 0, 1), else_=0)), 0),
            func.coalesce(func.sum(fee_fen), 0),
        )
        .select_from(Payment)
        .outerjoin(deposit_part, deposit_part.c.payment_id == Payment.id)
        .where(Payment.paid_on >= start, Payment.paid_on <= end, Payment.voided.is_(False))
    ).one()
    return int(count), int(money)


def fee_section(session: Session, period: str, *, as_of: date) -> FeeSection:
    """Billed vs collected by building (fees' collection rate) and arrears ageing on ``as_of``.

    A closed month (关账) gives the figures frozen at its close, so it never changes; every
    month shows the reversals (红冲) of closed months' receipts booked in it.
    """
    frozen = frozen_fee_section(session, period)
    if frozen is not None:
        return frozen
    reversed_ = reversals_in(session, period)
    rows = collection_rows(session, period)
    by_building = tuple(summarize(rows, "building"))
    totals = summarize(rows, "total")
    total = totals[0] if totals else CollectionRow("合计", "", 0, 0, 0, 0, 0)
    start, end = first_day(period), last_day(period)
    payments, received = fee_payments(session, start, end)
    arrears = arrears_list(session, as_of=as_of)
    ageing = tuple(sum(r.buckets[i] for r in arrears) for i in range(4))
    return FeeSection(
        by_building=by_building,
        total=total,
        payments=int(payments),
        payments_fen=int(received),
        arrears_as_of=as_of,
        arrears_units=len(arrears),
        ageing_fen=ageing,  # type: ignore[arg-type]
        reversals=reversed_.count,
        reversals_fen=reversed_.amount_fen,
    )


# --- the whole report ------------------------------------------------------------------


def headline(session: Session, period: str) -> Headline | None:
    """The key figures of month ``period`` for the comparison; ``None`` for a month before
    the estate's first record (nothing to compare: the report prints "—")."""
    start, end = first_day(period), last_day(period)
    first = first_record_day(session)
    if first is None or end < first:
        return None
    tickets = ticket_section(session, start, end)
    callbacks = callback_section(session, start, end)
    renovation = renovation_section(session, start, end)
    patrol = patrol_section(session, start, end)
    return _headline(
        period,
        tickets,
        callbacks,
        renovation.violations,
        patrol.anomalies,
        _fee_total(session, period),
    )


def _fee_total(session: Session, period: str) -> CollectionRow:
    frozen = frozen_fee_section(session, period)
    if frozen is not None:
        return frozen.total
    totals = summarize(collection_rows(session, period), "total")
    return totals[0] if totals else CollectionRow("合计", "", 0, 0, 0, 0, 0)


def _headline(
    period: str,
    tickets: TicketSection,
    callbacks: CallbackSection,
    violations: int,
    anomalies: int,
    fees: CollectionRow,
) -> Headline:
    return Headline(
        period=period,
        tickets=tickets.total,
        complaints=tickets.complaints,
        sla_hit_rate=tickets.sla_hit_rate,
        avg_satisfaction=callbacks.avg_overall,
        violations=violations,
        anomalies=anomalies,
        billed_fen=fees.billed_fen,
        collected_fen=fees.collected_fen,
    )


def _estate(session: Session) -> tuple[str, str]:
    row = session.execute(select(Estate.name, Estate.company).order_by(Estate.id).limit(1)).first()
    return (row.name, row.company) if row else ("", "")


def call_desk_section(
    session: Session, start: date, end: date
) -> tuple[CallStats, tuple[OutageRow, ...]]:
    """The call desk's statistics and the outages that began from ``start`` to ``end``."""
    from propdesk.calls.outages import outages_in
    from propdesk.calls.stats import call_stats

    outages = outages_in(
        session, clock.local_midnight(start), clock.local_midnight(end + timedelta(days=1))
    )
    return call_stats(session, start, end), tuple(outages)


def monthly_report(session: Session, month: str, *, today: date | None = None) -> MonthlyReport:
    """The monthly management report of ``month`` (``YYYY-MM``).

    Arrears are aged on the month's last day, or on ``today`` while the month is running.
    The month's written summary, problems and plan (:mod:`propdesk.reporting.notes`) come
    with it.
    """
    period = parse_month(month)
    day = clock.day_or_today(session, today)
    start, end = first_day(period), last_day(period)
    estate_name, company = _estate(session)
    tickets = ticket_section(session, start, end)
    callbacks = callback_section(session, start, end)
    renovation = renovation_section(session, start, end)
    patrols = patrol_section(session, start, end)
    fees = fee_section(session, period, as_of=min(end, day))
    calls, outages = call_desk_section(session, start, end)
    return MonthlyReport(
        period=period,
        estate_name=estate_name,
        company=company,
        start=start,
        end=end,
        tickets=tickets,
        callbacks=callbacks,
        complaints=complaint_stats(session, start, end),
        renovation=renovation,
        patrols=patrols,
        desk=desk_section(session, start, end),
        fees=fees,
        current=_headline(
            period, tickets, callbacks, renovation.violations, patrols.anomalies, fees.total
        ),
        previous=headline(session, add_months(period, -1)),
        last_year=headline(session, add_months(period, -12)),
        notes=month_notes(session, period),
        calls=calls,
        outages=outages,
        activities=activity_figures(session, start, end),
        surveys=survey_figures(session, start, end),
        care=care_figures(session, start, end, today=day),
    )


def rolling_report(session: Session, *, days: int = 30, today: date | None = None) -> MonthlyReport:
    """The same figures over the last ``days`` days up to ``today`` (a rolling window).

    Tickets, callbacks, renovation, patrols, the desk and the money received count in the
    window; billed vs collected is the running month's period (a fee period is a month),
    arrears are aged on ``today``. There is no comparison (``previous``/``last_year`` are
    ``None``) and no written notes.
    """
    if days < 1:
        raise ValidationError("days", "天数至少为 1。")
    end = clock.day_or_today(session, today)
    start = end - timedelta(days=days - 1)
    period = period_of(end)
    estate_name, company = _estate(session)
    tickets = ticket_section(session, start, end)
    callbacks = callback_section(session, start, end)
    renovation = renovation_section(session, start, end)
    patrols = patrol_section(session, start, end)
    fees = fee_section(session, period, as_of=end)
    payments, received = fee_payments(session, start, end)
    fees = replace(fees, payments=payments, payments_fen=received, arrears_as_of=end)
    calls, outages = call_desk_section(session, start, end)
    return MonthlyReport(
        period=period,
        estate_name=estate_name,
        company=company,
        start=start,
        end=end,
        tickets=tickets,
        callbacks=callbacks,
        complaints=complaint_stats(session, start, end),
        renovation=renovation,
        patrols=patrols,
        desk=desk_section(session, start, end),
        fees=fees,
        current=_headline(
            period, tickets, callbacks, renovation.violations, patrols.anomalies, fees.total
        ),
        previous=None,
        last_year=None,
        notes=None,
        rolling_days=days,
        calls=calls,
        outages=outages,
        activities=activity_figures(session, start, end),
        surveys=survey_figures(session, start, end),
        care=care_figures(session, start, end, today=end),
    )
