"""The call-desk estate for the tests that ask for it."""

from __future__ import annotations

import pytest

from propdesk.db.engine import Database
from tests.propdesk.calls.helpers import CallEstate, make_estate


@pytest.fixture
def estate(db: Database) -> CallEstate:
    return make_estate(db)
