"""Stop a desk whose personal-data key is not the database's, before it reads or writes.

Without this, a desk that made itself a new key (a new computer, a lost keyring) would store
phones and ID numbers that the other desks cannot decrypt, and ID-number hashes that never
match the existing ones (duplicates slip through). :func:`install` adds an ``after_begin``
listener to a session factory: the first transaction on an engine reads ``pii_key`` once;
every transaction compares it with this process's key id (a string comparison).
"""

from __future__ import annotations

from typing import Any
from weakref import WeakKeyDictionary

from sqlalchemy import Connection, Engine, event, inspect, select
from sqlalchemy.orm import Session, SessionTransaction, sessionmaker

from propdesk.pii import keys
from propdesk.pii.cipher import UndecryptableError
from propdesk.pii.models import PiiKeyRecord

_MARK = "_propdesk_pii_guard"
_stored: WeakKeyDictionary[Engine, str] = WeakKeyDictionary()

WRONG_KEY = (
    "这台电脑的个人信息密钥与数据库所用的不同，为免写入别的电脑读不出的身份证号和电话，"
    "已停止操作。请向管理员索取本数据库的密钥并安装（见 docs/security.md「个人信息密钥」）。"
)


def database_key_id(connection: Connection) -> str:
    """The key id recorded in the database (``""`` before the ``pii`` migrations)."""
    if not inspect(connection).has_table(PiiKeyRecord.__tablename__):
        return ""
    return connection.execute(select(PiiKeyRecord.key_id).limit(1)).scalar() or ""


def check(connection: Connection) -> None:
    """Raise :class:`UndecryptableError` when this process's key is not the database's."""
    engine = connection.engine
    stored = _stored.get(engine)
    if stored is None:
        stored = _stored[engine] = database_key_id(connection)
    if stored and stored != keys.current().key_id:
        raise UndecryptableError(WRONG_KEY)


def _after_begin(_session: Session, _transaction: SessionTransaction, connection: Any) -> None:
    check(connection)


def install(factory: sessionmaker[Session]) -> None:
    """Check the key at every transaction of ``factory``'s sessions (idempotent)."""
    if getattr(factory, _MARK, False):
        return
    event.listen(factory, "after_begin", _after_begin)
    setattr(factory, _MARK, True)
