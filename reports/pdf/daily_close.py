"""The cashier's daily close (收款日报 / 日结单) with signature lines (收款人 / 复核人 / 财务).

Pure function: :class:`propdesk.fees.closing_values.DayClose` in, PDF bytes out.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from propdesk.fees.closing_values import METHOD_ZH, DayClose
from reports.pdf.document import DocumentSpec, build_pdf, fen_to_yuan, para, styles, table, title


def _method(code: str) -> str:
    return METHOD_ZH.get(code, code)


def _range(numbers: tuple[str, ...]) -> str:
    if not numbers:
        return "（无）"
    if len(numbers) == 1:
        return numbers[0]
    return f"{numbers[0]} 至 {numbers[-1]}（{len(numbers)} 张）"


def _deposit_rows(close: DayClose) -> list[list[object]]:
    f = close.figures
    rows: list[list[object]] = [["项目", "付款方式", "金额（元）", "单据号段"]]
    for label, totals, numbers, sign in (
        ("押金收取", f.deposits_received, f.deposit_receipts, 1),
        ("押金退还", f.deposits_refunded, f.deposit_slips, -1),
    ):
        if not totals:
            rows.append([label, "", fen_to_yuan(0), _range(numbers)])
        for i, m in enumerate(totals):
            rows.append(
                [
                    label,
                    m.label,
                    fen_to_yuan(sign * m.amount_fen),
                    _range(numbers) if i == 0 else "",
                ]
            )
    return rows


def daily_close_pdf(
    close: DayClose, *, estate_name: str, company: str = "", target: str | Path | None = None
) -> bytes:
    """Render one cashier's day; returns the PDF bytes (and writes ``target`` when given)."""
    f = close.figures
    st = styles()
    story: list[Flowable] = [title("收款日报（日结单）")]
    receipts = f"{f.first_receipt} 至 {f.last_receipt}" if f.receipts else "（无）"
    story.append(
        table(
            [
                ["收款人", f.cashier, "日期", f.day.isoformat()],
                ["收据张数", str(f.receipts), "收据号段", receipts],
                [
                    "状态",
                    "已日结" if close.closed else "未日结（草表）",
                    "日结时间",
                    close.closed_at_local,
                ],
            ],
            [25 * mm, 65 * mm, 25 * mm, 65 * mm],
            header_rows=0,
            zebra=False,
        )
    )
    story.append(Spacer(1, 4 * mm))
    story.append(para("按付款方式", st.heading))
    rows: list[list[object]] = [["付款方式", "笔数", "金额（元）"]]
    rows += [[m.label, str(m.receipts), fen_to_yuan(m.amount_fen)] for m in f.by_method]
    rows.append(["合计", str(f.receipts), fen_to_yuan(f.gross_fen)])
    story.append(table(rows, [60 * mm, 40 * mm, 80 * mm], right_align_cols=(1, 2)))
    story.append(Spacer(1, 4 * mm))
    story.append(para(f"当日作废（{len(f.voids)} 张）", st.heading))
    voids: list[list[object]] = [["收据号", "收款日期", "付款方式", "金额（元）", "原因"]]
    voids += [
        [
            v.receipt_no,
            v.paid_on.isoformat(),
            _method(v.method),
            fen_to_yuan(-v.amount_fen),
            v.reason,
        ]
        for v in f.voids
    ]
    if not f.voids:
        voids.append(["", "", "", "", "当日没有作废。"])
    story.append(table(voids, [30 * mm, 25 * mm, 22 * mm, 28 * mm, 75 * mm], right_align_cols=(3,)))
    story.append(Spacer(1, 4 * mm))
    story.append(para("押金（代收代退，不计入收费收入）", st.heading))
    story.append(
        table(_deposit_rows(close), [25 * mm, 25 * mm, 30 * mm, 100 * mm], right_align_cols=(2,))
    )
    story.append(Spacer(1, 4 * mm))
    story.append(para("现金核对", st.heading))
    counted = "" if close.cash_counted_fen is None else fen_to_yuan(close.cash_counted_fen)
    diff = close.difference_fen
    story.append(
        table(
            [
                ["收费应有现金（元）", fen_to_yuan(f.fee_cash_fen)],
                [
                    "押金现金净额（元）",
                    fen_to_yuan(f.cash_expected_fen - f.fee_cash_fen),
                ],
                ["应有现金（元）", fen_to_yuan(f.cash_expected_fen)],
                ["实点现金（元）", counted],
                ["差额（元）", "" if diff is None else fen_to_yuan(diff)],
                ["差异说明", close.note],
                ["实收合计（扣除作废，元）", fen_to_yuan(f.net_fen)],
            ],
            [60 * mm, 120 * mm],
            header_rows=0,
            zebra=False,
        )
    )
    story.append(Spacer(1, 12 * mm))
    story.append(
        table(
            [["收款人签字", "", "复核人签字", "", "财务签字", ""]],
            [22 * mm, 38 * mm, 22 * mm, 38 * mm, 22 * mm, 38 * mm],
            header_rows=0,
            zebra=False,
        )
    )
    spec = DocumentSpec(
        title="收款日报",
        estate_name=estate_name,
        company=company,
        footer_note=f"{f.cashier} {f.day.isoformat()}",
    )
    return build_pdf(spec, story, target)
