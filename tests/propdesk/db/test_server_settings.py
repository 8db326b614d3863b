"""Server settings: host, port, database and sslmode are saved; a password never is."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from propdesk.config import (
    SETTINGS_FILE,
    ServerSettings,
    Settings,
    resolve_database_url,
    without_password,
)


def test_server_settings_are_saved_without_any_password(tmp_path: Path) -> None:
    server = ServerSettings(
        host="db.estate.lan", port=5433, database="cuihu", sslmode="verify-full"
    )
    Settings(server=server, database_url="postgresql+psycopg://a:Secret-1@x/y").save(tmp_path)
    raw = (tmp_path / SETTINGS_FILE).read_text(encoding="utf-8")
    assert "Secret-1" not in raw
    assert json.loads(raw)["server"] == {
        "host": "db.estate.lan",
        "port": 5433,
        "database": "cuihu",
        "sslmode": "verify-full",
    }
    if os.name == "posix":
        assert stat.S_IMODE((tmp_path / SETTINGS_FILE).stat().st_mode) == 0o600
    assert Settings.load(tmp_path).server == server


def test_an_older_desks_typed_url_becomes_server_settings_and_loses_its_password(
    tmp_path: Path,
) -> None:
    (tmp_path / SETTINGS_FILE).write_text(
        json.dumps(
            {"database_url": "postgresql+psycopg://desk:Secret-1@10.0.0.5:5432/pd?sslmode=require"}
        ),
        encoding="utf-8",
    )
    loaded = Settings.load(tmp_path)
    assert loaded.server == ServerSettings(host="10.0.0.5", database="pd", sslmode="require")
    assert loaded.database_url is None
    loaded.save(tmp_path)
    assert "Secret-1" not in (tmp_path / SETTINGS_FILE).read_text(encoding="utf-8")


def test_the_server_url_has_the_login_only_when_given() -> None:
    server = ServerSettings(host="db", sslmode="require")
    assert (
        server.url()
        == "postgresql+psycopg://db:5432/propdesk?application_name=PropDesk&sslmode=require"
    )
    assert server.url("li", "p@ss").startswith("postgresql+psycopg://li:p%40ss@db:5432/propdesk")
    assert server.describe() == "db:5432/propdesk"
    assert resolve_database_url(None, Settings(server=server)) == server.url()


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ({"host": "db", "port": 99999, "sslmode": "bogus"}, ServerSettings(host="db")),
        ({"host": " "}, None),
        ("nonsense", None),
    ],
)
def test_bad_server_values_fall_back(raw: object, expected: ServerSettings | None) -> None:
    assert ServerSettings.from_raw(raw) == expected


def test_without_password_keeps_paths_and_strips_urls() -> None:
    assert without_password("/data/desk.sqlite3") == "/data/desk.sqlite3"
    assert without_password("postgresql+psycopg://u:pw@h/d") == "postgresql+psycopg://u@h/d"


def test_a_database_migrated_by_a_newer_app_is_refused_before_migrating(tmp_path: Path) -> None:
    from sqlalchemy import text

    from propdesk.db.engine import make_engine, open_database
    from propdesk.db.schema_version import SchemaTooNew

    url = f"sqlite:///{tmp_path / 'newer.sqlite3'}"
    open_database(url).dispose()
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO alembic_version VALUES ('zz_future_0001')"))
    engine.dispose()
    with pytest.raises(SchemaTooNew, match="请在本机安装最新版本的 PropDesk"):
        open_database(url)
