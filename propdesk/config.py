"""Settings: data folder, database (a SQLite file or a PostgreSQL server) and language.

Resolution order for the database URL: explicit argument (``--db``) →
environment ``PROPDESK_DATABASE_URL`` → the server in the settings file (host, port,
database, sslmode: the URL has no user or password, which are asked at login) →
``database_url`` in the settings file → a SQLite file ``propdesk.sqlite3`` in the user
data folder.

No password is ever written to ``settings.json`` (0600 on POSIX): a URL read from an older
file loses its password, and a PostgreSQL URL there becomes a :class:`ServerSettings`.

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
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from propdesk.files import private_dir, private_file, write_private

APP_NAME = "PropDesk"
ENV_DATA_DIR = "PROPDESK_DATA_DIR"
ENV_DATABASE_URL = "PROPDESK_DATABASE_URL"
SETTINGS_FILE = "settings.json"
DEFAULT_DB_FILE = "propdesk.sqlite3"
LANGUAGES = ("zh_CN", "en")
#: libpq's ``sslmode`` values; ``verify-full`` checks the server's certificate and name.
SSL_MODES = ("disable", "allow", "prefer", "require", "verify-ca", "verify-full")
DEFAULT_PORT = 5432


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
class ServerSettings:
    """Where a desk's shared PostgreSQL server is; who logs in is asked at each start."""

    host: str
    port: int = DEFAULT_PORT
    database: str = "propdesk"
    sslmode: str = "prefer"

    def url(self, username: str | None = None, password: str | None = None) -> str:
        """The SQLAlchemy URL, with the login only when given (never stored)."""
        return URL.create(
            "postgresql+psycopg",
            username=username or None,
            password=password or None,
            host=self.host,
            port=self.port,
            database=self.database,
            query={"sslmode": self.sslmode, "application_name": APP_NAME},
        ).render_as_string(hide_password=False)

    def describe(self) -> str:
        """``host:port/database`` for messages: no user, no password."""
        return f"{self.host}:{self.port}/{self.database}"

    @classmethod
    def from_raw(cls, raw: object) -> ServerSettings | None:
        if not isinstance(raw, dict) or not str(raw.get("host") or "").strip():
            return None
        port = raw.get("port", DEFAULT_PORT)
        sslmode = str(raw.get("sslmode") or "prefer")
        return cls(
            host=str(raw["host"]).strip(),
            port=port if isinstance(port, int) and 0 < port < 65536 else DEFAULT_PORT,
            database=str(raw.get("database") or "propdesk").strip(),
            sslmode=sslmode if sslmode in SSL_MODES else "prefer",
        )

    @classmethod
    def from_url(cls, url: str) -> ServerSettings | None:
        """The server of a ``postgresql://`` URL (its user and password are dropped)."""
        if "://" not in url:
            return None
        try:
            parsed = make_url(url)
        except (ValueError, ArgumentError):
            return None
        if parsed.get_backend_name() != "postgresql" or not parsed.host:
            return None
        sslmode = parsed.query.get("sslmode", "prefer")
        return cls.from_raw(
            {
                "host": parsed.host,
                "port": parsed.port or DEFAULT_PORT,
                "database": parsed.database or "propdesk",
                "sslmode": sslmode if isinstance(sslmode, str) else "prefer",
            }
        )


def without_password(url: str | None) -> str | None:
    """``url`` with any password removed (a path stays as it is)."""
    if not url or "://" not in url:
        return url
    try:
        parsed = make_url(url)
    except (ValueError, ArgumentError):
        return url
    if parsed.password is None:
        return url
    bare = URL.create(
        parsed.drivername,
        username=parsed.username,
        host=parsed.host,
        port=parsed.port,
        database=parsed.database,
        query=parsed.query,
    )
    return bare.render_as_string(hide_password=False)


@dataclass(frozen=True)
class Settings:
    """User-editable settings stored as JSON in the data folder.

    Attributes:
        database_url: a SQLite file (path or URL); ``None``: the data folder's file.
        server: the shared PostgreSQL server, when the desk uses one (wins over
            ``database_url``).
    """

    database_url: str | None = None
    language: str = "zh_CN"
    idle_lock_minutes: int = 15
    backup_keep: int = 10
    extra: dict[str, Any] = field(default_factory=dict)
    server: ServerSettings | None = None

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
        server = ServerSettings.from_raw(raw.get("server"))
        old_url = settings.database_url
        if server is None and old_url:
            server = ServerSettings.from_url(old_url)  # an older desk's typed URL
        if server is not None:
            settings = replace(settings, server=server)
            if ServerSettings.from_url(old_url or "") is not None:
                settings = replace(settings, database_url=None)
        settings = replace(settings, database_url=without_password(settings.database_url))
        if settings.language not in LANGUAGES:
            settings = replace(settings, language="zh_CN")
        return settings

    def save(self, folder: Path | None = None) -> None:
        """Write ``settings.json`` (0600 on POSIX); a password never reaches the file."""
        path = (folder or data_dir()) / SETTINGS_FILE
        tmp = path.with_suffix(".tmp")
        data = asdict(replace(self, database_url=without_password(self.database_url)))
        text = json.dumps(data, ensure_ascii=False, indent=2)
        write_private(tmp, text.encode("utf-8"))
        tmp.replace(path)


def resolve_database_url(explicit: str | None = None, settings: Settings | None = None) -> str:
    """Turn ``--db`` (a path or URL), the environment or the settings into a SQLAlchemy URL."""
    value = explicit or os.environ.get(ENV_DATABASE_URL)
    if not value:
        settings = settings or Settings.load()
        if settings.server is not None:
            return settings.server.url()
        value = settings.database_url
    if not value:
        return sqlite_url(data_dir() / DEFAULT_DB_FILE)
    if "://" in value:
        return value
    return sqlite_url(Path(value))


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path.expanduser().resolve()}"
