"""desk patrols shift log parcels visitors

Revision ID: desk_0001
Revises: 0001_foundation
Create Date: 2026-11-23 19:00:12.678537
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import propdesk.db.types

revision: str = "desk_0001"
down_revision: str | Sequence[str] | None = "0001_foundation"
branch_labels: str | Sequence[str] | None = ("desk",)
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "desk_setting",
        sa.Column("key", sa.String(length=50), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_desk_setting")),
    )
    op.create_table(
        "patrol_route",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("description", sa.String(length=200), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("sort_key", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", propdesk.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", propdesk.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_patrol_route")),
        sa.UniqueConstraint("name", name=op.f("uq_patrol_route_name")),
    )
    op.create_table(
        "desk_shift",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("started_at", propdesk.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("started_by", sa.String(length=50), nullable=False),
        sa.Column("started_by_user_id", sa.Integer(), nullable=True),
        sa.Column("previous_id", sa.Integer(), nullable=True),
        sa.Column("closed_at", propdesk.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("closed_by", sa.String(length=50), nullable=False),
        sa.Column("handover_note", sa.Text(), nullable=False),
        sa.Column("acknowledged_at", propdesk.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("acknowledged_by", sa.String(length=50), nullable=False),
        sa.Column("acknowledged_by_user_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["acknowledged_by_user_id"],
            ["app_user.id"],
            name=op.f("fk_desk_shift_acknowledged_by_user_id_app_user"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["previous_id"],
            ["desk_shift.id"],
            name=op.f("fk_desk_shift_previous_id_desk_shift"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["started_by_user_id"],
            ["app_user.id"],
            name=op.f("fk_desk_shift_started_by_user_id_app_user"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_desk_shift")),
    )
    with op.batch_alter_table("desk_shift", schema=None) as batch_op:
        batch_op.create_index("ix_desk_shift_open", ["closed_at"], unique=False)

    op.create_table(
        "patrol",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("route_id", sa.Integer(), nullable=False),
        sa.Column("route_name", sa.String(length=50), nullable=False),
        sa.Column("local_day", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("started_at", propdesk.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("finished_at", propdesk.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("patroller", sa.String(length=50), nullable=False),
        sa.Column("by_user_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", propdesk.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", propdesk.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.CheckConstraint("status IN ('in_progress', 'finished')", name=op.f("ck_patrol_status")),
        sa.ForeignKeyConstraint(
            ["by_user_id"],
            ["app_user.id"],
            name=op.f("fk_patrol_by_user_id_app_user"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["route_id"],
            ["patrol_route.id"],
            name=op.f("fk_patrol_route_id_patrol_route"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_patrol")),
    )
    with op.batch_alter_table("patrol", schema=None) as batch_op:
        batch_op.create_index("ix_patrol_day", ["local_day", "id"], unique=False)
        batch_op.create_index("ix_patrol_status", ["status"], unique=False)

    op.create_table(
        "desk_handover_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("shift_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("ref_id", sa.Integer(), nullable=True),
        sa.Column("text", sa.String(length=300), nullable=False),
        sa.CheckConstraint(
            "kind IN ('ticket', 'key', 'parcel', 'anomaly', 'inspection', 'vacant', 'entry')",
            name=op.f("ck_desk_handover_item_kind"),
        ),
        sa.ForeignKeyConstraint(
            ["shift_id"],
            ["desk_shift.id"],
            name=op.f("fk_desk_handover_item_shift_id_desk_shift"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_desk_handover_item")),
    )
    with op.batch_alter_table("desk_handover_item", schema=None) as batch_op:
        batch_op.create_index("ix_desk_handover_item_shift", ["shift_id", "seq"], unique=False)

    op.create_table(
        "desk_parcel",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("carrier", sa.String(length=30), nullable=False),
        sa.Column("tracking_no", sa.String(length=40), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("recipient", sa.String(length=50), nullable=False),
        sa.Column("recipient_phone", sa.String(length=20), nullable=False),
        sa.Column("shelf", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("received_at", propdesk.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("received_by", sa.String(length=50), nullable=False),
        sa.Column("notified_at", propdesk.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("collected_at", propdesk.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("collected_by", sa.String(length=50), nullable=False),
        sa.Column("handed_by", sa.String(length=50), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", propdesk.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", propdesk.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "status IN ('waiting', 'collected', 'returned')", name=op.f("ck_desk_parcel_status")
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_desk_parcel_unit_id_unit"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_desk_parcel")),
    )
    with op.batch_alter_table("desk_parcel", schema=None) as batch_op:
        batch_op.create_index("ix_desk_parcel_status", ["status", "received_at"], unique=False)
        batch_op.create_index("ix_desk_parcel_tracking", ["tracking_no"], unique=False)
        batch_op.create_index("ix_desk_parcel_unit", ["unit_id", "received_at"], unique=False)

    op.create_table(
        "desk_shift_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("shift_id", sa.Integer(), nullable=False),
        sa.Column("at", propdesk.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("ticket_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("by_name", sa.String(length=50), nullable=False),
        sa.Column("carried_from_id", sa.Integer(), nullable=True),
        sa.Column("done_at", propdesk.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("done_by", sa.String(length=50), nullable=False),
        sa.CheckConstraint(
            "kind IN ('event', 'inquiry', 'incident', 'reminder')",
            name=op.f("ck_desk_shift_entry_kind"),
        ),
        sa.CheckConstraint(
            "status IN ('info', 'open', 'done', 'carried')", name=op.f("ck_desk_shift_entry_status")
        ),
        sa.ForeignKeyConstraint(
            ["carried_from_id"],
            ["desk_shift_entry.id"],
            name=op.f("fk_desk_shift_entry_carried_from_id_desk_shift_entry"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["shift_id"],
            ["desk_shift.id"],
            name=op.f("fk_desk_shift_entry_shift_id_desk_shift"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"],
            ["unit.id"],
            name=op.f("fk_desk_shift_entry_unit_id_unit"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_desk_shift_entry")),
    )
    with op.batch_alter_table("desk_shift_entry", schema=None) as batch_op:
        batch_op.create_index("ix_desk_shift_entry_shift", ["shift_id", "at"], unique=False)
        batch_op.create_index("ix_desk_shift_entry_status", ["status"], unique=False)

    op.create_table(
        "desk_visitor",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("purpose", sa.String(length=100), nullable=False),
        sa.Column("people", sa.Integer(), nullable=False),
        sa.Column("in_at", propdesk.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("out_at", propdesk.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("registered_by", sa.String(length=50), nullable=False),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_desk_visitor_unit_id_unit"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_desk_visitor")),
    )
    with op.batch_alter_table("desk_visitor", schema=None) as batch_op:
        batch_op.create_index("ix_desk_visitor_in", ["in_at"], unique=False)
        batch_op.create_index("ix_desk_visitor_unit", ["unit_id", "in_at"], unique=False)

    op.create_table(
        "patrol_checkpoint",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("route_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("area", sa.String(length=20), nullable=False),
        sa.Column("what_to_check", sa.String(length=300), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "area IN ('lobby', 'elevator', 'fire', 'garage', 'roof', 'plant', 'vacant', 'other')",
            name=op.f("ck_patrol_checkpoint_area"),
        ),
        sa.ForeignKeyConstraint(
            ["route_id"],
            ["patrol_route.id"],
            name=op.f("fk_patrol_checkpoint_route_id_patrol_route"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"],
            ["unit.id"],
            name=op.f("fk_patrol_checkpoint_unit_id_unit"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_patrol_checkpoint")),
    )
    with op.batch_alter_table("patrol_checkpoint", schema=None) as batch_op:
        batch_op.create_index("ix_patrol_checkpoint_route", ["route_id", "seq"], unique=False)

    op.create_table(
        "vacant_check",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("checked_on", sa.Date(), nullable=False),
        sa.Column("checked_at", propdesk.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("checked_by", sa.String(length=50), nullable=False),
        sa.Column("doors_windows_ok", sa.Boolean(), nullable=False),
        sa.Column("water_ok", sa.Boolean(), nullable=False),
        sa.Column("electricity_ok", sa.Boolean(), nullable=False),
        sa.Column("no_leaks", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_vacant_check_unit_id_unit"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vacant_check")),
    )
    with op.batch_alter_table("vacant_check", schema=None) as batch_op:
        batch_op.create_index("ix_vacant_check_unit", ["unit_id", "checked_on"], unique=False)

    op.create_table(
        "vacant_check_plan",
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("interval_days", sa.Integer(), nullable=False),
        sa.Column("last_checked", sa.Date(), nullable=True),
        sa.Column("next_due", sa.Date(), nullable=True),
        sa.CheckConstraint(
            "interval_days > 0", name=op.f("ck_vacant_check_plan_interval_positive")
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"],
            ["unit.id"],
            name=op.f("fk_vacant_check_plan_unit_id_unit"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("unit_id", name=op.f("pk_vacant_check_plan")),
    )
    with op.batch_alter_table("vacant_check_plan", schema=None) as batch_op:
        batch_op.create_index("ix_vacant_check_plan_due", ["next_due"], unique=False)

    op.create_table(
        "patrol_finding",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patrol_id", sa.Integer(), nullable=False),
        sa.Column("checkpoint_id", sa.Integer(), nullable=True),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("checkpoint_name", sa.String(length=50), nullable=False),
        sa.Column("what_to_check", sa.String(length=300), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("result", sa.String(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("photo_path", sa.String(length=400), nullable=False),
        sa.Column("checked_at", propdesk.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("ticket_id", sa.Integer(), nullable=True),
        sa.Column("resolved_at", propdesk.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("resolved_note", sa.String(length=200), nullable=False),
        sa.CheckConstraint(
            "result IN ('pending', 'normal', 'abnormal', 'missed')",
            name=op.f("ck_patrol_finding_result"),
        ),
        sa.ForeignKeyConstraint(
            ["checkpoint_id"],
            ["patrol_checkpoint.id"],
            name=op.f("fk_patrol_finding_checkpoint_id_patrol_checkpoint"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["patrol_id"],
            ["patrol.id"],
            name=op.f("fk_patrol_finding_patrol_id_patrol"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"],
            ["unit.id"],
            name=op.f("fk_patrol_finding_unit_id_unit"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_patrol_finding")),
        sa.UniqueConstraint("ticket_id", name=op.f("uq_patrol_finding_ticket_id")),
    )
    with op.batch_alter_table("patrol_finding", schema=None) as batch_op:
        batch_op.create_index("ix_patrol_finding_patrol", ["patrol_id", "seq"], unique=False)
        batch_op.create_index("ix_patrol_finding_result", ["result", "resolved_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("patrol_finding", schema=None) as batch_op:
        batch_op.drop_index("ix_patrol_finding_result")
        batch_op.drop_index("ix_patrol_finding_patrol")

    op.drop_table("patrol_finding")
    with op.batch_alter_table("vacant_check_plan", schema=None) as batch_op:
        batch_op.drop_index("ix_vacant_check_plan_due")

    op.drop_table("vacant_check_plan")
    with op.batch_alter_table("vacant_check", schema=None) as batch_op:
        batch_op.drop_index("ix_vacant_check_unit")

    op.drop_table("vacant_check")
    with op.batch_alter_table("patrol_checkpoint", schema=None) as batch_op:
        batch_op.drop_index("ix_patrol_checkpoint_route")

    op.drop_table("patrol_checkpoint")
    with op.batch_alter_table("desk_visitor", schema=None) as batch_op:
        batch_op.drop_index("ix_desk_visitor_unit")
        batch_op.drop_index("ix_desk_visitor_in")

    op.drop_table("desk_visitor")
    with op.batch_alter_table("desk_shift_entry", schema=None) as batch_op:
        batch_op.drop_index("ix_desk_shift_entry_status")
        batch_op.drop_index("ix_desk_shift_entry_shift")

    op.drop_table("desk_shift_entry")
    with op.batch_alter_table("desk_parcel", schema=None) as batch_op:
        batch_op.drop_index("ix_desk_parcel_unit")
        batch_op.drop_index("ix_desk_parcel_tracking")
        batch_op.drop_index("ix_desk_parcel_status")

    op.drop_table("desk_parcel")
    with op.batch_alter_table("desk_handover_item", schema=None) as batch_op:
        batch_op.drop_index("ix_desk_handover_item_shift")

    op.drop_table("desk_handover_item")
    with op.batch_alter_table("patrol", schema=None) as batch_op:
        batch_op.drop_index("ix_patrol_status")
        batch_op.drop_index("ix_patrol_day")

    op.drop_table("patrol")
    with op.batch_alter_table("desk_shift", schema=None) as batch_op:
        batch_op.drop_index("ix_desk_shift_open")

    op.drop_table("desk_shift")
    op.drop_table("patrol_route")
    op.drop_table("desk_setting")
