"""Activities and their sign-ups.

A sign-up asks for ``persons`` places. It is confirmed when a conditional
``UPDATE activity SET taken = taken + n WHERE taken + n <= capacity`` changes a row, and
waitlisted otherwise: capacity can never be exceeded, whatever two desks do at once.
Cancelling a confirmed sign-up gives its places back and promotes the waitlist in order
(first come, first served: promotion stops at the first sign-up that does not fit), in
the same transaction.

A household that fits is still waitlisted while earlier households wait (a strict queue:
nobody jumps it); the answer says why, in the clerk's words (:func:`_waitlist_message`).

An activity is finished, and its attendance and feedback recorded, only once it has started
(by the transaction's clock): what happens on a future date cannot be reported yet.

Who may do what: planning an activity and its money (create, edit, finish with what was
spent) is a manager's (:data:`PLAN`, ``MANAGE_SETTINGS``); opening sign-ups and cancelling
an activity a supervisor's (:data:`RUN`, ``APPROVE``); sign-ups, attendance, feedback and the
printed notice are desk work (:data:`DESK`, ``EDIT_REGISTRY``, which clerks hold). A refusal
names the activity work refused, not the permission's general label.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.activities.models import Activity, ActivitySignup
from propdesk.activities.values import (
    MAX_PERSONS,
    ActivityKind,
    ActivityStatus,
    Channel,
    SignupState,
)
from propdesk.auth.permissions import Permission, require
from propdesk.errors import InvalidTransition, NotAllowed, NotFound, ValidationError
from propdesk.privacy import shown_phone
from propdesk.registry.models import Person, Unit
from propdesk.registry.services import get_unit_dossier
from propdesk.session_info import actor_name, actor_or_none
from propdesk.validate import clean_text

#: Create, edit and finish an activity (with what was spent): managers.
PLAN = Permission.MANAGE_SETTINGS
#: Open sign-ups, cancel an activity: supervisors and managers.
RUN = Permission.APPROVE
#: Sign-ups (at the desk or by phone), attendance, feedback, the notice: the desk.
DESK = Permission.EDIT_REGISTRY

_ASK = {PLAN: "请联系经理", RUN: "请联系主管或经理", DESK: "请联系前台、主管或经理"}


def _require(session: Session, permission: Permission, doing: str) -> None:
    """:func:`require`, refused in the words of the activity work ``doing``."""
    actor = actor_or_none(session)
    try:
        require(actor, permission)
    except NotAllowed:
        who = actor.display_name if actor else "未登录用户"
        raise NotAllowed(f"{who}无权{doing}，{_ASK[permission]}。") from None


def _not_started(session: Session, act: Activity, doing: str, hint: str = "") -> None:
    """Refuse ``doing`` for an activity that has not started yet (transaction's clock)."""
    starts = act.starts_at
    if clock.now(session) < starts:
        raise InvalidTransition(
            f"活动定于 {clock.to_local(starts):%Y-%m-%d %H:%M} 开始，还没有开始，"
            f"不能{doing}，请在活动开始后再办理。{hint}"
        )


@dataclass(frozen=True)
class ActivitySpec:
    kind: str
    title: str
    starts_at: datetime
    ends_at: datetime | None
    venue: str
    capacity: int
    budget_fen: int
    organiser: str
    description: str = ""


@dataclass(frozen=True)
class SignupResult:
    signup_id: int
    state: str  # SignupState value
    waitlist_position: int  # 1-based when waitlisted, else 0
    message: str  # what the clerk tells the resident


@dataclass(frozen=True)
class MovedUp:
    """A household moved off the waitlist, and whom the desk calls to tell them: the sign-up's
    contact and a phone as the actor may see it (:func:`propdesk.privacy.shown_phone`, masked
    for a clerk); ``phone_of`` names the resident whose phone it is when that is not the
    contact (a contact not in the registry: the household's first current occupant)."""

    unit_code: str
    contact_name: str
    phone: str = ""
    phone_of: str = ""


@dataclass(frozen=True)
class CancelResult:
    signup_id: int
    promoted: tuple[int, ...]  # sign-up ids moved from the waitlist to confirmed
    promoted_units: tuple[str, ...] = ()  # their unit codes, in queue order (whom to tell)
    moved_up: tuple[MovedUp, ...] = ()  # the same, with whom to call


@dataclass(frozen=True)
class UpdateResult:
    activity_id: int
    promoted: tuple[int, ...] = ()  # sign-up ids the raised capacity moved off the waitlist
    promoted_units: tuple[str, ...] = ()  # their unit codes, in queue order (whom to tell)
    moved_up: tuple[MovedUp, ...] = ()  # the same, with whom to call


@dataclass(frozen=True)
class ToNotify:
    signup_id: int
    unit_code: str
    contact_name: str
    persons: int
    state: str


def _checked(session: Session, spec: ActivitySpec) -> ActivitySpec:
    try:
        ActivityKind(spec.kind)
    except ValueError:
        raise ValidationError("kind", "请选择活动类型。") from None
    title = clean_text(spec.title, "title", 100, "请填写活动名称。", label="活动名称")
    venue = clean_text(spec.venue, "venue", 100, "请填写活动地点。", label="活动地点")
    organiser = clean_text(spec.organiser, "organiser", 50, "请填写组织人。", label="组织人")
    description = clean_text(spec.description, "description", 2000, label="活动说明")
    if spec.ends_at is not None and spec.ends_at <= spec.starts_at:
        raise ValidationError("ends_at", "结束时间应晚于开始时间。")
    if spec.capacity < 1 or spec.capacity > 10000:
        raise ValidationError("capacity", "名额应在 1 到 10000 人之间。")
    if spec.budget_fen < 0:
        raise ValidationError("budget_fen", "预算不能为负数。")
    return ActivitySpec(
        spec.kind,
        title,
        spec.starts_at,
        spec.ends_at,
        venue,
        spec.capacity,
        spec.budget_fen,
        organiser,
        description,
    )


def _activity(session: Session, activity_id: int) -> Activity:
    act = session.get(Activity, activity_id)
    if act is None:
        raise NotFound("找不到这个活动，可能已被删除。")
    return act


def create_activity(session: Session, spec: ActivitySpec, *, open_now: bool = False) -> int:
    _require(session, PLAN, "新建或修改社区活动")
    spec = _checked(session, spec)
    if spec.starts_at <= clock.now(session):
        raise ValidationError("starts_at", "活动开始时间已经过去，请选择以后的时间。")
    act = Activity(
        kind=spec.kind,
        title=spec.title,
        starts_at=spec.starts_at,
        ends_at=spec.ends_at,
        venue=spec.venue,
        capacity=spec.capacity,
        taken=0,
        budget_fen=spec.budget_fen,
        spent_fen=0,
        organiser=spec.organiser,
        description=spec.description,
        status=(ActivityStatus.OPEN if open_now else ActivityStatus.PLANNED).value,
    )
    session.add(act)
    session.flush()
    return act.id


def update_activity(session: Session, activity_id: int, spec: ActivitySpec) -> UpdateResult:
    """Save the activity; places that a raised capacity frees go to the waitlist in order
    (returned, with their units, so the desk can tell them)."""
    _require(session, PLAN, "新建或修改社区活动")
    act = _activity(session, activity_id)
    if act.status in (ActivityStatus.FINISHED, ActivityStatus.CANCELLED):
        raise InvalidTransition("已结束或已取消的活动不能再修改。")
    spec = _checked(session, spec)
    if spec.capacity < act.taken:
        raise ValidationError("capacity", f"已有 {act.taken} 人报名，名额不能少于 {act.taken} 人。")
    act.kind, act.title, act.venue = spec.kind, spec.title, spec.venue
    act.starts_at, act.ends_at = spec.starts_at, spec.ends_at
    act.capacity, act.budget_fen = spec.capacity, spec.budget_fen
    act.organiser, act.description = spec.organiser, spec.description
    session.flush()
    promoted = _promote(session, act.id) if act.taken < act.capacity else ()
    return UpdateResult(
        act.id, promoted, _unit_codes(session, promoted), _moved_up(session, promoted)
    )


def open_signups(session: Session, activity_id: int) -> None:
    _require(session, RUN, "开放社区活动报名")
    act = _activity(session, activity_id)
    if act.status != ActivityStatus.PLANNED:
        raise InvalidTransition("只有计划中的活动可以开始报名。")
    act.status = ActivityStatus.OPEN.value
    session.flush()


def finish_activity(session: Session, activity_id: int, *, spent_fen: int) -> None:
    """报名中 → 已结束, with what was actually spent (integer fen)."""
    _require(session, PLAN, "结束社区活动（登记实际花费）")
    act = _activity(session, activity_id)
    if act.status not in (ActivityStatus.PLANNED, ActivityStatus.OPEN):
        raise InvalidTransition("只有计划中或报名中的活动可以结束。")
    _not_started(session, act, "结束", "如活动不再举办，请取消活动。")
    if spent_fen < 0:
        raise ValidationError("spent_fen", "实际花费不能为负数。")
    act.status = ActivityStatus.FINISHED.value
    act.spent_fen = spent_fen
    session.flush()


def cancel_activity(session: Session, activity_id: int, *, reason: str) -> tuple[ToNotify, ...]:
    """已取消; returns the sign-ups (confirmed and waitlisted) to tell, in unit order."""
    _require(session, RUN, "取消社区活动")
    act = _activity(session, activity_id)
    if act.status not in (ActivityStatus.PLANNED, ActivityStatus.OPEN):
        raise InvalidTransition("只有计划中或报名中的活动可以取消。")
    why = clean_text(reason, "reason", 200, "请填写取消原因。", label="取消原因")
    notify = signups_to_notify(session, activity_id)
    act.status = ActivityStatus.CANCELLED.value
    act.cancel_reason = why
    session.flush()
    return notify


def signups_to_notify(session: Session, activity_id: int) -> tuple[ToNotify, ...]:
    from propdesk.registry.unit_sort import unit_code_key

    rows = session.execute(
        select(ActivitySignup, Unit.code)
        .join(Unit, Unit.id == ActivitySignup.unit_id)
        .where(
            ActivitySignup.activity_id == activity_id,
            ActivitySignup.state != SignupState.CANCELLED.value,
        )
    ).all()
    out = [ToNotify(s.id, code, s.contact_name, s.persons, s.state) for s, code in rows]
    return tuple(sorted(out, key=lambda n: unit_code_key(n.unit_code)))


def _fits(taken: Any, persons: int, capacity: Any) -> Any:
    """Whether ``persons`` more places fit: a SQL condition over the columns (:func:`_take`)
    or a plain bool over the numbers (:func:`signup_outlook`) — the one rule for both."""
    return taken + persons <= capacity


def _confirmed(ahead: int, take: Callable[[], bool]) -> bool:
    """The queue rule: a sign-up is confirmed only when nobody is waiting (``ahead`` is the
    waitlist's length: nobody jumps the queue) and its places fit (``take``)."""
    return ahead == 0 and take()


def _waiting(session: Session, activity_id: int) -> int:
    """How many sign-ups of the activity are on its waitlist."""
    return int(
        session.scalar(
            select(func.count(ActivitySignup.id)).where(
                ActivitySignup.activity_id == activity_id,
                ActivitySignup.state == SignupState.WAITLIST.value,
            )
        )
        or 0
    )


def _take(session: Session, activity_id: int, persons: int) -> bool:
    """Take ``persons`` places if they fit: one conditional UPDATE (row lock on PostgreSQL)."""
    result = session.execute(
        update(Activity)
        .where(Activity.id == activity_id, _fits(Activity.taken, persons, Activity.capacity))
        .values(taken=Activity.taken + persons)
        .execution_options(synchronize_session=False)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


def _give_back(session: Session, activity_id: int, persons: int) -> None:
    session.execute(
        update(Activity)
        .where(Activity.id == activity_id)
        .values(taken=Activity.taken - persons)
        .execution_options(synchronize_session=False)
    )


def _waitlist_position(session: Session, signup: ActivitySignup) -> int:
    ids = session.scalars(
        select(ActivitySignup.id)
        .where(
            ActivitySignup.activity_id == signup.activity_id,
            ActivitySignup.state == SignupState.WAITLIST.value,
        )
        .order_by(ActivitySignup.id)
    ).all()
    return list(ids).index(signup.id) + 1


def sign_up(
    session: Session,
    activity_id: int,
    *,
    unit_id: int,
    persons: int = 1,
    channel: str = Channel.DESK.value,
    person_id: int | None = None,
    contact_name: str = "",
) -> SignupResult:
    _require(session, DESK, "办理社区活动报名")
    act = _activity(session, activity_id)
    if act.status != ActivityStatus.OPEN:
        raise InvalidTransition("这个活动现在不在报名中，不能报名。")
    if session.get(Unit, unit_id) is None:
        raise ValidationError("unit_id", "请选择报名的房屋。")
    if not 1 <= persons <= MAX_PERSONS:
        raise ValidationError("persons", f"每户报名人数应在 1 到 {MAX_PERSONS} 人之间。")
    try:
        Channel(channel)
    except ValueError:
        raise ValidationError("channel", "请选择前台或电话报名。") from None
    name = clean_text(contact_name, "contact_name", 50, label="联系人")
    if person_id is not None:
        person = session.get(Person, person_id)
        if person is None:
            raise ValidationError("person_id", "所选住户不存在。")
        name = name or person.name
    existing = session.scalar(
        select(ActivitySignup).where(
            ActivitySignup.activity_id == activity_id, ActivitySignup.unit_id == unit_id
        )
    )
    if existing is not None and existing.state != SignupState.CANCELLED:
        word = "已报名" if existing.state == SignupState.CONFIRMED else "已在候补名单上"
        raise ValidationError("unit_id", f"这户{word}，同一户不能重复报名。")
    # people already waiting come first: a new sign-up may not jump the queue
    ahead = _waiting(session, activity_id)
    confirmed = _confirmed(ahead, lambda: _take(session, activity_id, persons))
    state = SignupState.CONFIRMED if confirmed else SignupState.WAITLIST
    now = clock.now(session)
    if existing is not None:  # signed up before and cancelled: a new place in the queue
        session.delete(existing)
        session.flush()
    signup = ActivitySignup(activity_id=activity_id, unit_id=unit_id)
    signup.person_id = person_id
    signup.contact_name = name
    signup.persons = persons
    signup.channel = channel
    signup.state = state.value
    signup.queued_at = now
    signup.clerk_name = actor_name(session)
    session.add(signup)
    session.flush()
    if confirmed:
        return SignupResult(signup.id, state.value, 0, f"报名成功，共 {persons} 人。")
    pos = _waitlist_position(session, signup)
    session.refresh(act, ["taken", "capacity"])
    free = act.capacity - act.taken
    return SignupResult(signup.id, state.value, pos, _waitlist_message(free, persons, pos))


def _waitlist_message(free: int, persons: int, position: int) -> str:
    """Why a sign-up went to the waitlist, truthfully (:func:`_waitlist_reason`)."""
    then = f"已登记为候补第 {position} 位；有人取消时按登记先后递补，会通知您。"
    return _waitlist_reason(free, persons, position) + then


def _waitlist_reason(free: int, persons: int, position: int) -> str:
    """Why a sign-up goes to the waitlist at ``position``: no place left, too few places for
    ``persons``, or places free but earlier households waiting for them (first come, first
    served); the start of a sentence, "" when none of these."""
    if free <= 0:
        return "名额已满，"
    if position > 1:
        ahead = position - 1
        return f"还剩 {free} 个名额，但已有 {ahead} 户先登记候补，按先后顺序轮候，"
    if free < persons:
        return f"只剩 {free} 个名额，不够 {persons} 人，"
    return ""


@dataclass(frozen=True)
class SignupOutlook:
    """Where a sign-up would go if saved now: confirmed (``waitlist_position`` 0, no
    ``message``) or waitlisted at that position, ``message`` saying why in the words of
    :func:`sign_up`'s answer (``名额已满，将登记为候补第 3 位。``)."""

    waitlist_position: int
    message: str = ""


def signup_outlook(session: Session, activity_id: int, *, persons: int) -> SignupOutlook:
    """What :func:`sign_up` would do now with ``persons`` places, by the same rule (so the
    desk can ask before waitlisting a household); reads only. Another desk may still take
    the last places before the save: the save's answer is the one that counts."""
    _require(session, DESK, "办理社区活动报名")
    act = _activity(session, activity_id)
    ahead = _waiting(session, activity_id)
    if act.status != ActivityStatus.OPEN or _confirmed(
        ahead, lambda: bool(_fits(act.taken, persons, act.capacity))
    ):
        return SignupOutlook(0)  # fits, or the save refuses it with its own message
    position = ahead + 1
    reason = _waitlist_reason(act.capacity - act.taken, persons, position)
    return SignupOutlook(position, f"{reason}将登记为候补第 {position} 位。")


def _promote(session: Session, activity_id: int) -> tuple[int, ...]:
    promoted: list[int] = []
    waiting = session.scalars(
        select(ActivitySignup)
        .where(
            ActivitySignup.activity_id == activity_id,
            ActivitySignup.state == SignupState.WAITLIST.value,
        )
        .order_by(ActivitySignup.id)
    ).all()
    for s in waiting:
        if not _take(session, activity_id, s.persons):
            break
        s.state = SignupState.CONFIRMED.value
        promoted.append(s.id)
    session.flush()
    return tuple(promoted)


def _unit_codes(session: Session, signup_ids: tuple[int, ...]) -> tuple[str, ...]:
    """The unit codes of ``signup_ids``, in their order."""
    if not signup_ids:
        return ()
    codes = dict(
        session.execute(
            select(ActivitySignup.id, Unit.code)
            .join(Unit, Unit.id == ActivitySignup.unit_id)
            .where(ActivitySignup.id.in_(signup_ids))
        ).all()
    )
    return tuple(codes[i] for i in signup_ids)


def _moved_up(session: Session, signup_ids: tuple[int, ...]) -> tuple[MovedUp, ...]:
    """Whom to call for each of ``signup_ids``, in their order: the person signed up, else the
    household's current occupant of the contact's name, else its first current occupant
    (owners first, as the unit page lists them); phones as the actor may see them."""
    if not signup_ids:
        return ()
    actor = actor_or_none(session)
    rows = {
        s.id: (s, code)
        for s, code in session.execute(
            select(ActivitySignup, Unit.code)
            .join(Unit, Unit.id == ActivitySignup.unit_id)
            .where(ActivitySignup.id.in_(signup_ids))
        ).all()
    }
    out: list[MovedUp] = []
    for sid in signup_ids:
        signup, code = rows[sid]
        name = signup.contact_name
        current = get_unit_dossier(session, signup.unit_id).current
        match = next((o for o in current if o.person_id == signup.person_id), None) or next(
            (o for o in current if name and o.person_name == name), None
        )
        if match is not None:
            out.append(MovedUp(code, name or match.person_name, match.phone))
            continue
        person = session.get(Person, signup.person_id) if signup.person_id else None
        if person is not None:  # signed up, since moved out: still the one to call
            out.append(MovedUp(code, name or person.name, shown_phone(actor, person.phone)))
        elif current:
            first = current[0]
            if not name or name == first.person_name:
                out.append(MovedUp(code, first.person_name, first.phone))
            else:
                out.append(MovedUp(code, name, first.phone, first.person_name))
        else:
            out.append(MovedUp(code, name))
    return tuple(out)


def cancel_signup(session: Session, signup_id: int) -> CancelResult:
    _require(session, DESK, "取消社区活动报名")
    signup = session.get(ActivitySignup, signup_id)
    if signup is None:
        raise NotFound("找不到这条报名记录。")
    act = _activity(session, signup.activity_id)
    if act.status != ActivityStatus.OPEN:
        raise InvalidTransition("活动不在报名中，不能取消报名。")
    if signup.state == SignupState.CANCELLED:
        raise InvalidTransition("这条报名已经取消了。")
    was_confirmed = signup.state == SignupState.CONFIRMED
    signup.state = SignupState.CANCELLED.value
    signup.cancelled_at = clock.now(session)
    session.flush()
    promoted: tuple[int, ...] = ()
    if was_confirmed:
        _give_back(session, act.id, signup.persons)
        promoted = _promote(session, act.id)
    return CancelResult(
        signup.id, promoted, _unit_codes(session, promoted), _moved_up(session, promoted)
    )


def record_attendance(session: Session, activity_id: int, attended_ids: set[int]) -> int:
    """Marks the confirmed sign-ups in ``attended_ids`` present and the others absent."""
    _require(session, DESK, "登记社区活动签到")
    act = _activity(session, activity_id)
    if act.status != ActivityStatus.FINISHED:
        raise InvalidTransition("活动结束后才能登记签到。")
    _not_started(session, act, "登记签到")
    rows = session.scalars(
        select(ActivitySignup).where(
            ActivitySignup.activity_id == activity_id,
            ActivitySignup.state == SignupState.CONFIRMED.value,
        )
    ).all()
    known = {r.id for r in rows}
    if attended_ids - known:
        raise ValidationError("attended", "签到名单里有不属于这个活动的报名。")
    for r in rows:
        r.attended = r.id in attended_ids
    session.flush()
    return len(attended_ids)


def record_feedback(session: Session, signup_id: int, *, rating: int, comment: str) -> None:
    _require(session, DESK, "登记社区活动评价")
    signup = session.get(ActivitySignup, signup_id)
    if signup is None:
        raise NotFound("找不到这条报名记录。")
    act = _activity(session, signup.activity_id)
    if act.status != ActivityStatus.FINISHED:
        raise InvalidTransition("活动结束后才能登记评价。")
    _not_started(session, act, "登记评价")
    if not signup.attended:
        raise InvalidTransition("只有签到参加了活动的住户才能评价。")
    if not 1 <= rating <= 5:
        raise ValidationError("rating", "评分应为 1 到 5 分。")
    signup.comment = clean_text(comment, "comment", 500, label="意见")
    signup.rating = rating
    session.flush()


def mark_notice_printed(session: Session, activity_id: int) -> None:
    """Called only after the notice was printed or saved."""
    _require(session, DESK, "登记活动通知已打印")
    act = _activity(session, activity_id)
    act.notice_printed_at = clock.now(session)
    session.flush()
