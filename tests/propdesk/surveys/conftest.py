"""The survey estate and design for the tests that ask for them."""

from __future__ import annotations

import pytest

from propdesk.db.engine import Database
from tests.propdesk.surveys.helpers import Design, Estate, make_design, make_estate


@pytest.fixture
def estate(db: Database) -> Estate:
    return make_estate(db)


@pytest.fixture
def design(db: Database, estate: Estate) -> Design:
    return make_design(db)
