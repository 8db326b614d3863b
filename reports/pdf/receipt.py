"""The receipt (收据) of a payment: one page per copy (存根联/客户联/记账联), each marked.

Each copy: the receipt number and date, the property's address and area, the payer, the lines
paid (consecutive months of one item summarised as a range, 2027年1月至2027年12月), the
amount in capitals, and the signature row — 收款单位 with room for the seal, 开票人, 复核人,
交款人. A voided receipt prints with a 作废 stamp across every copy.

The printed amounts, discounts included, add up to 合计实收
(:func:`propdesk.fees.receipt_lines.printed_lines`, grouped by
:func:`propdesk.fees.print_data_text.month_ranges`).

Plain data in (:class:`propdesk.fees.document_values.ReceiptData`), PDF bytes out.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer

from propdesk.fees.document_values import ReceiptData
from propdesk.fees.money import fen_to_capital, yuan
from propdesk.fees.print_data_text import month_ranges
from propdesk.fees.receipt_lines import printed_lines
from reports.pdf.document import (
    FONT,
    DocumentSpec,
    LetterStart,
    build_pdf,
    para,
    signature_table,
    styles,
    table,
    title,
    zh_date,
)


class VoidStamp(Flowable):
    """A large red 作废 across the copy (drawn first, under the text; takes no room)."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._avail = availWidth
        return 0, 0

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.setFillColor(colors.Color(0.8, 0.05, 0.05, alpha=0.35))
        c.setStrokeColor(colors.Color(0.8, 0.05, 0.05, alpha=0.6))
        c.translate(self._avail / 2, -75 * mm)
        c.rotate(25)
        c.setLineWidth(3)
        c.roundRect(-62 * mm, -20 * mm, 124 * mm, 44 * mm, 6 * mm, stroke=1, fill=0)
        c.setFont(FONT, 96)
        c.drawCentredString(0, -12 * mm, "作　废")
        c.restoreState()


def _area(area_centi: int) -> str:
    return f"{area_centi // 100}.{area_centi % 100:02d} m²" if area_centi else "—"


def copy_story(r: ReceiptData, copy: str, number: int) -> list[Flowable]:
    """The flowables of one copy (``number``: 第几联, from 1)."""
    st = styles()
    right = ParagraphStyle("copy_mark", parent=st.body, alignment=TA_RIGHT)
    story: list[Flowable] = [LetterStart(f"收据 {r.receipt_no}　房号 {r.unit_code}　{copy}")]
    if r.voided:
        story.append(VoidStamp())
    story += [
        title("收　据"),
        para(f"第{'一二三四五六'[number - 1] if number <= 6 else number}联　{copy}", right),
        Spacer(1, 2 * mm),
        table(
            [
                ["收据号", r.receipt_no, "收款日期", zh_date(r.paid_on)],
                ["房号", r.unit_code, "交款人", r.payer or "—"],
                ["房屋地址", r.address or r.unit_code, "建筑面积", _area(r.area_centi)],
                ["付款方式", r.method, "交易流水号", r.txn_ref or "—"],
            ],
            [25 * mm, 65 * mm, 25 * mm, 65 * mm],
            header_rows=0,
            zebra=False,
        ),
        Spacer(1, 3 * mm),
    ]
    rows: list[list[str]] = [["收费项目", "账期", "说明", "金额(元)"]]
    # every amount printed adds up to 合计实收 (a free month: its charge, then 优惠减免 −)
    for line in month_ranges(printed_lines(r)):
        rows.append([line.item_name, line.period, line.note, yuan(line.amount_fen)])
    rows.append(["合计实收", "", "", yuan(r.amount_fen)])
    story.append(table(rows, [35 * mm, 50 * mm, 60 * mm, 35 * mm], right_align_cols=(3,)))
    story.append(Spacer(1, 3 * mm))
    story.append(para(f"金额大写：人民币{fen_to_capital(r.amount_fen)}　（¥{yuan(r.amount_fen)}）"))
    if r.discount_note:
        story.append(para(f"优惠：{r.discount_note}，减免 ¥{yuan(r.discount_fen)}"))
    if r.voided:
        story.append(para(f"本收据已作废。原因：{r.void_reason}", st.heading))
        if r.void_approved_by:
            asked = f"经办：{r.voided_by}　" if r.voided_by else ""
            story.append(para(f"{asked}作废授权：{r.void_approved_by}"))
    story.append(Spacer(1, 4 * mm))
    story.append(
        signature_table(
            [
                f"收款单位（盖章）：{r.payee}",
                f"开票人：{r.taken_by}",
                f"复核人：{r.reviewer}",
                "交款人（签字）：",
            ],
            [90 * mm, 90 * mm],
        )
    )
    return story


def receipt_story(r: ReceiptData) -> list[Flowable]:
    """Every copy of one receipt, each on its own page (also used to print several receipts)."""
    story: list[Flowable] = []
    for i, copy in enumerate(r.copies or ("收据",), start=1):
        if story:
            story.append(PageBreak())
        story += copy_story(r, copy, i)
    return story


def receipt_pdf(r: ReceiptData) -> bytes:
    """One receipt, all its copies, as PDF bytes."""
    title_text = f"收据 {r.receipt_no}" + ("（作废）" if r.voided else "")
    spec = DocumentSpec(title=title_text, estate_name=r.estate_name, company=r.company)
    return build_pdf(spec, receipt_story(r))
