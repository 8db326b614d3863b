"""Login, lock-out, password policy and user administration at the service layer."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from propdesk import clock
from propdesk.auth.actor import Actor, Role
from propdesk.auth.models import User
from propdesk.auth.passwords import (
    DEFAULT_COST,
    TEST_COST,
    KdfCost,
    hash_password,
    needs_rehash,
    stored_cost,
    verify_password,
)
from propdesk.auth.users import (
    LOCK_DURATION,
    MAX_FAILED_ATTEMPTS,
    WRONG_CREDENTIALS,
    authenticate,
    change_password,
    create_first_admin,
    create_user,
    has_users,
    list_users,
    reset_password,
    unlock_user,
    update_user,
)
from propdesk.db.engine import Database
from propdesk.errors import NotAllowed, ValidationError


def _admin(db: Database) -> Actor:
    with db.begin() as s:
        return create_first_admin(
            s, username="admin", display_name="管理员", password="admin123", cost=TEST_COST
        )


def _clerk(db: Database, admin: Actor) -> int:
    with db.begin(admin) as s:
        return create_user(
            s,
            username="clerk",
            display_name="前台小王",
            role="clerk",
            password="clerk123",
            cost=TEST_COST,
        )


def test_password_hash_is_salted_scrypt_and_verifies() -> None:
    a = hash_password("secret99", cost=TEST_COST)
    b = hash_password("secret99", cost=TEST_COST)
    assert a != b
    assert a.startswith("scrypt$256$8$1$")
    assert verify_password("secret99", a)
    assert not verify_password("secret98", a)
    assert not verify_password("secret99", "")
    assert not verify_password("secret99", "md5$abc")


def test_first_run_creates_admin_only_once(db: Database) -> None:
    with db.begin() as s:
        assert not has_users(s)
    admin = _admin(db)
    assert admin.role == Role.ADMIN
    with pytest.raises(NotAllowed), db.begin() as s:
        create_first_admin(s, username="x2", display_name="", password="admin123", cost=TEST_COST)


def test_wrong_password_and_unknown_user_refused_alike(db: Database) -> None:
    _clerk(db, _admin(db))
    with db.begin() as s:
        wrong = authenticate(s, "clerk", "clerk124")
        unknown = authenticate(s, "nobody", "clerk123")
        ok = authenticate(s, "CLERK", "clerk123")
    assert not wrong.ok
    assert "用户名或密码不正确" in wrong.message
    assert not unknown.ok
    assert unknown.message.startswith("用户名或密码不正确")
    assert ok.ok
    assert ok.actor is not None
    assert (ok.actor.username, ok.actor.role) == ("clerk", Role.CLERK)


def test_five_failures_lock_the_account_for_fifteen_minutes(db: Database) -> None:
    _clerk(db, _admin(db))
    now = clock.now()
    for i in range(MAX_FAILED_ATTEMPTS):
        with db.begin() as s:
            outcome = authenticate(s, "clerk", "bad-pass1", now=now)
        assert not outcome.ok
        if i < MAX_FAILED_ATTEMPTS - 1:
            assert outcome.locked_until is None
            assert outcome.message == WRONG_CREDENTIALS
            assert outcome.attempts_left == MAX_FAILED_ATTEMPTS - 1 - i
            assert f"再错 {MAX_FAILED_ATTEMPTS - 1 - i} 次" in outcome.warning
    assert outcome.locked_until == now + LOCK_DURATION
    # the right password is refused while locked, with the time left
    with db.begin() as s:
        locked = authenticate(s, "clerk", "clerk123", now=now + timedelta(minutes=5))
    assert not locked.ok
    assert "10 分钟" in locked.message
    # after the lock expires the right password works and resets the counter
    with db.begin() as s:
        later = authenticate(s, "clerk", "clerk123", now=now + LOCK_DURATION + timedelta(seconds=1))
    assert later.ok
    with db.begin() as s:
        user = s.scalars(select(User).where(User.username == "clerk")).one()
        assert user.failed_attempts == 0
        assert user.locked_until is None
        assert user.last_login_at is not None


def test_admin_unlocks_and_resets(db: Database) -> None:
    admin = _admin(db)
    uid = _clerk(db, admin)
    for _ in range(MAX_FAILED_ATTEMPTS):
        with db.begin() as s:
            authenticate(s, "clerk", "bad-pass1")
    with db.begin(admin) as s:
        unlock_user(s, uid)
    with db.begin() as s:
        assert authenticate(s, "clerk", "clerk123").ok
    with db.begin(admin) as s:
        reset_password(s, uid, "fresh2026", cost=TEST_COST)
    with db.begin() as s:
        assert not authenticate(s, "clerk", "clerk123").ok
        assert authenticate(s, "clerk", "fresh2026").ok


def test_change_password_checks_old_and_policy(db: Database) -> None:
    admin = _admin(db)
    uid = _clerk(db, admin)
    clerk = Actor(user_id=uid, username="clerk", display_name="前台小王", role=Role.CLERK)
    with pytest.raises(ValidationError) as err, db.begin(clerk) as s:
        change_password(s, old_password="wrong123", new_password="newpass99", cost=TEST_COST)
    assert err.value.field == "old_password"
    for weak in ("short1", "onlyletters", "12345678", "clerk123"):
        with pytest.raises(ValidationError), db.begin(clerk) as s:
            change_password(s, old_password="clerk123", new_password=weak, cost=TEST_COST)
    with db.begin(clerk) as s:
        change_password(s, old_password="clerk123", new_password="newpass99", cost=TEST_COST)
    with db.begin() as s:
        assert authenticate(s, "clerk", "newpass99").ok


def test_username_unique_and_valid(db: Database) -> None:
    admin = _admin(db)
    _clerk(db, admin)
    for name in ("Clerk", "a b", ""):
        with pytest.raises(ValidationError) as err, db.begin(admin) as s:
            create_user(
                s, username=name, display_name="", role="clerk", password="pass1234", cost=TEST_COST
            )
        assert err.value.field == "username"


def test_last_admin_cannot_be_demoted_or_deactivated(db: Database) -> None:
    admin = _admin(db)
    uid = _clerk(db, admin)
    assert admin.user_id is not None
    with pytest.raises(NotAllowed), db.begin(admin) as s:
        update_user(s, admin.user_id, role="manager")
    with db.begin(admin) as s:
        update_user(s, uid, role="supervisor", display_name="主管小王")
        update_user(s, uid, active=False)
        users = {u.username: u for u in list_users(s)}
    assert users["clerk"].role == Role.SUPERVISOR
    assert not users["clerk"].active
    with db.begin() as s:
        outcome = authenticate(s, "clerk", "clerk123", cost=TEST_COST)
    assert not outcome.ok
    assert outcome.message == WRONG_CREDENTIALS


def test_unknown_wrong_and_deactivated_get_one_message(db: Database) -> None:
    admin = _admin(db)
    uid = _clerk(db, admin)
    with db.begin() as s:
        unknown = authenticate(s, "nobody", "clerk123", cost=TEST_COST)
    with db.begin() as s:
        wrong = authenticate(s, "clerk", "wrong-pass1", cost=TEST_COST)
    with db.begin(admin) as s:
        update_user(s, uid, active=False)
    with db.begin() as s:
        inactive = authenticate(s, "clerk", "clerk123", cost=TEST_COST)
    with db.begin() as s:
        inactive_wrong = authenticate(s, "clerk", "wrong-pass1", cost=TEST_COST)
    outcomes = (unknown, wrong, inactive, inactive_wrong)
    assert not any(o.ok for o in outcomes)
    assert {o.message for o in outcomes} == {WRONG_CREDENTIALS}
    assert all(o.locked_until is None for o in outcomes)


def test_default_cost_is_at_least_2_17() -> None:
    assert DEFAULT_COST.n >= 2**17
    assert DEFAULT_COST.n & (DEFAULT_COST.n - 1) == 0
    assert TEST_COST.n < DEFAULT_COST.n


def test_needs_rehash() -> None:
    cheap = hash_password("secret99", cost=TEST_COST)
    assert stored_cost(cheap) == TEST_COST
    assert needs_rehash(cheap)
    assert needs_rehash(cheap, KdfCost(n=TEST_COST.n * 2))
    assert not needs_rehash(cheap, TEST_COST)
    assert needs_rehash("")
    assert needs_rehash("bcrypt$x")


def test_a_cheaper_hash_is_rehashed_at_the_next_successful_login(db: Database) -> None:
    admin = _admin(db)
    _clerk(db, admin)
    stronger = KdfCost(n=TEST_COST.n * 4, r=TEST_COST.r, p=TEST_COST.p)

    def stored() -> str:
        with db.begin() as s:
            return s.scalars(select(User.password_hash).where(User.username == "clerk")).one()

    before = stored()
    with db.begin() as s:
        assert not authenticate(s, "clerk", "wrong-pass1", cost=stronger).ok
    assert stored() == before  # a failed login changes no hash
    with db.begin() as s:
        assert authenticate(s, "clerk", "clerk123", cost=TEST_COST).ok
    assert stored() == before  # already strong enough
    with db.begin() as s:
        assert authenticate(s, "clerk", "clerk123", cost=stronger).ok
    after = stored()
    assert after != before
    assert stored_cost(after) == stronger
    assert verify_password("clerk123", after)
    with db.begin() as s:
        assert authenticate(s, "clerk", "clerk123", cost=stronger).ok
    assert stored() == after
