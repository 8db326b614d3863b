"""Notice templates: seeded in Chinese, filled in, edited by managers, posted history."""

from __future__ import annotations

from datetime import date

import pytest

from propdesk.auth.actor import Actor, Role
from propdesk.db.engine import Database
from propdesk.errors import Conflict, NotAllowed, ValidationError
from propdesk.registry import services as reg
from propdesk.reporting import notices as svc

CLERK = Actor(user_id=None, username="c", display_name="前台小王", role=Role.CLERK)
MANAGER = Actor(user_id=None, username="m", display_name="经理老陈", role=Role.MANAGER)
KINDS = {"water_outage", "power_outage", "fee_reminder", "renovation_rules", "fire_drill"}


def test_default_templates_are_seeded_once(db: Database) -> None:
    with db.begin(CLERK) as s:
        first = svc.list_templates(s)
    with db.begin(CLERK) as s:
        again = svc.list_templates(s)
    assert [t.id for t in first] == [t.id for t in again]
    codes = {t.code for t in first}
    assert KINDS | {"activity", "free_text"} <= codes
    water = next(t for t in first if t.code == "water_outage")
    assert water.name == "停水通知"
    assert [f.key for f in water.fields][:3] == ["停水原因", "开始日期", "开始时间"]
    # every placeholder of every template is one of its fields
    for t in first:
        assert set(svc.placeholders(t.title + t.body)) <= {f.key for f in t.fields}


def test_fill_requires_every_field_and_preview_shows_blanks(db: Database) -> None:
    with db.begin(CLERK) as s:
        water = next(t for t in svc.list_templates(s) if t.code == "water_outage")
    values = {
        "停水原因": "管道维修",
        "开始日期": "2026年10月8日",
        "开始时间": "09:00",
        "结束日期": "2026年10月8日",
        "结束时间": "17:00",
        "影响区域": "3栋",
        "联系电话": "0755-1234",
    }
    filled = svc.fill(water, values)
    assert filled.title == "停水通知"
    assert "因管道维修，定于2026年10月8日 09:00至2026年10月8日 17:00对3栋暂停供水" in filled.body
    assert "{" not in filled.body
    with pytest.raises(ValidationError, match="影响区域") as err:
        svc.fill(water, {**values, "影响区域": " "})
    assert err.value.field == "影响区域"
    shown = svc.preview(water, {**values, "影响区域": ""})
    assert "对________暂停供水" in shown.body


def test_optional_field_may_stay_empty(db: Database) -> None:
    with db.begin(CLERK) as s:
        act = next(t for t in svc.list_templates(s) if t.code == "activity")
        values = svc.default_values(s, act, date(2026, 10, 1))
    filled = svc.fill(act, {**values, "活动说明": "", "联系电话": "123"})
    assert "邻里文化节" in filled.body


def test_default_values_take_the_estate_phone_and_today(db: Database) -> None:
    with db.begin(MANAGER) as s:
        reg.create_estate(s, name="翠湖花园", phone="075588886666")
        fee = next(t for t in svc.list_templates(s) if t.code == "fee_reminder")
        values = svc.default_values(s, fee, date(2026, 10, 8))
        head = svc.letterhead(s)
    assert values["联系电话"] == head.phone
    assert head.phone
    assert values["缴费截止日期"] == "2026-10-08"
    assert values["费用所属期间"] == "2026年10月"


def test_manager_edits_a_template_clerk_may_not(db: Database) -> None:
    with db.begin(MANAGER) as s:
        t = svc.list_templates(s)[0]
        svc.save_template(
            s,
            template_id=t.id,
            name="停水通知（新）",
            title="紧急停水通知",
            body="各位业主：{影响区域}停水，电话 {联系电话}。",
            expected_version=t.version,
        )
    with db.begin(CLERK) as s:
        edited = svc.get_template(s, t.id)
        assert (edited.name, edited.title) == ("停水通知（新）", "紧急停水通知")
        with pytest.raises(NotAllowed):
            svc.save_template(s, template_id=t.id, name="x", title="x", body="x")
    with db.begin(MANAGER) as s:
        with pytest.raises(ValidationError, match=r"\{floor\}"):
            svc.save_template(s, template_id=t.id, name="a", title="b", body="{floor}层停水")
        with pytest.raises(ValidationError, match="标题"):
            svc.save_template(s, template_id=t.id, name="a", title=" ", body="正文")
        with pytest.raises(Conflict):
            svc.save_template(
                s, template_id=t.id, name="a", title="b", body="c", expected_version=t.version
            )


def test_posted_notices_are_kept_with_their_text(db: Database) -> None:
    with db.begin(CLERK) as s:
        t = svc.list_templates(s)[0]
        filled = svc.FilledNotice("停水通知", "尊敬的业主/住户：\n明天停水。")
        svc.post_notice(
            s,
            template_id=t.id,
            notice=filled,
            audiences=["1栋 全体业主/住户", "2栋 全体业主/住户"],
            copies=3,
            posted_on=date(2026, 10, 7),
        )
        svc.post_notice(s, template_id=None, notice=filled, audiences=[], copies=1)
        with pytest.raises(ValidationError, match="份数"):
            svc.post_notice(s, template_id=t.id, notice=filled, audiences=[], copies=0)
    with db.begin(CLERK) as s:
        history = svc.notice_history(s)
    assert len(history) == 2
    older = history[1]
    assert older.body == "尊敬的业主/住户：\n明天停水。"
    assert older.audiences == ("1栋 全体业主/住户", "2栋 全体业主/住户")
    assert (older.copies, older.pages, older.posted_on) == (3, 6, date(2026, 10, 7))
    assert older.posted_by == "前台小王"
    assert older.template_name == t.name
    assert history[0].audiences == ("全体业主/住户",)


def test_posting_needs_a_login(db: Database) -> None:
    with db.begin(None) as s, pytest.raises(NotAllowed):
        svc.post_notice(
            s, template_id=None, notice=svc.FilledNotice("t", "b"), audiences=[], copies=1
        )


def test_demo_posts_a_history_of_notices(db: Database) -> None:
    from propdesk.demo.build import generate_demo

    generate_demo(db, units=30, seed=4, today=date(2026, 11, 20))
    with db.begin(CLERK) as s:
        history = svc.notice_history(s)
        templates = svc.list_templates(s)
    assert len(history) == 6
    assert history[0].posted_on == date(2026, 11, 13)
    assert all("{" not in h.body for h in history)
    water = next(h for h in history if h.title == "停水通知")
    assert len(water.audiences) >= 1
    assert water.pages == water.copies * len(water.audiences)
    assert len(templates) == 7


def test_fields_are_renamed_to_their_chinese_names() -> None:
    from propdesk.reporting.notice_fields import chinese_field_names

    title, body, fields = chinese_field_names(
        "{subject}",
        "因{reason}停水，{x}。电话：{contact}",
        [
            {"key": "subject", "label": "标题"},
            {"key": "reason", "label": "停水原因"},
            {"key": "x", "label": "有 空格"},  # not usable as a name: kept
            {"key": "contact", "label": "联系电话"},
        ],
    )
    assert title == "{标题}"
    assert body == "因{停水原因}停水，{x}。电话：{联系电话}"
    assert [f["key"] for f in fields] == ["标题", "停水原因", "x", "联系电话"]
