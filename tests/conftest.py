"""Shared fixtures: a freshly migrated database per test, on SQLite and (when
``PROPDESK_TEST_PG_URL`` is set, as in CI) on PostgreSQL.

Core tests take ``db`` (runs on both back ends); GUI tests take ``sqlite_db``.
Tests under ``tests/ui`` are marked ``gui`` automatically, so
``pytest -m "not gui"`` runs the core alone.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from propdesk import clock
from propdesk.db.engine import Database, make_engine, open_database
from propdesk.db.model_modules import import_all_models
from propdesk.models_base import Base

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# A fixed personal-data key (propdesk.pii.keys): tests never touch the OS keyring or a key file.
os.environ.setdefault("PROPDESK_PII_KEY", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")


def _worker_pg_url(url: str | None) -> str | None:
    """Under pytest-xdist each worker gets its own PostgreSQL database (``<name>_gw0``...),
    created on first use, so parallel workers never truncate each other's tables."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not url or not worker:
        return url
    from sqlalchemy.engine import make_url

    base = make_url(url)
    name = f"{base.database}_{worker}"
    admin = make_engine(url)
    try:
        with admin.connect() as conn:
            conn = conn.execution_options(isolation_level="AUTOCOMMIT")
            exists = conn.execute(
                text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}
            ).scalar()
            if not exists:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        admin.dispose()
    worker_url = base.set(database=name).render_as_string(hide_password=False)
    os.environ["PROPDESK_TEST_PG_URL"] = worker_url
    return worker_url


PG_URL = _worker_pg_url(os.environ.get("PROPDESK_TEST_PG_URL"))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if "/tests/ui/" in str(item.path).replace(os.sep, "/"):
            item.add_marker(pytest.mark.gui)


# Every test runs on an injected clock, so the suite passes on any date. Override with
# PROPDESK_TEST_NOW (an ISO time with its offset) to run the whole suite on another day.
TEST_NOW = datetime.fromisoformat(
    os.environ.get("PROPDESK_TEST_NOW") or "2026-06-15T10:00:00+08:00"
)


@pytest.fixture(autouse=True)
def test_clock() -> Iterator[clock.FixedClock]:
    """The process clock, fixed at ``TEST_NOW``; a test may ``set`` or ``advance`` it."""
    fixed = clock.FixedClock(TEST_NOW)
    with clock.installed(fixed):
        yield fixed


@pytest.fixture(autouse=True)
def _data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own data folder (settings, attachments, backups)."""
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setenv("PROPDESK_DATA_DIR", str(folder))
    monkeypatch.delenv("PROPDESK_DATABASE_URL", raising=False)
    return folder


@pytest.fixture(autouse=True)
def _qt_settings(tmp_path: Path) -> None:
    """QSettings (remembered folders, window state) live in the test's own folder, so tests and
    parallel workers never share them and the developer's own settings are untouched."""
    from PySide6.QtCore import QSettings

    folder = str(tmp_path / "qsettings")
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, folder)


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    database = open_database(f"sqlite:///{path}")
    with database.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.dispose()
    return path


def _fresh_sqlite(template: Path, folder: Path) -> Database:
    path = folder / "propdesk.sqlite3"
    shutil.copy(template, path)
    return open_database(f"sqlite:///{path}")


def _money_still_adds_up(request: pytest.FixtureRequest, database: Database) -> None:
    """After every test on a database: each line's paid amount equals its live allocations and
    each payment its allocations plus credit (``propdesk check money``). A test that breaks the
    books on purpose says so with ``@pytest.mark.money_broken``."""
    if request.node.get_closest_marker("money_broken"):
        return
    from propdesk.fees.invariant import check_money

    with database.begin() as session:
        problems = check_money(session)
    assert not problems, "money invariant broken:\n" + "\n".join(p.message for p in problems)


@pytest.fixture
def sqlite_db(
    request: pytest.FixtureRequest, _sqlite_template: Path, tmp_path: Path
) -> Iterator[Database]:
    database = _fresh_sqlite(_sqlite_template, tmp_path)
    yield database
    _money_still_adds_up(request, database)
    database.dispose()


@pytest.fixture(scope="session")
def _pg_migrated() -> str:
    assert PG_URL
    engine = make_engine(PG_URL)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    open_database(PG_URL).dispose()
    return PG_URL


def _truncate_all(database: Database) -> None:
    import_all_models()
    names = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
    with database.engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(
    request: pytest.FixtureRequest, _sqlite_template: Path, tmp_path: Path
) -> Iterator[Database]:
    """A migrated, empty database: SQLite file, or the CI PostgreSQL server."""
    if request.param == "sqlite":
        database = _fresh_sqlite(_sqlite_template, tmp_path)
    else:
        if not PG_URL:
            pytest.skip("PROPDESK_TEST_PG_URL not set (CI sets it)")
        database = open_database(request.getfixturevalue("_pg_migrated"))
        _truncate_all(database)
    yield database
    _money_still_adds_up(request, database)
    database.dispose()
