"""household: find a plate by its end, typed without the province

``household_vehicle.plate_tail_rev``: the active plate without its province character,
reversed (``粤C7VGV9`` → ``9VGV7C``; NULL once the vehicle is removed), with an index, so
the global search finds ``C7VGV9`` or ``7VGV9`` by an index range. Existing vehicles are
filled in here (SQLite has no ``reverse()``: done in Python, in batches).

Revision ID: household_0002
Revises: household_0001
Create Date: 2026-12-07 02:20:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "household_0002"
down_revision: str | Sequence[str] | None = "household_0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BATCH = 1000


def upgrade() -> None:
    # Plain ADD COLUMN (no batch copy of the table on SQLite).
    op.add_column(
        "household_vehicle", sa.Column("plate_tail_rev", sa.String(length=10), nullable=True)
    )
    op.create_index("ix_household_vehicle_plate_tail_rev", "household_vehicle", ["plate_tail_rev"])
    conn = op.get_bind()
    vehicle = sa.table(
        "household_vehicle",
        sa.column("id", sa.Integer()),
        sa.column("active_plate", sa.String()),
        sa.column("plate_tail_rev", sa.String()),
    )
    rows = conn.execute(
        sa.select(vehicle.c.id, vehicle.c.active_plate).where(vehicle.c.active_plate.is_not(None))
    ).all()
    update = (
        sa.update(vehicle)
        .where(vehicle.c.id == sa.bindparam("vid"))
        .values(plate_tail_rev=sa.bindparam("key"))
    )
    params = [{"vid": r.id, "key": str(r.active_plate)[1:][::-1]} for r in rows]
    for i in range(0, len(params), _BATCH):
        conn.execute(update, params[i : i + _BATCH])


def downgrade() -> None:
    op.drop_index("ix_household_vehicle_plate_tail_rev", table_name="household_vehicle")
    with op.batch_alter_table("household_vehicle", schema=None) as batch_op:
        batch_op.drop_column("plate_tail_rev")
