"""surveys: a campaign can be a community activity's feedback questionnaire

``survey_campaign.activity_id`` (nullable, references ``activity``): the campaign collects
the feedback of that activity from the households that attended it. A unique index keeps
one feedback questionnaire per activity. NULL for every satisfaction survey.

Revision ID: surveys_0004
Revises: surveys_0003
Create Date: 2026-12-06 23:35:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "surveys_0004"
down_revision: str | Sequence[str] | None = "surveys_0003"
branch_labels: str | Sequence[str] | None = None
# the activity table comes from the activities branch
depends_on: str | Sequence[str] | None = ("activities_0001",)

FK = "fk_survey_campaign_activity_id_activity"
INDEX = "ix_survey_campaign_activity"


def upgrade() -> None:
    # Plain ADD COLUMN (no batch copy): survey_campaign is referenced by samples, responses
    # and answers, and rebuilding it on SQLite would put a database that holds them at risk.
    # SQLite takes the foreign key in the ADD COLUMN itself, PostgreSQL as a constraint.
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "ALTER TABLE survey_campaign ADD COLUMN activity_id INTEGER "
            f"CONSTRAINT {FK} REFERENCES activity (id)"
        )
    else:
        op.add_column("survey_campaign", sa.Column("activity_id", sa.Integer(), nullable=True))
        op.create_foreign_key(FK, "survey_campaign", "activity", ["activity_id"], ["id"])
    op.create_index(INDEX, "survey_campaign", ["activity_id"], unique=True)


def downgrade() -> None:
    op.drop_index(INDEX, table_name="survey_campaign")
    if op.get_bind().dialect.name == "sqlite":
        # SQLite (3.35+) drops a column in place unless a constraint names it; the inline
        # REFERENCES does, so this one column goes by a batch copy.
        with op.batch_alter_table("survey_campaign", schema=None) as batch_op:
            batch_op.drop_column("activity_id")
    else:
        op.drop_constraint(FK, "survey_campaign", type_="foreignkey")
        op.drop_column("survey_campaign", "activity_id")
