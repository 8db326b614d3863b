"""Fixtures of the fee tests."""

from __future__ import annotations

import pytest

from propdesk.db.engine import Database
from tests.propdesk.fees.fee_fixtures import Estate, make_estate
from tests.propdesk.fees.money_check import money_checked

__all__ = ["estate", "money_checked"]


@pytest.fixture
def estate(db: Database) -> Estate:
    return make_estate(db)
