"""The same text limits on SQLite and PostgreSQL, for every service.

SQLite stores a 10 kB building name or a NUL byte; PostgreSQL refuses them with a raw
``DataError``. Services check their own fields with :func:`propdesk.validate.clean_text` and
a message naming the field; this guard, run before every flush, catches whatever a service
did not check, so the answer is a clear :class:`~propdesk.errors.ValidationError` on both
databases, never a database error.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import String, event, inspect
from sqlalchemy.orm import Session, sessionmaker

from propdesk.errors import ValidationError
from propdesk.validate import TEXT_LIMIT


def check_text(obj: object) -> None:
    """Refuse a NUL byte or a text longer than its column holds, on one model instance."""
    mapper = inspect(obj.__class__)
    for column in mapper.columns:
        if not isinstance(column.type, String):
            continue
        attr = mapper.get_property_by_column(column).key
        value: Any = getattr(obj, attr, None)
        if not isinstance(value, str):
            continue
        if "\x00" in value:
            raise ValidationError(attr, "内容含有无法保存的空字符（\\0），请删除后重新输入。")
        limit = column.type.length or TEXT_LIMIT
        if len(value) > limit:
            raise ValidationError(
                attr, f"内容过长：不能超过 {limit} 个字（现在 {len(value)} 个字）。"
            )


def install(factory: sessionmaker[Session]) -> None:
    """Check every new or changed row's text before each flush of ``factory``'s sessions."""

    @event.listens_for(factory, "before_flush")
    def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
        for obj in (*session.new, *session.dirty):
            check_text(obj)
