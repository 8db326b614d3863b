"""Every printed document, checked as a print shop and a reader would.

* every font it references is an embedded subset of the CJK font (no unused Helvetica);
* no text line starts with closing punctuation (Chinese line-breaking rules);
* the text reads in order (the title comes before the body, the body before the signatures).
"""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from tests.reports.pdf_lines import pdf_forbidden_line_starts
from tests.reports.sample_documents import every_document

DOCUMENTS = every_document()


@pytest.fixture(scope="module")
def built() -> dict[str, bytes]:
    return {name: build() for name, build in DOCUMENTS.items()}


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_fonts_are_embedded_cjk_subsets_only(built: dict[str, bytes], name: str) -> None:
    pdf = built[name]
    fonts = set(re.findall(rb"/BaseFont /(\S+)", pdf))
    assert fonts, name
    assert all(re.fullmatch(rb"[A-Z]{6}\+WenQuanYiMicroHei-0", f) for f in fonts), fonts
    assert pdf.count(b"/FontFile2") >= len(fonts)  # each one embedded


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_no_line_starts_with_closing_punctuation(built: dict[str, bytes], name: str) -> None:
    assert pdf_forbidden_line_starts(built[name]) == []


READING_ORDER = {
    "payment_notice": ("缴费通知单", "计费依据", "应缴合计", "沿此线剪下", "缴费回执联"),
    "reminder_letter": ("第二次催缴函", "第九百四十四条", "合计应缴", "送达回证"),
    "receipt_voided": ("收　据", "第一联", "合计实收", "收款单位（盖章）"),
    "rectification_notice": ("整改通知书", "违规类型", "前整改完毕", "签收回执"),
    "movein_handover": ("入伙交接单", "交接清单", "分户验收", "资料移交", "住户（签字）"),
    "shift_handover": ("交接班记录", "票据交接", "交接事项", "交班人（签字）"),
}


@pytest.mark.parametrize("name", sorted(READING_ORDER))
def test_text_reads_in_order(built: dict[str, bytes], name: str) -> None:
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(built[name])).pages)
    positions = [text.find(part) for part in READING_ORDER[name]]
    assert all(p >= 0 for p in positions), list(zip(READING_ORDER[name], positions, strict=True))
    assert positions == sorted(positions), positions
