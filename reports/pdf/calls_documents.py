"""Call desk documents: the outage notice (停水/停电通知) and the knowledge-base handbook
(答客问手册, with a table of contents). Plain data in, PDF bytes out."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from itertools import groupby
from zoneinfo import ZoneInfo

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer

from propdesk import clock
from propdesk.calls.values import OUTAGE_KIND_ZH, KbEntryRow, OutageKind, OutageRow
from reports.pdf.document import DocumentSpec, build_pdf, escape, markup, para, styles, table
from reports.pdf.notice import NoticePrint, notice_pdf


def _local(at: datetime, zone: ZoneInfo | None) -> str:
    t = at.astimezone(zone or clock.estate_zone())
    return f"{t.month}月{t.day}日{t.hour:02d}:{t.minute:02d}"


def outage_notice_text(outage: OutageRow, *, zone: ZoneInfo | None = None) -> tuple[str, str]:
    """(title, body) of the notice for an outage."""
    kind = OUTAGE_KIND_ZH[OutageKind(outage.kind)]
    title = f"{kind}通知" if outage.planned else f"紧急{kind}通知"
    when = _local(outage.starts_at, zone)
    until = f"至{_local(outage.ends_at, zone)}" if outage.ends_at else "起，恢复时间另行通知"
    lines = [
        "尊敬的业主/住户：",
        f"因{outage.reason}，{outage.scope}将于{when}{until}{kind}。",
        "请提前做好准备，关闭家中相关开关和阀门，恢复后请留意使用安全。"
        if outage.kind != OutageKind.ELEVATOR.value
        else "停运期间请走楼梯并注意安全，行动不便的住户请提前与服务中心联系。",
        "给您带来的不便，敬请谅解。如有疑问，请致电物业服务中心。",
    ]
    return title, "\n".join(lines)


def outage_notice_pdf(
    outage: OutageRow, *, estate_name: str, company: str = "", posted_on: date, copies: int = 1
) -> bytes:
    """The notice of an outage, one page per copy, posted in the affected buildings."""
    title, body = outage_notice_text(outage)
    audiences = (
        ("全体业主/住户",)
        if outage.scope == "全小区"
        else tuple(f"{part} 全体业主/住户" for part in outage.scope.split("、"))
    )
    return notice_pdf(NoticePrint(title, body, posted_on, estate_name, company, audiences, copies))


class _Mark(Flowable):
    """Records the page it lands on (for the table of contents)."""

    def __init__(self, key: str, pages: dict[str, int]) -> None:
        super().__init__()
        self.key = key
        self.pages = pages
        self.width = self.height = 0

    def draw(self) -> None:
        self.pages[self.key] = int(self.canv.getPageNumber())


def handbook_pdf(
    entries: Sequence[KbEntryRow], *, estate_name: str, company: str = "", printed_on: date
) -> bytes:
    """The knowledge base as a handbook: a table of contents (category → question, page),
    then every entry by category. Two layout passes: the first finds the pages."""
    st = styles()
    groups = [
        (category or "未分类", list(rows))
        for category, rows in groupby(entries, key=lambda e: e.category)
    ]

    def story(pages: dict[str, int], found: dict[str, int]) -> list[Flowable]:
        out: list[Flowable] = [
            para(f"答客问手册（{printed_on:%Y-%m-%d}版）", st.title),
            Spacer(1, 4 * mm),
            para("目录", st.heading),
        ]
        rows: list[list[object]] = [["条目", "页码"]]
        for category, rows_in in groups:
            rows.append(
                [markup(f"<b>{escape(category)}</b>", st.cell), str(found.get(category, ""))]
            )
            for e in rows_in:
                rows.append([para(f"　{e.question}", st.cell), str(found.get(f"e{e.id}", ""))])
        out.append(table(rows, col_widths=[150 * mm, 20 * mm], zebra=False))
        for category, rows_in in groups:
            out += [PageBreak(), _Mark(category, pages), para(category, st.heading)]
            for e in rows_in:
                out += [
                    _Mark(f"e{e.id}", pages),
                    Spacer(1, 2 * mm),
                    markup(f"<b>问：{escape(e.question)}</b>", st.body),
                    para(f"答：{e.answer}", st.body),
                ]
                meta = "　".join(
                    x
                    for x in (
                        f"标签：{e.tags}" if e.tags else "",
                        f"相关工单：{e.ticket_categories}" if e.ticket_categories else "",
                        f"负责人：{e.owner_name}" if e.owner_name else "",
                        f"核对：{e.last_checked:%Y-%m-%d}" if e.last_checked else "",
                        f"有效期至：{e.expires_on:%Y-%m-%d}" if e.expires_on else "",
                    )
                    if x
                )
                if meta:
                    out.append(para(meta, st.small))
        return out

    spec = DocumentSpec(title="答客问手册", estate_name=estate_name, company=company)
    first: dict[str, int] = {}
    build_pdf(spec, story(first, {}))  # pass 1: where each heading and entry lands
    return build_pdf(spec, story({}, first))
