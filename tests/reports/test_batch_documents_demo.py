"""Every household's document stands alone, over a whole demo estate.

The demo is built once for the module; each batch document (payment notices, reminder
letters, receipts) is generated from it and read back page by page: every page names its unit
and owner and counts the household's own pages, and no line starts with closing punctuation.
"""

from __future__ import annotations

import io
import re
import shutil
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from propdesk import clock
from propdesk.db.engine import Database, open_database
from propdesk.demo.build import generate_demo
from propdesk.fees.models import Payment
from propdesk.fees.notices import estate_header, notice_pages, reminder_letters
from propdesk.fees.receipts import get_receipt
from reports.pdf.document import DocumentSpec, build_pdf
from reports.pdf.fee_notices import letters_pdf, notices_pdf
from reports.pdf.receipt import receipt_story
from tests.reports.pdf_lines import forbidden_line_starts

TODAY = date(2026, 6, 15)
LABEL = re.compile(r"房号 (\S+)\u3000业主 (\S+?)(（续）)?$", re.MULTILINE)
COUNTER = re.compile(r"第 (\d+) / (\d+) 页")


@pytest.fixture(scope="module")
def demo(_sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    shutil.copy(_sqlite_template, path)
    database = open_database(f"sqlite:///{path}")
    at = datetime(2026, 6, 15, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
    with clock.installed(clock.FixedClock(at)):
        generate_demo(database, units=150, seed=5, today=TODAY)
    yield database
    database.dispose()


def _households(pdf: bytes) -> dict[str, list[tuple[int, int, bool]]]:
    """``{unit: [(page number, of pages, continued)]}``; fails on a page naming no unit."""
    out: dict[str, list[tuple[int, int, bool]]] = {}
    for index, page in enumerate(PdfReader(io.BytesIO(pdf)).pages):
        text = page.extract_text()
        label = LABEL.search(text)
        counter = COUNTER.search(text)
        assert label is not None, f"page {index + 1} names no household:\n{text[:300]}"
        assert label.group(2) != "", index
        assert counter is not None, index
        out.setdefault(label.group(1), []).append(
            (int(counter.group(1)), int(counter.group(2)), bool(label.group(3)))
        )
        bad = forbidden_line_starts(text)
        assert not bad, (index, bad)
    return out


def _assert_each_stands_alone(pdf: bytes, expected_units: set[str]) -> None:
    households = _households(pdf)
    assert set(households) == expected_units
    for unit, pages in households.items():
        total = len(pages)
        assert pages == [(n, total, n > 1) for n in range(1, total + 1)], unit


def test_payment_notices_of_the_demo(demo: Database) -> None:
    with demo.begin() as s:
        pages = notice_pages(s, "2026-06")
        header = estate_header(s)
    assert len(pages) > 50
    assert any(len(p.lines) > 12 for p in pages)  # some notices are long
    seen: list[int] = []
    pdf = notices_pdf(pages, header, progress=lambda done, _total: seen.append(done))
    assert seen[-1] == len(pages) - 1
    _assert_each_stands_alone(pdf, {p.unit_code for p in pages})


def test_reminder_letters_of_the_demo(demo: Database) -> None:
    with demo.begin() as s:
        letters = reminder_letters(s, as_of=TODAY)
        header = estate_header(s)
    assert letters
    pdf = letters_pdf(letters, header)
    _assert_each_stands_alone(pdf, {x.unit_code for x in letters})
    numbers = [x.letter_no for x in letters]
    assert len(set(numbers)) == len(numbers)


def test_receipts_of_the_demo(demo: Database) -> None:
    with demo.begin() as s:
        ids = s.scalars(select(Payment.id).order_by(Payment.amount_fen.desc()).limit(15)).all()
        receipts = [get_receipt(s, i) for i in ids]
    story = []
    for r in receipts:
        story += receipt_story(r)
    pdf = build_pdf(DocumentSpec(title="收据", estate_name=receipts[0].estate_name), story)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) >= 3 * len(receipts)
    for index, page in enumerate(reader.pages):
        text = page.extract_text()
        assert re.search(r"收据 \S+\u3000房号 \S+\u3000(存根联|客户联|记账联)", text), index
        assert COUNTER.search(text), index
        assert not forbidden_line_starts(text), index
