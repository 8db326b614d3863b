"""surveys: how the sample was drawn

The draw keeps its figures on the campaign (households left out as vacant, nobody living
there, no phone, surveyed within the rotation months; eligible; drawn), so the campaign list
can still say them after occupancy, phones and later campaigns have changed. Campaigns drawn
before this have NULL (the screens say the figures were not kept).

Revision ID: surveys_0003
Revises: surveys_0002
Create Date: 2026-12-06 22:44:21.726999
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "surveys_0003"
down_revision: str | Sequence[str] | None = "surveys_0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = (
    "draw_vacant",
    "draw_no_occupant",
    "draw_no_phone",
    "draw_recently_surveyed",
    "draw_eligible",
    "draw_drawn",
)


def upgrade() -> None:
    # Plain ADD COLUMN (no batch copy): survey_campaign is referenced by samples, responses
    # and answers, and rebuilding it on SQLite would put a database that holds them at risk.
    for name in COLUMNS:
        op.add_column("survey_campaign", sa.Column(name, sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("survey_campaign", schema=None) as batch_op:
        for name in reversed(COLUMNS):
            batch_op.drop_column(name)
