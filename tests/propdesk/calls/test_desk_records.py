"""Outages, the knowledge base, the directory, reminders, Today and statistics (both databases)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from propdesk import clock
from propdesk.calls import calls, directory, kb, outages, reminders, starter, stats, today
from propdesk.calls.calls import CallEntry
from propdesk.calls.outages import OutageSpec
from propdesk.calls.reminders import ReminderSpec
from propdesk.db.engine import Database
from propdesk.errors import ValidationError
from tests.propdesk.calls.helpers import CLERK, MANAGER, CallEstate


def test_outage_pinned_for_affected_building_only(db: Database, estate: CallEstate) -> None:
    now = clock.now()
    with db.begin(CLERK) as s:
        oid = outages.save_outage(
            s,
            OutageSpec(
                "water",
                False,
                now - timedelta(hours=1),
                now + timedelta(hours=3),
                "2栋供水管爆裂抢修",
                "您好，2栋因水管爆裂正在抢修，预计15点前恢复供水。",
                building_ids=(estate.building_2,),
            ),
        )
        assert [o.id for o in outages.current_for(s, building_id=estate.building_2)] == [oid]
        assert outages.current_for(s, building_id=estate.building_1) == []
        with pytest.raises(ValidationError):
            outages.close_outage(s, oid, actual_end_at=now + timedelta(hours=2))
        outages.close_outage(s, oid, actual_end_at=now)
        assert outages.current_for(s, building_id=estate.building_2) == []
        assert outages.get_outage(s, oid).scope == "2栋"


def test_outage_needs_a_scope(db: Database, estate: CallEstate) -> None:
    now = clock.now()
    with db.begin(CLERK) as s, pytest.raises(ValidationError) as err:
        outages.save_outage(s, OutageSpec("power", True, now, None, "检修", ""))
    assert err.value.field == "building_ids"


def test_kb_search_bigrams_pinyin_and_misses(db: Database, estate: CallEstate) -> None:
    with db.begin(MANAGER) as s:
        assert starter.install_starter_set(s) == len(starter.STARTER_KB)
        assert starter.install_starter_set(s) == 0
    with db.begin(CLERK) as s:
        hits = kb.search(s, "装修周末")
        assert hits
        assert "装修施工时间" in hits[0].question
        assert any("快递" in h.question for h in kb.search(s, "kd"))
        assert kb.search(s, "宇宙飞船") == []
        kb.record_miss(s, "宇宙飞船")
        kb.record_miss(s, "宇宙飞船")
        suggested = kb.suggest(s, "住户说楼上装修周末还在打电钻")
        assert suggested
        assert "装修" in suggested[0].question
    with db.begin(MANAGER) as s:
        assert [(m.query, m.times) for m in kb.misses(s)] == [("宇宙飞船", 2)]


def test_expired_entries_flagged(
    db: Database, estate: CallEstate, test_clock: clock.FixedClock
) -> None:
    with db.begin(MANAGER) as s:
        eid = kb.save_entry(
            s, kb.KbSpec("电梯年检？", "每年一次", expires_on=clock.today() + timedelta(days=1))
        )
    test_clock.advance(days=3)
    with db.begin(MANAGER) as s:
        assert [e.id for e in kb.expired(s)] == [eid]
        kb.mark_checked(s, eid, expires_on=clock.today(s) + timedelta(days=100))
        assert kb.expired(s) == []


def test_directory_search(db: Database, estate: CallEstate) -> None:
    with db.begin(MANAGER) as s:
        starter.install_starter_set(s)
        directory.save_number(s, name="蓝天电梯维保", category="contractor", phone="0755-1234567")
        assert [r.name for r in directory.search_numbers(s, "电梯")][:2] == [
            "电梯维保单位（24小时）",
            "蓝天电梯维保",
        ]
        assert [r.phone for r in directory.search_numbers(s, "95598")] == ["95598"]


def test_recurring_reminder_and_today_panel(db: Database, estate: CallEstate) -> None:
    day = clock.today()
    with db.begin(CLERK) as s:
        rid = reminders.save_reminder(
            s,
            ReminderSpec("抄送月度水表读数", day, unit_id=estate.unit_101, recurrence="monthly"),
        )
        reminders.save_reminder(
            s,
            ReminderSpec(
                "外出，代收快递",
                day - timedelta(days=10),
                kind="instruction",
                unit_id=estate.unit_202,
                valid_until=day + timedelta(days=2),
            ),
        )
        calls.log_call(
            s,
            CallEntry(
                "13812345678",
                "complaint",
                "噪音",
                "callback",
                callback_due=clock.now(s) + timedelta(hours=1),
            ),
        )
        items = today.today_items(s)
        assert sorted(i.kind for i in items) == ["callback", "instruction", "reminder"]
        reminder = next(i for i in items if i.kind == "reminder")
        today.tick_done(s, "reminder", reminder.ref, reminder.title)
        assert reminders.reminders_of(s, unit_id=estate.unit_101)[0].due_on == date(2026, 7, 15)
        callback = next(i for i in items if i.kind == "callback")
        today.tick_done(s, "callback", callback.ref, callback.title)
        assert sorted(i.kind for i in today.today_items(s)) == ["instruction"]
        assert [who for _t, who, _w in today.done_log(s, day)] == ["王前台", "王前台"]
    assert rid


def test_instruction_needs_an_end_date(db: Database, estate: CallEstate) -> None:
    with db.begin(CLERK) as s, pytest.raises(ValidationError):
        reminders.save_reminder(s, ReminderSpec("代收快递", clock.today(), kind="instruction"))


def test_statistics(db: Database, estate: CallEstate, test_clock: clock.FixedClock) -> None:
    with db.begin(CLERK) as s:
        calls.log_call(s, CallEntry("13812345678", "consultation", "问物业费", "answered"))
        calls.log_call(
            s,
            CallEntry(
                "13812345678",
                "complaint",
                "噪音",
                "callback",
                callback_due=clock.now(s) + timedelta(hours=1),
            ),
        )
        calls.ring(s, "5678")
    test_clock.advance(hours=2)
    with db.begin(CLERK) as s:
        result = stats.call_stats(s, clock.today(s), clock.today(s))
    assert (result.total, result.inbound, result.missed) == (3, 3, 1)
    assert result.by_hour[10] == 3
    assert (result.first_call_resolved, result.first_call_base) == (1, 2)
    assert (result.callbacks_on_time, result.callbacks_due) == (0, 1)
    assert dict(result.by_topic)["咨询"] == 1
