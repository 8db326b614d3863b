"""Where a ticket came from (来源), on SQLite and PostgreSQL: a survey's follow-up tickets say
满意度调查 whether the answers came by phone or on paper, every source has its Chinese name,
and tickets_0005 widens the source CHECK and narrows it back on downgrade."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from propdesk.db.engine import Database
from propdesk.db.migrate import alembic_config
from propdesk.surveys import services as sv
from propdesk.tickets import services as svc
from propdesk.tickets.models import Ticket
from propdesk.tickets.print_data import work_order_data
from propdesk.tickets.values import SOURCE_ZH, TicketSource
from tests.propdesk.surveys.helpers import (
    CLERK,
    answers,
    make_design,
    make_estate,
    open_campaign,
)
from tests.propdesk.tickets.helpers import MANAGER, category_id, make_desk


def test_every_source_has_a_chinese_name() -> None:
    assert set(SOURCE_ZH) == set(TicketSource)
    assert SOURCE_ZH[TicketSource.VISIT] == "走访"
    assert SOURCE_ZH[TicketSource.SURVEY] == "满意度调查"


def test_survey_follow_ups_come_from_the_survey_by_phone_and_on_paper(db: Database) -> None:
    estate = make_estate(db)
    design = make_design(db)
    cid = open_campaign(db, design)
    phone_unit, paper_unit = estate.eligible[0], estate.eligible[1]
    with db.begin(CLERK) as s:
        from propdesk.surveys.models import SurveySample

        sid = s.scalar(
            select(SurveySample.id).where(
                SurveySample.campaign_id == cid, SurveySample.unit_id == phone_unit
            )
        )
        assert sid is not None
        by_phone = sv.submit_phone(s, sid, answers(design, (5, 2, 4)), key="phone-1")
        on_paper = sv.submit_paper(
            s, cid, paper_unit, answers(design, (1, 4, 4)), form_no="手写-1", key="paper-1"
        )
    assert len(by_phone.ticket_ids) == 1
    assert len(on_paper.ticket_ids) == 1
    with db.begin(CLERK) as s:
        ticket_ids = by_phone.ticket_ids + on_paper.ticket_ids
        sources = dict(
            s.execute(select(Ticket.unit_id, Ticket.source).where(Ticket.id.in_(ticket_ids))).all()
        )
        printed = work_order_data(s, on_paper.ticket_ids[0]).source
    assert sources == {phone_unit: "survey", paper_unit: "survey"}
    assert printed == "满意度调查"


def _source_of(db: Database, ticket_id: int) -> str:
    with db.engine.connect() as conn:
        return str(
            conn.execute(text("SELECT source FROM ticket WHERE id = :i"), {"i": ticket_id}).scalar()
        )


def _set_source(db: Database, ticket_id: int, source: str) -> None:
    with db.engine.begin() as conn:
        conn.execute(
            text("UPDATE ticket SET source = :s WHERE id = :i"), {"s": source, "i": ticket_id}
        )


def test_tickets_0005_widens_the_source_check_and_downgrade_narrows_it(db: Database) -> None:
    desk = make_desk(db)
    repair = category_id(db, "repair", "plumbing")
    with db.begin(MANAGER) as s:
        intake = svc.Intake(
            kind="repair", category_id=repair, description="走访发现：厨房水管渗水",
            source="visit", unit_id=desk.unit_id, person_id=desk.person_id,
        )  # fmt: skip
        visit_ticket = svc.create_ticket(s, intake).id
        intake = svc.Intake(
            kind="repair", category_id=repair, description="门口下水道堵了",
            source="phone", unit_id=desk.unit2_id, reporter_name="李四",
        )  # fmt: skip
        phone_ticket = svc.create_ticket(s, intake).id

    command.downgrade(alembic_config(db.engine), "tickets_0005@-1")
    try:
        # the new sources go back to what they were stored as before: 其他
        assert _source_of(db, visit_ticket) == "other"
        assert _source_of(db, phone_ticket) == "phone"
        with pytest.raises(IntegrityError):
            _set_source(db, phone_ticket, "survey")
    finally:
        command.upgrade(alembic_config(db.engine), "heads")
    _set_source(db, phone_ticket, "survey")
    _set_source(db, visit_ticket, "visit")
    assert (_source_of(db, phone_ticket), _source_of(db, visit_ticket)) == ("survey", "visit")
    with pytest.raises(IntegrityError):
        _set_source(db, phone_ticket, "picnic")
    _set_source(db, phone_ticket, "phone")
