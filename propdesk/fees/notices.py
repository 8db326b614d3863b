"""Payment notices (缴费通知单), reminder letters (催缴函) and the contact log (催缴记录).

* A payment notice lists a unit's lines of a period plus what it still owes from before.
* Reminder letters escalate: level 1 (first), 2 (second), 3 (final). The level due is
  given by the age of the oldest overdue line against the thresholds in
  :class:`propdesk.fees.settings.FeeSettings`, and goes one level up past the last
  letter when the owner broke a promise to pay made after it. A unit with an open
  promise (date not yet passed) gets no letter; a unit gets a level only once.
* Every notice and letter printed is logged on the unit (:class:`NoticeLog`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.errors import NotFound, ValidationError
from propdesk.fees.arrears import arrears_list
from propdesk.fees.document_values import LEVEL_ZH as LEVEL_ZH
from propdesk.fees.document_values import EstateHeader as EstateHeader
from propdesk.fees.document_values import NoticeLine as NoticeLine
from propdesk.fees.document_values import NoticePage as NoticePage
from propdesk.fees.document_values import ReminderLetter as ReminderLetter
from propdesk.fees.models import BillLine, ContactLog, FeeItem, NoticeLog, Payment
from propdesk.fees.periods import last_day, parse_period
from propdesk.fees.settings import get_fee_settings
from propdesk.registry.models import Building, Estate, Unit

CONTACT_KINDS = {"call": "电话", "visit": "上门", "sms": "短信", "other": "其他"}
PROMISE_ZH = {"open": "待兑现", "kept": "已兑现", "broken": "未兑现"}


@dataclass(frozen=True)
class UnitCollection:
    """What the desk sees about chasing a unit."""

    last_notice: str
    reminder_level: int
    open_promise: date | None
    broken_promises: int


@dataclass(frozen=True)
class ContactInfo:
    id: int
    contact_date: date
    kind: str
    staff: str
    outcome: str
    promised_date: date | None
    promise: str


def estate_header(session: Session) -> EstateHeader:
    e = session.scalars(select(Estate).order_by(Estate.id).limit(1)).first()
    if e is None:
        return EstateHeader("", "", "", "")
    return EstateHeader(e.name, e.company, e.phone, e.address)


def _open_lines_by_unit(
    session: Session, unit_ids: Sequence[int], up_to: date
) -> dict[int, list[tuple[str, str, int, int, date]]]:
    out: dict[int, list[tuple[str, str, int, int, date]]] = {}
    for i in range(0, len(unit_ids), 500):
        part = list(unit_ids[i : i + 500])
        rows = session.execute(
            select(
                BillLine.unit_id,
                FeeItem.name,
                BillLine.period,
                BillLine.amount_fen,
                BillLine.amount_fen - BillLine.paid_fen - BillLine.waived_fen,
                BillLine.due_date,
            )
            .join(FeeItem, FeeItem.id == BillLine.item_id)
            .where(
                BillLine.unit_id.in_(part),
                BillLine.settled.is_(False),
                BillLine.due_date <= up_to,
            )
            .order_by(BillLine.unit_id, BillLine.due_date, FeeItem.sort_key)
        ).all()
        for uid, name, period, amount, owed, due in rows:
            out.setdefault(uid, []).append((name, period, amount, owed, due))
    return out


def notice_pages(
    session: Session, period: str, *, building_id: int | None = None
) -> list[NoticePage]:
    """Payment notices of ``period`` for every unit (of a building) that owes anything."""
    period = parse_period(period)
    due = last_day(period)
    stmt = (
        select(Unit.id, Unit.code, Building.name, Unit.area_centi)
        .join(Building, Building.id == Unit.building_id)
        .order_by(Building.sort_key, Unit.entrance, Unit.floor, Unit.room)
    )
    if building_id is not None:
        stmt = stmt.where(Unit.building_id == building_id)
    units = session.execute(stmt).all()
    lines = _open_lines_by_unit(session, [u[0] for u in units], due)
    owners = _owners(session, [u[0] for u in units])
    pages: list[NoticePage] = []
    for uid, code, bname, area in units:
        mine = lines.get(uid, [])
        if not mine:
            continue
        current = [NoticeLine(n, p, a, o) for n, p, a, o, _d in mine if p == period]
        earlier = sum(o for _n, p, _a, o, _d in mine if p < period)
        earlier_lines = [NoticeLine(n, p, a, o) for n, p, a, o, _d in mine if p < period]
        pages.append(
            NoticePage(
                uid,
                code,
                bname,
                owners.get(uid, ""),
                area,
                period,
                due,
                tuple(earlier_lines + current),
                sum(x.owed_fen for x in current),
                earlier,
            )
        )
    return pages


def _owners(session: Session, unit_ids: Sequence[int]) -> dict[int, str]:
    from propdesk.registry.models import Occupancy, OccupancyRole, Person

    out: dict[int, list[str]] = {}
    for i in range(0, len(unit_ids), 500):
        part = list(unit_ids[i : i + 500])
        rows = session.execute(
            select(Occupancy.unit_id, Person.name)
            .join(Person, Person.id == Occupancy.person_id)
            .where(
                Occupancy.unit_id.in_(part),
                Occupancy.end_date.is_(None),
                Occupancy.role.in_([OccupancyRole.OWNER, OccupancyRole.CO_OWNER]),
            )
            .order_by(Occupancy.id)
        ).all()
        for uid, name in rows:
            out.setdefault(uid, []).append(name)
    return {k: "、".join(v) for k, v in out.items()}


# --- promises and reminder levels ---------------------------------------------------------


def record_contact(
    session: Session,
    *,
    unit_id: int,
    contact_date: date,
    kind: str,
    outcome: str,
    promised_date: date | None = None,
) -> int:
    """Log a call or visit about arrears, with the owner's promised payment date (if any)."""
    actor = session.info.get("actor")
    if session.get(Unit, unit_id) is None:
        raise NotFound("房屋不存在。")
    if kind not in CONTACT_KINDS:
        raise ValidationError("kind", "请选择联系方式（电话、上门、短信、其他）。")
    if contact_date > clock.today(session):
        raise ValidationError("contact_date", "联系日期不能晚于今天。")
    if promised_date is not None and promised_date < contact_date:
        raise ValidationError("promised_date", "承诺缴费日期不能早于联系日期。")
    outcome = (outcome or "").strip()
    if not outcome:
        raise ValidationError("outcome", "请填写联系结果。")
    row = ContactLog(
        unit_id=unit_id,
        contact_date=contact_date,
        kind=kind,
        staff=getattr(actor, "display_name", ""),
        outcome=outcome[:300],
        promised_date=promised_date,
        promise="open" if promised_date else "none",
    )
    session.add(row)
    session.flush()
    return row.id


def _kept(session: Session, c: ContactLog) -> bool:
    """Whether a payment came between the call and the promised date."""
    paid = session.scalar(
        select(func.count())
        .select_from(Payment)
        .where(
            Payment.unit_id == c.unit_id,
            Payment.voided.is_(False),
            Payment.paid_on >= c.contact_date,
            Payment.paid_on <= c.promised_date,
        )
    )
    return bool(paid)


def settle_promises(session: Session, as_of: date) -> int:
    """Mark promises whose date has passed kept (a payment came) or broken; return how many."""
    rows = session.scalars(
        select(ContactLog).where(ContactLog.promise == "open", ContactLog.promised_date < as_of)
    ).all()
    for c in rows:
        c.promise = "kept" if _kept(session, c) else "broken"
    session.flush()
    return len(rows)


def list_contacts(session: Session, unit_id: int) -> list[ContactInfo]:
    rows = session.scalars(
        select(ContactLog)
        .where(ContactLog.unit_id == unit_id)
        .order_by(ContactLog.contact_date.desc(), ContactLog.id.desc())
    ).all()
    today = clock.today(session)

    def state(c: ContactLog) -> str:
        # a promise whose date passed is judged now, even before the next reminder run
        if c.promise == "open" and c.promised_date is not None and c.promised_date < today:
            return "kept" if _kept(session, c) else "broken"
        return c.promise

    return [
        ContactInfo(c.id, c.contact_date, c.kind, c.staff, c.outcome, c.promised_date, state(c))
        for c in rows
    ]


@dataclass(frozen=True)
class NoticeInfo:
    sent_at: datetime
    kind: str
    level: int
    period: str
    amount_fen: int
    sent_by: str

    @property
    def title(self) -> str:
        if self.kind == "reminder":
            return LEVEL_ZH.get(self.level, "催缴函")
        return f"{self.period} 缴费通知单"


def list_notices(session: Session, unit_id: int) -> list[NoticeInfo]:
    """Every notice and reminder letter issued to the unit, newest first."""
    rows = session.execute(
        select(
            NoticeLog.sent_at,
            NoticeLog.kind,
            NoticeLog.level,
            NoticeLog.period,
            NoticeLog.amount_fen,
            NoticeLog.sent_by,
        )
        .where(NoticeLog.unit_id == unit_id)
        .order_by(NoticeLog.sent_at.desc(), NoticeLog.id.desc())
    ).all()
    return [NoticeInfo(*r) for r in rows]


def _level_by_days(days: int, d1: int, d2: int, d3: int) -> int:
    if days >= d3:
        return 3
    if days >= d2:
        return 2
    if days >= d1:
        return 1
    return 0


def reminder_letters(
    session: Session, *, as_of: date | None = None, building_id: int | None = None
) -> list[ReminderLetter]:
    """The letters due on ``as_of``: one per unit past a threshold, at its next level."""
    day = clock.day_or_today(session, as_of)
    cfg = get_fee_settings(session)
    settle_promises(session, day)
    rows = arrears_list(
        session, as_of=day, building_id=building_id, min_owed_fen=max(cfg.reminder_min_fen, 1)
    )
    rows = [r for r in rows if (day - r.oldest_due).days >= cfg.reminder_days_1]
    ids = [r.unit_id for r in rows]
    last_level: dict[int, tuple[int, date]] = {}
    open_promise: set[int] = set()
    broken: dict[int, list[date]] = {}
    for i in range(0, len(ids), 500):
        part = ids[i : i + 500]
        for uid, level, sent in session.execute(
            select(NoticeLog.unit_id, NoticeLog.level, NoticeLog.sent_at)
            .where(NoticeLog.unit_id.in_(part), NoticeLog.kind == "reminder")
            .order_by(NoticeLog.sent_at)
        ).all():
            last_level[uid] = (level, clock.local_date(sent))
        for uid, promise, cdate in session.execute(
            select(ContactLog.unit_id, ContactLog.promise, ContactLog.contact_date).where(
                ContactLog.unit_id.in_(part), ContactLog.promise.in_(["open", "broken"])
            )
        ).all():
            if promise == "open":
                open_promise.add(uid)
            else:
                broken.setdefault(uid, []).append(cdate)
    letters: list[ReminderLetter] = []
    due_rows = []
    for r in rows:
        if r.unit_id in open_promise:
            continue
        by_days = _level_by_days(
            (day - r.oldest_due).days,
            cfg.reminder_days_1,
            cfg.reminder_days_2,
            cfg.reminder_days_final,
        )
        sent_level, sent_on = last_level.get(r.unit_id, (0, date.min))
        # Reminders restart when the unit had settled everything since the last letter.
        if sent_level and sent_on < r.oldest_due:
            sent_level = 0
        level = by_days
        if sent_level and any(c >= sent_on for c in broken.get(r.unit_id, [])):
            level = max(level, sent_level + 1)
        level = min(level, 3)
        if level > sent_level:
            due_rows.append((r, level))
    lines = _open_lines_by_unit(session, [r.unit_id for r, _l in due_rows], day)
    owners = _owners(session, [r.unit_id for r, _l in due_rows])
    for r, level in due_rows:
        letters.append(
            ReminderLetter(
                r.unit_id,
                r.unit_code,
                owners.get(r.unit_id, ""),
                level,
                day,
                r.owed_fen,
                r.oldest_due,
                r.late_fee_fen,
                tuple(NoticeLine(n, p, a, o) for n, p, a, o, _d in lines.get(r.unit_id, [])),
            )
        )
    return letters


def log_notices(
    session: Session, entries: Sequence[tuple[int, str, int, str, int]], *, on: date | None = None
) -> None:
    """Log printed notices: ``(unit_id, kind, level, period, amount_fen)`` each.

    Call it only once the batch was delivered (printed, saved as PDF, written to a file):
    a preview looked at and closed was never sent, and each unit's statement lists this log.

    ``on`` is the date the letters carry when it is not today (a batch dated ahead or back).
    """
    if not entries:
        return
    by = getattr(session.info.get("actor"), "display_name", "")
    now = clock.now(session)
    at = now if on is None or on == clock.local_date(now) else clock.local_datetime(on, time(12))
    session.execute(
        insert(NoticeLog),
        [
            {
                "unit_id": u,
                "kind": k,
                "level": lv,
                "period": p,
                "amount_fen": a,
                "sent_by": by,
                "sent_at": at,
            }
            for u, k, lv, p, a in entries
        ],
    )


def unit_collection_status(
    session: Session, unit_id: int, as_of: date | None = None
) -> UnitCollection:
    day = clock.day_or_today(session, as_of)
    last = session.execute(
        select(NoticeLog.kind, NoticeLog.level, NoticeLog.period, NoticeLog.sent_at)
        .where(NoticeLog.unit_id == unit_id)
        .order_by(NoticeLog.sent_at.desc(), NoticeLog.id.desc())
        .limit(1)
    ).first()
    text = ""
    if last is not None:
        what = (
            LEVEL_ZH.get(last.level, "催缴函")
            if last.kind == "reminder"
            else f"{last.period} 缴费通知单"
        )
        text = f"{clock.local_date(last.sent_at).isoformat()} {what}"
    level = session.scalar(
        select(func.max(NoticeLog.level)).where(
            NoticeLog.unit_id == unit_id, NoticeLog.kind == "reminder"
        )
    )
    promise = session.scalar(
        select(ContactLog.promised_date)
        .where(
            ContactLog.unit_id == unit_id,
            ContactLog.promise == "open",
            ContactLog.promised_date >= day,
        )
        .order_by(ContactLog.promised_date.desc())
        .limit(1)
    )
    broken = session.scalar(
        select(func.count())
        .select_from(ContactLog)
        .where(ContactLog.unit_id == unit_id, ContactLog.promise == "broken")
    )
    return UnitCollection(text, int(level or 0), promise, int(broken or 0))
