"""The desk's security settings: idle lock time and how many backups to keep.

They live in the local settings file (:class:`propdesk.config.Settings`); changing them
is a settings change and needs ``MANAGE_SETTINGS``, checked here.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from propdesk.auth.actor import Actor
from propdesk.auth.permissions import Permission, require
from propdesk.config import Settings
from propdesk.errors import ValidationError

IDLE_RANGE = (0, 240)  # minutes; 0 turns the idle lock off
KEEP_RANGE = (1, 100)


def save_security_settings(
    actor: Actor | None,
    settings: Settings,
    *,
    idle_lock_minutes: int,
    backup_keep: int,
    folder: Path | None = None,
) -> Settings:
    """Validate, save and return the new settings (needs MANAGE_SETTINGS)."""
    require(actor, Permission.MANAGE_SETTINGS)
    lo, hi = IDLE_RANGE
    if not lo <= idle_lock_minutes <= hi:
        raise ValidationError(
            "idle_lock_minutes", f"自动锁屏时间应在 {lo} 到 {hi} 分钟之间（0 为不锁屏）。"
        )
    lo, hi = KEEP_RANGE
    if not lo <= backup_keep <= hi:
        raise ValidationError("backup_keep", f"保留的备份份数应在 {lo} 到 {hi} 之间。")
    new = replace(settings, idle_lock_minutes=idle_lock_minutes, backup_keep=backup_keep)
    new.save(folder)
    return new
