"""``propdesk demo --today D --seed S`` writes the same rows on every run, whatever the
process clock says: every timestamp derives from DemoContext.today and the seeded RNG."""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import inspect, select

from propdesk import clock
from propdesk.db.engine import Database, open_database
from propdesk.db.model_modules import import_all_models
from propdesk.demo import build
from propdesk.models_base import Base

TODAY = date(2026, 11, 20)
SEED = 5
UNITS = 40
# Password hashes carry a random salt by design (a fixed salt would be a weakness);
# the demo users' passwords are checked by logging in instead.
RANDOM_BY_DESIGN = {("app_user", "password_hash")}

Fingerprint = dict[str, list[tuple[str, ...]]]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty, migrated SQLite file each build starts from."""
    path = tmp_path_factory.mktemp("demo-template") / "template.sqlite3"
    open_database(f"sqlite:///{path}").dispose()
    return path


def _fingerprint(db: Database) -> Fingerprint:
    import_all_models()
    out: Fingerprint = {}
    with db.engine.connect() as conn:
        present = set(inspect(conn).get_table_names())
        for table in Base.metadata.sorted_tables:
            if table.name not in present:
                continue
            cols = [c for c in table.columns if (table.name, c.name) not in RANDOM_BY_DESIGN]
            rows = conn.execute(select(*cols)).all()
            out[table.name] = sorted(tuple(repr(v) for v in row) for row in rows)
    return out


def _build(template: Path, path: Path, process_now: datetime) -> Fingerprint:
    shutil.copy(template, path)
    db = open_database(f"sqlite:///{path}")
    try:
        with clock.installed(clock.FixedClock(process_now)):
            build.generate_demo(db, units=UNITS, seed=SEED, today=TODAY)
        return _fingerprint(db)
    finally:
        db.dispose()


def test_same_today_and_seed_write_identical_data_whatever_the_clock(
    template: Path, tmp_path: Path
) -> None:
    first = _build(template, tmp_path / "a.sqlite3", datetime(2026, 12, 2, 9, 13, tzinfo=UTC))
    second = _build(template, tmp_path / "b.sqlite3", datetime(2031, 3, 1, 23, 59, 59, tzinfo=UTC))
    assert first.keys() == second.keys()
    differing = sorted(name for name in first if first[name] != second[name])
    assert not differing, f"tables that differ between the two runs: {differing}"
    assert sum(len(rows) for rows in first.values()) > 1000


def test_demo_build_runs_on_the_demo_moment(template: Path, tmp_path: Path) -> None:
    from propdesk.audit.models import AuditEntry

    path = tmp_path / "c.sqlite3"
    shutil.copy(template, path)
    db = open_database(f"sqlite:///{path}")
    try:
        with clock.installed(clock.FixedClock(datetime(2030, 1, 1, tzinfo=UTC))):
            build.generate_demo(db, units=5, seed=1, today=TODAY)
        with db.session_factory() as s:
            latest = s.scalar(select(AuditEntry.at).order_by(AuditEntry.at.desc()).limit(1))
        assert latest is not None
        assert clock.local_date(latest) == TODAY
    finally:
        db.dispose()


def test_default_today_is_the_session_clock(
    template: Path, tmp_path: Path, test_clock: clock.FixedClock
) -> None:
    path = tmp_path / "d.sqlite3"
    shutil.copy(template, path)
    db = open_database(f"sqlite:///{path}")
    try:
        test_clock.set(datetime(2027, 2, 28, 23, 30, tzinfo=clock.estate_zone()))
        build.generate_demo(db, units=1, seed=1)
        from propdesk.registry.models import Estate

        with db.session_factory() as s:
            created = s.scalar(select(Estate.created_at))
        assert created is not None
        assert clock.to_local(created) == datetime(2027, 2, 28, 23, 30, tzinfo=clock.estate_zone())
    finally:
        db.dispose()
