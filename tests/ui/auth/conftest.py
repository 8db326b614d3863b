"""Real users (cheap KDF cost) for the login, lock and role tests."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from propdesk.auth.actor import Actor
from propdesk.auth.models import User
from propdesk.auth.passwords import TEST_COST
from propdesk.auth.users import create_first_admin, create_user
from propdesk.db.engine import Database

USERS = (
    ("clerk", "clerk123", "前台小王", "clerk"),
    ("supervisor", "supervisor123", "主管老李", "supervisor"),
    ("manager", "manager123", "王经理", "manager"),
)


@pytest.fixture
def desk_users(sqlite_db: Database) -> dict[str, int]:
    """admin/admin123 plus a clerk, a supervisor and a manager; username → id."""
    with sqlite_db.begin(Actor.system()) as s:
        admin = create_first_admin(
            s, username="admin", display_name="管理员", password="admin123", cost=TEST_COST
        )
    ids = {"admin": int(admin.user_id or 0)}
    with sqlite_db.begin(admin) as s:
        for username, password, name, role in USERS:
            ids[username] = create_user(
                s,
                username=username,
                display_name=name,
                role=role,
                password=password,
                cost=TEST_COST,
            )
        # established users: they chose their own passwords long ago
        s.execute(update(User).values(must_change_password=False))
    return ids
