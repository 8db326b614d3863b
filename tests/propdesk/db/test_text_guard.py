"""Text that one database would store and the other refuse gets one clear message on both."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from propdesk.db.engine import Database
from propdesk.errors import ValidationError
from propdesk.reporting.models import PostedNotice


@pytest.mark.parametrize(
    ("title", "words"),
    [("停" * 101, "不能超过 100 个字"), ("停水\x00通知", "空字符")],
)
def test_too_long_or_nul_text_is_refused_the_same_on_both(
    db: Database, title: str, words: str
) -> None:
    with pytest.raises(ValidationError) as refused, db.begin() as s:
        s.add(PostedNotice(title=title, body="…", posted_on=date(2026, 6, 15)))
    assert words in refused.value.message
    assert refused.value.field == "title"
    with db.begin() as s:  # nothing half-saved
        assert s.scalar(select(func.count()).select_from(PostedNotice)) == 0


def test_text_within_the_limit_is_saved(db: Database) -> None:
    with db.begin() as s:
        s.add(PostedNotice(title="停" * 100, body="长" * 5000, posted_on=date(2026, 6, 15)))
    with db.begin() as s:
        assert s.scalar(select(func.count()).select_from(PostedNotice)) == 1
