"""The Today panel at shift start: what the desk owes today, from every module.

Callbacks due, reminders, instructions about to expire, deposits awaiting refund (a
renovation accepted, its deposit still held), keys lent and overdue, parcels held too
long. Ticking an item done is logged (:class:`propdesk.calls.models.TodayDone`); a
reminder then moves to its next date, a callback is marked done; the other items are only
acknowledged for the day (their own records change on their own pages).
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import String, cast, select
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.calls import calls as call_service
from propdesk.calls import kb, reminders
from propdesk.calls.models import CallRecord, Reminder, TodayDone
from propdesk.calls.values import TodayItem
from propdesk.deposits.models import Deposit, DepositStatus
from propdesk.desk import parcels
from propdesk.errors import NotAllowed, NotFound, ValidationError
from propdesk.keys.services import keys_out
from propdesk.registry.models import Unit
from propdesk.renovation.models import RenovationPermit
from propdesk.renovation.permits import DEPOSIT_SOURCE
from propdesk.renovation.values import PermitStatus
from propdesk.session_info import actor_name, actor_or_none

KINDS = ("callback", "reminder", "instruction", "deposit", "key", "parcel", "kb")
INSTRUCTION_DAYS = 3


def _done_today(session: Session, day: date) -> set[tuple[str, int]]:
    return {
        (k, r)
        for k, r in session.execute(
            select(TodayDone.item_kind, TodayDone.item_ref).where(TodayDone.for_day == day)
        )
    }


def today_items(session: Session) -> list[TodayItem]:
    """Every item due today for the logged-in clerk (or the desk), overdue first per kind."""
    day = clock.today(session)
    now = clock.now(session)
    actor = actor_or_none(session)
    done = _done_today(session, day)
    items: list[TodayItem] = []
    end_of_day = clock.local_midnight(day + timedelta(days=1))
    for q in call_service.queue(session):
        if q.deadline < end_of_day:
            what = "未接来电" if q.kind == "missed" else "回电"
            items.append(
                TodayItem(
                    "callback",
                    q.call_id,
                    f"{what}：{q.caller} {q.number_shown}",
                    f"{q.unit_code} {q.summary}".strip(),
                    clock.local_date(q.deadline),
                    q.overdue,
                    "call",
                    q.call_id,
                )
            )
    due, expiring = reminders.due_for(
        session, day, user_id=actor.user_id if actor else None, expiring_within=INSTRUCTION_DAYS
    )
    for r in due:
        items.append(
            TodayItem(
                "reminder",
                r.id,
                r.title,
                " ".join(x for x in (r.unit_code, r.person_name, r.note) if x),
                r.due_on,
                r.due_on < day,
                "unit" if r.unit_id else ("person" if r.person_id else "reminder"),
                r.unit_id or r.person_id or r.id,
            )
        )
    for r in expiring:
        if ("instruction", r.id) in done:
            continue
        items.append(
            TodayItem(
                "instruction",
                r.id,
                f"嘱托将到期：{r.title}",
                f"{r.unit_code} {r.person_name} 截止 {r.valid_until:%m-%d}".strip(),
                r.valid_until,
                False,
                "unit" if r.unit_id else ("person" if r.person_id else "reminder"),
                r.unit_id or r.person_id or r.id,
            )
        )
    for dep, code in session.execute(
        select(Deposit, Unit.code)
        .join(Unit, Unit.id == Deposit.unit_id)
        .join(
            RenovationPermit,
            (Deposit.source == DEPOSIT_SOURCE)
            & (Deposit.source_ref == cast(RenovationPermit.id, String)),
        )
        .where(
            Deposit.status.in_([DepositStatus.HELD.value, DepositStatus.PARTLY.value]),
            RenovationPermit.status == PermitStatus.ACCEPTED.value,
        )
        .order_by(Deposit.received_on)
        .limit(200)
    ):
        if ("deposit", dep.id) in done:
            continue
        held = dep.amount_fen - dep.refunded_fen - dep.deducted_fen
        items.append(
            TodayItem(
                "deposit",
                dep.id,
                f"押金待退：{code} {dep.payer}",
                f"装修已验收，押金 {held / 100:,.2f} 元未退（收据 {dep.receipt_no}）",
                None,
                False,
                "unit",
                dep.unit_id,
            )
        )
    for key in keys_out(session, now=now):
        if not key.overdue or ("key", key.loan_id) in done:
            continue
        items.append(
            TodayItem(
                "key",
                key.loan_id,
                f"钥匙逾期未还：{key.unit_code} 牌号 {key.tag_no}",
                f"借用人 {key.borrower} {key.borrower_phone}",
                clock.local_date(key.due_at),
                True,
                "unit",
                key.unit_id,
            )
        )
    for p in parcels.waiting_parcels(session, long_held_only=True, limit=200):
        if ("parcel", p.id) in done:
            continue
        items.append(
            TodayItem(
                "parcel",
                p.id,
                f"快递滞留 {p.held_days} 天：{p.unit_code or p.recipient}",
                f"{p.carrier} {p.recipient} 货架 {p.shelf}".strip(),
                None,
                True,
                "unit" if p.unit_id else "",
                p.unit_id,
            )
        )
    if actor is not None:
        for entry in kb.expired(session):
            mine = entry.owner_user_id == actor.user_id if actor.user_id else False
            if not (mine or entry.owner_name == actor.display_name) or ("kb", entry.id) in done:
                continue
            items.append(
                TodayItem(
                    "kb",
                    entry.id,
                    f"答客问条目已过期，请核对：{entry.question}",
                    f"有效期至 {entry.expires_on:%Y-%m-%d}",
                    entry.expires_on,
                    True,
                    "kb",
                    entry.id,
                )
            )
    return items


def tick_done(session: Session, kind: str, ref: int, title: str = "") -> None:
    """Tick a Today item done; logged with who and when."""
    if actor_or_none(session) is None:
        raise NotAllowed("请先登录。")
    if kind not in KINDS:
        raise ValidationError("kind", "未知的待办类型。")
    day = clock.today(session)
    now = clock.now(session)
    if kind == "callback":
        call = session.get(CallRecord, ref)
        if call is None:
            raise NotFound("来电记录不存在。")
        call.callback_done_at = now
    elif kind == "reminder":
        if session.get(Reminder, ref) is None:
            raise NotFound("提醒不存在。")
        reminders.complete_occurrence(session, ref)
    session.add(
        TodayDone(
            item_kind=kind,
            item_ref=ref,
            for_day=day,
            title=title[:200],
            done_at=now,
            done_by=actor_name(session),
        )
    )
    session.flush()


def done_log(session: Session, day: date) -> list[tuple[str, str, str]]:
    """(time, who, what) of the items ticked done on ``day``."""
    rows = session.execute(
        select(TodayDone).where(TodayDone.for_day == day).order_by(TodayDone.done_at, TodayDone.id)
    ).scalars()
    return [(f"{clock.to_local(r.done_at):%H:%M}", r.done_by, r.title) for r in rows]
