"""The demo step creates one user per role whose documented password logs in."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

from propdesk.auth.actor import Role
from propdesk.auth.demo import DEMO_USERS, build_users
from propdesk.auth.passwords import TEST_COST
from propdesk.auth.users import authenticate
from propdesk.db.engine import Database
from propdesk.demo.steps import DEMO_STEPS, DemoContext


def test_one_user_per_role_and_documented_passwords_log_in(db: Database) -> None:
    ctx = DemoContext(rng=random.Random(1), today=date(2026, 11, 23), units=10)
    with db.begin() as s:
        build_users(s, ctx, cost=TEST_COST)
    ids = ctx.info["user_ids"]
    assert isinstance(ids, dict)
    assert set(ids) == {r.value for r in Role}
    docs = (Path(__file__).resolve().parents[3] / "docs" / "demo_users.md").read_text("utf-8")
    for username, password, _name, role in DEMO_USERS:
        with db.begin() as s:
            outcome = authenticate(s, username, password)
        assert outcome.actor is not None
        assert outcome.actor.role == role
        assert f"| `{username}` | `{password}` |" in docs
    # running it again (a second demo into the same users) keeps the accounts
    with db.begin() as s:
        build_users(s, ctx, cost=TEST_COST)
    assert ctx.info["user_ids"] == ids


def test_users_step_is_registered() -> None:
    assert (20, "propdesk.auth.demo", "build_users") in DEMO_STEPS
