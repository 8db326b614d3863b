"""GUI fixtures: an AppContext over the test SQLite file (inline executor) and a small estate."""

from __future__ import annotations

import pytest

from propdesk.db.engine import Database
from tests.ui.helpers import SmallEstate, build_small_estate, make_ctx
from ui.context import AppContext


@pytest.fixture
def ui_ctx(sqlite_db: Database) -> AppContext:
    """A supervisor's context (sees full phones) with an inline executor."""
    return make_ctx(sqlite_db)


@pytest.fixture
def small_estate(sqlite_db: Database) -> SmallEstate:
    return build_small_estate(sqlite_db)
