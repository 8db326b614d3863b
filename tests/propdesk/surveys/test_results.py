"""Campaign statistics checked against plain SQL on SQLite and PostgreSQL: response rate,
score, satisfied share and distribution per question, per building, tickets, the previous
campaign on the same questions, and the month's headline."""

from __future__ import annotations

import random
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select, text

from propdesk import clock
from propdesk.db.engine import Database
from propdesk.surveys import queries as q
from propdesk.surveys import services as sv
from propdesk.surveys.models import SurveySample
from propdesk.surveys.values import CallOutcome, QuestionKind
from tests.propdesk.surveys.helpers import (
    CLERK,
    MANAGER,
    TODAY,
    Design,
    Estate,
    answers,
    open_campaign,
)


def _samples(db: Database, cid: int) -> list[tuple[int, int]]:
    with db.begin(CLERK) as s:
        return [
            (int(a), int(b))
            for a, b in s.execute(
                select(SurveySample.id, SurveySample.unit_id)
                .where(SurveySample.campaign_id == cid)
                .order_by(SurveySample.id)
            )
        ]


def _fill(db: Database, design: Design, cid: int, rng: random.Random, *, answered: int) -> None:
    for n, (sid, uid) in enumerate(_samples(db, cid)):
        ratings = (rng.randint(1, 5), rng.randint(2, 5), rng.randint(3, 5))
        given = answers(
            design,
            ratings,
            single=rng.randint(0, 2),
            multi=tuple(sorted(rng.sample(range(4), rng.randint(1, 3)))),
            text=rng.choice(("", "", "楼道灯坏了", "保安很负责")),
        )
        with db.begin(CLERK) as s:
            if n >= answered:
                sv.record_attempt(s, sid, CallOutcome.REFUSED if n % 2 else CallOutcome.NO_ANSWER)
            elif n % 3 == 2:
                sv.submit_paper(s, cid, uid, given, form_no=f"{cid}-{n}", key=f"{cid}p{n}")
            else:
                sv.submit_phone(s, sid, given, key=f"{cid}k{n}")


def _one(db: Database, sql: str, **params: Any) -> list[tuple[Any, ...]]:
    with db.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(sql), params)]


def _approx(value: Any) -> Any:
    return None if value is None else pytest.approx(float(value))


@pytest.fixture
def two_campaigns(
    db: Database, estate: Estate, design: Design, test_clock: clock.FixedClock
) -> tuple[int, int]:
    rng = random.Random(4)
    test_clock.set(test_clock.now() - timedelta(days=190))
    before = open_campaign(db, design, name="上次调查", starts_on=TODAY - timedelta(days=190))
    _fill(db, design, before, rng, answered=8)
    with db.begin(MANAGER) as s:
        sv.close_campaign(s, before)
    test_clock.set(test_clock.now() + timedelta(days=190))
    now = open_campaign(db, design, name="本次调查", seed=11)
    _fill(db, design, now, rng, answered=6)
    return before, now


def test_results_equal_plain_sql(
    db: Database, design: Design, estate: Estate, two_campaigns: tuple[int, int]
) -> None:
    before, cid = two_campaigns
    with db.begin(CLERK) as s:
        res = q.results(s, cid)
    (sample,) = _one(db, "select count(*) from survey_sample where campaign_id = :c", c=cid)
    (resp,) = _one(db, "select count(*) from survey_response where campaign_id = :c", c=cid)
    by_source = dict(
        _one(
            db,
            "select source, count(*) from survey_response where campaign_id = :c group by source",
            c=cid,
        )
    )
    assert (res.sample_size, res.responses) == (sample[0], resp[0]) == (8, 6)
    assert (res.phone_responses, res.paper_responses) == (by_source["phone"], by_source["paper"])
    assert res.response_rate == pytest.approx(resp[0] * 100 / sample[0])
    (refused,) = _one(
        db,
        "select count(*) from survey_sample where campaign_id = :c and status = 'refused'",
        c=cid,
    )
    assert res.refused == refused[0]
    assert res.unreached == sample[0] - resp[0] - refused[0]

    per_q = {
        qid: (n, mean, sat)
        for qid, n, mean, sat in _one(
            db,
            "select question_id, count(rating), avg(rating),"
            " sum(case when rating >= 4 then 1 else 0 end)"
            " from survey_answer where campaign_id = :c and rating is not null"
            " group by question_id",
            c=cid,
        )
    }
    dist = {
        (qid, r): n
        for qid, r, n in _one(
            db,
            "select question_id, rating, count(*) from survey_answer"
            " where campaign_id = :c and rating is not null group by question_id, rating",
            c=cid,
        )
    }
    chosen = {
        (qid, i): n
        for qid, i, n in _one(
            db,
            "select a.question_id, c.option_index, count(*) from survey_answer_choice c"
            " join survey_answer a on a.id = c.answer_id join survey_response r"
            " on r.id = a.response_id where r.campaign_id = :c"
            " group by a.question_id, c.option_index",
            c=cid,
        )
    }
    prev = dict(
        _one(
            db,
            "select question_id, avg(rating) from survey_answer"
            " where campaign_id = :c and rating is not null group by question_id",
            c=before,
        )
    )
    texts = dict(
        _one(
            db,
            "select question_id, count(*) from survey_answer where campaign_id = :c"
            " and text_enc <> '' group by question_id",
            c=cid,
        )
    )
    for r in res.questions:
        if r.kind is QuestionKind.RATING:
            n, mean, sat = per_q[r.question_id]
            assert r.answered == n == 6
            assert r.mean == _approx(mean)
            assert r.satisfied_pct == pytest.approx(sat * 100 / n)
            assert r.distribution == tuple(dist.get((r.question_id, k), 0) for k in range(1, 6))
            assert r.previous_mean == _approx(prev[r.question_id])
        elif r.kind is QuestionKind.TEXT:
            assert r.answered == texts.get(r.question_id, 0)
            assert r.mean is None
        else:
            assert r.distribution == tuple(
                chosen.get((r.question_id, i), 0) for i in range(len(r.labels))
            )
            assert r.answered == 6
    assert sum(res.questions[3].distribution) == 6  # single choice: one each

    (overall,) = _one(
        db,
        "select avg(rating), sum(case when rating >= 4 then 1 else 0 end) * 100.0 / count(rating)"
        " from survey_answer where campaign_id = :c and rating is not null",
        c=cid,
    )
    assert res.overall_mean == _approx(overall[0])
    assert res.overall_satisfied_pct == _approx(overall[1])
    (prev_overall,) = _one(
        db,
        "select avg(rating) from survey_answer where campaign_id = :c and rating is not null",
        c=before,
    )
    assert res.previous_name == "上次调查"
    assert res.previous_overall_mean == _approx(prev_overall[0])
    assert res.overall_mean_shared == _approx(res.overall_mean)  # one questionnaire: all shared

    buildings = {
        bid: (size, resp_n, mean)
        for bid, size, resp_n, mean in _one(
            db,
            "select u.building_id,"
            " (select count(*) from survey_sample s join unit su on su.id = s.unit_id"
            "   where s.campaign_id = :c and su.building_id = u.building_id),"
            " count(distinct r.id), avg(a.rating)"
            " from survey_response r join unit u on u.id = r.unit_id"
            " join survey_answer a on a.response_id = r.id"
            " where r.campaign_id = :c group by u.building_id",
            c=cid,
        )
    }
    assert {b.building_id for b in res.buildings} == set(estate.buildings)
    for b in res.buildings:
        size, resp_n, mean = buildings.get(b.building_id, (None, 0, None))
        assert (b.sample_size, b.responses) == (size, resp_n)
        assert b.mean == _approx(mean)

    (tickets,) = _one(
        db,
        "select count(*) from ticket t where t.kind = 'complaint' and exists"
        " (select 1 from survey_answer a where a.ticket_id = t.id and a.campaign_id = :c)",
        c=cid,
    )
    (low,) = _one(
        db,
        "select count(*) from survey_answer where campaign_id = :c and rating <= 2",
        c=cid,
    )
    assert res.tickets_opened == tickets[0] == low[0]  # nothing marked as a complaint
    assert len(res.comments) == sum(texts.values())
    assert all(c.text in ("楼道灯坏了", "保安很负责") for c in res.comments)


def test_month_figures_equal_plain_sql(
    db: Database, design: Design, two_campaigns: tuple[int, int], test_clock: clock.FixedClock
) -> None:
    before, cid = two_campaigns
    with db.begin(MANAGER) as s:
        sv.close_campaign(s, cid)
    day = clock.today()
    first = day.replace(day=1)
    with db.begin(CLERK) as s:
        month = q.month_figures(s, first, day + timedelta(days=3))
        empty = q.month_figures(s, first - timedelta(days=60), first - timedelta(days=30))
        res = q.results(s, cid)
    (row,) = _one(
        db,
        "select (select count(*) from survey_sample where campaign_id = :c),"
        " (select count(*) from survey_response where campaign_id = :c),"
        " (select avg(rating) from survey_answer where campaign_id = :c),"
        " (select count(*) from survey_answer where campaign_id = :c and ticket_id is not null)",
        c=cid,
    )
    assert month.campaigns == ("本次调查",)
    assert (month.sample_size, month.responses, month.tickets_opened) == (row[0], row[1], row[3])
    assert month.overall_mean == _approx(row[2])
    assert month.response_rate == pytest.approx(row[1] * 100 / row[0])
    assert month.satisfied_pct == pytest.approx(res.overall_satisfied_pct)
    assert month.previous_name == "上次调查"
    assert month.previous_overall_mean == pytest.approx(res.previous_overall_mean)
    assert empty.campaigns == ()
    assert empty.response_rate is None
    assert before != cid


def test_empty_campaign_has_no_figures(db: Database, design: Design, estate: Estate) -> None:
    cid = open_campaign(db, design)
    with db.begin(CLERK) as s:
        res = q.results(s, cid)
    assert (res.responses, res.overall_mean, res.overall_satisfied_pct) == (0, None, None)
    assert res.response_rate == 0
    assert all(r.mean is None and r.answered == 0 for r in res.questions)
    assert res.previous_name is None


def test_results_send_the_same_few_statements_however_many_answers(
    db: Database, design: Design, estate: Estate, two_campaigns: tuple[int, int]
) -> None:
    """No statement per answer or per response: one more response, the same statements."""
    from sqlalchemy import event

    _before, cid = two_campaigns

    def statements() -> tuple[int, Any]:
        seen: list[str] = []

        def record(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
            seen.append(statement)

        event.listen(db.engine, "before_cursor_execute", record)
        try:
            with db.begin(CLERK) as s:
                res = q.results(s, cid)
        finally:
            event.remove(db.engine, "before_cursor_execute", record)
        return len(seen), res

    first, before = statements()
    with db.begin(CLERK) as s:
        open_sample = s.scalar(
            select(SurveySample.id).where(
                SurveySample.campaign_id == cid, SurveySample.status == "no_answer"
            )
        )
        assert open_sample is not None
        sv.submit_phone(s, open_sample, answers(design, (2, 2, 2), text="再来"), key="more")
    second, after = statements()
    assert after.responses == before.responses + 1 == 7
    assert second == first
    assert first <= 16
