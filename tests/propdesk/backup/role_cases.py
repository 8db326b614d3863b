"""Role cases of backup and restore: checking a backup for a restore needs BACKUP_RESTORE."""

from __future__ import annotations

from dataclasses import replace

from propdesk.auth.permissions import Permission
from propdesk.backup import sqlite_backup as backup
from tests.propdesk.auth.role_matrix import Call, Guarded, _backup_file


def _plan(c: Call) -> object:
    actor = replace(c.actor, user_id=900 + c.n) if c.actor else None  # a logged-in user
    return backup.plan_restore(c.world.db, c.prepared, actor=actor)


CASES: list[Guarded] = [
    Guarded(
        "propdesk.backup.sqlite_backup.plan_restore",
        Permission.BACKUP_RESTORE,
        _plan,
        prepare=_backup_file,
    ),
]
