"""The archive estate for the tests that ask for it."""

from __future__ import annotations

import pytest

from propdesk.db.engine import Database
from tests.propdesk.archive.helpers import Estate, make_estate


@pytest.fixture
def estate(db: Database) -> Estate:
    return make_estate(db)
