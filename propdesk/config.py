"""Settings: data folder, database URL and language.

Resolution order for the database URL: explicit argument (``--db``) →
environment ``PROPDESK_DATABASE_URL`` → ``database_url`` in the settings file →
a SQLite file ``propdesk.sqlite3`` in the user data folder.

The data folder is ``platformdirs.user_data_dir("PropDesk")`` unless
``PROPDESK_DATA_DIR`` is set (tests and portable installs use it).
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

import platformdirs

from propdesk.files import private_dir, private_file, write_private

APP_NAME = "PropDesk"
ENV_DATA_DIR = "PROPDESK_DATA_DIR"
ENV_DATABASE_URL = "PROPDESK_DATABASE_URL"
SETTINGS_FILE = "settings.json"
DEFAULT_DB_FILE = "propdesk.sqlite3"
LANGUAGES = ("zh_CN", "en")


def data_dir() -> Path:
    """The folder holding the SQLite file, settings, attachments and backups (0700 on POSIX)."""
    override = os.environ.get(ENV_DATA_DIR)
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, False))
    private_dir(path)
    for name in (
        DEFAULT_DB_FILE,
        f"{DEFAULT_DB_FILE}-wal",
        f"{DEFAULT_DB_FILE}-shm",
        SETTINGS_FILE,
    ):
        private_file(path / name)  # an older install's files: 0600 from now on (POSIX)
    return path


@dataclass(frozen=True)
class Settings:
    """User-editable settings stored as JSON in the data folder."""

    database_url: str | None = None
    language: str = "zh_CN"
    idle_lock_minutes: int = 15
    backup_keep: int = 10
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def load(cls, folder: Path | None = None) -> Settings:
        path = (folder or data_dir()) / SETTINGS_FILE
        if not path.exists():
            return cls()
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        known = {
            k: raw[k]
            for k in ("database_url", "language", "idle_lock_minutes", "backup_keep")
            if k in raw
        }
        settings = cls(**known, extra=raw.get("extra", {}))
        if settings.language not in LANGUAGES:
            settings = replace(settings, language="zh_CN")
        return settings

    def save(self, folder: Path | None = None) -> None:
        path = (folder or data_dir()) / SETTINGS_FILE
        tmp = path.with_suffix(".tmp")
        text = json.dumps(asdict(self), ensure_ascii=False, indent=2)
        write_private(tmp, text.encode("utf-8"))
        tmp.replace(path)


def resolve_database_url(explicit: str | None = None, settings: Settings | None = None) -> str:
    """Turn ``--db`` (a path or URL), the environment or the settings into a SQLAlchemy URL."""
    value = (
        explicit or os.environ.get(ENV_DATABASE_URL) or (settings or Settings.load()).database_url
    )
    if not value:
        return sqlite_url(data_dir() / DEFAULT_DB_FILE)
    if "://" in value:
        return value
    return sqlite_url(Path(value))


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path.expanduser().resolve()}"
