"""Declarative base and mixins shared by every module's models.

Feature packages define their models in their own ``models.py`` on this
``Base``; ``propdesk.db.model_modules.MODEL_MODULES`` lists them so that
migrations and tests see every table.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from enum import StrEnum
from typing import Any, ClassVar

from sqlalchemy import Integer, MetaData
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

from propdesk import clock
from propdesk.db.types import UTCDateTime

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def one_of(column: str, values: Iterable[StrEnum], *, blank: bool = False) -> str:
    """The SQL of a check constraint: ``column`` holds one of ``values`` (an enum or some of
    its members), or ``''`` too when ``blank``."""
    allowed = [f"'{m.value}'" for m in values] + (["''"] if blank else [])
    return f"{column} IN (" + ", ".join(allowed) + ")"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UTCDateTime()}


class Versioned:
    """An editable record: a version counter guards against silent overwrites between desks.

    Services that save an edit compare the version the user started from with the
    stored one (raising :class:`propdesk.errors.Conflict`), and SQLAlchemy's version
    counter catches a race between that check and the UPDATE.
    """

    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    created_at: Mapped[datetime] = mapped_column(default=clock.column_now)
    updated_at: Mapped[datetime] = mapped_column(
        default=clock.column_now, onupdate=clock.column_now
    )

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, object]:
        return {"version_id_col": cls.version}
