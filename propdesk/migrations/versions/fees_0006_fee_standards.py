"""fees: fee standards (收费标准) — item category, vacant discount, rounding, catalogue,
the fixed kind, and rates scoped by building, unit type and floor range

Revision ID: fees_0006
Revises: fees_0004
Create Date: 2026-12-06 03:30:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "fees_0006"
down_revision: str | Sequence[str] | None = "fees_0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_OLD_KINDS = "'area', 'per_unit', 'parking', 'meter', 'one_off'"
_NEW_KINDS = "'area', 'per_unit', 'parking', 'meter', 'one_off', 'fixed'"


def _set_sqlite_kind_check(old: str, new: str) -> None:
    """Widen (or narrow) fee_item's kind CHECK on SQLite without rebuilding the table.

    fee_item is referenced by bill lines, rates and discount rules, so a batch copy would
    fail on a populated database with foreign keys on. Changing only a CHECK's text is one
    of the schema edits SQLite documents as safe through ``writable_schema`` (the stored
    rows keep their format); bumping ``schema_version`` makes every connection reload it.
    """
    conn = op.get_bind()
    conn.exec_driver_sql("PRAGMA writable_schema=ON")
    conn.execute(
        sa.text(
            "UPDATE sqlite_master SET sql = replace(sql, :old, :new) "
            "WHERE type = 'table' AND name = 'fee_item'"
        ),
        {"old": f"kind IN ({old})", "new": f"kind IN ({new})"},
    )
    version = int(conn.exec_driver_sql("PRAGMA schema_version").scalar_one())
    conn.exec_driver_sql(f"PRAGMA schema_version={version + 1}")
    conn.exec_driver_sql("PRAGMA writable_schema=OFF")


def upgrade() -> None:
    # Plain ADD COLUMN on fee_item (no batch copy: the table is referenced, see above).
    op.add_column(
        "fee_item", sa.Column("category", sa.String(length=20), server_default="", nullable=False)
    )
    op.add_column(
        "fee_item",
        sa.Column("vacant_discount_pct", sa.Integer(), server_default="0", nullable=False),
    )
    op.add_column(
        "fee_item",
        sa.Column("rounding", sa.String(length=10), server_default="fen", nullable=False),
    )
    op.add_column(
        "fee_item",
        sa.Column("in_catalogue", sa.Boolean(), server_default=sa.false(), nullable=False),
    )
    if op.get_bind().dialect.name == "sqlite":
        _set_sqlite_kind_check(_OLD_KINDS, _NEW_KINDS)
    else:
        op.drop_constraint(op.f("ck_fee_item_kind"), "fee_item", type_="check")
        op.create_check_constraint(op.f("ck_fee_item_kind"), "fee_item", f"kind IN ({_NEW_KINDS})")
    # fee_rate is referenced by nothing, so the SQLite batch copy is safe here.
    with op.batch_alter_table("fee_rate", schema=None) as batch_op:
        batch_op.add_column(sa.Column("building_id", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("unit_type", sa.String(length=20), server_default="", nullable=False)
        )
        batch_op.add_column(sa.Column("floor_from", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("floor_to", sa.Integer(), nullable=True))
        batch_op.drop_constraint(op.f("uq_fee_rate_item_id_effective_from"), type_="unique")
        batch_op.create_foreign_key(
            op.f("fk_fee_rate_building_id_building"),
            "building",
            ["building_id"],
            ["id"],
            ondelete="RESTRICT",
        )
        batch_op.create_index("ix_fee_rate_item", ["item_id", "effective_from"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("fee_rate", schema=None) as batch_op:
        batch_op.drop_index("ix_fee_rate_item")
        batch_op.drop_constraint(op.f("fk_fee_rate_building_id_building"), type_="foreignkey")
        batch_op.create_unique_constraint(
            op.f("uq_fee_rate_item_id_effective_from"), ["item_id", "effective_from"]
        )
        batch_op.drop_column("floor_to")
        batch_op.drop_column("floor_from")
        batch_op.drop_column("unit_type")
        batch_op.drop_column("building_id")
    if op.get_bind().dialect.name == "sqlite":
        _set_sqlite_kind_check(_NEW_KINDS, _OLD_KINDS)
    else:
        op.drop_constraint(op.f("ck_fee_item_kind"), "fee_item", type_="check")
        op.create_check_constraint(op.f("ck_fee_item_kind"), "fee_item", f"kind IN ({_OLD_KINDS})")
    with op.batch_alter_table("fee_item", schema=None) as batch_op:
        batch_op.drop_column("in_catalogue")
        batch_op.drop_column("rounding")
        batch_op.drop_column("vacant_discount_pct")
        batch_op.drop_column("category")
