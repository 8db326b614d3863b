"""Two desks entering at once, on PostgreSQL.

Paper forms are numbered by ``UPDATE survey_campaign SET paper_forms = paper_forms + 1``:
the first desk's UPDATE row-locks the campaign, the second waits and numbers its form after
the first commits, so the re-check draw sees every form once. The same submission sent by
two desks (one key) makes one response and both desks get it; the same household entered by
two desks with two keys makes one response and the later desk is refused with a message. Each test forces the interleaving
(the first desk commits only once the second is seen waiting on its lock). SQLite
serialises writers (``BEGIN IMMEDIATE``), so there is no race to test there.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from propdesk.db.engine import Database
from propdesk.errors import Conflict, InvalidTransition
from propdesk.surveys import services as sv
from propdesk.surveys.models import SurveyResponse, SurveySample
from tests.pg_locks import wait_for_lock_waiter
from tests.propdesk.surveys.helpers import CLERK, Design, Estate, answers, open_campaign


def _postgres_only(db: Database) -> None:
    if db.engine.dialect.name != "postgresql":
        pytest.skip("SQLite serialises writers (BEGIN IMMEDIATE): no concurrent entry")


def _race(
    db: Database, first: Callable[[Session], Any], second: Callable[[Session], Any]
) -> dict[str, Any]:
    """``first`` runs and holds its transaction until ``second`` waits on its lock."""
    results: dict[str, Any] = {}
    went = threading.Event()

    def first_desk() -> None:
        try:
            with db.begin(CLERK) as s:
                results["first"] = first(s)
                went.set()
                wait_for_lock_waiter(db)
        except BaseException as exc:
            results["first"] = exc
            went.set()

    def second_desk() -> None:
        try:
            assert went.wait(10)
            with db.begin(CLERK) as s:
                results["second"] = second(s)
        except BaseException as exc:
            results["second"] = exc

    threads = [threading.Thread(target=first_desk), threading.Thread(target=second_desk)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    return results


def _sample(db: Database, cid: int, unit_id: int) -> int:
    with db.begin(CLERK) as s:
        sid = s.scalar(
            select(SurveySample.id).where(
                SurveySample.campaign_id == cid, SurveySample.unit_id == unit_id
            )
        )
    return int(sid or 0)


def test_two_desks_number_their_paper_forms_one_after_the_other(
    db: Database, estate: Estate, design: Design
) -> None:
    _postgres_only(db)
    cid = open_campaign(db, design)
    u = estate.eligible
    got = _race(
        db,
        lambda s: sv.submit_paper(s, cid, u[0], answers(design), form_no="A1", key="a"),
        lambda s: sv.submit_paper(s, cid, u[1], answers(design), form_no="A2", key="b"),
    )
    assert [got["first"].recheck, got["second"].recheck] == [True, False]
    with db.begin(CLERK) as s:
        seqs = sorted(int(x or 0) for x in s.scalars(select(SurveyResponse.paper_seq)))
    assert seqs == [1, 2]


@pytest.mark.parametrize("same_key", [True, False])
def test_the_same_household_entered_twice_at_once_makes_one_response(
    db: Database, estate: Estate, design: Design, same_key: bool
) -> None:
    _postgres_only(db)
    cid = open_campaign(db, design)
    sid = _sample(db, cid, estate.eligible[0])
    got = _race(
        db,
        lambda s: sv.submit_phone(s, sid, answers(design, (1, 4, 4)), key="k1"),
        lambda s: sv.submit_phone(
            s, sid, answers(design, (1, 4, 4)), key="k1" if same_key else "k2"
        ),
    )
    if same_key:
        assert got["second"] == got["first"]
    else:
        # refused: told the household was just answered (InvalidTransition when its read
        # waited for the first desk's commit, Conflict when it read the household before)
        assert isinstance(got["second"], Conflict | InvalidTransition)
        assert "已经答完" in str(got["second"]) or "另一位同事" in str(got["second"])
    with db.begin(CLERK) as s:
        assert s.scalar(select(func.count(SurveyResponse.id))) == 1
