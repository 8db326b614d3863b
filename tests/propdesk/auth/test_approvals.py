"""A manager's approval at a clerk's desk, checked inside the service (issue 14.3): releasing
a move-out with arrears and waiving a bill line. The approval is a single-use token bound to
the approver, the action and the record; a made-up approver gets nowhere."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from propdesk.auth.actor import Actor
from propdesk.auth.approvals import ApprovalAction, ApprovalOutcome, grant_approval
from propdesk.auth.passwords import TEST_COST
from propdesk.auth.users import authenticate, create_first_admin, create_user
from propdesk.db.engine import Database
from propdesk.errors import NotAllowed
from propdesk.fees.arrears import waive_arrears, waiver_record
from propdesk.fees.models import BillLine, Waiver
from propdesk.movein import moveout
from tests.propdesk.movein.test_moveout import _form, _occupied_with_arrears

PASSWORDS = {"mgr": "manager123", "sup": "super123", "clerk": "clerk123"}


@pytest.fixture
def desk(db: Database) -> dict[str, Actor]:
    """A manager 王经理, a supervisor and a clerk, logged in (the clerk works the desk)."""
    with db.begin() as s:
        admin = create_first_admin(
            s, username="admin", display_name="管理员", password="admin123", cost=TEST_COST
        )
    with db.begin(admin) as s:
        for username, name, role in (
            ("mgr", "王经理", "manager"),
            ("sup", "赵主管", "supervisor"),
            ("clerk", "李前台", "clerk"),
        ):
            create_user(
                s,
                username=username,
                display_name=name,
                role=role,
                password=PASSWORDS[username],
                cost=TEST_COST,
            )
    out = {}
    with db.begin() as s:
        for username, password in PASSWORDS.items():
            actor = authenticate(s, username, password, cost=TEST_COST).actor
            assert actor is not None
            out[username] = actor
    return out


def _grant(s: Session, username: str, action: ApprovalAction, record: str) -> ApprovalOutcome:
    return grant_approval(
        s,
        username=username,
        password=PASSWORDS[username],
        action=action,
        record=record,
        desk="desk-1",
        cost=TEST_COST,
    )


def test_clerk_releases_a_move_out_with_a_managers_approval(
    db: Database, desk: dict[str, Actor]
) -> None:
    _uid, occ = _occupied_with_arrears(db)
    clerk = desk["clerk"]
    record = moveout.move_out_record(occ)
    # a supervisor may not release with arrears; nothing is granted
    with db.begin(clerk) as s:
        refused = _grant(s, "sup", ApprovalAction.MOVE_OUT_RELEASE, record)
    assert not refused.ok
    assert refused.field == "username"
    # made-up approvals fail in the service
    for token in ("王经理", str(desk["mgr"].user_id), "forged"):
        with pytest.raises(NotAllowed), db.begin(clerk) as s:
            moveout.record_move_out(s, _form(occ, "租户已转账待到账"), approval=token)
    # an approval for another occupancy does not release this one
    with db.begin(clerk) as s:
        other = _grant(s, "mgr", ApprovalAction.MOVE_OUT_RELEASE, moveout.move_out_record(occ + 1))
    with pytest.raises(NotAllowed), db.begin(clerk) as s:
        moveout.record_move_out(s, _form(occ, "租户已转账待到账"), approval=other.token)
    with db.begin(clerk) as s:
        token = _grant(s, "mgr", ApprovalAction.MOVE_OUT_RELEASE, record).token
        mid = moveout.record_move_out(s, _form(occ, "租户已转账待到账"), approval=token)
    with db.begin(clerk) as s:
        info = moveout.get_move_out(s, mid)
    assert (info.waiver_by, info.created_by) == ("王经理", "李前台")


def test_clerk_waives_with_a_managers_approval_once(db: Database, desk: dict[str, Actor]) -> None:
    _uid, _occ = _occupied_with_arrears(db)
    clerk = desk["clerk"]
    with db.begin(clerk) as s:
        line_id = s.scalars(select(BillLine.id)).one()
    with pytest.raises(NotAllowed), db.begin(clerk) as s:  # no right, no approval
        waive_arrears(s, line_id=line_id, amount_fen=100, reason="维修延误补偿")
    with db.begin(clerk) as s:
        token = _grant(s, "mgr", ApprovalAction.WAIVE, waiver_record(line_id)).token
        late = _grant(s, "mgr", ApprovalAction.WAIVE, waiver_record(line_id, late_fee=True)).token
    with pytest.raises(NotAllowed), db.begin(clerk) as s:  # the late fee's approval
        waive_arrears(s, line_id=line_id, amount_fen=100, reason="维修延误补偿", approval=late)
    with db.begin(clerk) as s:
        waive_arrears(s, line_id=line_id, amount_fen=100, reason="维修延误补偿", approval=token)
    with pytest.raises(NotAllowed), db.begin(clerk) as s:  # single use
        waive_arrears(s, line_id=line_id, amount_fen=100, reason="再减一次", approval=token)
    with db.begin(clerk) as s:
        waivers = s.scalars(select(Waiver)).all()
    assert [(w.amount_fen, w.approved_by) for w in waivers] == [(100, "王经理")]
