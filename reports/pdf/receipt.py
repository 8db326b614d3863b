"""The receipt (收据) of a payment: one A4 page with the lines paid and the amount in capitals.

The printed amounts, discounts included, add up to 合计实收
(:func:`propdesk.fees.receipt_lines.printed_lines`).

Plain data in (:class:`propdesk.fees.receipts.ReceiptData`), PDF bytes out.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from propdesk.fees.document_values import ReceiptData
from propdesk.fees.money import fen_to_capital, yuan
from propdesk.fees.receipt_lines import printed_lines
from reports.pdf.document import DocumentSpec, build_pdf, para, styles, table, title


def receipt_story(r: ReceiptData) -> list[Flowable]:
    """The flowables of one receipt (also used to print several receipts in one file)."""
    st = styles()
    story: list[Flowable] = [title("收  据（作废）" if r.voided else "收  据")]
    story.append(
        table(
            [
                ["收据号", r.receipt_no, "收款日期", r.paid_on.isoformat()],
                ["房号", r.unit_code, "交款人", r.payer or "—"],
                ["付款方式", r.method, "交易流水号", r.txn_ref or "—"],
            ],
            [25 * mm, 55 * mm, 25 * mm, 65 * mm],
            header_rows=0,
            zebra=False,
        )
    )
    story.append(Spacer(1, 4 * mm))
    rows: list[list[str]] = [["收费项目", "账期", "说明", "金额(元)"]]
    # every amount printed adds up to 合计实收 (a free month: its charge, then 优惠减免 −)
    for line in printed_lines(r):
        rows.append([line.item_name, line.period, line.note, yuan(line.amount_fen)])
    rows.append(["合计实收", "", "", yuan(r.amount_fen)])
    story.append(table(rows, [40 * mm, 25 * mm, 70 * mm, 35 * mm], right_align_cols=(3,)))
    story.append(Spacer(1, 4 * mm))
    story.append(para(f"金额大写：人民币{fen_to_capital(r.amount_fen)}　（¥{yuan(r.amount_fen)}）"))
    if r.discount_note:
        story.append(para(f"优惠：{r.discount_note}，减免 ¥{yuan(r.discount_fen)}"))
    if r.voided:
        story.append(para(f"本收据已作废。原因：{r.void_reason}", st.heading))
        if r.void_approved_by:
            asked = f"经办：{r.voided_by}　" if r.voided_by else ""
            story.append(para(f"{asked}作废授权：{r.void_approved_by}"))
    story.append(Spacer(1, 8 * mm))
    story.append(para(f"收款人：{r.taken_by}　　　　交款人签字：________________　　（盖章）"))
    return story


def receipt_pdf(r: ReceiptData) -> bytes:
    """One receipt as PDF bytes."""
    spec = DocumentSpec(title=f"收据 {r.receipt_no}", estate_name=r.estate_name, company=r.company)
    return build_pdf(spec, receipt_story(r))
