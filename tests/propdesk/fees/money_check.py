"""The money invariant as a test helper: call it at the end of a fee scenario."""

from __future__ import annotations

import pytest

from propdesk.db.engine import Database
from propdesk.fees.invariant import check_money


def assert_money_consistent(db: Database) -> None:
    """Fail with every problem listed when the money invariant does not hold."""
    with db.begin(write=False) as session:
        problems = check_money(session)
    assert not problems, "\n".join(p.message for p in problems)


@pytest.fixture
def money_checked(db: Database) -> object:
    """Check the money invariant after the test (use with ``pytest.mark.usefixtures``)."""
    yield None
    assert_money_consistent(db)
