"""Logging calls (来电登记), the queue of missed calls and callbacks due, outbound calls.

A call that arrives through the caller-ID hook is recorded at once as ``missed`` (ringing,
not yet logged) so it can never be lost; logging it on the card turns it ``logged``. A
missed call stays in the queue until it is logged or called back; a call whose outcome is
"callback needed" (or a transfer with a callback due) stays there until an outbound call
returning it is logged.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.calls import outages as outage_service
from propdesk.calls.identify import identify
from propdesk.calls.models import CallRecord
from propdesk.calls.textkeys import TAIL, normalise_number, number_tail
from propdesk.calls.values import (
    CallerContext,
    CallRow,
    CallState,
    Direction,
    Household,
    Outcome,
    QueueItem,
    TicketBrief,
    Topic,
)
from propdesk.errors import NotAllowed, NotFound, ValidationError
from propdesk.pii.index import phone_hmac
from propdesk.privacy import shown_phone
from propdesk.registry.models import Person, Unit
from propdesk.session_info import actor_or_none
from propdesk.tickets.models import Ticket
from propdesk.tickets.values import OPEN_STATUSES
from propdesk.validate import clean_text

MISSED_DEADLINE = timedelta(hours=2)  # a missed call is returned within two hours
SUMMARY_LIMIT = 2000
RECENT_CALLS = 8


@dataclass(frozen=True)
class CallEntry:
    """What the clerk records on the call card (or for an outbound call)."""

    number: str
    topic: str
    summary: str
    outcome: str
    direction: str = Direction.IN.value
    person_id: int | None = None
    unit_id: int | None = None
    caller_name: str = ""
    call_id: int | None = None  # the ringing call this entry logs
    ticket_id: int | None = None
    transfer_to: str = ""
    transfer_ext: str = ""
    callback_due: datetime | None = None
    parent_id: int | None = None  # outbound: the call it returns
    arrears_unit_id: int | None = None  # outbound dunning call: logged in the contact log too
    promised_date: date | None = None


def _require_login(session: Session) -> None:
    if actor_or_none(session) is None:
        raise NotAllowed("请先登录再登记来电。")


def ring(session: Session, number: str, *, at: datetime | None = None) -> int:
    """A call arrives (caller-ID): recorded at once as missed until the card logs it."""
    digits = normalise_number(number)
    now = clock.at_or_now(session, at)
    households = identify(session, digits) if digits else []
    one = households[0] if len({(h.unit_id, h.person_id) for h in households}) == 1 else None
    call = CallRecord(
        direction=Direction.IN.value,
        state=CallState.MISSED.value,
        at=now,
        number=digits,
        number_hmac=phone_hmac(digits),
        number_tail=number_tail(digits),
        person_id=one.person_id if one else None,
        unit_id=one.unit_id if one else None,
        caller_name=one.person_name if one else "",
        outcome=Outcome.MISSED.value,
        created_at=now,
    )
    session.add(call)
    session.flush()
    return call.id


def _validated(session: Session, entry: CallEntry, now: datetime) -> dict[str, object]:
    try:
        direction = Direction(entry.direction)
    except ValueError:
        raise ValidationError("direction", "请选择来电或去电。") from None
    try:
        topic = Topic(entry.topic)
    except ValueError:
        raise ValidationError(
            "topic", "请选择来电类别（咨询、报修、投诉、建议、表扬、其他）。"
        ) from None
    try:
        outcome = Outcome(entry.outcome)
    except ValueError:
        raise ValidationError("outcome", "请选择处理结果。") from None
    if outcome is Outcome.MISSED:
        raise ValidationError("outcome", "请选择处理结果。")
    if outcome is Outcome.NO_ANSWER and direction is Direction.IN:
        raise ValidationError("outcome", "“未接通”只用于去电。")
    summary = clean_text(
        entry.summary,
        "summary",
        SUMMARY_LIMIT,
        "请填写通话摘要：住户问了什么、怎么答复的（不能为空）。",
        label="通话摘要",
    )
    digits = normalise_number(entry.number)
    if entry.person_id is not None and session.get(Person, entry.person_id) is None:
        raise ValidationError("person_id", "住户不存在。")
    if entry.unit_id is not None and session.get(Unit, entry.unit_id) is None:
        raise ValidationError("unit_id", "房屋不存在。")
    if outcome is Outcome.TICKET and (
        entry.ticket_id is None or session.get(Ticket, entry.ticket_id) is None
    ):
        raise ValidationError("outcome", "结果为“已建工单”时请先建工单（F2）。")
    transfer_to = clean_text(entry.transfer_to, "transfer_to", 100, label="转接对象")
    transfer_ext = clean_text(entry.transfer_ext, "transfer_ext", 20, label="分机号")
    if outcome is Outcome.TRANSFERRED and not transfer_to:
        raise ValidationError("transfer_to", "请填写转接给谁（部门或人员）。")
    due = entry.callback_due
    if outcome is Outcome.CALLBACK and due is None:
        raise ValidationError("callback_due", "请填写回电期限。")
    if due is not None and due < now - timedelta(minutes=1):
        raise ValidationError("callback_due", "回电期限不能早于现在。")
    if entry.person_id is not None and 0 < len(digits) <= TAIL:
        # Identified by the last digits the clerk typed: keep the resident's whole number
        # (the one that ends so), not the four digits, so a callback can dial it.
        person = session.get(Person, entry.person_id)
        if person is not None:
            for phone in (person.phone, person.phone2):
                full = normalise_number(phone) if phone else ""
                if len(full) > len(digits) and full.endswith(digits):
                    digits = full
                    break
    caller = clean_text(entry.caller_name, "caller_name", 50, label="来电人")
    if entry.person_id is not None and not caller:
        person = session.get(Person, entry.person_id)
        caller = person.name if person is not None else ""
    return {
        "direction": direction.value,
        "topic": topic.value,
        "outcome": outcome.value,
        "summary": summary,
        "number": digits,
        "number_hmac": phone_hmac(digits),
        "number_tail": number_tail(digits),
        "person_id": entry.person_id,
        "unit_id": entry.unit_id,
        "caller_name": caller,
        "ticket_id": entry.ticket_id,
        "transfer_to": transfer_to,
        "transfer_ext": transfer_ext,
        "callback_due": due if outcome in (Outcome.CALLBACK, Outcome.TRANSFERRED) else None,
    }


def log_call(session: Session, entry: CallEntry, *, at: datetime | None = None) -> int:
    """Record a call: a new one, or the ringing call ``entry.call_id``. Returns its id.

    An outbound call with ``parent_id`` returns that call: unless nobody answered, the
    parent's callback is done. A dunning call (``arrears_unit_id``) is also written to the
    arrears contact log, and the call links to that entry.
    """
    _require_login(session)
    now = clock.at_or_now(session, at)
    values = _validated(session, entry, now)
    actor = actor_or_none(session)
    assert actor is not None
    if entry.call_id is not None:
        call = session.get(CallRecord, entry.call_id)
        if call is None:
            raise NotFound("这通来电记录已不存在。")
        if call.state != CallState.MISSED.value:
            raise ValidationError("summary", "这通来电已经登记过了。")
    else:
        call = CallRecord(at=now, created_at=now)
        session.add(call)
    for key, value in values.items():
        setattr(call, key, value)
    call.state = CallState.LOGGED.value
    call.clerk_user_id = actor.user_id
    call.clerk_name = actor.display_name
    if entry.direction == Direction.OUT.value:
        call.parent_id = entry.parent_id
        if entry.parent_id is not None:
            parent = session.get(CallRecord, entry.parent_id)
            if parent is None:
                raise NotFound("要回电的来电记录已不存在。")
            if entry.outcome != Outcome.NO_ANSWER.value and parent.callback_done_at is None:
                parent.callback_done_at = now
        if entry.arrears_unit_id is not None:
            from propdesk.fees.notices import record_contact

            call.contact_log_id = record_contact(
                session,
                unit_id=entry.arrears_unit_id,
                contact_date=clock.local_date(now),
                kind="call",
                outcome=str(values["summary"])[:300],
                promised_date=entry.promised_date,
            )
            call.unit_id = call.unit_id or entry.arrears_unit_id
    session.flush()
    return call.id


def link_ticket(session: Session, call_id: int, ticket_id: int) -> None:
    """Link a logged call to the ticket made from it (outcome "ticket made")."""
    _require_login(session)
    call = session.get(CallRecord, call_id)
    if call is None:
        raise NotFound("来电记录不存在。")
    if session.get(Ticket, ticket_id) is None:
        raise NotFound("工单不存在。")
    call.ticket_id = ticket_id
    call.outcome = Outcome.TICKET.value


def call_back_done(session: Session, call_id: int, *, at: datetime | None = None) -> None:
    """Mark a missed call or a callback done without a call (e.g. the resident came in)."""
    _require_login(session)
    call = session.get(CallRecord, call_id)
    if call is None:
        raise NotFound("来电记录不存在。")
    call.callback_done_at = clock.at_or_now(session, at)


# --- the queue ----------------------------------------------------------------------------


def _open_callback() -> object:
    return and_(
        CallRecord.callback_due.is_not(None),
        CallRecord.callback_done_at.is_(None),
        CallRecord.state == CallState.LOGGED.value,
    )


def _missed() -> object:
    return and_(CallRecord.state == CallState.MISSED.value, CallRecord.callback_done_at.is_(None))


def queue(session: Session, *, limit: int = 500) -> list[QueueItem]:
    """Missed calls and callbacks due, earliest deadline first."""
    now = clock.now(session)
    actor = actor_or_none(session)
    rows = session.execute(
        select(CallRecord, Unit.code)
        .outerjoin(Unit, Unit.id == CallRecord.unit_id)
        .where(or_(_missed(), _open_callback()))  # type: ignore[arg-type]
        .order_by(CallRecord.at)
        .limit(limit)
    ).all()
    items: list[QueueItem] = []
    for call, code in rows:
        missed = call.state == CallState.MISSED.value
        deadline = call.at + MISSED_DEADLINE if missed else call.callback_due
        assert deadline is not None
        items.append(
            QueueItem(
                call.id,
                "missed" if missed else "callback",
                shown_phone(actor, call.number),
                call.caller_name or "未知来电",
                code or "",
                call.summary,
                deadline,
                deadline < now,
            )
        )
    items.sort(key=lambda i: (i.deadline, i.call_id))
    return items


def count_queue(session: Session) -> tuple[int, int]:
    """(items in the queue, of which past their deadline) for the status bar."""
    now = clock.now(session)
    missed = session.scalar(select(func.count(CallRecord.id)).where(_missed())) or 0  # type: ignore[arg-type]
    late_missed = (
        session.scalar(
            select(func.count(CallRecord.id)).where(
                _missed(),  # type: ignore[arg-type]
                CallRecord.at < now - MISSED_DEADLINE,
            )
        )
        or 0
    )
    callbacks = session.scalar(select(func.count(CallRecord.id)).where(_open_callback())) or 0  # type: ignore[arg-type]
    late_callbacks = (
        session.scalar(
            select(func.count(CallRecord.id)).where(
                _open_callback(),  # type: ignore[arg-type]
                CallRecord.callback_due < now,
            )
        )
        or 0
    )
    return int(missed + callbacks), int(late_missed + late_callbacks)


# --- reading calls --------------------------------------------------------------------------


def _row(call: CallRecord, code: str | None, number: str | None, actor: object) -> CallRow:
    return CallRow(
        call.id,
        call.direction,
        call.state,
        call.at,
        shown_phone(actor, call.number),  # type: ignore[arg-type]
        call.caller_name or ("未知来电" if call.direction == Direction.IN.value else ""),
        code or "",
        call.topic,
        call.summary,
        call.outcome,
        call.clerk_name,
        call.ticket_id,
        number or "",
        call.transfer_to + (f" 分机{call.transfer_ext}" if call.transfer_ext else ""),
        call.callback_due,
        call.callback_done_at,
        call.parent_id,
    )


def get_call(session: Session, call_id: int) -> CallRow:
    row = session.execute(
        select(CallRecord, Unit.code, Ticket.number)
        .outerjoin(Unit, Unit.id == CallRecord.unit_id)
        .outerjoin(Ticket, Ticket.id == CallRecord.ticket_id)
        .where(CallRecord.id == call_id)
    ).first()
    if row is None:
        raise NotFound("来电记录不存在。")
    return _row(row[0], row[1], row[2], actor_or_none(session))


def recent_calls(
    session: Session, *, unit_id: int | None, number: str, limit: int = RECENT_CALLS
) -> list[CallRow]:
    """The last calls of a household (its unit) or, for an unknown caller, of the number."""
    digits = normalise_number(number) if number else ""
    conds = []
    if unit_id is not None:
        conds.append(CallRecord.unit_id == unit_id)
    if digits:
        conds.append(CallRecord.number_hmac == phone_hmac(digits))
    if not conds:
        return []
    rows = session.execute(
        select(CallRecord, Unit.code, Ticket.number)
        .outerjoin(Unit, Unit.id == CallRecord.unit_id)
        .outerjoin(Ticket, Ticket.id == CallRecord.ticket_id)
        .where(or_(*conds))
        .order_by(CallRecord.at.desc(), CallRecord.id.desc())
        .limit(limit)
    ).all()
    actor = actor_or_none(session)
    return [_row(c, code, num, actor) for c, code, num in rows]


def caller_context(
    session: Session, household: Household | None, number: str = ""
) -> CallerContext:
    """Everything the card shows beside the form: open tickets, arrears, outages of the
    building (pinned first), recent calls."""
    tickets: list[TicketBrief] = []
    arrears = 0
    unit_id = household.unit_id if household else None
    if household is not None:
        rows = session.execute(
            select(Ticket.id, Ticket.number, Ticket.status, Ticket.description)
            .where(
                Ticket.unit_id == household.unit_id,
                Ticket.status.in_([s.value for s in OPEN_STATUSES]),
            )
            .order_by(Ticket.created_at.desc())
            .limit(10)
        ).all()
        tickets = [TicketBrief(r.id, r.number, r.status, r.description[:80]) for r in rows]
        from propdesk.fees.arrears import unit_arrears

        arrears = unit_arrears(session, household.unit_id).owed_fen
    outages = outage_service.current_for(
        session,
        building_id=household.building_id if household else None,
        unit_id=unit_id,
    )
    return CallerContext(
        household,
        tuple(tickets),
        arrears,
        tuple(outages),
        tuple(recent_calls(session, unit_id=unit_id, number=number)),
    )


def full_number(session: Session, call_id: int) -> str:
    """The number to dial back for a call in the queue (the desk dials it, so unmasked)."""
    _require_login(session)
    call = session.get(CallRecord, call_id)
    if call is None:
        raise NotFound("来电记录不存在。")
    return call.number
