"""Fixtures of the fee tests."""

from __future__ import annotations

import pytest
from tests.propdesk.fees.fee_fixtures import Estate, make_estate

from propdesk.db.engine import Database


@pytest.fixture
def estate(db: Database) -> Estate:
    return make_estate(db)
