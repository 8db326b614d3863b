"""Demo step: one user per role, with the passwords listed in ``docs/demo_users.md``."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from propdesk.auth.actor import Role
from propdesk.auth.models import User
from propdesk.auth.passwords import DEFAULT_COST, KdfCost, hash_password
from propdesk.auth.policy import mark_demo_database
from propdesk.demo.steps import DemoContext

# (username, password, display name, role): keep in step with docs/demo_users.md.
DEMO_USERS: tuple[tuple[str, str, str, Role], ...] = (
    ("admin", "admin123", "系统管理员", Role.ADMIN),
    ("manager", "manager123", "王芳", Role.MANAGER),
    ("supervisor", "supervisor123", "张伟", Role.SUPERVISOR),
    ("clerk", "clerk123", "李娜", Role.CLERK),
    ("finance", "finance123", "刘洋", Role.FINANCE),
)


def build_users(session: Session, ctx: DemoContext, *, cost: KdfCost = DEFAULT_COST) -> None:
    """Create the demo users (an existing username is left as it is)."""
    existing = {name: uid for uid, name in session.execute(select(User.id, User.username)).all()}
    ids: dict[str, int] = {}
    for username, password, display_name, role in DEMO_USERS:
        if username in existing:
            ids[role.value] = existing[username]
            continue
        user = User(
            username=username,
            display_name=display_name,
            role=role.value,
            password_hash=hash_password(password, cost=cost),
        )
        session.add(user)
        session.flush()
        ids[role.value] = user.id
    ctx.info["user_ids"] = ids
    mark_demo_database(session)  # the login screen names the documented passwords
    ctx.progress(0.0, "用户")
