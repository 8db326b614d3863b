"""A desk whose personal-data key is not the database's is stopped before it reads or writes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select

from propdesk.auth.actor import Actor
from propdesk.db.engine import Database, open_database
from propdesk.pii import keys
from propdesk.pii.cipher import UndecryptableError
from propdesk.pii.models import PiiKeyRecord
from propdesk.registry import services as reg


@pytest.fixture
def restore_key() -> Iterator[None]:
    yield
    keys.install(None)  # back to the test suite's key (PROPDESK_PII_KEY)


def test_the_database_records_its_key_id_not_the_key(sqlite_db: Database) -> None:
    with sqlite_db.begin() as s:
        stored = s.scalars(select(PiiKeyRecord.key_id)).all()
    assert stored == [keys.current().key_id]
    assert keys.current().encoded() not in stored[0]


def test_a_desk_with_another_key_writes_nothing(sqlite_db: Database, restore_key: None) -> None:
    keys.install(keys.PiiKey.generate("a new computer"))
    other_desk = open_database(sqlite_db.url)
    try:
        with pytest.raises(UndecryptableError, match="密钥"), other_desk.begin(Actor.system()) as s:
            reg.create_person(s, name="张三", phone="13812345678")
    finally:
        other_desk.dispose()
    keys.install(None)
    with sqlite_db.begin(Actor.system()) as s:
        reg.create_person(s, name="张三", phone="13812345678")  # the right key works
