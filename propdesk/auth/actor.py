"""Who performs an action: passed to services that record or check the user."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    CLERK = "clerk"  # 前台
    SUPERVISOR = "supervisor"  # 主管
    MANAGER = "manager"  # 经理
    FINANCE = "finance"  # 财务
    ADMIN = "admin"  # 系统管理员


ROLE_LABELS_ZH: dict[Role, str] = {
    Role.CLERK: "前台",
    Role.SUPERVISOR: "主管",
    Role.MANAGER: "经理",
    Role.FINANCE: "财务",
    Role.ADMIN: "系统管理员",
}


@dataclass(frozen=True)
class Actor:
    """The logged-in user as services see it (a plain value, no ORM object).

    Attributes:
        user_id: the ``app_user`` id; None for the built-in system actor and test actors.
        epoch: the user's ``session_epoch`` when they logged in; every transaction begun
            for this actor compares it with the stored one (:mod:`propdesk.auth.epoch`).
        os_user, host: who and where on the machine (recorded on audit rows).
    """

    user_id: int | None
    username: str
    display_name: str
    role: Role
    epoch: int | None = None
    os_user: str = ""
    host: str = ""

    @classmethod
    def system(cls) -> Actor:
        """The actor for command-line batch work and demo generation."""
        return cls(user_id=None, username="system", display_name="系统", role=Role.ADMIN)
