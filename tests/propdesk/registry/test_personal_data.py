"""ID numbers and phones at rest: encrypted, found by their HMACs, never leaked by a check."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import func, insert, select, text
from sqlalchemy.exc import IntegrityError

from propdesk.audit.models import AuditEntry
from propdesk.auth.actor import Actor, Role
from propdesk.db.engine import Database
from propdesk.errors import NotAllowed, ValidationError
from propdesk.failures import describe
from propdesk.pii.exports import EXPORT
from propdesk.pii.index import person_lookup
from propdesk.registry import services as reg
from propdesk.registry.ledger import ledger_rows
from propdesk.registry.models import Person
from propdesk.registry.personal import ID_CHECK, ID_CHECK_LIMIT, ID_REGISTERED
from propdesk.registry.search import search

CLERK = Actor(user_id=None, username="clerk", display_name="前台", role=Role.CLERK)
MALLORY = Actor(user_id=None, username="mallory", display_name="前台乙", role=Role.CLERK)
IDN = "11010119900307803X"
PHONE = "13812345678"


def _person(db: Database, name: str = "张三", phone: str = PHONE, idn: str | None = IDN) -> int:
    with db.begin(CLERK) as s:
        return reg.create_person(
            s, name=name, phone=phone, id_number=idn, emergency_phone="13900001111"
        )


def test_stored_encrypted_and_read_back_in_clear(db: Database) -> None:
    pid = _person(db)
    with db.engine.connect() as conn:
        raw = conn.execute(
            text("SELECT phone, id_number, emergency_phone, phone_tail FROM person")
        ).one()
    for stored in (raw.phone, raw.id_number, raw.emergency_phone):
        assert stored.startswith("v1:")
    assert PHONE not in raw.phone
    assert IDN not in raw.id_number
    assert "1111" not in raw.emergency_phone
    assert raw.phone_tail == "5678"
    with db.begin(CLERK) as s:
        p = s.get(Person, pid)
        assert p is not None
        assert (p.phone, p.id_number, p.emergency_phone) == (PHONE, IDN, "13900001111")


def test_an_encrypted_column_cannot_be_compared_in_sql() -> None:
    with pytest.raises(TypeError, match="cannot be compared"):
        _ = Person.phone == PHONE
    with pytest.raises(TypeError):
        Person.id_number.contains("1990")
    assert Person.id_number.is_(None) is not None  # "has no ID number" still works


def test_phone_search_matches_the_last_4_digits_or_the_whole_number(db: Database) -> None:
    pid = _person(db)
    _person(db, name="李四", phone="0755-86312569", idn=None)
    with db.begin(CLERK) as s:
        assert [h.id for h in search(s, "5678") if h.kind == "person"] == [pid]
        assert [h.id for h in search(s, PHONE) if h.kind == "person"] == [pid]
        assert [h.title for h in search(s, "075586312569") if h.kind == "person"] == ["李四"]
        # digits anywhere else never match: a masked number cannot be probed back
        for fragment in ("1234", "3812", "12345", "812345678", "567"):
            assert [h for h in search(s, fragment) if h.kind == "person"] == [], fragment


def test_duplicate_id_answer_names_nobody_and_is_audited(db: Database) -> None:
    _person(db)
    with pytest.raises(ValidationError) as err, db.begin(MALLORY) as s:
        reg.create_person(s, name="王五", id_number=IDN.lower())
    assert err.value.field == "id_number"
    assert err.value.message == ID_REGISTERED
    assert "张三" not in err.value.message
    assert "803" not in err.value.message
    with db.begin(CLERK) as s:
        rows = s.execute(
            select(AuditEntry.username, AuditEntry.changes).where(AuditEntry.action == ID_CHECK)
        ).all()
    # the refused registration was rolled back, its answer stayed in the audit log
    assert ("mallory", json.dumps({"registered": True})) in [tuple(r) for r in rows]
    assert all(IDN not in r.changes for r in rows)


def test_duplicate_id_answers_are_rate_limited_per_user(db: Database) -> None:
    pid = _person(db)
    for _ in range(ID_CHECK_LIMIT):
        with pytest.raises(ValidationError), db.begin(MALLORY) as s:
            reg.create_person(s, name="王五", id_number=IDN)
    with pytest.raises(NotAllowed, match="过于频繁"), db.begin(MALLORY) as s:
        reg.create_person(s, name="王五", id_number=IDN)
    with db.begin(CLERK) as s:  # another user is not held up, nor is an edit of the same person
        version = reg.get_person(s, pid).person.version
        reg.update_person(s, pid, expected_version=version, id_number=IDN, name="张三丰")
        assert s.scalar(select(func.count(Person.id))) == 1


def test_audit_rows_never_hold_a_full_phone_or_id_number(db: Database) -> None:
    pid = _person(db)
    with db.begin(CLERK) as s:
        version = reg.get_person(s, pid).person.version
        reg.update_person(s, pid, expected_version=version, phone="13987654321")
    with db.begin(CLERK) as s:
        dump = " ".join(s.scalars(select(AuditEntry.changes)))
    for secret in (PHONE, "13987654321", IDN, "13900001111"):
        assert secret not in dump


def test_the_lookup_columns_follow_an_edit(db: Database) -> None:
    pid = _person(db)
    with db.begin(CLERK) as s:
        version = reg.get_person(s, pid).person.version
        reg.update_person(s, pid, expected_version=version, phone="13987654321", id_number="")
    with db.begin(CLERK) as s:
        assert [h.id for h in search(s, "4321") if h.kind == "person"] == [pid]
        assert [h for h in search(s, "5678") if h.kind == "person"] == []
        reg.create_person(s, name="王五", id_number=IDN)  # the old ID number is free again


def _exports(db: Database) -> list[dict[str, object]]:
    with db.begin() as s:
        return [
            {"who": who, **json.loads(changes)}
            for who, changes in s.execute(
                select(AuditEntry.username, AuditEntry.changes)
                .where(AuditEntry.action == EXPORT)
                .order_by(AuditEntry.id)
            )
        ]


def test_ledger_export_is_audited_with_who_and_how_many(db: Database) -> None:
    with db.begin(CLERK) as s:
        eid = reg.create_estate(s, name="翠湖花园")
        bid = reg.create_building(s, estate_id=eid, code="3", floors=18, entrances=2)
        uid = reg.create_unit(s, building_id=bid, entrance=2, room="1502", area="89.5")
        reg.start_occupancy(
            s,
            person_id=reg.create_person(s, name="张三", phone=PHONE),
            unit_id=uid,
            role="owner",
            start_date=date(2024, 1, 1),
        )
    with db.begin(MALLORY) as s:
        lines = ledger_rows(s, actor=MALLORY)
    assert [ln.phone for ln in lines] == ["138****5678"]
    assert _exports(db) == [
        {
            "who": "mallory",
            "what": "业主台账",
            "rows": 1,
            "fields": ["姓名", "手机", "身份证号（打码）"],
            "full": False,
        }
    ]


def test_hidden_sql_parameters_never_reach_the_error_text(db: Database) -> None:
    _person(db)
    with pytest.raises(IntegrityError) as err, db.begin(CLERK) as s:
        s.execute(  # the same ID number again, past the service: the unique HMAC index refuses
            insert(Person),
            [{"name": "王五", **person_lookup("13900002222", IDN), "phone": "13900002222"}],
        )
    assert "13900002222" not in str(err.value)
    assert "parameters hidden" in str(err.value).lower() or "[SQL" not in str(err.value)
    shown = describe(err.value)
    assert "13900002222" not in shown.message
    assert "INSERT" not in shown.message
    assert "person" not in shown.message
