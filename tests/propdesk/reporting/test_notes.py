"""The month's written summary, problems and plan: saved with the month, guarded, versioned."""

from __future__ import annotations

import pytest

from propdesk.auth.actor import Actor, Role
from propdesk.db.engine import Database
from propdesk.errors import Conflict, NotAllowed, ValidationError
from propdesk.reporting.monthly import monthly_report
from propdesk.reporting.notes import TEXT_LIMIT, month_notes, save_month_notes

MANAGER = Actor(user_id=None, username="mgr", display_name="王经理", role=Role.MANAGER)
CLERK = Actor(user_id=None, username="clerk", display_name="李前台", role=Role.CLERK)


def test_notes_are_saved_with_the_month_and_come_with_its_report(db: Database) -> None:
    with db.begin(MANAGER) as s:
        assert month_notes(s, "2026-05").version == 0
        saved = save_month_notes(
            s,
            "2026-05",
            summary="  完成消防演练。\n外墙清洗完毕。 ",
            problems="3栋电梯故障多。",
            plan="更换3栋电梯主板。",
            expected_version=0,
        )
    assert saved.summary == "完成消防演练。\n外墙清洗完毕。"
    assert saved.updated_by == "王经理"
    assert saved.version == 1
    with db.begin(MANAGER) as s:
        again = save_month_notes(
            s, "2026-05", summary="改过", problems="", plan="", expected_version=1
        )
        report = monthly_report(s, "2026-05")
        other = monthly_report(s, "2026-04")
    assert again.version == 2
    assert report.notes == again
    assert other.notes is not None
    assert other.notes.summary == ""


def test_a_stale_edit_is_refused_and_nothing_changes(db: Database) -> None:
    with db.begin(MANAGER) as s:
        save_month_notes(s, "2026-05", summary="A", problems="", plan="", expected_version=0)
    with pytest.raises(Conflict), db.begin(MANAGER) as s:
        save_month_notes(s, "2026-05", summary="B", problems="", plan="", expected_version=0)
    with db.begin(MANAGER) as s:
        assert month_notes(s, "2026-05").summary == "A"


def test_only_the_report_writers_may_save_and_texts_are_checked(db: Database) -> None:
    with pytest.raises(NotAllowed), db.begin(CLERK) as s:
        save_month_notes(s, "2026-05", summary="A", problems="", plan="", expected_version=0)
    with pytest.raises(ValidationError) as err, db.begin(MANAGER) as s:
        save_month_notes(
            s, "2026-05", summary="", problems="长" * (TEXT_LIMIT + 1), plan="", expected_version=0
        )
    assert err.value.field == "problems"
    with pytest.raises(ValidationError), db.begin(MANAGER) as s:
        save_month_notes(s, "2026-13", summary="", problems="", plan="", expected_version=0)
