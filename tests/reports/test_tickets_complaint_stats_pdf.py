"""The complaint statistics PDF: Chinese text extracted back, every grouping printed."""

from __future__ import annotations

import io
from datetime import date

from pypdf import PdfReader

from propdesk.tickets.values import ComplaintStats, StatLine
from reports.pdf.tickets_complaint_stats import complaint_stats_pdf


def test_stats_pdf_text() -> None:
    stats = ComplaintStats(
        start=date(2026, 11, 1),
        end=date(2026, 11, 30),
        total=8,
        by_category=(
            StatLine("1", "噪音扰民", 5, 625, 4, 5, 30.5, 4.2),
            StatLine("2", "服务态度", 3, 375, 1, 2, None, None),
        ),
        by_department=(StatLine("security", "安管", 8, 1000, 5, 7, 28.25, 4.0),),
        by_month=(),
    )
    pdf = complaint_stats_pdf(stats, estate_name="翠湖花园")
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    for expected in (
        "投诉分类统计",
        "翠湖花园",
        "2026-11-01",
        "2026-11-30",
        "共受理投诉 8 件",
        "噪音扰民",
        "62.5%",
        "30.5",
        "4.20",
        "安管",
        "100.0%",
        "本期无投诉",
    ):
        assert expected in text, expected


def test_many_lines_run_over_pages() -> None:
    lines = tuple(StatLine(str(i), f"分类{i}", 10, 10, 1, 1, 2.0, 3.0) for i in range(90))
    months = tuple(
        StatLine(f"2026-{m:02d}", f"2026-{m:02d}", 75, 83, 1, 1, 2.0, 3.0) for m in range(1, 13)
    )
    stats = ComplaintStats(date(2026, 1, 1), date(2026, 12, 31), 900, lines, lines[:5], months)
    reader = PdfReader(io.BytesIO(complaint_stats_pdf(stats, estate_name="翠湖花园")))
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert len(reader.pages) >= 3
    assert "分类89" in text
    assert "2026-12" in text
    assert "说明" in text
