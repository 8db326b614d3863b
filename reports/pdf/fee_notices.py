"""Payment notices (缴费通知单) and reminder letters (催缴函), batch-printed.

Plain data in (:mod:`propdesk.fees.notices` values), PDF bytes out. Every household's document
stands alone: it starts with a :class:`~reports.pdf.document.LetterStart`, so each of its pages
names the unit and owner and counts its own pages (第 1 / 2 页).

* A notice shows each charge with how it was computed (计费依据), then the earlier arrears, the
  late fee, the prepaid balance and the total due, the deadline as a date, the estate's payment
  accounts and QR code, its number, and a slip to tear off and hand in when paying.
* A letter has its number (翠物催字〔2026〕第058号), its legal basis (民法典第九百四十四条 and
  the service contract), the arrears plus late fee as the total (in words too), a calendar
  deadline, the letters delivered before it, and a 送达回证 (proof of delivery) page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, Table, TableStyle

from propdesk.clock import local_date, local_now, to_local
from propdesk.fees.document_values import LEVEL_ZH, EstateHeader, NoticePage, ReminderLetter
from propdesk.fees.money import fen_to_capital, yuan
from reports.pdf.document import (
    FONT,
    DocumentSpec,
    LetterStart,
    build_pdf,
    para,
    styles,
    table,
    title,
    zh_date,
)

Progress = Callable[[int, int], None]

LEGAL_BASIS = (
    "《中华人民共和国民法典》第九百四十四条规定：业主应当按照约定向物业服务人支付物业费。"
    "业主违反约定逾期不支付物业费的，物业服务人可以催告其在合理期限内支付；"
    "合理期限届满仍不支付的，物业服务人可以提起诉讼或者申请仲裁。"
)
QR_SIZE = 28 * mm


def _label(unit_code: str, owner: str) -> str:
    """The running header of every page of one household's document."""
    return f"房号 {unit_code}　业主 {owner or '—'}"


def _right() -> ParagraphStyle:
    return ParagraphStyle("right", parent=styles().body, alignment=TA_RIGHT)


def _area(area_centi: int) -> str:
    return f"{area_centi // 100}.{area_centi % 100:02d}"


def _period_zh(period: str) -> str:
    return f"{period[:4]}年{int(period[5:])}月"


def _lines_table(rows: Sequence[tuple[str, str, str, int, int]], total: int) -> Flowable:
    data: list[list[str]] = [["收费项目", "账期", "计费依据", "应收(元)", "未缴(元)"]]
    data += [[n, p, b or "—", yuan(a), yuan(o)] for n, p, b, a, o in rows]
    data.append(["小计", "", "", "", yuan(total)])
    return table(
        data, [30 * mm, 20 * mm, 74 * mm, 28 * mm, 28 * mm], right_align_cols=(3, 4), zebra=False
    )


def _sums_table(rows: Sequence[tuple[str, str]]) -> Flowable:
    data = [[k, v] for k, v in rows]
    return table(data, [50 * mm, 130 * mm], header_rows=0, zebra=False)


def _qr(payload: str) -> Drawing:
    widget = QrCodeWidget(payload)
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(
        QR_SIZE, QR_SIZE, transform=[QR_SIZE / (x1 - x0), 0, 0, QR_SIZE / (y1 - y0), 0, 0]
    )
    drawing.add(widget)
    return drawing


def _payment_box(estate: EstateHeader) -> Flowable:
    """The estate's payment accounts, with the QR code at the right when one is configured."""
    st = styles()
    lines = ["缴费方式：物业服务中心前台（现金、银行卡、微信、支付宝）"]
    lines += [f"银行转账：{a}" for a in estate.payment_accounts]
    if estate.payment_accounts:
        lines.append("转账时请在附言中注明房号和通知单号。")
    text: list[Flowable] = [para(x, st.small) for x in lines]
    if not estate.payment_qr:
        return KeepTogether(text)
    qr_cell = [_qr(estate.payment_qr), para("扫码缴费", st.small)]
    t = Table([[text, qr_cell]], colWidths=[146 * mm, 34 * mm])
    t.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return t


class _CutLine(Flowable):
    """A dashed line across the page with "沿此线剪下" — the tear-off slip starts below it."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        return availWidth, 8 * mm

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.setDash(3, 2)
        c.setStrokeColor(colors.HexColor("#555555"))
        c.line(0, 4 * mm, self.width, 4 * mm)
        c.setDash()
        c.setFillColor(colors.white)
        c.rect(self.width / 2 - 22 * mm, 2 * mm, 44 * mm, 4 * mm, stroke=0, fill=1)
        c.setFillColor(colors.black)
        c.setFont(FONT, 8)
        c.drawCentredString(self.width / 2, 3 * mm, "沿此线剪下，缴费时交回")
        c.restoreState()


def _slip(page: NoticePage) -> list[Flowable]:
    st = styles()
    rows = [
        ["缴费回执联", f"通知单号 {page.notice_no}", "", ""],
        ["房号", page.unit_code, "业主", page.owner or "—"],
        ["账期", _period_zh(page.period), "应缴合计", f"¥{yuan(page.total_fen)}"],
        ["实缴金额", "", "缴费日期", ""],
        ["收款人", "", "收据号", ""],
    ]
    t = table(rows, [25 * mm, 65 * mm, 25 * mm, 65 * mm], header_rows=1, zebra=False)
    t.setStyle(TableStyle([("SPAN", (1, 0), (3, 0))]))
    # the cut line, the slip and its note stay together (a slip never loses its cut line)
    return [KeepTogether([_CutLine(), t, para("（本联由物业服务中心收款时收回）", st.small)])]


def notice_story(page: NoticePage, estate: EstateHeader, printed_on: date) -> list[Flowable]:
    """The flowables of one household's payment notice."""
    st = styles()
    sums: list[tuple[str, str]] = [
        (f"本期（{_period_zh(page.period)}）应缴", f"¥{yuan(page.period_owed_fen)}"),
        ("往期欠费", f"¥{yuan(page.earlier_owed_fen)}"),
        ("滞纳金（截至通知日）", f"¥{yuan(page.late_fee_fen)}"),
        (
            "预存余额（抵扣）",
            f"-¥{yuan(min(page.prepaid_fen, page.period_owed_fen + page.earlier_owed_fen + page.late_fee_fen))}",
        ),
        ("应缴合计", f"¥{yuan(page.total_fen)}　（大写）人民币{fen_to_capital(page.total_fen)}"),
    ]
    if page.prepaid_fen > page.period_owed_fen + page.earlier_owed_fen + page.late_fee_fen:
        sums.append(
            (
                "抵扣后预存余额",
                f"¥{yuan(page.prepaid_fen - page.period_owed_fen - page.earlier_owed_fen - page.late_fee_fen)}",
            )
        )
    owner = f"（{page.owner}）" if page.owner else ""
    return [
        LetterStart(_label(page.unit_code, page.owner)),
        title("缴费通知单"),
        para(f"通知单号：{page.notice_no}　　通知日期：{zh_date(printed_on)}", _right()),
        para(f"尊敬的 {page.unit_code} 业主{owner}："),
        para(
            f"您的房屋（{page.address or page.building_name + page.unit_code}，"
            f"建筑面积 {_area(page.area_centi)} m²）{_period_zh(page.period)}的费用明细如下，"
            f"请于{zh_date(page.due_date)}前缴纳。"
        ),
        Spacer(1, 2 * mm),
        _lines_table(
            [(x.item_name, x.period, x.basis, x.amount_fen, x.owed_fen) for x in page.lines],
            page.period_owed_fen + page.earlier_owed_fen,
        ),
        Spacer(1, 2 * mm),
        _sums_table(sums),
        Spacer(1, 2 * mm),
        _payment_box(estate),
        para(
            "如已缴纳，请忽略本通知。如有疑问，请联系物业服务中心"
            + (f"：{estate.phone}。" if estate.phone else "。"),
            st.small,
        ),
        Spacer(1, 4 * mm),
        para(f"{estate.company or estate.name}", _right()),
        para(zh_date(printed_on), _right()),
        Spacer(1, 4 * mm),
        *_slip(page),
    ]


def _letter_body(letter: ReminderLetter) -> list[Flowable]:
    deadline = letter.deadline
    when = f"于{zh_date(deadline)}前" if deadline else "尽快"
    text = [
        f"截至{zh_date(letter.as_of)}，您的房屋尚欠费用¥{yuan(letter.owed_fen)}，"
        f"最早一笔应于{zh_date(letter.oldest_due)}缴纳（明细见下表）。"
    ]
    if letter.previous:
        text.append(f"我中心已向您送达：{'；'.join(letter.previous)}，但至今未收到您的缴费。")
    text.append(
        LEGAL_BASIS + "依据上述规定及您与我中心签订的《物业服务合同》的约定，特此书面催告。"
    )
    if letter.level == 3:
        text.append(
            f"这是我中心对您的最后一次书面催告。请您{when}缴清全部欠费及滞纳金；"
            "合理期限届满仍不缴纳的，我中心将依法提起诉讼或者申请仲裁，由此产生的费用由您承担。"
        )
    else:
        text.append(f"请您{when}到物业服务中心或通过银行转账缴清上述费用。")
    return [para(t) for t in text]


def _delivery_receipt(letter: ReminderLetter, estate: EstateHeader, heading: str) -> list[Flowable]:
    """送达回证: filled in by whoever delivers the letter and signed by the recipient."""
    st = styles()
    rows = [
        ["送达文书", f"{heading}（{letter.letter_no}）"],
        ["受送达人", f"{letter.unit_code} 业主 {letter.owner or ''}".strip()],
        ["送达地址", f"{estate.address}{letter.unit_code}" if estate.address else letter.unit_code],
        ["送达方式", "□ 当面送达　□ 留置送达　□ 邮寄送达（单号：　　　　　　　）"],
        ["送达人（签字）", ""],
        ["受送达人（签字）", ""],
        ["签收日期", "　　　　年　　月　　日"],
        ["拒签情况及见证人", ""],
    ]
    t = table(rows, [45 * mm, 135 * mm], header_rows=0, zebra=False)
    # the rows filled in by hand are tall enough to write and sign in
    t.setStyle(
        TableStyle([("TOPPADDING", (0, 4), (-1, -1), 16), ("BOTTOMPADDING", (0, 4), (-1, -1), 16)])
    )
    return [
        PageBreak(),
        title("送达回证"),
        para(f"文号：{letter.letter_no}", _right()),
        Spacer(1, 3 * mm),
        t,
        Spacer(1, 4 * mm),
        para("说明：受送达人拒绝签收的，送达人应注明拒签事由和日期，并由见证人签字。", st.small),
        Spacer(1, 8 * mm),
        para(f"{estate.company or estate.name}（盖章）", _right()),
    ]


def letter_story(letter: ReminderLetter, estate: EstateHeader) -> list[Flowable]:
    """The flowables of one household's letter and its 送达回证 page."""
    st = styles()
    heading = LEVEL_ZH.get(letter.level, "催缴函")
    owner = f"（{letter.owner}）" if letter.owner else ""
    story: list[Flowable] = [
        LetterStart(_label(letter.unit_code, letter.owner)),
        title(heading),
        para(letter.letter_no, _right()),
        para(f"尊敬的 {letter.unit_code} 业主{owner}："),
        *_letter_body(letter),
        Spacer(1, 2 * mm),
        _lines_table(
            [(x.item_name, x.period, x.basis, x.amount_fen, x.owed_fen) for x in letter.lines],
            letter.owed_fen,
        ),
        Spacer(1, 2 * mm),
        _sums_table(
            [
                ("欠费", f"¥{yuan(letter.owed_fen)}"),
                ("滞纳金（按合同约定计至上述日期）", f"¥{yuan(letter.late_fee_fen)}"),
                (
                    "合计应缴",
                    f"¥{yuan(letter.total_fen)}　（大写）人民币{fen_to_capital(letter.total_fen)}",
                ),
                ("缴费期限", zh_date(letter.deadline) + "前" if letter.deadline else "—"),
            ]
        ),
        Spacer(1, 3 * mm),
        para(
            "如已缴纳，请忽略本函。如有疑问，请联系物业服务中心"
            + (f"：{estate.phone}。" if estate.phone else "。"),
            st.small,
        ),
        Spacer(1, 6 * mm),
        para(f"{estate.company or estate.name}（盖章）", _right()),
        para(zh_date(letter.as_of), _right()),
    ]
    return story + _delivery_receipt(letter, estate, heading)


def _paged(stories: list[list[Flowable]]) -> list[Flowable]:
    out: list[Flowable] = []
    for i, s in enumerate(stories):
        if i:
            out.append(PageBreak())
        out.extend(s)
    return out


def notices_pdf(
    pages: Sequence[NoticePage],
    estate: EstateHeader,
    *,
    progress: Progress | None = None,
    printed_at: datetime | None = None,
) -> bytes:
    """Every notice, each on its own page(s) (an empty batch gives a page saying so).

    ``printed_at`` (aware; the process clock's now when omitted) dates the notices and the
    footer. ``progress(done, total)`` is called as each notice is laid out (whatever it raises,
    e.g. :class:`~propdesk.failures.OperationCancelled` after Cancel, stops the build).
    """
    at = to_local(printed_at) if printed_at else local_now()
    stories: list[list[Flowable]] = []
    for p in pages:
        stories.append(notice_story(p, estate, local_date(at)))
    if not stories:
        stories = [[title("缴费通知单"), para("没有需要通知的房屋。")]]
    spec = DocumentSpec(
        title="缴费通知单", estate_name=estate.name, company=estate.company, printed_at=at
    )
    return build_pdf(spec, _paged(stories), on_letter=_counter(progress, len(pages)))


def letters_pdf(
    letters: Sequence[ReminderLetter],
    estate: EstateHeader,
    *,
    progress: Progress | None = None,
) -> bytes:
    """Every letter with its 送达回证 page (an empty batch gives a page saying so)."""
    stories = [letter_story(x, estate) for x in letters] or [
        [title("催缴函"), para("没有需要催缴的房屋。")]
    ]
    spec = DocumentSpec(title="催缴函", estate_name=estate.name, company=estate.company)
    return build_pdf(spec, _paged(stories), on_letter=_counter(progress, len(letters)))


def _counter(progress: Progress | None, total: int) -> Callable[[int], None] | None:
    if progress is None:
        return None
    progress(0, total)
    return lambda started: progress(started - 1, total)
