"""Plain values of the exported sheets (no SQLAlchemy: ``reports/`` takes these).

Built by :mod:`propdesk.reporting.sheet_header`, :mod:`propdesk.reporting.fee_sheet` and
:mod:`propdesk.reporting.call_list`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from propdesk.fees.document_values import FeeSheetRow


@dataclass(frozen=True)
class SheetHeader:
    """The title rows of a sheet: ``{estate}{title}``; ``期间：{period}``; who and when."""

    title: str
    estate: str = ""
    period: str = ""
    prepared_by: str = ""
    prepared_on: date | None = None
    #: what ``period`` is: a time span by default; a sheet scoped otherwise names its scope
    period_label: str = "统计期间"

    @property
    def heading(self) -> str:
        return f"{self.estate} {self.title}".strip()

    @property
    def byline(self) -> str:
        """``统计期间：…　　制表人：…　　制表日期：2026年6月15日``."""
        parts = []
        if self.period:
            parts.append(f"{self.period_label}：{self.period}")
        parts.append(f"制表人：{self.prepared_by}")
        day = self.prepared_on
        parts.append(f"制表日期：{day.year}年{day.month}月{day.day}日" if day else "制表日期：")
        return "\u3000\u3000".join(parts)


def period_text(first: str, last: str | None = None) -> str:
    """``2026-01`` → ``2026年1月``; a range → ``2026年1月 至 2026年12月``."""

    def label(p: str) -> str:
        if len(p) != 7 or not (p[:4] + p[5:]).isdigit():
            return p  # not a YYYY-MM period: as given
        return f"{p[:4]}年{int(p[5:7])}月"

    return label(first) if not last or last == first else f"{label(first)} 至 {label(last)}"


def day_text(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


@dataclass(frozen=True)
class CollectionLine(FeeSheetRow):
    """A bill line with what paid it: ``receipt_no`` ``"R1、R2"``, the last ``paid_on`` and
    the methods (``"现金、微信"``); empty while nothing is paid."""

    receipt_no: str = ""
    paid_on: date | None = None
    method: str = ""


@dataclass(frozen=True)
class CallListRow:
    building: str
    unit_code: str
    contact: str  # the first contact to call (an owner when there is one)
    role: str  # 业主 / 共有人 / 租户 / 家属
    phone: str  # as the reader may see it (masked for roles without VIEW_FULL_ID)
    others: str  # further contacts: "李四（租户）139****0000；…"
    owed_fen: int
    late_fee_fen: int
    oldest_due: date
    days: int  # days since the oldest unpaid due date

    @property
    def total_fen(self) -> int:
        return self.owed_fen + self.late_fee_fen
