"""The permit's state machine, the unit's 装修中 status, inspections and the deposit refund."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from propdesk.clock import today
from propdesk.db.engine import Database
from propdesk.deposits.queries import deposit_rows, refund_slip
from propdesk.errors import InvalidTransition, NotAllowed, ValidationError
from propdesk.fees.credits import credit_balance
from propdesk.fees.models import Refund
from propdesk.fees.statement import unit_statement
from propdesk.registry import services as reg
from propdesk.renovation import inspections, permits, queries
from propdesk.renovation.refund import Deduction, net_refund, refund_deposit
from propdesk.renovation.values import PermitStatus, ViolationSpec
from propdesk.renovation.workflow import TRANSITIONS, allowed_actions, next_state
from tests.propdesk.renovation.fixtures import (
    CLERK,
    SUPERVISOR,
    application,
    approved_permit,
    make_place,
)


@pytest.mark.parametrize("state", list(PermitStatus))
@pytest.mark.parametrize("action", list(TRANSITIONS))
def test_state_machine_refuses_illegal_steps(state: PermitStatus, action: str) -> None:
    sources, target = TRANSITIONS[action]
    if state in sources:
        assert next_state(state, action) == target
        assert action in allowed_actions(state)
    else:
        with pytest.raises(InvalidTransition):
            next_state(state, action)
        assert action not in allowed_actions(state)


def test_illegal_steps_refused_by_services(db: Database) -> None:
    place = make_place(db)
    with db.begin(CLERK) as s:
        pid = permits.apply_for_permit(s, application(place.unit_ids[0]))
    with db.begin(SUPERVISOR) as s, pytest.raises(InvalidTransition):
        permits.accept_permit(s, pid)  # not approved yet
    with db.begin(SUPERVISOR) as s, pytest.raises(InvalidTransition):
        refund_deposit(s, pid, deductions=[], method="cash")
    with db.begin(SUPERVISOR) as s, pytest.raises(NotAllowed, match="押金尚未收取"):
        permits.approve_permit(s, pid)
    with db.begin(CLERK) as s, pytest.raises(NotAllowed):
        permits.reject_permit(s, pid, reason="资料不全")  # a clerk may not decide
    with db.begin(SUPERVISOR) as s:
        permits.reject_permit(s, pid, reason="图纸涉及拆改承重墙")
    with db.begin(SUPERVISOR) as s, pytest.raises(InvalidTransition):
        permits.approve_permit(s, pid)  # rejected is final
    with db.begin(CLERK) as s, pytest.raises(InvalidTransition):
        inspections.record_inspection(s, pid, inspector="保安张")
    with db.begin(SUPERVISOR) as s:
        info = queries.get_permit(s, pid)
    assert info.status == "rejected"
    assert info.decision_reason == "图纸涉及拆改承重墙"


def test_unit_shows_renovating_while_permit_active(db: Database) -> None:
    place = make_place(db)
    uid = place.unit_ids[0]
    with db.begin(CLERK) as s:
        reg.start_occupancy(
            s, person_id=place.person_ids[0], unit_id=uid, role="owner", start_date=today()
        )
    pid = approved_permit(db, uid)
    with db.begin(CLERK) as s:
        assert reg.get_unit(s, uid).status == "renovating"
    with db.begin(SUPERVISOR) as s:
        permits.accept_permit(s, pid)
        assert reg.get_unit(s, uid).status == "occupied"


def test_violation_past_deadline_is_listed_and_blocks_acceptance(db: Database) -> None:
    place = make_place(db)
    pid = approved_permit(db, place.unit_ids[0])
    day = today() - timedelta(days=3)
    with db.begin(CLERK) as s:
        types = {t.code: t.id for t in inspections.list_violation_types(s)}
        assert set(types) >= {"working_hours", "load_bearing", "debris", "fire_safety", "noise"}
        inspections.record_inspection(
            s,
            pid,
            inspector="保安张",
            on=day,
            violations=[
                ViolationSpec(types["debris"], "楼道堆放垃圾", deadline=day + timedelta(days=1)),
                ViolationSpec(types["noise"], "午休时间电钻", deadline=today() + timedelta(days=2)),
            ],
            photos=[("debris.jpg", b"\xff\xd8fake-jpeg")],
        )
    with db.begin(CLERK) as s:
        overdue = queries.overdue_violations(s, today())
        counts = queries.attention_counts(s, today())
    assert [r.what for r in overdue] == ["违规逾期未整改：装修垃圾乱堆放（楼道堆放垃圾）"]
    assert counts == (0, 1)
    with db.begin(SUPERVISOR) as s, pytest.raises(NotAllowed, match="2 项违规"):
        permits.accept_permit(s, pid)
    with db.begin(CLERK) as s:
        info = queries.get_permit(s, pid)
        assert info.inspections[0].photo_count == 1
        for v in info.inspections[0].violations:
            inspections.follow_up_violation(s, v.id, rectified=True, note="已清理")
    with db.begin(CLERK) as s:
        assert queries.overdue_violations(s, today()) == []
    with db.begin(SUPERVISOR) as s:
        permits.accept_permit(s, pid, note="验收合格")


def test_inspections_due_today(db: Database) -> None:
    place = make_place(db)
    pid = approved_permit(db, place.unit_ids[0])
    with db.begin(CLERK) as s:
        due = inspections.inspections_due(s, today())
        assert [(d.permit_id, d.reason) for d in due] == [(pid, "daily")]
        debris = next(t.id for t in inspections.list_violation_types(s) if t.code == "debris")
        inspections.record_inspection(
            s, pid, inspector="保安张", violations=[ViolationSpec(debris, deadline=today())]
        )
    with db.begin(CLERK) as s:
        due = inspections.inspections_due(s, today())
    assert [(d.permit_id, d.reason) for d in due] == [(pid, "follow_up")]


def test_deposit_refund_equals_deposit_minus_deductions_on_unit_account(db: Database) -> None:
    place = make_place(db)
    uid = place.unit_ids[0]
    pid = approved_permit(db, uid, deposit_fen=300_001)
    with db.begin(SUPERVISOR) as s:
        permits.accept_permit(s, pid)
    with db.begin(SUPERVISOR) as s:
        result = refund_deposit(
            s,
            pid,
            deductions=[Deduction("垃圾清运费", 15_050), Deduction("损坏公共墙面", 20_003)],
            method="cash",
            on=today() - timedelta(2),
        )
    assert result.refund_fen == 300_001 - 15_050 - 20_003 == 264_948
    with db.begin(SUPERVISOR) as s:
        # the deposit is in the deposit ledger, never a fee line or a fee refund
        assert s.scalar(select(Refund).where(Refund.unit_id == uid)) is None
        [row] = deposit_rows(s, unit_id=uid)
        assert (row.amount_fen, row.refunded_fen, row.deducted_fen) == (300_001, 264_948, 35_053)
        assert row.status == "refunded"
        assert row.held_fen == 0
        assert result.refund_id is not None
        slip = refund_slip(s, result.refund_id)
        assert "垃圾清运费 150.50元" in slip.reason
        assert slip.deposit_fen - slip.deducted_fen == slip.amount_fen == 264_948
        statement = unit_statement(s, uid)
        assert not [ln for ln in statement.lines if ln.item_name == "押金"]
        assert credit_balance(s, uid) == 0
        info = queries.get_permit(s, pid)
    # each deduction is its own (income) bill line on the unit, paid out of the deposit
    deduction_lines = sorted(
        (ln for ln in statement.lines if ln.item_name == "装修违规扣款"), key=lambda ln: ln.line_id
    )
    assert [(ln.amount_fen, ln.paid_fen, ln.owed_fen) for ln in deduction_lines] == [
        (15_050, 15_050, 0),
        (20_003, 20_003, 0),
    ]
    assert {ln.due_date for ln in deduction_lines} == {today() - timedelta(2)}
    assert statement.refunds == ()
    assert "垃圾清运费" in deduction_lines[0].description
    assert info.permit_no in deduction_lines[1].description
    assert "损坏公共墙面" in deduction_lines[1].description
    # the kept amount passes through the unit's credit and is consumed by the deductions
    moves = list(reversed(statement.credit_moves))
    assert [(m.kind, m.amount_fen) for m in moves] == [
        ("deposit_return", 35_053),
        ("consume", -15_050),
        ("consume", -20_003),
    ]
    assert moves[-1].balance_fen == statement.credit_fen == 0
    assert info.status == "refunded"
    assert info.refund_fen == 264_948
    assert [d.amount_fen for d in info.deductions] == [15_050, 20_003]


def test_deductions_above_deposit_refused(db: Database) -> None:
    place = make_place(db)
    pid = approved_permit(db, place.unit_ids[0], deposit_fen=10_000)
    with db.begin(SUPERVISOR) as s:
        permits.accept_permit(s, pid)
    with db.begin(SUPERVISOR) as s, pytest.raises(ValidationError):
        refund_deposit(s, pid, deductions=[Deduction("赔偿", 10_001)], method="cash")


@given(
    deposit=st.integers(min_value=0, max_value=10_000_000),
    parts=st.lists(st.integers(min_value=1, max_value=500_000), max_size=6),
)
def test_net_refund_is_exact(deposit: int, parts: list[int]) -> None:
    deductions = [Deduction("扣款", p) for p in parts]
    if sum(parts) > deposit:
        with pytest.raises(ValidationError):
            net_refund(deposit, deductions)
    else:
        assert net_refund(deposit, deductions) + sum(parts) == deposit


def test_one_open_application_per_unit(db: Database) -> None:
    place = make_place(db)
    with db.begin(CLERK) as s:
        permits.apply_for_permit(s, application(place.unit_ids[0]))
    with db.begin(CLERK) as s, pytest.raises(Exception, match="未结束的装修申请"):
        permits.apply_for_permit(s, application(place.unit_ids[0]))


def test_acceptance_shows_who_moved_in_during_the_renovation(db: Database) -> None:
    place = make_place(db)
    uid = place.unit_ids[2]
    pid = approved_permit(db, uid)  # the unit was vacant
    with db.begin(CLERK) as s:
        reg.start_occupancy(
            s, person_id=place.person_ids[1], unit_id=uid, role="tenant", start_date=today()
        )
        assert reg.get_unit(s, uid).status == "renovating"
    with db.begin(SUPERVISOR) as s:
        permits.accept_permit(s, pid)
        assert reg.get_unit(s, uid).status == "rented"


def test_deposit_of_a_rejected_application_is_refunded_once(db: Database) -> None:
    place = make_place(db)
    with db.begin(CLERK) as s:
        pid = permits.apply_for_permit(s, application(place.unit_ids[0], deposit_fen=100_000))
        receipt_no = permits.collect_deposit(s, pid, method="cash")
    assert receipt_no.startswith(f"YJ{today().year}")
    with db.begin(SUPERVISOR) as s:
        permits.reject_permit(s, pid, reason="图纸不全")
    with db.begin(SUPERVISOR) as s:
        result = refund_deposit(s, pid, deductions=[], method="cash", on=today() - timedelta(1))
    assert result.refund_fen == 100_000
    with db.begin(SUPERVISOR) as s:
        assert queries.get_permit(s, pid).status == "rejected"
        assert queries.get_permit(s, pid).refunded_on == today() - timedelta(1)
        statement = unit_statement(s, place.unit_ids[0])
        [row] = deposit_rows(s, unit_id=place.unit_ids[0])
    assert (row.receipt_no, row.status, row.refunded_fen) == (receipt_no, "refunded", 100_000)
    assert statement.credit_moves == ()
    assert statement.refunds == ()
    assert not [ln for ln in statement.lines if ln.item_name in ("押金", "装修违规扣款")]
    with db.begin(SUPERVISOR) as s, pytest.raises(InvalidTransition):
        refund_deposit(s, pid, deductions=[], method="cash")
