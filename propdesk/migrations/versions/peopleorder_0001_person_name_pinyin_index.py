"""peopleorder: index people by pinyin, the people list's default order and tie-break and tie-break

Revision ID: peopleorder_0001
Revises: wave_0001
Create Date: 2026-12-06 11:20:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "peopleorder_0001"
down_revision: str | Sequence[str] | None = "wave_0001"
branch_labels: str | Sequence[str] | None = ("peopleorder",)
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_person_name_pinyin", "person", ["name_pinyin", "name", "id"], unique=False)
    # Sorting by unit breaks ties by pinyin now: the two unit-sort indexes follow.
    op.drop_index("ix_person_unit_sort", table_name="person")
    op.drop_index("ix_person_unit_sort_desc", table_name="person")
    op.create_index("ix_person_unit_sort", "person", ["unit_sort", "name_pinyin", "name"])
    op.create_index(
        "ix_person_unit_sort_desc",
        "person",
        [sa.literal_column("unit_sort DESC"), "name_pinyin", "name"],
    )


def downgrade() -> None:
    op.drop_index("ix_person_unit_sort_desc", table_name="person")
    op.drop_index("ix_person_unit_sort", table_name="person")
    op.create_index("ix_person_unit_sort", "person", ["unit_sort", "name"])
    op.create_index(
        "ix_person_unit_sort_desc", "person", [sa.literal_column("unit_sort DESC"), "name"]
    )
    op.drop_index("ix_person_name_pinyin", table_name="person")
