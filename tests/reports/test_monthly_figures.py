"""One definition per figure: the complaint count is the same number on every page of the
monthly report (PDF and Excel) and equals plain SQL — with a cancelled complaint in the month,
the case where page 1 once said 6 and page 3 said 5."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import text

from propdesk.auth.actor import Actor
from propdesk.demo.build import generate_demo
from propdesk.reporting.figures import complaint_count
from propdesk.reporting.monthly import monthly_report
from propdesk.reporting.values import MonthlyReport
from reports.excel.monthly_report import monthly_report_xlsx
from reports.pdf.monthly_report import monthly_report_pdf
from tests.propdesk.reporting.plain_sql import Plain

TODAY = date(2026, 11, 20)


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> tuple[MonthlyReport, int]:
    """A demo month with one of its complaints cancelled; (report, plain-SQL count)."""
    from propdesk.db.engine import open_database

    db = open_database(f"sqlite:///{tmp_path_factory.mktemp('figures')}/demo.sqlite3")
    try:
        generate_demo(db, units=150, seed=11, today=TODAY)
        with db.begin(Actor.system()) as s:
            # the demo's busiest complaint month before this one (the demo's mix may change;
            # the case needs a month that still has complaints after one is cancelled)
            busiest = s.execute(
                text(
                    "SELECT period, COUNT(*) AS n FROM ticket WHERE kind = 'complaint' "
                    "AND status <> 'cancelled' AND period < :now GROUP BY period "
                    "ORDER BY n DESC, period DESC LIMIT 1"
                ),
                {"now": f"{TODAY:%Y-%m}"},
            ).one()
            month = str(busiest.period)
            assert busiest.n >= 3
            s.execute(
                text(
                    "UPDATE ticket SET status = 'cancelled' WHERE id = (SELECT MIN(id) FROM ticket "
                    "WHERE kind = 'complaint' AND period = :p AND status <> 'cancelled')"
                ),
                {"p": month},
            )
            cancelled = s.scalar(
                text(
                    "SELECT COUNT(*) FROM ticket WHERE kind = 'complaint' AND period = :p "
                    "AND status = 'cancelled'"
                ),
                {"p": month},
            )
            assert cancelled >= 1  # the case that once split the count
            r = monthly_report(s, month, today=TODAY)
            plain = Plain(s).complaints(month)
            assert complaint_count(s, r.start, r.end) == plain
        return r, plain
    finally:
        db.dispose()


def test_every_place_of_the_complaint_count_agrees_with_plain_sql(
    report: tuple[MonthlyReport, int],
) -> None:
    r, plain = report
    assert plain > 0
    # the values themselves
    assert r.current.complaints == r.tickets.complaints == r.complaints.total == plain
    # the PDF: overview row (page 1), ticket table (page 2), complaint section (page 3)
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(monthly_report_pdf(r))).pages]
    whole = "\n".join(pages)
    overview = re.search(r"投诉数\s+([\d,]+)", whole)
    assert overview is not None
    assert int(overview.group(1).replace(",", "")) == plain
    in_table = re.search(r"\n投诉\s+([\d,]+)", whole)
    assert in_table is not None
    assert int(in_table.group(1).replace(",", "")) == plain
    assert f"本月投诉 {plain:,} 件" in whole
    # the workbook: overview, the ticket sheet's 按类型 table, the complaint sheet's caption
    wb = load_workbook(io.BytesIO(monthly_report_xlsx(r)))
    cells = {
        (ws.title, row[0].value): row[1].value
        for ws in wb.worksheets
        for row in ws.iter_rows(max_col=2)
        if row[0].value is not None
    }
    assert cells[("概览", "投诉数")] == plain
    assert cells[("工单", "投诉")] == plain
    assert f"投诉总数 {plain}" in [c for (sheet, c) in cells if sheet == "投诉分类"]
