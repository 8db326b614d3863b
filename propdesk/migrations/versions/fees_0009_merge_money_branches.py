"""fees: one head again after the money changes made side by side

Idempotency keys (fees_0005), fee standards (fees_0006), period and daily close (fees_0007)
and billing-run reversal (fees_0008) were each written on fees_0004; this revision joins
them so ``fees@head`` names one revision for the next change.

Revision ID: fees_0009
Revises: fees_0005, fees_0006, fees_0007, fees_0008
Create Date: 2026-12-06 03:40:00
"""

from __future__ import annotations

from collections.abc import Sequence

revision: str = "fees_0009"
down_revision: str | Sequence[str] | None = ("fees_0005", "fees_0006", "fees_0007", "fees_0008")
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
