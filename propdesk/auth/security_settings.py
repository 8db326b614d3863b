"""The desk's own security settings: how many backups to keep.

They live in the local settings file (:class:`propdesk.config.Settings`); changing them
is a settings change and needs ``MANAGE_SETTINGS``, checked here. The idle-lock time is
not a desk setting any more: it is the estate's policy in the database
(:mod:`propdesk.auth.policy`), so a desk cannot turn the lock off.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from propdesk.auth.actor import Actor
from propdesk.auth.permissions import Permission, require
from propdesk.config import Settings
from propdesk.errors import ValidationError

KEEP_RANGE = (1, 100)


def save_security_settings(
    actor: Actor | None,
    settings: Settings,
    *,
    backup_keep: int,
    folder: Path | None = None,
) -> Settings:
    """Validate, save and return the new settings (needs MANAGE_SETTINGS)."""
    require(actor, Permission.MANAGE_SETTINGS)
    lo, hi = KEEP_RANGE
    if not lo <= backup_keep <= hi:
        raise ValidationError("backup_keep", f"保留的备份份数应在 {lo} 到 {hi} 之间。")
    new = replace(settings, backup_keep=backup_keep)
    new.save(folder)
    return new
