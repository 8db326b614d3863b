"""Merge point before the security, documents and new desk modules (issues 14-20)

Every feature branch that existed when this wave started ends here, so each new branch of the
wave starts from one revision (``down_revision = "wave_0001"``) and needs no ``depends_on``:
Alembic mishandles a branch rooted at ``0001_foundation`` that also depends on later heads.

Revision ID: wave_0001
Revises: fees_0009, deposits_0001, occupancy_0003, desk_0001, notices_0001, registry_0001,
    tickets_0004
"""

from __future__ import annotations

from collections.abc import Sequence

revision: str = "wave_0001"
down_revision: str | Sequence[str] | None = (
    "fees_0009",
    "deposits_0001",
    "occupancy_0003",
    "desk_0001",
    "notices_0001",
    "registry_0001",
    "tickets_0004",
)
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
