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
from datetime import date, datetime, time, timedelta
from functools import cache

from sqlalchemy import Date, Executable, Integer, bindparam, func, insert, select
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.errors import Conflict, NotFound, ValidationError
from propdesk.fees.arrears import arrears_list
from propdesk.fees.document_values import LEVEL_ZH as LEVEL_ZH
from propdesk.fees.document_values import EstateHeader as EstateHeader
from propdesk.fees.document_values import NoticeLine as NoticeLine
from propdesk.fees.document_values import NoticePage as NoticePage
from propdesk.fees.document_values import ReminderLetter as ReminderLetter
from propdesk.fees.models import BillLine, ContactLog, FeeItem, NoticeLog, Payment
from propdesk.fees.periods import last_day, parse_period
from propdesk.fees.print_data import (
    last_letter_seq,
    letter_number,
    letter_prefix,
    line_bases,
    notice_number,
    prepaid_balances,
    zh_date,
)
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
    cfg = get_fee_settings(session)
    return EstateHeader(
        e.name, e.company, e.phone, e.address, cfg.accounts(), cfg.payment_qr.strip()
    )


def _open_lines_by_unit(
    session: Session, unit_ids: Sequence[int], up_to: date
) -> dict[int, list[tuple[str, str, int, int, date, str]]]:
    """Each unit's open lines due by ``up_to``: (item, period, amount, owed, due, 计费依据)."""
    raw: dict[int, list[tuple[int, str, str, int, int, date]]] = {}
    for i in range(0, len(unit_ids), 500):
        part = list(unit_ids[i : i + 500])
        rows = session.execute(
            select(
                BillLine.unit_id,
                BillLine.id,
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
        for uid, line_id, name, period, amount, owed, due in rows:
            raw.setdefault(uid, []).append((line_id, name, period, amount, owed, due))
    bases = line_bases(session, [x[0] for lines in raw.values() for x in lines])
    return {
        uid: [(n, p, a, o, d, bases.get(i, "")) for i, n, p, a, o, d in lines]
        for uid, lines in raw.items()
    }


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
    ids = [u[0] for u in units]
    lines = _open_lines_by_unit(session, ids, due)
    owners = _owners(session, ids)
    credit = prepaid_balances(session, ids)
    late = {
        r.unit_id: r.late_fee_fen
        for r in arrears_list(session, as_of=clock.today(session), building_id=building_id)
    }
    estate = estate_header(session)
    pages: list[NoticePage] = []
    for uid, code, bname, area in units:
        mine = lines.get(uid, [])
        if not mine:
            continue
        current = [NoticeLine(n, p, a, o, b) for n, p, a, o, _d, b in mine if p == period]
        earlier = sum(o for _n, p, _a, o, _d, _b in mine if p < period)
        earlier_lines = [NoticeLine(n, p, a, o, b) for n, p, a, o, _d, b in mine if p < period]
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
                late_fee_fen=late.get(uid, 0),
                prepaid_fen=credit.get(uid, 0),
                notice_no=notice_number(period, code),
                address=f"{estate.address}{bname}{code}" if estate.address else f"{bname}{code}",
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
    channel: str = ""  # printed / saved / hand / post ("" before channels were recorded)
    doc_no: str = ""

    @property
    def channel_zh(self) -> str:
        return CHANNEL_ZH.get(self.channel, self.channel)

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
            NoticeLog.channel,
            NoticeLog.doc_no,
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


DEADLINE_DAYS = {1: 15, 2: 15, 3: 7}
"""Days the household has to pay after the letter's date, by level."""


@dataclass(frozen=True)
class _Delivered:
    level: int
    on: date
    doc_no: str


def reminder_letters(
    session: Session, *, as_of: date | None = None, building_id: int | None = None
) -> list[ReminderLetter]:
    """The letters due on ``as_of``: one per unit past a threshold, at its next level.

    Levels escalate from the delivered history only (a letter previewed and never printed does
    not count): the first letter is level 1; level n+1 comes only after level n was delivered
    at least ``reminder_gap_days`` earlier, and once the arrears are old enough for it
    (``reminder_days_2`` / ``reminder_days_final``) or the owner broke a promise made after
    the last letter. A unit that settled everything after its last letter starts again at 1.
    Each letter gets the next number of the year (翠物催字〔2026〕第058号) and a deadline.
    """
    day = clock.day_or_today(session, as_of)
    cfg = get_fee_settings(session)
    settle_promises(session, day)
    rows = arrears_list(
        session, as_of=day, building_id=building_id, min_owed_fen=max(cfg.reminder_min_fen, 1)
    )
    rows = [r for r in rows if (day - r.oldest_due).days >= cfg.reminder_days_1]
    ids = [r.unit_id for r in rows]
    history: dict[int, list[_Delivered]] = {}
    open_promise: set[int] = set()
    broken: dict[int, list[date]] = {}
    for i in range(0, len(ids), 500):
        part = ids[i : i + 500]
        for uid, level, sent, doc_no in session.execute(
            select(NoticeLog.unit_id, NoticeLog.level, NoticeLog.sent_at, NoticeLog.doc_no)
            .where(NoticeLog.unit_id.in_(part), NoticeLog.kind == "reminder")
            .order_by(NoticeLog.sent_at, NoticeLog.id)
        ).all():
            history.setdefault(uid, []).append(_Delivered(level, clock.local_date(sent), doc_no))
        for uid, promise, cdate in session.execute(
            select(ContactLog.unit_id, ContactLog.promise, ContactLog.contact_date).where(
                ContactLog.unit_id.in_(part), ContactLog.promise.in_(["open", "broken"])
            )
        ).all():
            if promise == "open":
                open_promise.add(uid)
            else:
                broken.setdefault(uid, []).append(cdate)
    due_rows = []
    for r in rows:
        if r.unit_id in open_promise:
            continue
        # Reminders restart when the unit had settled everything since the last letter.
        mine = [h for h in history.get(r.unit_id, []) if h.on >= r.oldest_due]
        last = mine[-1] if mine else None
        if last is None:
            due_rows.append((r, 1, mine))
            continue
        nxt = last.level + 1
        if nxt > 3 or (day - last.on).days < cfg.reminder_gap_days:
            continue
        by_days = _level_by_days(
            (day - r.oldest_due).days,
            cfg.reminder_days_1,
            cfg.reminder_days_2,
            cfg.reminder_days_final,
        )
        broke = any(c >= last.on for c in broken.get(r.unit_id, []))
        if by_days >= nxt or broke:
            due_rows.append((r, nxt, mine))
    lines = _open_lines_by_unit(session, [r.unit_id for r, _l, _h in due_rows], day)
    owners = _owners(session, [r.unit_id for r, _l, _h in due_rows])
    prefix = letter_prefix(cfg, estate_header(session).name)
    seq = last_letter_seq(
        session.scalars(
            select(NoticeLog.doc_no).where(
                NoticeLog.kind == "reminder", NoticeLog.doc_no.like(f"%〔{day.year}〕%")
            )
        ).all(),
        day.year,
    )
    letters: list[ReminderLetter] = []
    for r, level, mine in due_rows:
        seq += 1
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
                tuple(NoticeLine(n, p, a, o, b) for n, p, a, o, _d, b in lines.get(r.unit_id, [])),
                letter_no=letter_number(prefix, day.year, seq),
                deadline=day + timedelta(days=DEADLINE_DAYS[level]),
                previous=tuple(
                    f"{zh_date(h.on)}{LEVEL_ZH.get(h.level, '催缴函')}"
                    + (f"（{h.doc_no}）" if h.doc_no else "")
                    for h in mine
                ),
            )
        )
    return letters


LogEntry = tuple[int, str, int, str, int] | tuple[int, str, int, str, int, str]
"""``(unit_id, kind, level, period, amount_fen[, doc_no])``."""

CHANNEL_ZH = {"printed": "打印", "saved": "存为PDF", "hand": "当面送达", "post": "邮寄", "": "—"}


def letter_entries(letters: Sequence[ReminderLetter]) -> list[LogEntry]:
    """What :func:`log_notices` records for a delivered batch of letters."""
    return [(x.unit_id, "reminder", x.level, "", x.total_fen, x.letter_no) for x in letters]


def notice_entries(pages: Sequence[NoticePage]) -> list[LogEntry]:
    """What :func:`log_notices` records for a delivered batch of payment notices."""
    return [(p.unit_id, "notice", 0, p.period, p.total_fen, p.notice_no) for p in pages]


def log_notices(
    session: Session,
    entries: Sequence[LogEntry],
    *,
    on: date | None = None,
    channel: str = "",
) -> None:
    """Log delivered notices: ``(unit_id, kind, level, period, amount_fen[, doc_no])`` each.

    Call it only once the batch was delivered (``channel``: ``printed``, ``saved`` as PDF,
    ``hand`` when someone confirms handing it over, ``post``): a preview looked at and
    closed was never sent, and each unit's statement lists this log. A letter number already
    logged is refused (another desk delivered a batch numbered the same: preview again).

    ``on`` is the date the letters carry when it is not today (a batch dated ahead or back).
    """
    if not entries:
        return
    if channel not in CHANNEL_ZH:
        raise ValidationError("channel", "送达方式不正确。")
    numbers = [e[5] for e in entries if len(e) > 5 and e[1] == "reminder" and e[5]]
    for i in range(0, len(numbers), 500):
        taken = session.scalars(
            select(NoticeLog.doc_no).where(
                NoticeLog.kind == "reminder", NoticeLog.doc_no.in_(numbers[i : i + 500])
            )
        ).first()
        if taken:
            raise Conflict(
                f"催缴函编号 {taken} 已被使用（另一台电脑刚发出了一批催缴函），请重新预览。"
            )
    by = getattr(session.info.get("actor"), "display_name", "")
    now = clock.now(session)
    at = now if on is None or on == clock.local_date(now) else clock.local_datetime(on, time(12))
    session.execute(
        insert(NoticeLog),
        [
            {
                "unit_id": e[0],
                "kind": e[1],
                "level": e[2],
                "period": e[3],
                "amount_fen": e[4],
                "doc_no": e[5] if len(e) > 5 else "",
                "channel": channel,
                "sent_by": by,
                "sent_at": at,
            }
            for e in entries
        ],
    )


def confirm_delivery(
    session: Session,
    *,
    unit_id: int,
    kind: str,
    level: int = 0,
    period: str = "",
    amount_fen: int = 0,
    doc_no: str = "",
    channel: str = "hand",
    on: date | None = None,
) -> None:
    """Record one notice or letter as delivered by hand or post (someone confirms it)."""
    if session.get(Unit, unit_id) is None:
        raise NotFound("房屋不存在。")
    if kind not in ("notice", "reminder") or (kind == "reminder" and level not in (1, 2, 3)):
        raise ValidationError("kind", "请选择缴费通知单或催缴函的级别。")
    if on is not None and on > clock.today(session):
        raise ValidationError("day", "送达日期不能晚于今天。")
    log_notices(
        session, [(unit_id, kind, level, period, amount_fen, doc_no)], on=on, channel=channel
    )


def unit_collection_status(
    session: Session, unit_id: int, as_of: date | None = None
) -> UnitCollection:
    day = clock.day_or_today(session, as_of)
    last_stmt, level_stmt, promise_stmt, broken_stmt = _collection_statements()
    unit = {"unit_id": unit_id}
    last = session.execute(last_stmt, unit).first()
    text = ""
    if last is not None:
        what = (
            LEVEL_ZH.get(last.level, "催缴函")
            if last.kind == "reminder"
            else f"{last.period} 缴费通知单"
        )
        text = f"{clock.local_date(last.sent_at).isoformat()} {what}"
    level = session.scalar(level_stmt, unit)
    promise = session.scalar(promise_stmt, {"unit_id": unit_id, "day": day})
    broken = session.scalar(broken_stmt, unit)
    return UnitCollection(text, int(level or 0), promise, int(broken or 0))


@cache
def _collection_statements() -> tuple[Executable, Executable, Executable, Executable]:
    """:func:`unit_collection_status`' statements (last notice, highest reminder, open
    promise, broken promises), built once with the bound parameters ``unit_id`` and ``day``:
    the unit page reads them for every unit opened."""
    unit = bindparam("unit_id", type_=Integer)
    last = (
        select(NoticeLog.kind, NoticeLog.level, NoticeLog.period, NoticeLog.sent_at)
        .where(NoticeLog.unit_id == unit)
        .order_by(NoticeLog.sent_at.desc(), NoticeLog.id.desc())
        .limit(1)
    )
    level = select(func.max(NoticeLog.level)).where(
        NoticeLog.unit_id == unit, NoticeLog.kind == "reminder"
    )
    promise = (
        select(ContactLog.promised_date)
        .where(
            ContactLog.unit_id == unit,
            ContactLog.promise == "open",
            ContactLog.promised_date >= bindparam("day", type_=Date),
        )
        .order_by(ContactLog.promised_date.desc())
        .limit(1)
    )
    broken = (
        select(func.count())
        .select_from(ContactLog)
        .where(ContactLog.unit_id == unit, ContactLog.promise == "broken")
    )
    return last, level, promise, broken
