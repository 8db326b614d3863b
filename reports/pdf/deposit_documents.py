"""The deposit receipt (押金收据) and the deposit refund slip (押金退款单).

Plain data in (:mod:`propdesk.deposits.values`), PDF bytes out. A deposit is held money,
not a fee: the receipt says so, and the refund slip shows deposit − deductions = refund.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from propdesk.deposits.values import DepositReceiptData, RefundSlipData
from propdesk.fees.money import fen_to_capital, yuan
from reports.pdf.document import (
    DocumentSpec,
    build_pdf,
    para,
    signature_table,
    styles,
    table,
    title,
    zh_date,
)

_COLS = [25 * mm, 60 * mm, 25 * mm, 60 * mm]


def deposit_receipt_story(r: DepositReceiptData) -> list[Flowable]:
    """The flowables of one deposit receipt."""
    story: list[Flowable] = [title("押 金 收 据")]
    story.append(
        table(
            [
                ["收据号", r.receipt_no, "收款日期", zh_date(r.received_on)],
                ["房号", r.unit_code, "交款人", r.payer or "—"],
                ["押金类别", r.kind_zh, "付款方式", r.method],
                ["说明", r.description, "交易流水号", r.txn_ref or "—"],
            ],
            _COLS,
            header_rows=0,
            zebra=False,
        )
    )
    story.append(Spacer(1, 4 * mm))
    story.append(
        table(
            [["项目", "金额(元)"], [r.kind_zh, yuan(r.amount_fen)], ["合计", yuan(r.amount_fen)]],
            [135 * mm, 35 * mm],
            right_align_cols=(1,),
        )
    )
    story.append(Spacer(1, 4 * mm))
    story.append(para(f"金额大写：人民币{fen_to_capital(r.amount_fen)}　（¥{yuan(r.amount_fen)}）"))
    story.append(para("本款为押金，不属于物业费收入；退还时凭本收据办理，违规扣款另行开具。"))
    story.append(Spacer(1, 6 * mm))
    story.append(
        signature_table(
            [
                f"收款单位（盖章）：{r.company or r.estate_name}",
                f"收款人：{r.received_by}",
                "交款人（签字）：",
                "日期：　　　　年　　月　　日",
            ],
            [85 * mm, 85 * mm],
        )
    )
    return story


def deposit_receipt_pdf(r: DepositReceiptData) -> bytes:
    """One deposit receipt as PDF bytes."""
    spec = DocumentSpec(
        title=f"押金收据 {r.receipt_no}", estate_name=r.estate_name, company=r.company
    )
    return build_pdf(spec, deposit_receipt_story(r))


def refund_slip_story(r: RefundSlipData) -> list[Flowable]:
    """The flowables of one refund slip: held − deductions − refund = still held."""
    story: list[Flowable] = [title("押 金 退 款 单")]
    story.append(
        table(
            [
                ["退款单号", r.slip_no, "退款日期", zh_date(r.refunded_on)],
                ["房号", r.unit_code, "领款人", r.payee or "—"],
                ["押金类别", r.kind_zh, "原押金收据", r.receipt_no],
                ["说明", r.description, "退款方式", r.method],
            ],
            _COLS,
            header_rows=0,
            zebra=False,
        )
    )
    story.append(Spacer(1, 4 * mm))
    rows: list[list[str]] = [["项目", "金额(元)"], ["原收押金", yuan(r.deposit_fen)]]
    if r.held_before_fen != r.deposit_fen:
        rows.append(["本次退款前在押", yuan(r.held_before_fen)])
    rows += [[f"扣款：{d.reason}", f"-{yuan(d.amount_fen)}"] for d in r.deductions]
    if r.held_after_fen:
        rows.append(["仍在押", f"-{yuan(r.held_after_fen)}"])
    rows.append(["实退金额", yuan(r.amount_fen)])
    story.append(table(rows, [135 * mm, 35 * mm], right_align_cols=(1,)))
    story.append(Spacer(1, 4 * mm))
    story.append(
        para(f"实退金额大写：人民币{fen_to_capital(r.amount_fen)}　（¥{yuan(r.amount_fen)}）")
    )
    if r.deductions:
        story.append(para(f"扣款合计 ¥{yuan(r.deducted_fen)} 转为收入，已计入物业收费。"))
    if r.reason:
        story.append(para(f"备注：{r.reason}"))
    story.append(Spacer(1, 6 * mm))
    story.append(
        signature_table(
            [
                f"经办人：{r.by}",
                "审核人（签字）：",
                "领款人（签字）：",
                f"付款单位（盖章）：{r.company or r.estate_name}",
            ],
            [85 * mm, 85 * mm],
        )
    )
    story.append(para("领款人签字即确认已收到上述退款，押金结清后原押金收据作废。", styles().small))
    return story


def refund_slip_pdf(r: RefundSlipData) -> bytes:
    """One deposit refund slip as PDF bytes."""
    spec = DocumentSpec(
        title=f"押金退款单 {r.slip_no}", estate_name=r.estate_name, company=r.company
    )
    return build_pdf(spec, refund_slip_story(r))
