"""One audit row per change, with old → new values, written atomically with the change."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import func, insert, select, update

from propdesk.audit.models import AuditEntry
from propdesk.audit.trail import record_bulk
from propdesk.auth.actor import Actor, Role
from propdesk.auth.models import User
from propdesk.db.engine import Database
from propdesk.errors import NotAllowed
from propdesk.registry import services as reg
from propdesk.registry.models import Occupancy, Person

CLERK = Actor(user_id=7, username="wang", display_name="小王", role=Role.CLERK)


def _rows(db: Database) -> list[AuditEntry]:
    """Change rows (not the duplicate-ID check the registry records)."""
    with db.begin() as s:
        stmt = select(AuditEntry).where(AuditEntry.action != "id_check").order_by(AuditEntry.id)
        rows = list(s.scalars(stmt))
        s.expunge_all()
    return rows


def _person(db: Database) -> int:
    with db.begin(CLERK) as s:
        return reg.create_person(
            s, name="张三", phone="13812345678", id_number="110101199003071233"
        )


def test_insert_writes_one_row_with_new_values_and_who(db: Database) -> None:
    pid = _person(db)
    rows = _rows(db)
    assert len(rows) == 1
    row = rows[0]
    assert (row.action, row.table_name, row.record_id) == ("insert", "person", str(pid))
    assert (row.user_id, row.username) == (7, "wang")
    changes = json.loads(row.changes)
    assert changes["name"] == [None, "张三"]
    assert changes["phone"][0] is None
    assert "13812345678" not in row.changes  # masked (or encrypted): never in full
    assert row.at.tzinfo is not None


def test_update_writes_old_and_new_only_for_changed_fields(db: Database) -> None:
    pid = _person(db)
    with db.begin(CLERK) as s:
        reg.update_person(s, pid, expected_version=1, phone="13900001111", notes="夜班联系")
    rows = _rows(db)
    assert [r.action for r in rows] == ["insert", "update"]
    changes = json.loads(rows[1].changes)
    assert changes["notes"] == ["", "夜班联系"]
    assert "phone" in changes
    assert "13812345678" not in rows[1].changes
    assert "13900001111" not in rows[1].changes
    assert not set(changes) & {"version", "updated_at"}


def test_dates_are_iso_strings(db: Database) -> None:
    pid = _person(db)
    with db.begin(CLERK) as s:
        estate = reg.create_estate(s, name="翠湖苑")
        b = reg.create_building(s, estate_id=estate, code="1", floors=6)
        u = reg.create_unit(s, building_id=b, entrance=1, room="101", area="89.5")
        occ = reg.start_occupancy(
            s, person_id=pid, unit_id=u, role="owner", start_date=date(2024, 3, 1)
        )
    with db.begin(CLERK) as s:
        reg.end_occupancy(s, occ, end_date=date(2026, 1, 31), reason="出售")
    rows = [r for r in _rows(db) if r.table_name == "occupancy"]
    assert json.loads(rows[0].changes)["start_date"] == [None, "2024-03-01"]
    assert json.loads(rows[-1].changes)["end_date"] == [None, "2026-01-31"]


def test_delete_writes_old_values(db: Database) -> None:
    pid = _person(db)
    with db.begin(CLERK) as s:
        s.delete(s.get(Person, pid))
    row = _rows(db)[-1]
    assert (row.action, row.record_id) == ("delete", str(pid))
    assert json.loads(row.changes)["name"] == ["张三", None]


def _create_then_fail(db: Database) -> None:
    with db.begin(CLERK) as s:
        reg.create_person(s, name="李四", phone="13812345678")
        s.flush()
        raise RuntimeError("power cut")


def test_failed_transaction_leaves_no_audit_row(db: Database) -> None:
    with pytest.raises(RuntimeError):
        _create_then_fail(db)
    assert _rows(db) == []
    with db.begin() as s:
        assert s.scalar(select(func.count(Person.id))) == 0


def test_system_actor_when_none_given(db: Database) -> None:
    with db.begin() as s:
        s.add(Person(name="王五", name_initials="ww", name_pinyin="wangwu"))
    assert _rows(db)[0].username == "system"


def test_password_hash_never_stored(db: Database) -> None:
    with db.begin() as s:
        s.add(User(username="x", display_name="X", role="clerk", password_hash="scrypt$secret"))
    with db.begin() as s:
        user = s.scalars(select(User)).one()
        user.password_hash = "scrypt$other"
    text = " ".join(r.changes for r in _rows(db))
    assert "secret" not in text
    assert "other" not in text
    assert json.loads(_rows(db)[-1].changes) == {"password_hash": ["******", "******"]}


def test_bulk_statements_on_trigger_tables_list_every_row(db: Database) -> None:
    """Person is recorded by database triggers: one row per person, with its id."""
    with db.begin(CLERK) as s:
        s.execute(
            insert(Person).execution_options(audit_note="导入业主台账"),
            [{"name": f"住户{i}", "name_initials": "zh", "name_pinyin": "zhuhu"} for i in range(5)],
        )
        s.execute(update(Person).where(Person.name == "住户1").values(notes="已核对"))
        ids = list(s.scalars(select(Person.id).order_by(Person.id)))
        record_bulk(s, "occupancy", 3, "raw connection work")
    rows = _rows(db)
    assert [(r.action, r.table_name) for r in rows] == [
        *[("insert", "person")] * 5,
        ("update", "person"),
        ("bulk_insert", "occupancy"),
    ]
    assert [r.record_id for r in rows[:5]] == [str(i) for i in ids]
    assert json.loads(rows[5].changes) == {"notes": ["", "已核对"]}
    assert {r.username for r in rows} == {"wang"}


def test_bulk_statements_elsewhere_list_the_ids_they_touched(db: Database) -> None:
    from propdesk.reporting.models import NoticeTemplate

    def template(i: int) -> dict[str, object]:
        return {"id": 100 + i, "code": f"t{i}", "name": "停水", "title": "停水", "body": "x"}

    with db.begin(CLERK) as s:
        s.execute(
            insert(NoticeTemplate).execution_options(audit_note="模板"),
            [template(i) for i in range(3)],
        )
        s.execute(update(NoticeTemplate).where(NoticeTemplate.id > 100).values(name="停电"))
    rows = _rows(db)
    assert [r.action for r in rows] == ["bulk_insert", "bulk_update"]
    assert json.loads(rows[0].changes) == {"count": 3, "ids": [100, 101, 102], "note": "模板"}
    assert json.loads(rows[1].changes) == {"count": 2, "ids": [101, 102], "columns": ["name"]}


def _edit_audit(db: Database) -> None:
    with db.begin() as s:
        s.scalars(select(AuditEntry).limit(1)).one().changes = "{}"


def _delete_audit(db: Database) -> None:
    with db.begin() as s:
        s.delete(s.scalars(select(AuditEntry).limit(1)).one())


def test_audit_log_cannot_be_edited_or_deleted(db: Database) -> None:
    _person(db)
    with pytest.raises(NotAllowed):
        _edit_audit(db)
    with pytest.raises(NotAllowed):
        _delete_audit(db)
    with pytest.raises(NotAllowed), db.begin() as s:
        s.execute(update(AuditEntry).values(username="someone"))
    assert _rows(db)[0].username == "wang"


def test_unchanged_flush_writes_nothing(db: Database) -> None:
    pid = _person(db)
    with db.begin(CLERK) as s:
        p = s.get(Person, pid)
        assert p is not None
        p.notes = p.notes
    assert len(_rows(db)) == 1
    with db.begin() as s:
        assert s.scalar(select(func.count(Occupancy.id))) == 0


def test_every_new_session_factory_gets_the_trail(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new factory at the address of a collected one used to look "installed" to
    ``event.contains`` (it goes by id), and that database wrote no audit rows at all."""
    from sqlalchemy import event
    from sqlalchemy.orm import sessionmaker

    from propdesk.audit import trail

    monkeypatch.setattr(event, "contains", lambda *_a, **_k: True)  # the stale answer
    factory = sessionmaker(db.engine, expire_on_commit=False)
    trail.install(factory)
    with factory.begin() as s:
        s.info["actor"] = CLERK
        s.add(Person(name="王五", name_initials="ww", name_pinyin="wangwu"))
    assert [r.action for r in _rows(db)] == ["insert"]
