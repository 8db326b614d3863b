"""calls_0003 encrypts the callers' numbers already logged in clear, fills their lookup hash,
and its downgrade gives the clear numbers back."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import select, text

from propdesk.calls.models import CallRecord
from propdesk.db.engine import make_engine, open_database
from propdesk.db.migrate import alembic_config
from propdesk.pii.index import phone_hmac

STAMP = "'2026-01-01 08:00:00'"


def test_clear_numbers_are_encrypted_and_found_again(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'calls.sqlite3'}"
    engine = make_engine(url)
    command.upgrade(alembic_config(engine), "calls_0002")
    command.upgrade(alembic_config(engine), "heads")  # every other branch, then back
    command.downgrade(alembic_config(engine), "calls_0002")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO call_record (id, direction, state, at, number, number_tail, "
                "caller_name, topic, summary, outcome, transfer_to, transfer_ext, clerk_name, "
                f"created_at) VALUES (1, 'in', 'logged', {STAMP}, '13812345678', '5678', '张三', "
                "'consultation', '问停车', 'answered', '', '', '王前台', "
                f"{STAMP})"
            )
        )
    command.upgrade(alembic_config(engine), "heads")
    with engine.connect() as conn:
        raw = conn.execute(text("SELECT number, number_hmac FROM call_record")).one()
    assert raw.number.startswith("v1:")
    assert raw.number_hmac == phone_hmac("13812345678")
    engine.dispose()
    database = open_database(url)
    try:
        with database.begin() as s:
            found = s.scalars(
                select(CallRecord.number).where(
                    CallRecord.number_hmac == phone_hmac("138 1234 5678")
                )
            ).all()
        assert found == ["13812345678"]
    finally:
        database.dispose()
    engine = make_engine(url)
    try:
        command.downgrade(alembic_config(engine), "calls_0002")
        with engine.connect() as conn:
            assert (
                conn.execute(text("SELECT number FROM call_record")).scalar_one() == "13812345678"
            )
    finally:
        engine.dispose()
