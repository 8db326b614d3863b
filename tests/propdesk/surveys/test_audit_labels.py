"""The audit viewer names every column of the survey tables in Chinese (the draw's
exclusion counts included)."""

from __future__ import annotations

from propdesk.audit.labels import field_label
from propdesk.surveys import models


def test_every_survey_column_reads_in_chinese() -> None:
    tables = [
        cls.__table__
        for cls in vars(models).values()
        if isinstance(cls, type)
        and getattr(cls, "__module__", "") == models.__name__
        and hasattr(cls, "__table__")
    ]
    assert len(tables) >= 6
    missing = [
        f"{t.name}.{c.name}" for t in tables for c in t.columns if field_label(c.name) == c.name
    ]
    assert missing == []
    assert field_label("draw_no_phone") == "抽样排除：没有登记电话（户）"
