"""The SQL table model: batches, SQL sorting, filtering, row ids and colour hooks."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTableView
from sqlalchemy import Row, insert, select

from propdesk.db.engine import Database
from propdesk.registry.models import Person
from tests.ui.helpers import captured_selects
from ui.common.sql_table_model import RIGHT, SqlColumn, SqlTableModel
from ui.common.table_view import RecordTableView

N = 2_500


@pytest.fixture
def people_db(sqlite_db: Database) -> Database:
    rows = [
        {
            "name": f"住户{i:05d}",
            "name_initials": "zh",
            "name_pinyin": "zhuhu",
            "phone": f"138{i:08d}",
        }
        for i in range(N)
    ]
    with sqlite_db.begin() as session:
        session.execute(insert(Person), rows)
    return sqlite_db


class PeopleModel(SqlTableModel):
    def __init__(self, db: Database, batch_size: int = 200) -> None:
        super().__init__(
            db=db,
            base=select(Person),
            id_column=Person.id,
            columns=[
                SqlColumn("Name", Person.name),
                SqlColumn("Phone", Person.phone, align=RIGHT, fmt=lambda v: f"☎{v}"),
            ],
            default_order=[Person.name],
            extra=[Person.notes.label("notes")],
            batch_size=batch_size,
        )

    def row_foreground(self, row: Row[Any]) -> QColor | None:
        return QColor("red") if row.notes == "overdue" else None


def test_model_passes_qt_model_tester(qtmodeltester: Any, people_db: Database) -> None:
    model = PeopleModel(people_db)
    qtmodeltester.check(model)
    # Qt's C++ tester runs its checks (which fetch more) before it marks a reset finished,
    # so the sorted and filtered states are checked on fresh models.
    model = PeopleModel(people_db)
    model.sort(0, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)
    model = PeopleModel(people_db)
    model.set_filter(Person.name.contains("001", autoescape=True))
    qtmodeltester.check(model)


def test_fetches_in_batches_until_every_row_is_loaded(people_db: Database) -> None:
    model = PeopleModel(people_db)
    assert model.rowCount() == 200
    assert model.canFetchMore()
    batches = 0
    while model.canFetchMore():
        model.fetchMore()
        batches += 1
    assert model.rowCount() == N
    assert batches == N // 200  # 12 more batches after the first; the last is short
    ids = {model.row_id(r) for r in range(model.rowCount())}
    assert len(ids) == N  # no row twice, none missing
    assert model.total_count() == N


def test_view_shows_only_the_first_batch(qtbot: Any, people_db: Database) -> None:
    model = PeopleModel(people_db)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(400, 300)
    view.show()
    qtbot.waitExposed(view)
    assert model.rowCount() < N


def test_header_click_sorts_in_sql(people_db: Database) -> None:
    model = PeopleModel(people_db)
    assert model.index(0, 0).data() == "住户00000"
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert model.index(0, 0).data() == f"住户{N - 1:05d}"
    assert model.index(0, 1).data() == f"☎138{N - 1:08d}"
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Phone"
    assert model.index(0, 1).data(Qt.ItemDataRole.TextAlignmentRole) == int(RIGHT.value)


def test_filter_changes_the_where_and_resets(people_db: Database) -> None:
    model = PeopleModel(people_db)
    model.set_filter(Person.name.contains("0012", autoescape=True))
    names = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert names == ["住户00012"] + [f"住户{i:05d}" for i in range(120, 130)]
    assert model.rowCount() == model.total_count() == 11  # 00012 and 00120–00129
    assert not model.canFetchMore()
    model.set_filter()
    assert model.rowCount() == 200


def test_row_id_user_role_and_foreground_hook(people_db: Database) -> None:
    with people_db.begin() as session:
        person = session.scalars(select(Person).where(Person.name == "住户00001")).one()
        person.notes = "overdue"
        pid = person.id
    model = PeopleModel(people_db)
    row = model.find_row(pid)
    assert row == 1
    assert model.row_id(row) == pid
    assert model.index(row, 0).data(Qt.ItemDataRole.UserRole) == pid
    brush = model.index(row, 1).data(Qt.ItemDataRole.ForegroundRole)
    assert brush.color() == QColor("red")
    assert model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) is None


def test_row_formatter_combines_columns(people_db: Database) -> None:
    model = SqlTableModel(
        db=people_db,
        base=select(Person),
        id_column=Person.id,
        columns=[
            SqlColumn(
                "Who",
                Person.name,
                row_fmt=lambda r: f"{r.person_name} / {r.phone}",
                name="person_name",
            )
        ],
        extra=[Person.phone.label("phone")],
    )
    assert model.index(0, 0).data() == "住户00000 / 13800000000"
    assert model.row(0).person_name == "住户00000"  # rows are read by name, not position


def test_a_view_given_the_model_reads_nothing_more(qtbot: Any, people_db: Database) -> None:
    """A view asks the model for its current sort when it gets it: that is no new read;
    a model built with ``fetch=False`` takes a sort without reading and loads it once."""
    model = PeopleModel(people_db)
    view = RecordTableView()
    qtbot.addWidget(view)
    with captured_selects(people_db) as seen:
        view.setModel(model)
    assert seen == []
    with captured_selects(people_db) as seen:
        view.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # a header click: read again
    assert len(seen) == 1
    assert model.index(0, 0).data() == f"住户{N - 1:05d}"

    lazy = SqlTableModel(
        db=people_db,
        base=select(Person),
        id_column=Person.id,
        columns=[SqlColumn("Name", Person.name)],
        fetch=False,
    )
    with captured_selects(people_db) as seen:
        view.setModel(lazy)
        view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert seen == []
    assert lazy.rowCount() == 0
    with captured_selects(people_db) as seen:
        lazy.set_filter(Person.name.contains("001", autoescape=True))
    assert len(seen) == 1
    assert lazy.index(0, 0).data() == "住户02001"  # the sort given before the load


def test_a_first_batch_read_on_the_worker_is_shown_unless_a_sort_came_first(
    people_db: Database,
) -> None:
    """A panel reads its list's first rows on the worker and hands them over; rows read in
    an order the clerk has changed since (a header click) are dropped, never shown."""

    def lazy() -> SqlTableModel:
        return SqlTableModel(
            db=people_db,
            base=select(Person),
            id_column=Person.id,
            columns=[SqlColumn("Name", Person.name)],
            default_order=[Person.name],
            fetch=False,
        )

    def read(stmt: Any) -> list[Any]:
        with people_db.engine.connect() as conn:
            return list(conn.execute(stmt).all())

    model = lazy()
    stmt, token = model.first_batch()
    assert model.show_first_batch(read(stmt), token)
    assert model.rowCount() == 200
    assert model.index(0, 0).data() == "住户00000"
    assert model.canFetchMore()

    stmt, token = model.first_batch()
    rows = read(stmt)
    model.sort(0, Qt.SortOrder.DescendingOrder)  # meanwhile: reads again, newest order
    assert not model.show_first_batch(rows, token)
    assert model.index(0, 0).data() == f"住户{N - 1:05d}"

    fresh = lazy()
    stmt, token = fresh.first_batch()
    rows = read(stmt)
    fresh.sort(0, Qt.SortOrder.DescendingOrder)  # before anything was shown
    assert not fresh.show_first_batch(rows, token)
    assert fresh.index(0, 0).data() == f"住户{N - 1:05d}"  # read at once, in the new order
