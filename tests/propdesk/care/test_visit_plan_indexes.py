"""The overdue-visits count (desk overview) seeks the new households through an index
instead of scanning every occupancy: SQLite's query plan of the statement it runs, and the
migration that adds the index (care_0003) up and down on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

from alembic import command
from sqlalchemy import event, inspect

from propdesk.auth.actor import Actor, Role
from propdesk.care.visit_plan import count_overdue_visits
from propdesk.db.engine import Database
from propdesk.db.migrate import alembic_config

CLERK = Actor(user_id=None, username="wang", display_name="王前台", role=Role.CLERK)


def test_the_new_household_count_seeks_by_index(sqlite_db: Database) -> None:
    ran: list[tuple[str, Any]] = []

    def grab(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        ran.append((statement, parameters))

    event.listen(sqlite_db.engine, "before_cursor_execute", grab)
    try:
        with sqlite_db.begin(CLERK) as s:
            count_overdue_visits(s)
    finally:
        event.remove(sqlite_db.engine, "before_cursor_execute", grab)
    ((sql, params),) = [(q, p) for q, p in ran if "new_household" in q]
    with sqlite_db.engine.connect() as conn:
        plan = [str(r[3]) for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, params)]
    on_occupancy = [step for step in plan if " occupancy " in f"{step} "]
    assert on_occupancy == [
        "SEARCH occupancy USING COVERING INDEX ix_occupancy_current_start "
        "(end_date=? AND role=? AND start_date>? AND start_date<?)"
    ], plan


def test_care_0003_adds_the_index_and_its_downgrade_drops_it(db: Database) -> None:
    def indexes() -> set[str]:
        return {str(i["name"]) for i in inspect(db.engine).get_indexes("occupancy")}

    assert "ix_occupancy_current_start" in indexes()
    command.downgrade(alembic_config(db.engine), "care_0002")
    try:
        assert "ix_occupancy_current_start" not in indexes()
    finally:
        command.upgrade(alembic_config(db.engine), "heads")
    assert "ix_occupancy_current_start" in indexes()


def test_care_0004_adds_who_reviewed_and_its_downgrade_drops_it(db: Database) -> None:
    def columns() -> set[str]:
        return {str(c["name"]) for c in inspect(db.engine).get_columns("care_flag")}

    assert {"reviewed_at", "reviewed_by"} <= columns()
    command.downgrade(alembic_config(db.engine), "care_0003")
    try:
        assert not {"reviewed_at", "reviewed_by"} & columns()
    finally:
        command.upgrade(alembic_config(db.engine), "heads")
    assert {"reviewed_at", "reviewed_by"} <= columns()
