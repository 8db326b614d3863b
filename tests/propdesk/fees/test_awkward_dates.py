"""Billing, reminder letters and notices on awkward dates: the business day and month are
the estate's local ones (Asia/Shanghai), whatever UTC's date is at that moment."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from propdesk import clock
from propdesk.db.engine import Database
from propdesk.fees.billing import billed_periods, current_period, run_billing
from propdesk.fees.models import BillingRun, BillLine, NoticeLog
from propdesk.fees.notices import (
    estate_header,
    log_notices,
    notice_pages,
    reminder_letters,
    unit_collection_status,
)
from propdesk.fees.periods import add_months, last_day
from propdesk.fees.settings import FeeSettings, save_fee_settings
from reports.pdf.fee_notices import letters_pdf, notices_pdf
from tests.propdesk.fees.fee_fixtures import CLERK, MANAGER, Estate, set_standard_rates

CHINA = ZoneInfo("Asia/Shanghai")


@dataclass(frozen=True)
class Moment:
    """A wall-clock moment at the estate and the business day and month it belongs to."""

    at: datetime
    day: date
    period: str

    @property
    def utc_day(self) -> date:
        return self.at.astimezone(ZoneInfo("UTC")).date()


MOMENTS = {
    "last-day-of-month": Moment(
        datetime(2026, 4, 30, 23, 30, tzinfo=CHINA), date(2026, 4, 30), "2026-04"
    ),
    "new-years-eve-23:59": Moment(
        datetime(2026, 12, 31, 23, 59, tzinfo=CHINA), date(2026, 12, 31), "2026-12"
    ),
    "leap-day-2028": Moment(
        datetime(2028, 2, 29, 10, 0, tzinfo=CHINA), date(2028, 2, 29), "2028-02"
    ),
    "first-at-07:30": Moment(
        datetime(2026, 7, 1, 7, 30, tzinfo=CHINA), date(2026, 7, 1), "2026-07"
    ),
}
moments = pytest.mark.parametrize("moment", list(MOMENTS.values()), ids=list(MOMENTS))


def test_the_awkward_moments_are_what_they_claim() -> None:
    first = MOMENTS["first-at-07:30"]
    assert first.utc_day == date(2026, 6, 30)  # still the previous day (and month) in UTC
    assert MOMENTS["new-years-eve-23:59"].at.astimezone(CHINA).year == 2026
    assert MOMENTS["leap-day-2028"].day.month == 2


@moments
def test_billing_run_bills_the_local_month(
    db: Database, estate: Estate, test_clock: clock.FixedClock, moment: Moment
) -> None:
    set_standard_rates(db)
    test_clock.set(moment.at)
    with db.begin(MANAGER) as s:
        assert clock.today(s) == moment.day
        assert current_period(s) == moment.period
        result = run_billing(s)  # no month given: the estate's current month
        assert result.period == moment.period
        assert result.lines_created > 0
        run = s.get(BillingRun, result.run_id)
        assert run is not None
        assert clock.local_date(run.started_at) == moment.day
        dues = set(s.scalars(select(BillLine.due_date).where(BillLine.run_id == result.run_id)))
        assert dues == {last_day(moment.period)}
        assert [p for p, _n, _a in billed_periods(s)] == [moment.period]
        # a second run the same minute finds the month already billed
        assert run_billing(s).lines_created == 0


def _first_threshold_today(db: Database, moment: Moment, test_clock: clock.FixedClock) -> str:
    """Bill the month before ``moment`` (at that moment: a month is billed at most 12 months
    ahead) and set the first reminder threshold so that its lines reach it exactly on the
    local day (one day short by the UTC date, on the 1st)."""
    test_clock.set(moment.at)
    previous = add_months(moment.period, -1)
    days = (moment.day - last_day(previous)).days
    set_standard_rates(db)
    with db.begin(MANAGER) as s:
        save_fee_settings(
            s,
            FeeSettings(
                reminder_days_1=days, reminder_days_2=days + 60, reminder_days_final=days + 150
            ),
        )
        run_billing(s, previous)
    return previous


@moments
def test_reminder_letters_are_dated_the_local_day(
    db: Database, estate: Estate, test_clock: clock.FixedClock, moment: Moment
) -> None:
    _first_threshold_today(db, moment, test_clock)
    # the evening before, nobody is due a letter yet
    test_clock.set(moment.at - timedelta(days=1))
    with db.begin(CLERK) as s:
        assert reminder_letters(s) == []
    test_clock.set(moment.at)
    with db.begin(CLERK) as s:
        letters = reminder_letters(s)
        assert sorted(x.unit_id for x in letters) == sorted(estate.unit_ids)
        assert {x.as_of for x in letters} == {moment.day}
        assert {x.level for x in letters} == {1}
        log_notices(s, [(x.unit_id, "reminder", x.level, "", x.owed_fen) for x in letters])
        header = estate_header(s)
    with db.begin(CLERK) as s:
        sent = set(s.scalars(select(NoticeLog.sent_at)))
        assert {clock.local_date(t) for t in sent} == {moment.day}
        status = unit_collection_status(s, estate.unit_ids[0])
        assert status.last_notice == f"{moment.day.isoformat()} 第一次催缴函"
        assert status.reminder_level == 1
        assert reminder_letters(s) == []  # each level once, the same day
    text = _pdf_text(letters_pdf(letters, header))
    day = moment.day
    assert f"截至{day.year}年{day.month}月{day.day}日" in text


@moments
def test_letters_dated_ahead_carry_that_local_day(
    db: Database, estate: Estate, test_clock: clock.FixedClock, moment: Moment
) -> None:
    """A batch printed today but dated another day is logged on that local day."""
    _first_threshold_today(db, moment, test_clock)
    test_clock.set(moment.at - timedelta(days=1))
    with db.begin(CLERK) as s:
        letters = reminder_letters(s, as_of=moment.day)
        assert {x.as_of for x in letters} == {moment.day}
        log_notices(
            s, [(x.unit_id, "reminder", x.level, "", x.owed_fen) for x in letters], on=moment.day
        )
    with db.begin(CLERK) as s:
        sent = set(s.scalars(select(NoticeLog.sent_at)))
        assert {clock.local_date(t) for t in sent} == {moment.day}
    test_clock.set(moment.at)
    with db.begin(CLERK) as s:
        assert reminder_letters(s) == []


@moments
def test_payment_notices_of_the_local_month(
    db: Database, estate: Estate, test_clock: clock.FixedClock, moment: Moment
) -> None:
    set_standard_rates(db)
    test_clock.set(moment.at)
    with db.begin(MANAGER) as s:
        period = run_billing(s).period
        pages = notice_pages(s, period)
        log_notices(s, [(p.unit_id, "notice", 0, p.period, p.total_fen) for p in pages])
        header = estate_header(s)
    assert period == moment.period
    assert {p.due_date for p in pages} == {last_day(moment.period)}
    with db.begin(CLERK) as s:
        status = unit_collection_status(s, estate.unit_ids[0])
    assert status.last_notice == f"{moment.day.isoformat()} {moment.period} 缴费通知单"
    text = _pdf_text(notices_pdf(pages, header, printed_at=clock.now()))
    assert moment.day.isoformat() in text


def _pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
