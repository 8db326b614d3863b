"""Payment notices (缴费通知单) and reminder letters (催缴函): one page per unit, batch-printed.

Plain data in (:mod:`propdesk.fees.notices` values), PDF bytes out.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer

from propdesk.clock import local_date, local_now, to_local
from propdesk.fees.document_values import LEVEL_ZH, EstateHeader, NoticePage, ReminderLetter
from propdesk.fees.money import fen_to_capital, yuan
from reports.pdf.document import (
    DocumentSpec,
    LetterStart,
    build_pdf,
    para,
    styles,
    table,
    title,
)

Progress = Callable[[int, int], None]


def _lines_table(rows: Sequence[tuple[str, str, int, int]], total: int) -> Flowable:
    data: list[list[str]] = [["收费项目", "账期", "应收(元)", "未缴(元)"]]
    data += [[n, p, yuan(a), yuan(o)] for n, p, a, o in rows]
    data.append(["合计", "", "", yuan(total)])
    return table(data, [60 * mm, 35 * mm, 37 * mm, 37 * mm], right_align_cols=(2, 3))


def _label(unit_code: str, owner: str) -> str:
    """The running header of every page of one household's letter."""
    return f"房号 {unit_code}　业主 {owner or '—'}"


def notice_story(page: NoticePage, estate: EstateHeader, printed_on: date) -> list[Flowable]:
    st = styles()
    area = f"{page.area_centi // 100}.{page.area_centi % 100:02d}"
    story: list[Flowable] = [
        LetterStart(_label(page.unit_code, page.owner)),
        title("缴费通知单"),
        para(f"尊敬的 {page.unit_code} 业主{('（' + page.owner + '）') if page.owner else ''}："),
        para(
            f"您的房屋（{page.building_name} {page.unit_code}，建筑面积 {area} m²）"
            f"{page.period[:4]}年{int(page.period[5:])}月的费用明细如下，"
            f"请于 {page.due_date.isoformat()} 前到物业服务中心缴纳，或通过银行转账、微信、支付宝缴费。"
        ),
        Spacer(1, 3 * mm),
        _lines_table(
            [(x.item_name, x.period, x.amount_fen, x.owed_fen) for x in page.lines], page.total_fen
        ),
        Spacer(1, 3 * mm),
        para(f"其中本期 ¥{yuan(page.period_owed_fen)}，往期欠费 ¥{yuan(page.earlier_owed_fen)}。"),
        para(f"应缴合计（大写）：人民币{fen_to_capital(page.total_fen)}"),
        Spacer(1, 6 * mm),
        para(
            "如已缴纳，请忽略本通知。如有疑问，请联系物业服务中心"
            + (f"：{estate.phone}" if estate.phone else "。"),
            st.small,
        ),
        Spacer(1, 10 * mm),
        para(f"{estate.company or estate.name}　　{printed_on.isoformat()}", st.body),
    ]
    return story


def letter_story(letter: ReminderLetter, estate: EstateHeader) -> list[Flowable]:
    st = styles()
    heading = {1: "缴费提醒函", 2: "催缴函", 3: "最后催缴通知"}[letter.level]
    tone = {
        1: "经核对，您的房屋尚有以下费用未缴纳。物业费用是小区正常运行的保障，请您及时缴纳。",
        2: "我中心已于此前向您发出缴费提醒，但截至目前仍未收到您的费用。请您在收到本函后 15 日内缴清。",
        3: "这是我中心对您的最后一次书面催缴。请您在收到本函后 7 日内缴清全部欠费，"
        "否则我中心将依据物业服务合同及相关法律法规追缴，由此产生的费用由您承担。",
    }[letter.level]
    story: list[Flowable] = [
        LetterStart(_label(letter.unit_code, letter.owner)),
        title(heading),
        para(f"（{LEVEL_ZH[letter.level]}）", st.center),
        para(
            f"尊敬的 {letter.unit_code} 业主{('（' + letter.owner + '）') if letter.owner else ''}："
        ),
        para(
            f"截至 {letter.as_of.isoformat()}，您的房屋欠缴费用 ¥{yuan(letter.owed_fen)}，"
            f"最早一笔应于 {letter.oldest_due.isoformat()} 缴纳。{tone}"
        ),
        Spacer(1, 3 * mm),
        _lines_table(
            [(x.item_name, x.period, x.amount_fen, x.owed_fen) for x in letter.lines],
            letter.owed_fen,
        ),
    ]
    if letter.late_fee_fen:
        story.append(
            para(f"按物业服务合同约定，截至上述日期产生滞纳金 ¥{yuan(letter.late_fee_fen)}。")
        )
    story += [
        para(f"欠费合计（大写）：人民币{fen_to_capital(letter.owed_fen)}"),
        Spacer(1, 6 * mm),
        para(
            "如已缴纳，请忽略本函。如有疑问，请联系物业服务中心"
            + (f"：{estate.phone}" if estate.phone else "。"),
            st.small,
        ),
        Spacer(1, 10 * mm),
        para(f"{estate.company or estate.name}　　{letter.as_of.isoformat()}"),
    ]
    return story


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
    """Every notice, one page each (an empty batch gives a page saying so).

    ``printed_at`` (aware; the process clock's now when omitted) dates the notices and the
    footer.
    """
    at = to_local(printed_at) if printed_at else local_now()
    stories: list[list[Flowable]] = []
    for i, p in enumerate(pages):
        stories.append(notice_story(p, estate, local_date(at)))
        if progress:
            progress(i + 1, len(pages))
    if not stories:
        stories = [[title("缴费通知单"), para("没有需要通知的房屋。")]]
    spec = DocumentSpec(
        title="缴费通知单", estate_name=estate.name, company=estate.company, printed_at=at
    )
    return build_pdf(spec, _paged(stories))


def letters_pdf(letters: Sequence[ReminderLetter], estate: EstateHeader) -> bytes:
    stories = [letter_story(x, estate) for x in letters] or [
        [title("催缴函"), para("没有需要催缴的房屋。")]
    ]
    spec = DocumentSpec(title="催缴函", estate_name=estate.name, company=estate.company)
    return build_pdf(spec, _paged(stories))
