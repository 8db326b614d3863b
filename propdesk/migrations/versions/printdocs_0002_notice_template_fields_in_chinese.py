"""printdocs: notice template fields named in Chinese ({reason} → {停水原因}) in stored templates

Revision ID: printdocs_0002
Revises: printdocs_0001
Create Date: 2026-12-06 05:50:00

Data only. Each stored template's fields are keyed by their label and its title and body use
those names, as :func:`propdesk.reporting.notice_fields.chinese_field_names` does (copied here:
a migration must not change when the application code does). A field whose label is empty,
has spaces or braces, or is shared keeps its key. Downgrade leaves the Chinese names (they work
with the older code's fields too, except that its placeholder pattern was ASCII-only; the
English keys are not kept anywhere to restore them).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "printdocs_0002"
down_revision: str | Sequence[str] | None = "printdocs_0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_NAME = re.compile(r"[^{}\s]{1,20}")


def _renamed(
    title: str, body: str, fields: list[dict[str, Any]]
) -> tuple[str, str, list[dict[str, Any]]]:
    labels = [str(f.get("label") or "") for f in fields]
    out = []
    for field, label in zip(fields, labels, strict=True):
        key = str(field["key"])
        if _NAME.fullmatch(label) and labels.count(label) == 1 and key != label:
            title = title.replace("{" + key + "}", "{" + label + "}")
            body = body.replace("{" + key + "}", "{" + label + "}")
            key = label
        out.append({**field, "key": key})
    return title, body, out


def upgrade() -> None:
    conn = op.get_bind()
    table = sa.table(
        "notice_template",
        sa.column("id", sa.Integer),
        sa.column("title", sa.String),
        sa.column("body", sa.Text),
        sa.column("fields", sa.Text),
    )
    rows = conn.execute(sa.select(table.c.id, table.c.title, table.c.body, table.c.fields)).all()
    for row in rows:
        try:
            fields = json.loads(row.fields or "[]")
        except ValueError:
            continue  # a damaged definition is left for the manager to see
        title, body, renamed = _renamed(row.title, row.body, fields)
        if (title, body, renamed) != (row.title, row.body, fields):
            conn.execute(
                table.update()
                .where(table.c.id == row.id)
                .values(title=title, body=body, fields=json.dumps(renamed, ensure_ascii=False))
            )


def downgrade() -> None:
    pass
