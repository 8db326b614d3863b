"""Chinese typography of every printed page: line-breaking rules, kept spaces, fonts."""

from __future__ import annotations

import io
import random
import re
from typing import Any

from pypdf import PdfReader
from reportlab.platypus import Paragraph

from reports.pdf.cjk import CLOSING, OPENING, break_points
from reports.pdf.document import DocumentSpec, build_pdf, para, register_fonts, styles, table

FORBIDDEN_START = "，。、；：？！）》」』】〕”’"
FORBIDDEN_END = "（《「『【〔“‘"


def _lines(p: Paragraph, width: float) -> list[str]:
    p.wrap(width, 10_000)
    laid_out: Any = p
    out: list[str] = []
    for line in laid_out.blPara.lines:
        if isinstance(line, tuple | list):
            out.append("".join(line[1]))
        else:
            out.append("".join(f.text for f in line.words))
    return out


def test_no_closing_mark_starts_a_line_and_no_opening_mark_ends_one() -> None:
    register_fonts()
    rng = random.Random(7)
    alphabet = "物业费用缴纳，。、“好的”《通知》（附件）：0571-88886666 收！"
    for trial in range(40):
        text = "".join(rng.choice(alphabet) for _ in range(300))
        for markup_prefix in ("", "<b>注</b>"):
            for width in (90.0, 133.0, 171.0, 260.0):
                lines = _lines(Paragraph(markup_prefix + text, styles().body), width)
                assert "".join(lines).replace(" ", "") == ((markup_prefix and "注") + text).replace(
                    " ", ""
                ), (trial, width)
                for line in lines[1:]:
                    assert line[:1] not in FORBIDDEN_START, (line, width)
                for line in lines[:-1]:
                    assert line[-1:] not in FORBIDDEN_END, (line, width)


def test_break_points_keep_a_phone_number_whole() -> None:
    text = "请联系物业服务中心0571-88886666。"
    breaks = break_points(list(text), [10.0] * len(text), [150.0])
    assert breaks == [9]  # the number moves to the next line with its full stop


def test_rules_cover_the_usual_marks() -> None:
    assert set("，。；：”）》") <= CLOSING
    assert set("（《“") <= OPENING


def test_full_width_spaces_and_runs_of_spaces_are_kept() -> None:
    pdf = build_pdf(
        DocumentSpec(title="t", estate_name="翠湖花园"),
        [para("收款人：系统　　　交款人签字：")],
    )
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "系统　　　交款人" in text


def test_no_unused_base_font_and_header_rows_zero_shades_nothing() -> None:
    t: Any = table([["a", "b"], ["c", "d"]], header_rows=0, zebra=False)
    assert not t._bkgrndcmds  # no background at all
    pdf = build_pdf(DocumentSpec(title="t", estate_name="翠湖花园"), [t])
    assert b"/Helvetica" not in pdf
    base_fonts = re.findall(rb"/BaseFont /(\S+)", pdf)
    assert base_fonts
    assert all(b"+WenQuanYiMicroHei" in f for f in base_fonts), base_fonts  # embedded subsets
