"""Board filters and counts, overdue, due soon, callback queue and record histories."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select

from propdesk.db.engine import Database
from propdesk.tickets import services as svc
from propdesk.tickets.models import Ticket
from propdesk.tickets.queries import (
    BoardFilter,
    board_conditions,
    board_counts,
    callback_queue,
    count_overdue,
    due_list,
    tickets_of_person,
    tickets_of_unit,
)
from tests.propdesk.tickets.helpers import CLERK, category_id, make_desk

T0 = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)  # Monday 10:00 local


def _setup(db: Database) -> dict[str, int]:
    desk = make_desk(db)
    plumbing = category_id(db, "repair", "plumbing")
    noise = category_id(db, "complaint", "noise")
    ids: dict[str, int] = {}
    with db.begin(CLERK) as s:

        def new(key: str, at: datetime, **kw: object) -> None:
            base = {
                "kind": "repair",
                "category_id": plumbing,
                "description": "水管漏水",
                "unit_id": desk.unit_id,
                "person_id": desk.person_id,
            }
            base.update(kw)
            ids[key] = svc.create_ticket(s, svc.Intake(**base), at=at).id  # type: ignore[arg-type]

        new("emergency", T0, urgency="emergency", description="水管爆裂，急")
        new("late_response", T0 - timedelta(days=2))
        new(
            "done",
            T0 - timedelta(days=1),
            description="灯不亮",
            unit_id=desk.unit2_id,
            person_id=None,
            reporter_name="王先生",
        )
        new(
            "complaint",
            T0 - timedelta(days=3),
            kind="complaint",
            category_id=noise,
            description="广场舞噪音",
        )
        svc.dispatch(s, ids["emergency"], staff_id=desk.plumber_id, at=T0)
        svc.dispatch(s, ids["done"], staff_id=desk.plumber_id, at=T0 - timedelta(days=1))
        svc.start(s, ids["done"], at=T0 - timedelta(hours=20))
        svc.complete(s, ids["done"], at=T0 - timedelta(hours=19))
    ids["plumber"] = desk.plumber_id
    ids["unit"], ids["unit2"], ids["person"] = desk.unit_id, desk.unit2_id, desk.person_id
    return ids


def _board(db: Database, f: BoardFilter, now: datetime) -> set[int]:
    with db.begin(CLERK) as s:
        stmt = select(Ticket.id).where(*board_conditions(f, now))
        return set(s.scalars(stmt))


def test_board_filters(db: Database) -> None:
    ids = _setup(db)
    now = T0 + timedelta(hours=1)
    assert _board(db, BoardFilter(kind="complaint"), now) == {ids["complaint"]}
    assert _board(db, BoardFilter(status="dispatched"), now) == {ids["emergency"]}
    assert _board(db, BoardFilter(status="open"), now) == {
        ids["emergency"],
        ids["late_response"],
        ids["complaint"],
    }
    assert _board(db, BoardFilter(assignee=f"s:{ids['plumber']}"), now) == {
        ids["emergency"],
        ids["done"],
    }
    assert _board(db, BoardFilter(assignee="d:security"), now) == {ids["complaint"]}
    assert _board(db, BoardFilter(text="爆裂"), now) == {ids["emergency"]}
    assert _board(db, BoardFilter(text="王先"), now) == {ids["done"]}
    assert _board(db, BoardFilter(text="3-1-"), now) == {ids["done"]}
    assert _board(db, BoardFilter(text="ts2026"), now) == {ids["complaint"]}
    assert _board(db, BoardFilter(text="100%"), now) == set()
    # Local-date range: 20 Nov local is the complaint's intake day only.
    assert _board(
        db, BoardFilter(date_from=date(2026, 11, 20), date_to=date(2026, 11, 20)), now
    ) == {ids["complaint"]}
    # Responses due 24 h (repair) and 48 h (complaint) after intake, never started → overdue.
    assert _board(db, BoardFilter(overdue=True), now) == {ids["late_response"], ids["complaint"]}


def test_counts_and_overdue_status_bar(db: Database) -> None:
    ids = _setup(db)
    with db.begin(CLERK) as s:
        counts = board_counts(s, BoardFilter(), now=T0 + timedelta(hours=1))
        assert counts.by_status == {"received": 2, "dispatched": 1, "done": 1}
        assert counts.total == 4
        assert counts.overdue == 2
        # After 3 hours the emergency (response 2 h, not started) is overdue too.
        assert count_overdue(s, now=T0 + timedelta(hours=3)) == 3
        svc.start(s, ids["emergency"], at=T0 + timedelta(minutes=30))
        assert count_overdue(s, now=T0 + timedelta(hours=3)) == 2
        assert (
            board_counts(s, BoardFilter(kind="repair"), now=T0 + timedelta(hours=1)).by_status.get(
                "done"
            )
            == 1
        )


def test_due_list_callback_queue_and_histories(db: Database) -> None:
    ids = _setup(db)
    with db.begin(CLERK) as s:
        due = due_list(s, now=T0 + timedelta(hours=1))
        assert {r.id for r in due if r.overdue} == {ids["late_response"], ids["complaint"]}
        assert [r.overdue for r in due] == sorted((r.overdue for r in due), reverse=True)
        assert ids["emergency"] in {r.id for r in due}  # due within 24 h
        assert ids["done"] not in {r.id for r in due}
        queue = callback_queue(s)
        assert [r.id for r in queue] == [ids["done"]]
        assert queue[0].assignee == "刘师傅"
        unit_rows = tickets_of_unit(s, ids["unit"])
        assert [r.id for r in unit_rows] == [
            ids["emergency"],
            ids["late_response"],
            ids["complaint"],
        ]
        assert {r.id for r in tickets_of_person(s, ids["person"])} == {
            ids["emergency"],
            ids["late_response"],
            ids["complaint"],
        }
        assert [r.unit_code for r in tickets_of_unit(s, ids["unit2"])] == ["3-1-0301"]


def test_text_filter_kinds(db: Database) -> None:
    """Unit code prefix, ticket number prefix, or any text in number/unit/reporter/place/description."""
    ids = _setup(db)
    now = T0 + timedelta(hours=1)
    assert _board(db, BoardFilter(text="3-2-"), now) == {
        ids["emergency"],
        ids["late_response"],
        ids["complaint"],
    }
    assert _board(db, BoardFilter(text="BX20261122"), now) == {ids["done"]}
    assert _board(db, BoardFilter(text="bx20261123-0001"), now) == {ids["emergency"]}
    assert _board(db, BoardFilter(text="0301"), now) == {ids["done"]}  # unit code inside the text
    assert _board(db, BoardFilter(text="广场舞"), now) == {ids["complaint"]}
    assert (
        _board(db, BoardFilter(text="TS2026%"), now) == set()
    )  # not a plain prefix: text, no match


def test_number_prefix_uses_kind_and_date(db: Database) -> None:
    ids = _setup(db)
    now = T0 + timedelta(hours=1)
    assert _board(db, BoardFilter(text="BX2026"), now) == {
        ids["emergency"],
        ids["late_response"],
        ids["done"],
    }
    assert _board(db, BoardFilter(text="BX202611"), now) == {
        ids["emergency"],
        ids["late_response"],
        ids["done"],
    }
    assert _board(db, BoardFilter(text="BX2025"), now) == set()
    assert _board(db, BoardFilter(text="TS20261120-0001"), now) == {ids["complaint"]}
    assert _board(db, BoardFilter(text="TS20261120-0002"), now) == set()
    assert _board(db, BoardFilter(text="QQ2026"), now) == set()
    assert _board(db, BoardFilter(text="BX20261399"), now) == set()  # not a date
