"""calls: the caller's number encrypted at rest, found by its lookup hash

``call_record.number`` held the caller's digits in clear; it is now encrypted like every
other phone (purpose ``call_record.number``) and found through ``number_hmac`` (the same
``phone`` lookup hash as ``person.phone_hmac``, so a number matches a resident's). The last
four digits stay in clear in ``number_tail`` for the list and the tail lookup, as
``person.phone_tail`` does. Downgrade decrypts (the key is needed both ways).

Revision ID: calls_0003
Revises: calls_0002
Create Date: 2026-12-06 11:20:00
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

from propdesk.pii import keys
from propdesk.pii.cipher import decrypt, encrypt, is_ciphertext
from propdesk.pii.index import phone_hmac

revision: str = "calls_0003"
down_revision: str | Sequence[str] | None = "calls_0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PURPOSE = "call_record.number"
BATCH = 1000


def _rewrite(encrypting: bool) -> None:
    conn = op.get_bind()
    t = sa.table("call_record", sa.column("id"), sa.column("number"), sa.column("number_hmac"))
    key = keys.current()
    values: dict[str, Any] = {"number": sa.bindparam("v_number")}
    if encrypting:
        values["number_hmac"] = sa.bindparam("v_hmac")
    stmt = sa.update(t).where(t.c.id == sa.bindparam("row_id")).values(values)
    last = 0
    while True:
        rows = conn.execute(
            sa.select(t.c.id, t.c.number)
            .where(t.c.id > last, t.c.number != "")
            .order_by(t.c.id)
            .limit(BATCH)
        ).all()
        if not rows:
            return
        params = []
        for row in rows:
            value = row.number
            if encrypting:
                plain = decrypt(key, value, PURPOSE) if is_ciphertext(value) else value
                params.append(
                    {
                        "row_id": row.id,
                        "v_number": encrypt(key, plain, PURPOSE),
                        "v_hmac": phone_hmac(plain),
                    }
                )
            else:
                plain = decrypt(key, value, PURPOSE) if is_ciphertext(value) else value
                params.append({"row_id": row.id, "v_number": plain})
        conn.execute(stmt, params)
        last = rows[-1].id


def upgrade() -> None:
    with op.batch_alter_table("call_record", schema=None) as batch_op:
        batch_op.drop_index("ix_call_record_number")
        batch_op.add_column(
            sa.Column("number_hmac", sa.String(length=32), server_default="", nullable=False)
        )
    if op.get_bind().dialect.name != "sqlite":
        op.alter_column(
            "call_record", "number", type_=sa.String(), existing_type=sa.String(length=20)
        )
    _rewrite(encrypting=True)
    with op.batch_alter_table("call_record", schema=None) as batch_op:
        batch_op.create_index("ix_call_record_number_hmac", ["number_hmac", "at"], unique=False)


def downgrade() -> None:
    _rewrite(encrypting=False)
    with op.batch_alter_table("call_record", schema=None) as batch_op:
        batch_op.drop_index("ix_call_record_number_hmac")
        batch_op.drop_column("number_hmac")
    if op.get_bind().dialect.name != "sqlite":
        op.alter_column(
            "call_record", "number", type_=sa.String(length=20), existing_type=sa.String()
        )
    with op.batch_alter_table("call_record", schema=None) as batch_op:
        batch_op.create_index("ix_call_record_number", ["number", "at"], unique=False)
