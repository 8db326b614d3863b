"""Deadlines across midnight, weekends, month end, holidays and reopen."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from propdesk.clock import estate_zone
from propdesk.db.engine import Database
from propdesk.tickets import catalog
from propdesk.tickets import services as svc
from propdesk.tickets.queries import ticket_detail
from propdesk.tickets.sla import Calendar, add_working_days, deadlines
from tests.propdesk.tickets.helpers import CLERK, MANAGER, category_id, make_desk


def _local(y: int, m: int, d: int, hh: int, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=estate_zone())


def test_hours_run_across_midnight() -> None:
    # Emergency at 23:10 local: response 01:10 next day, resolved 23:10 next day.
    start = _local(2026, 11, 23, 23, 10)
    due = deadlines(
        start,
        response_minutes=120,
        resolve_minutes=24 * 60,
        resolve_working_days=0,
        calendar=Calendar(),
    )
    assert due.response_due == _local(2026, 11, 24, 1, 10).astimezone(UTC)
    assert due.resolve_due == _local(2026, 11, 24, 23, 10).astimezone(UTC)
    assert due.response_due.tzinfo == UTC


def test_working_days_skip_weekend_and_cross_month_end() -> None:
    # Thu 2026-11-26 16:00 + 7 working days → Mon 2026-12-07 16:00 (skips two weekends).
    start = _local(2026, 11, 26, 16)
    assert add_working_days(start, 7, Calendar()) == _local(2026, 12, 7, 16).astimezone(UTC)
    # Friday 30 Jan + 1 working day → Monday 2 Feb.
    assert add_working_days(_local(2026, 1, 30, 9), 1, Calendar()) == _local(
        2026, 2, 2, 9
    ).astimezone(UTC)


def test_local_date_decides_not_utc_date() -> None:
    # 2026-11-27 17:30 UTC is Saturday 01:30 in Beijing: 1 working day → Monday 01:30 local.
    start = datetime(2026, 11, 27, 17, 30, tzinfo=UTC)
    assert add_working_days(start, 1, Calendar()) == _local(2026, 11, 30, 1, 30).astimezone(UTC)


def test_holidays_and_makeup_workdays() -> None:
    cal = Calendar(
        holidays=frozenset({date(2026, 10, 1), date(2026, 10, 2), date(2026, 10, 5)}),
        workdays=frozenset({date(2026, 10, 10)}),  # a Saturday worked (调休)
    )
    # Wed 30 Sep + 2 working days: Oct 1, 2 holidays, 3–4 weekend, 5 holiday → Oct 6, Oct 7.
    assert add_working_days(_local(2026, 9, 30, 10), 2, cal) == _local(2026, 10, 7, 10).astimezone(
        UTC
    )
    # Fri 9 Oct + 1 → Sat 10 Oct (make-up working day).
    assert add_working_days(_local(2026, 10, 9, 10), 1, cal) == _local(2026, 10, 10, 10).astimezone(
        UTC
    )


def test_default_rules_at_intake(db: Database) -> None:
    desk = make_desk(db)
    leak = category_id(db, "repair", "plumbing")
    outage = category_id(db, "repair", "water_power_cut")
    noise = category_id(db, "complaint", "noise")
    at = _local(2026, 11, 30, 22, 0).astimezone(UTC)  # Monday 22:00, last day of the month
    with db.begin(CLERK) as s:
        emergency = svc.create_ticket(
            s,
            svc.Intake(
                kind="repair",
                category_id=leak,
                urgency="emergency",
                description="水管爆裂",
                unit_id=desk.unit_id,
                person_id=desk.person_id,
            ),
            at=at,
        )
        cut = svc.create_ticket(
            s,
            svc.Intake(
                kind="repair",
                category_id=outage,
                description="整栋停水",
                location="3栋",
                reporter_name="巡查员",
            ),
            at=at,
        )
        complaint = svc.create_ticket(
            s,
            svc.Intake(
                kind="complaint",
                category_id=noise,
                description="楼上深夜装修噪音",
                unit_id=desk.unit_id,
                person_id=desk.person_id,
            ),
            at=at,
        )
    assert emergency.deadlines.response_due == at + timedelta(hours=2)  # 1 Dec 00:00
    assert emergency.deadlines.resolve_due == at + timedelta(hours=24)
    assert cut.deadlines.response_due == at + timedelta(minutes=30)
    assert complaint.deadlines.response_due == at + timedelta(hours=48)
    # 7 working days from Mon 30 Nov → Wed 9 Dec 22:00.
    assert complaint.deadlines.resolve_due == _local(2026, 12, 9, 22).astimezone(UTC)
    assert emergency.number.startswith("BX20261130-")
    assert complaint.number == "TS20261130-0001"


def test_number_uses_local_date_after_utc_midnight(db: Database) -> None:
    desk = make_desk(db)
    cat = category_id(db, "repair", "plumbing")
    at = datetime(2026, 11, 30, 16, 30, tzinfo=UTC)  # 1 Dec 00:30 in Beijing
    with db.begin(CLERK) as s:
        numbers = [
            svc.create_ticket(
                s,
                svc.Intake(
                    kind="repair",
                    category_id=cat,
                    description=f"第{i}单",
                    unit_id=desk.unit_id,
                    person_id=desk.person_id,
                ),
                at=at,
            ).number
            for i in range(3)
        ]
    assert numbers == ["BX20261201-0001", "BX20261201-0002", "BX20261201-0003"]


def test_holiday_setting_moves_the_deadline(db: Database) -> None:
    desk = make_desk(db)
    noise = category_id(db, "complaint", "noise")
    with db.begin(MANAGER) as s:
        catalog.set_setting(s, "holidays", ["2026-12-01", "2026-12-02"])
    at = _local(2026, 11, 30, 10).astimezone(UTC)
    with db.begin(CLERK) as s:
        due = svc.create_ticket(
            s,
            svc.Intake(
                kind="complaint",
                category_id=noise,
                description="噪音",
                unit_id=desk.unit_id,
                reporter_name="张三",
            ),
            at=at,
        ).deadlines
    # 7 working days skipping 1–2 Dec and the weekend → Fri 11 Dec.
    assert due.resolve_due == _local(2026, 12, 11, 10).astimezone(UTC)


def test_reopen_restarts_the_completion_window(db: Database) -> None:
    desk = make_desk(db)
    cat = category_id(db, "repair", "plumbing")
    t0 = _local(2026, 11, 27, 9).astimezone(UTC)  # Friday
    with db.begin(CLERK) as s:
        tid = svc.create_ticket(
            s,
            svc.Intake(
                kind="repair",
                category_id=cat,
                urgency="emergency",
                description="漏水",
                unit_id=desk.unit_id,
                person_id=desk.person_id,
            ),
            at=t0,
        ).id
        svc.dispatch(s, tid, staff_id=desk.plumber_id, at=t0 + timedelta(minutes=5))
        svc.start(s, tid, at=t0 + timedelta(hours=1))
        svc.complete(s, tid, at=t0 + timedelta(hours=3))
    reopen_at = _local(2026, 11, 30, 23, 30).astimezone(UTC)  # month end, late evening
    with db.begin(CLERK) as s:
        assert svc.callback(
            s, tid, overall=2, speed=2, attitude=3, comment="还在滴水", at=reopen_at
        )
    with db.begin(CLERK) as s:
        info = ticket_detail(s, tid, now=reopen_at + timedelta(hours=1))
    assert info.status == "dispatched"
    assert info.reopen_count == 1
    assert info.resolve_due == reopen_at + timedelta(hours=24)  # 1 Dec 23:30 local
    assert info.responded_at == t0 + timedelta(hours=1)  # the response was met once
    assert info.done_at is None
    assert not info.overdue
    with db.begin(CLERK) as s:
        late = ticket_detail(s, tid, now=reopen_at + timedelta(hours=25))
    assert late.overdue
