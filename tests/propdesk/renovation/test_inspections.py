"""Violation types are configurable; a violation needing repair raises a service ticket."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from propdesk.db.engine import Database
from propdesk.errors import NotAllowed, ValidationError
from propdesk.registry import services as reg
from propdesk.renovation import inspections, permits, queries
from propdesk.renovation.values import ViolationSpec
from propdesk.tickets.models import Ticket
from tests.propdesk.renovation.fixtures import (
    CLERK,
    MANAGER,
    SUPERVISOR,
    approved_permit,
    make_place,
)


def test_violation_types_are_configurable(db: Database) -> None:
    make_place(db)
    with db.begin(CLERK) as s, pytest.raises(NotAllowed):
        inspections.save_violation_type(s, code="smoking", name="现场吸烟", default_days=0)
    with db.begin(MANAGER) as s:
        tid = inspections.save_violation_type(s, code="smoking", name="现场吸烟", default_days=0)
        noise = next(t for t in inspections.list_violation_types(s) if t.code == "noise")
        inspections.save_violation_type(
            s, type_id=noise.id, code="noise", name="噪音扰民", default_days=1, active=False
        )
    with db.begin(MANAGER) as s, pytest.raises(ValidationError, match="已存在"):
        inspections.save_violation_type(s, code="smoking", name="重复", default_days=1)
    with db.begin(CLERK) as s:
        codes = [t.code for t in inspections.list_violation_types(s)]
        every = [t.code for t in inspections.list_violation_types(s, include_inactive=True)]
    assert codes[-1] == "smoking"
    assert "noise" not in codes
    assert "noise" in every
    assert tid


def test_violation_needing_repair_raises_an_inspection_ticket(db: Database) -> None:
    place = make_place(db)
    pid = approved_permit(db, place.unit_ids[0])
    with db.begin(CLERK) as s:
        fire = next(t.id for t in inspections.list_violation_types(s) if t.code == "fire_safety")
        inspections.record_inspection(
            s,
            pid,
            inspector="工程部张工",
            violations=[ViolationSpec(fire, "施工损坏楼道消防栓箱门", raise_ticket=True)],
        )
    with db.begin(CLERK) as s:
        info = queries.get_permit(s, pid)
        violation = info.inspections[0].violations[0]
        ticket = s.get(Ticket, violation.ticket_id)
        assert ticket is not None
        assert ticket.source == "inspection"
        assert ticket.unit_id == place.unit_ids[0]
        assert "消防栓" in ticket.description
        assert violation.deadline > info.inspections[0].inspected_on  # the type's default days


def test_cancelling_an_active_permit_restores_the_unit_status(db: Database) -> None:
    place = make_place(db)
    uid = place.unit_ids[1]
    pid = approved_permit(db, uid)
    with db.begin(SUPERVISOR) as s:
        assert reg.get_unit(s, uid).status == "renovating"
        permits.cancel_permit(s, pid, reason="业主暂停装修")
    with db.begin(SUPERVISOR) as s:
        assert reg.get_unit(s, uid).status == "vacant"
        assert s.scalar(select(Ticket.id)) is None
