"""Writing hundreds of thousands of fee rows at once (the demo's year of bills).

:func:`insert_rows` takes rows as tuples in a fixed column order. On SQLite it converts
each distinct value once with the column type's own bind processor for the dialect
(a date used 50,000 times is converted once) and hands the tuples to the driver's
``executemany`` on the session's connection, in the caller's transaction; elsewhere it
is a plain Core ``insert``. Either way the audit trail gets one summary row
(``bulk_insert`` with the row count and a note). Every column the table needs must be
given (values hashable): Python-side column defaults are not applied on the SQLite path.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, cast

from sqlalchemy import Table, insert
from sqlalchemy.orm import Session

from propdesk.audit.trail import record_bulk
from propdesk.models_base import Base


def insert_rows(
    session: Session,
    model: type[Base],
    columns: Sequence[str],
    rows: Sequence[tuple[Any, ...]],
    note: str,
) -> None:
    """Insert ``rows`` (tuples in ``columns`` order) into ``model``'s table in one go."""
    if not rows:
        return
    table = cast(Table, model.__table__)
    conn = session.connection()
    dialect = conn.dialect
    if dialect.name != "sqlite":
        session.execute(
            insert(table).execution_options(audit_note=note),
            [dict(zip(columns, row, strict=True)) for row in rows],
        )
        return
    converters: list[tuple[int, Callable[[Any], Any]]] = []
    for i, name in enumerate(columns):
        process = table.c[name].type.dialect_impl(dialect).bind_processor(dialect)
        if process is not None:
            converters.append((i, _converter(process, {row[i] for row in rows})))
    params: list[tuple[Any, ...]] = list(rows)
    if converters:
        params = []
        for row in rows:
            values = list(row)
            for i, convert in converters:
                values[i] = convert(values[i])
            params.append(tuple(values))
    names = ", ".join(dialect.identifier_preparer.quote(name) for name in columns)
    marks = ", ".join("?" for _ in columns)
    quoted = dialect.identifier_preparer.format_table(table)
    conn.exec_driver_sql(f"INSERT INTO {quoted} ({names}) VALUES ({marks})", params)
    record_bulk(session, table.name, len(rows), note)


def _converter(process: Callable[[Any], Any], distinct: set[Any]) -> Callable[[Any], Any]:
    """``process`` as a lookup of its result for each of the column's ``distinct`` values
    (dates, times and flags repeat a lot in bulk rows)."""
    return {value: None if value is None else process(value) for value in distinct}.__getitem__


@contextmanager
def roomy_cache(session: Session, kib: int = 65_536) -> Iterator[None]:
    """On SQLite, a bigger page cache (``kib`` KiB) while large indexed tables are
    written, so index pages stay in memory; the connection's own size is restored after."""
    conn = session.connection()
    if conn.dialect.name != "sqlite":
        yield
        return
    before = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    conn.exec_driver_sql(f"PRAGMA cache_size=-{int(kib)}")
    try:
        yield
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size={int(before or -2000)}")
