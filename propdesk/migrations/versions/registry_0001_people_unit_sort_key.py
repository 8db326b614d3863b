"""people unit sort key

Revision ID: registry_0001
Revises: 0001_foundation
Create Date: 2026-11-23 19:42:40.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "registry_0001"
down_revision: str | Sequence[str] | None = "0001_foundation"
branch_labels: str | Sequence[str] | None = ("registry",)
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("unit_sort", sa.String(length=30), server_default="", nullable=False)
        )
        batch_op.create_index("ix_person_unit_sort", ["unit_sort", "name"], unique=False)
        batch_op.create_index(
            "ix_person_unit_sort_desc",
            [sa.literal_column("unit_sort DESC"), "name"],
            unique=False,
        )
    # Existing people: the lowest current unit code (as propdesk.registry.unit_sort keeps it).
    op.execute(
        "UPDATE person SET unit_sort = coalesce((SELECT min(unit.code) FROM occupancy "
        "JOIN unit ON unit.id = occupancy.unit_id WHERE occupancy.person_id = person.id "
        "AND occupancy.end_date IS NULL), '')"
    )


def downgrade() -> None:
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_index("ix_person_unit_sort_desc")
        batch_op.drop_index("ix_person_unit_sort")
        batch_op.drop_column("unit_sort")
