"""Completeness per building on SQLite and PostgreSQL: checked against plain SQL, then read
back from the PDF (pypdf) and the workbook (openpyxl)."""

from __future__ import annotations

import io
import re
from datetime import timedelta

from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import text

from propdesk import clock
from propdesk.archive import queries as q
from propdesk.archive import services as svc
from propdesk.db.engine import Database
from reports.excel.archive_completeness import write_completeness_sheet
from reports.pdf.archive_completeness import completeness_pdf
from tests.propdesk.archive.helpers import CLERK, Estate, kind_id

# Per unit of building :b: lived in now, the required 交房入住 kinds and how many of them have
# a document counting for the unit that has not expired (unit, current household, person).
PLAIN_SQL = """
SELECT u.id AS unit_id,
       (SELECT COUNT(*) FROM archive_kind k
         WHERE k.active AND k.required AND k.stage = 'movein') AS required_n,
       (SELECT COUNT(*) FROM archive_kind k
         WHERE k.active AND k.required AND k.stage = 'movein'
           AND EXISTS (
             SELECT 1 FROM archive_document d
              WHERE d.kind_id = k.id
                AND (d.expires_on IS NULL OR d.expires_on >= :today)
                AND ((d.scope = 'unit' AND d.unit_id = u.id)
                  OR (d.scope = 'household' AND d.occupancy_id IN (
                        SELECT o.id FROM occupancy o
                         WHERE o.unit_id = u.id AND o.end_date IS NULL))
                  OR (d.scope = 'person' AND d.person_id IN (
                        SELECT o.person_id FROM occupancy o
                         WHERE o.unit_id = u.id AND o.end_date IS NULL))))) AS present_n
  FROM unit u
 WHERE u.building_id = :b
   AND EXISTS (SELECT 1 FROM occupancy o WHERE o.unit_id = u.id AND o.end_date IS NULL)
"""


def _file(db: Database, estate: Estate) -> None:
    a, b, _vacant = estate.units
    with db.begin(CLERK) as s:
        today = clock.today(s)
        svc.add_document(s, kind_id=kind_id(s, "房屋交接单"), unit_id=a)
        svc.add_document(s, kind_id=kind_id(s, "购房合同/产权证明"), unit_id=a)
        svc.add_document(s, kind_id=kind_id(s, "业主身份证复印件"), person_id=estate.zhang)
        svc.add_document(
            s,
            kind_id=kind_id(s, "入住登记表"),
            occupancy_id=estate.occupancy,
            doc_date=today - timedelta(days=30),
            expires_on=today - timedelta(days=1),
        )
        svc.add_document(s, kind_id=kind_id(s, "房屋交接单"), unit_id=b)
        # not required: changes nothing
        svc.add_document(s, kind_id=kind_id(s, "租赁合同"), occupancy_id=estate.occupancy)


def test_completeness_matches_plain_sql(db: Database, estate: Estate) -> None:
    _file(db, estate)
    with db.begin(CLERK) as s:
        report = q.completeness(s, estate.building)
        today = clock.today(s)
        plain = {
            int(r.unit_id): (int(r.required_n), int(r.present_n))
            for r in s.execute(text(PLAIN_SQL), {"b": estate.building, "today": today})
        }
    by_unit = {u.unit_id: u for u in report.units}
    assert len(report.units) == 3
    assert set(plain) == {estate.units[0], estate.units[1]}
    for unit_id, (required_n, present_n) in plain.items():
        u = by_unit[unit_id]
        assert len(u.present) == present_n
        assert len(u.present) + len(u.missing) + len(u.expired) == required_n
    a, b, vacant = (by_unit[u] for u in estate.units)
    assert a.expired == ("入住登记表",)
    assert a.missing == ()
    assert b.missing == ("购房合同/产权证明", "业主身份证复印件", "入住登记表")
    assert (vacant.present, vacant.missing, vacant.expired) == ((), (), ())
    assert report.complete_units == 0  # the vacant unit needs nothing: not counted
    assert report.units_needing_nothing == 1


def test_pdf_and_workbook_read_back(db: Database, estate: Estate) -> None:
    _file(db, estate)
    with db.begin(CLERK) as s:
        report = q.completeness(s, estate.building)
        today = clock.today(s)
    pdf = completeness_pdf(report, estate_name="翠湖花园", as_of=today)
    words = re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))
    assert "一户一档资料完整情况" in words
    assert "房屋3套" in words
    assert "有缺失1套" in words
    assert "有过期1套" in words
    assert "资料齐全0套" in words
    assert "无需资料1套" in words
    assert "1-1-201" in words
    assert "购房合同/产权证明、业主身份证复印件、入住登记表" in words
    assert "无需资料" in words

    buf = io.BytesIO()
    assert write_completeness_sheet(report, buf, as_of=today) == 3
    wb = load_workbook(io.BytesIO(buf.getvalue()))
    rows = list(wb["完整情况"].iter_rows(min_row=3, values_only=True))
    assert rows[0] == ("1-1-101", "不齐", 3, 0, 1, None, "入住登记表")
    assert rows[1][:5] == ("1-1-201", "不齐", 1, 3, 0)
    assert rows[2][:2] == ("1-1-301", "无需资料")
    detail = list(wb["明细"].iter_rows(min_row=2, values_only=True))
    assert ("1-1-101", "入住登记表", "已过期") in detail
    assert sum(1 for r in detail if r[2] == "缺失") == 3
