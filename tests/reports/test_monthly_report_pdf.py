"""The monthly report PDF: every section's figures read back with pypdf, charts drawn, font embedded."""

from __future__ import annotations

import io
from datetime import date

from pypdf import PdfReader

from propdesk.auth.actor import Actor
from propdesk.db.engine import Database
from propdesk.demo.build import generate_demo
from propdesk.reporting.monthly import monthly_report
from reports.pdf.monthly_report import monthly_report_pdf, pct
from tests.reports.monthly_sample import empty_report, sample_report


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def _embedded_fonts(pdf: bytes) -> set[str]:
    names: set[str] = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            f = font.get_object()
            desc = f.get("/FontDescriptor")
            if desc is None and "/DescendantFonts" in f:
                desc = f["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            if desc is not None and desc.get_object().get("/FontFile2") is not None:
                names.add(str(f["/BaseFont"]))
    return names


def test_every_section_is_printed_with_its_figures() -> None:
    pdf = monthly_report_pdf(sample_report())
    text = _text(pdf)
    for expected in (
        "翠湖花园",
        "物业管理月报（2026年10月）",
        "统计期间：2026年10月1日 至 2026年10月31日",
        # comparison
        "本月 2026-10",
        "上月 2026-09",
        "去年同期 2025-10",
        "80.0%",
        "53,974.17",  # previous month billed (5,397,417 fen)
        # tickets
        "本月受理工单 13 件",
        "平均响应 379 分钟",
        "响应时限达标率 91.7%",
        "完成时限（SLA）达标率 80.0%",
        "报修 · 水暖管道",
        "已关闭",
        # callbacks
        "本月回访 11 次",
        "满意率 90.9%",
        "回访未修好 1 次",
        # complaints
        "治安安全",
        "52.5",
        "安管",
        # renovation
        "月末未整改",
        "违规时段施工",
        # patrols
        "漏检 3",
        "完成率 97.9%",
        "发现异常 5 处",
        "消防设施",
        # desk
        "月末待取",
        "逾期未还/逾期归还",
        # fees
        "本月收款 148 笔，共 52,651.59 元",
        "1栋",
        "2栋",
        "53,602.16",
        "43,419.30",
        "81.0%",
        "100.0%",
        "27.7%",  # 1栋 arrears rate 1,083,088 / 3,903,690
        "欠费账龄（截至 2026年10月31日，欠费户数 39）",
        "10,182.86",
        "38,388.88",
        # charts draw their captions and legends as text
        "工单类型分布",
        "总体满意度分布",
        "各楼栋应收与实收",
        "欠费账龄分布（元）",
        "违规类型",
    ):
        assert expected in text, expected
    assert _embedded_fonts(pdf)
    assert len(PdfReader(io.BytesIO(pdf)).pages) >= 3


def test_empty_month_prints_dashes_not_errors() -> None:
    pdf = monthly_report_pdf(empty_report())
    text = _text(pdf)
    assert "物业管理月报（2024年1月）" in text
    assert "本月受理工单 0 件" in text
    assert "完成时限（SLA）达标率 —" in text
    assert "无数据" in text  # empty pies say so
    assert "收缴率 —" in text


def test_pct() -> None:
    assert pct(None) == "—"
    assert pct(0.9234) == "92.3%"
    assert pct(1) == "100.0%"


def test_report_of_a_demo_estate(sqlite_db: Database) -> None:
    generate_demo(sqlite_db, units=60, seed=3, today=date(2026, 11, 20))
    with sqlite_db.begin(Actor.system()) as s:
        r = monthly_report(s, "2026-10", today=date(2026, 11, 20))
    text = _text(monthly_report_pdf(r))
    assert f"本月受理工单 {r.tickets.total} 件" in text
    assert f"本月回访 {r.callbacks.count} 次" in text
    assert r.fees.by_building[0].building in text
