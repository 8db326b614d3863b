"""The handover sheet PDF: the shift's log and handover lines extracted back, font embedded."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

from pypdf import PdfReader

from propdesk.db.engine import Database
from propdesk.desk import shiftlog
from propdesk.desk.print_data import handover_sheet_data
from reports.pdf.handover_sheet import handover_sheet_pdf
from tests.propdesk.desk.helpers import CLERK, NIGHT_CLERK, local, make_estate

DAY = date(2026, 11, 30)


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def _embedded(pdf: bytes) -> bool:
    page: Any = PdfReader(io.BytesIO(pdf)).pages[0]
    for font in page["/Resources"]["/Font"].values():
        f = font.get_object()
        desc = f.get("/FontDescriptor")
        if desc is None and "/DescendantFonts" in f:
            desc = f["/DescendantFonts"][0].get_object().get("/FontDescriptor")
        if desc is not None and desc.get_object().get("/FontFile2") is not None:
            return True
    return False


def test_handover_sheet(sqlite_db: Database) -> None:
    estate = make_estate(sqlite_db)
    with sqlite_db.begin(CLERK) as s:
        shift = shiftlog.take_over(s, at=local(DAY, 8))
        shiftlog.add_entry(
            s,
            kind="reminder",
            text="业主明早来取门禁卡",
            follow_up=True,
            unit_id=estate.lived_in,
            at=local(DAY, 9),
        )
        shiftlog.add_entry(s, kind="event", text="消防演练通知已张贴", at=local(DAY, 10))
        shiftlog.close_shift(s, note="东门道闸已修好", at=local(DAY, 20))
    with sqlite_db.begin(NIGHT_CLERK) as s:
        shiftlog.take_over(s, at=local(DAY, 20, 5))
        data = handover_sheet_data(s, shift)
    pdf = handover_sheet_pdf(data)
    text = _text(pdf)
    for expected in (
        "交接班记录",
        "翠湖花园",
        "王前台",
        "周夜班",
        "2026-11-30 08:00",
        "2026-11-30 20:00",
        "2026-11-30 20:05",
        "业主明早来取门禁卡",
        "3-1-101",
        "消防演练通知已张贴",
        "空置房 3-2-1501 逾期未检查",
        "东门道闸已修好",
        "交班人（签字）",
        "接班人（签字）",
        "值班日期",
        "2026年11月30日",
        "早班",
        "票据交接",
        "收据本",
        "起始号",
        "作废张数",
    ):
        assert expected in text, expected
    assert _embedded(pdf)


def test_handover_sheet_shows_the_cash_counted_at_the_daily_close(sqlite_db: Database) -> None:
    from propdesk.fees.closing_models import DailyClose

    make_estate(sqlite_db)
    with sqlite_db.begin(CLERK) as s:
        shift = shiftlog.take_over(s, at=local(DAY, 8))
        shiftlog.close_shift(s, note="", at=local(DAY, 20))
        s.add(DailyClose(cashier=CLERK.display_name, day=DAY, cash_counted_fen=123_456))
    with sqlite_db.begin(NIGHT_CLERK) as s:
        data = handover_sheet_data(s, shift)
    assert data.cash_handed_over_fen == 123_456
    assert "1,234.56 元（日结实点）" in _text(handover_sheet_pdf(data))
