"""The evacuation-help list read back from the PDF: by building, floors top first, phones
as given (masked for the office copy), fonts embedded CJK subsets."""

from __future__ import annotations

import io
import re
from datetime import date

from pypdf import PdfReader

from propdesk.care.values import EvacuationRow
from reports.pdf.evacuation_list import evacuation_list_pdf


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def _row(building: str, sort: int, floor: int, code: str, name: str, phone: str) -> EvacuationRow:
    return EvacuationRow(building, sort, floor, code, name, phone, "坐轮椅，需两人协助")


def test_evacuation_list_by_building_and_floor() -> None:
    rows = [
        _row("2号楼", 2, 5, "2-1-501", "刘强", "137****2222"),
        _row("1号楼", 1, 1, "1-1-101", "王奶奶", "13900001111"),
        _row("1号楼", 1, 12, "1-1-1201", "张伟", "13812345678"),
    ]
    pdf = evacuation_list_pdf(rows, estate_name="翠湖花园", printed_on=date(2026, 6, 15))
    text = _text(pdf)
    assert "疏散协助名单（2026-06-15）" in text
    assert text.index("1号楼（2 户/人）") < text.index("1-1-1201") < text.index("1-1-101")
    assert text.index("1-1-101") < text.index("2号楼（1 户/人）") < text.index("2-1-501")
    assert "13900001111" in text
    assert "137****2222" in text
    assert "坐轮椅，需两人协助" in text
    assert "已协助" in text
    fonts = set(re.findall(rb"/BaseFont /(\S+)", pdf))
    assert fonts
    assert all(re.fullmatch(rb"[A-Z]{6}\+WenQuanYiMicroHei-0", f) for f in fonts), fonts
    assert pdf.count(b"/FontFile2") >= len(fonts)


def test_empty_list_says_so() -> None:
    text = _text(evacuation_list_pdf([], estate_name="翠湖花园"))
    assert "目前没有登记需要疏散协助的住户" in text
