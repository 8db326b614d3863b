"""pii: ID numbers and phones encrypted at rest, lookup hashes beside a person's (PIPL art. 51)

Existing clear values are encrypted in place with the desk's personal-data key
(:mod:`propdesk.pii.keys`, made on first use); person rows get their lookup columns
(``phone_hmac``, ``phone_tail_hmac``, ``phone_tail``, ``id_number_hmac``). No table is
rebuilt: on SQLite the declared VARCHAR length is not enforced and stays; on PostgreSQL the
columns become unbounded VARCHAR. Downgrade decrypts (the key is needed both ways).

Revision ID: pii_0001
Revises: wave_0001
Create Date: 2026-12-06 05:40:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from propdesk.pii import keys
from propdesk.pii.cipher import decrypt, encrypt, is_ciphertext
from propdesk.pii.index import person_lookup

revision: str = "pii_0001"
down_revision: str | Sequence[str] | None = "wave_0001"
branch_labels: str | Sequence[str] | None = ("pii",)
depends_on: str | Sequence[str] | None = None

# (table, column, length in clear): every personal column, encrypted with purpose "table.column".
ENCRYPTED = (
    ("person", "phone", 20),
    ("person", "phone2", 20),
    ("person", "id_number", 18),
    ("person", "emergency_phone", 20),
    ("ticket", "reporter_phone", 20),
    ("ticket_staff", "phone", 20),
    ("key_deposit", "phone", 20),
    ("key_loan", "borrower_phone", 20),
    ("desk_parcel", "recipient_phone", 20),
    ("desk_visitor", "phone", 20),
    ("moving_appointment", "contact_phone", 20),
    ("renovation_permit", "owner_phone", 20),
    ("renovation_permit", "contractor_phone", 20),
    ("renovation_worker", "phone", 20),
)
LOOKUP = ("phone_hmac", "phone_tail_hmac", "phone_tail", "id_number_hmac")
BATCH = 1000


def _columns_of(table: str) -> list[str]:
    return [c for t, c, _n in ENCRYPTED if t == table]


def _tables() -> list[str]:
    return list(dict.fromkeys(t for t, _c, _n in ENCRYPTED))


def _rewrite(table: str, encrypting: bool) -> None:
    """Encrypt (or decrypt) every value of ``table``'s personal columns, in batches by id."""
    conn = op.get_bind()
    cols = _columns_of(table)
    extra = list(LOOKUP) if table == "person" and encrypting else []
    t = sa.table(table, sa.column("id"), *(sa.column(c) for c in (*cols, *extra)))
    key = keys.current()
    stmt = (
        sa.update(t)
        .where(t.c.id == sa.bindparam("row_id"))
        .values({c: sa.bindparam(f"v_{c}") for c in (*cols, *extra)})
    )
    last = 0
    while True:
        rows = conn.execute(
            sa.select(t.c.id, *(t.c[c] for c in cols))
            .where(t.c.id > last)
            .order_by(t.c.id)
            .limit(BATCH)
        ).all()
        if not rows:
            return
        params = []
        for row in rows:
            values: dict[str, object] = {"row_id": row.id}
            clear: dict[str, str | None] = {}
            for c in cols:
                value = row._mapping[c]
                purpose = f"{table}.{c}"
                if value and encrypting:
                    plain = decrypt(key, value, purpose) if is_ciphertext(value) else value
                    clear[c] = plain
                    value = value if is_ciphertext(value) else encrypt(key, value, purpose)
                elif value and is_ciphertext(value):
                    value = decrypt(key, value, purpose)
                else:
                    clear[c] = value
                values[f"v_{c}"] = value
            if extra:
                lookup = person_lookup(clear.get("phone"), clear.get("id_number"))
                values.update({f"v_{c}": lookup[c] for c in extra})
            params.append(values)
        conn.execute(stmt, params)
        last = rows[-1].id


def upgrade() -> None:
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_index("ix_person_phone")
        batch_op.add_column(
            sa.Column("phone_hmac", sa.String(length=32), server_default="", nullable=False)
        )
        batch_op.add_column(
            sa.Column("phone_tail_hmac", sa.String(length=32), server_default="", nullable=False)
        )
        batch_op.add_column(
            sa.Column("phone_tail", sa.String(length=4), server_default="", nullable=False)
        )
        batch_op.add_column(sa.Column("id_number_hmac", sa.String(length=32), nullable=True))
    if op.get_bind().dialect.name != "sqlite":
        for table, column, length in ENCRYPTED:
            op.alter_column(
                table, column, type_=sa.String(), existing_type=sa.String(length=length)
            )
    for table in _tables():
        _rewrite(table, encrypting=True)
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.create_index("ix_person_phone_hmac", ["phone_hmac"], unique=False)
        batch_op.create_index("ix_person_phone_tail_hmac", ["phone_tail_hmac"], unique=False)
        batch_op.create_index("ix_person_id_number_hmac", ["id_number_hmac"], unique=True)


def downgrade() -> None:
    for table in _tables():
        _rewrite(table, encrypting=False)
    if op.get_bind().dialect.name != "sqlite":
        for table, column, length in ENCRYPTED:
            op.alter_column(
                table, column, type_=sa.String(length=length), existing_type=sa.String()
            )
    # No batch rebuild: dropping and recreating ``person`` fails on SQLite while occupancies
    # reference it. Plain DROP COLUMN (SQLite >= 3.35) once the columns' indexes are gone.
    op.drop_index("ix_person_id_number_hmac", table_name="person")
    op.drop_index("ix_person_phone_tail_hmac", table_name="person")
    op.drop_index("ix_person_phone_hmac", table_name="person")
    for column in ("id_number_hmac", "phone_tail", "phone_tail_hmac", "phone_hmac"):
        op.execute(f"ALTER TABLE person DROP COLUMN {column}")
    op.create_index("ix_person_phone", "person", ["phone"], unique=False)
