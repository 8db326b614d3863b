"""Rights are checked at every transaction (issue 14.4): deactivating, demoting or resetting
the password of a user stops that user's earlier login at their next action; an admin's
new user and reset password must be changed at the next login (issue 14.10)."""

from __future__ import annotations

import pytest

from propdesk.auth.actor import Actor
from propdesk.auth.epoch import STALE_MESSAGE, SessionExpired
from propdesk.auth.passwords import TEST_COST
from propdesk.auth.users import (
    WRONG_CREDENTIALS,
    authenticate,
    change_password,
    create_first_admin,
    create_user,
    reset_password,
    update_user,
)
from propdesk.db.engine import Database
from propdesk.errors import NotAllowed
from propdesk.registry import services as reg


def _login(db: Database, username: str, password: str) -> Actor:
    with db.begin() as s:
        outcome = authenticate(s, username, password, cost=TEST_COST)
    assert outcome.actor is not None, outcome.message
    return outcome.actor


@pytest.fixture
def staff(db: Database) -> tuple[Actor, int]:
    """The administrator and the id of a supervisor ``sup`` (password ``super123``)."""
    with db.begin() as s:
        admin = create_first_admin(
            s, username="admin", display_name="管理员", password="admin123", cost=TEST_COST
        )
    with db.begin(admin) as s:
        uid = create_user(
            s,
            username="sup",
            display_name="赵主管",
            role="supervisor",
            password="super123",
            cost=TEST_COST,
        )
    return admin, uid


def test_a_login_carries_its_epoch_and_works(db: Database, staff: tuple[Actor, int]) -> None:
    sup = _login(db, "sup", "super123")
    assert sup.epoch == 0
    with db.begin(sup) as s:
        reg.create_estate(s, name="翠湖花园")


@pytest.mark.parametrize(
    "change", [{"active": False}, {"role": "clerk"}], ids=["deactivated", "demoted"]
)
def test_deactivated_or_demoted_stops_at_the_next_action(
    db: Database, staff: tuple[Actor, int], change: dict[str, object]
) -> None:
    admin, uid = staff
    sup = _login(db, "sup", "super123")
    with db.begin(admin) as s:
        update_user(s, uid, **change)  # type: ignore[arg-type]
    with pytest.raises(SessionExpired, match=STALE_MESSAGE), db.begin(sup) as s:
        reg.create_estate(s, name="翠湖花园")  # never reached
    with pytest.raises(SessionExpired), db.begin(sup, write=False) as s:
        pass  # reads too
    if change.get("role") == "clerk":  # a new login gets the new role and works
        clerk = _login(db, "sup", "super123")
        assert clerk.role.value == "clerk"
        with db.begin(clerk) as s:
            reg.create_estate(s, name="翠湖花园")
    else:
        with db.begin() as s:
            assert authenticate(s, "sup", "super123", cost=TEST_COST).message == (WRONG_CREDENTIALS)


def test_a_reset_password_ends_older_logins_and_must_be_changed(
    db: Database, staff: tuple[Actor, int]
) -> None:
    admin, uid = staff
    with db.begin() as s:
        first = authenticate(s, "sup", "super123", cost=TEST_COST)
    assert first.must_change_password  # created by an administrator
    sup = first.actor
    assert sup is not None
    with db.begin(sup) as s:
        change_password(s, old_password="super123", new_password="mine2026", cost=TEST_COST)
    with db.begin() as s:
        assert not authenticate(s, "sup", "mine2026", cost=TEST_COST).must_change_password
    with db.begin(admin) as s:
        reset_password(s, uid, "reset2026", cost=TEST_COST)
    with pytest.raises(SessionExpired), db.begin(sup):
        pass
    with db.begin() as s:
        again = authenticate(s, "sup", "reset2026", cost=TEST_COST)
    assert again.ok
    assert again.must_change_password


def test_an_edit_that_keeps_the_role_keeps_the_login(
    db: Database, staff: tuple[Actor, int]
) -> None:
    admin, uid = staff
    sup = _login(db, "sup", "super123")
    with db.begin(admin) as s:
        update_user(s, uid, display_name="赵主管（早班）")
    with db.begin(sup) as s:
        reg.create_estate(s, name="翠湖花园")


def test_the_administrators_own_demotion_of_another_admin_is_refused_last_admin(
    db: Database, staff: tuple[Actor, int]
) -> None:
    admin, _uid = staff
    assert admin.user_id is not None
    with pytest.raises(NotAllowed), db.begin(admin) as s:
        update_user(s, admin.user_id, role="clerk")
