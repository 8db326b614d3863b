"""calls: knowledge-base search terms (kb_term), filled for the entries already there

Revision ID: calls_0002
Revises: calls_0001
Create Date: 2026-12-06 05:45:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "calls_0002"
down_revision: str | Sequence[str] | None = "calls_0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "kb_term",
        sa.Column("term", sa.String(length=40), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["kb_entry.id"],
            name=op.f("fk_kb_term_entry_id_kb_entry"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("term", "entry_id", name=op.f("pk_kb_term")),
    )
    op.create_index("ix_kb_term_entry", "kb_term", ["entry_id"])
    from propdesk.calls.textkeys import index_terms

    conn = op.get_bind()
    rows = conn.execute(
        sa.text("SELECT id, question, tags, category, ticket_categories, answer FROM kb_entry")
    ).all()
    terms = [
        {"term": term, "entry_id": r.id}
        for r in rows
        for term in index_terms((r.question, r.tags, r.category, r.ticket_categories), (r.answer,))
    ]
    if terms:
        table = sa.table("kb_term", sa.column("term"), sa.column("entry_id"))
        op.bulk_insert(table, terms)


def downgrade() -> None:
    op.drop_table("kb_term")
