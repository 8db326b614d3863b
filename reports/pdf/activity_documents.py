"""Community activity documents: the notice posted on the boards (活动通知) and the sign-in
sheet by unit (签到表, with a blank signature column). Plain data in, PDF bytes out."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from zoneinfo import ZoneInfo

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from propdesk import clock
from propdesk.activities.values import (
    ACTIVITY_KIND_ZH,
    CHANNEL_ZH,
    MAX_PERSONS,
    ActivityRow,
    SignupRow,
    SignupState,
)
from reports.pdf.document import (
    FONT,
    SIGN_ROW_HEIGHT,
    DocumentSpec,
    build_pdf,
    para,
    styles,
)
from reports.pdf.notice import NoticePrint, notice_pdf

_WEEKDAYS = "一二三四五六日"


def when_text(activity: ActivityRow, *, zone: ZoneInfo | None = None) -> str:
    """``6月20日（星期六）14:00—16:00``: the activity's local date and time."""
    z = zone or clock.estate_zone()
    start = activity.starts_at.astimezone(z)
    text = f"{start.month}月{start.day}日（星期{_WEEKDAYS[start.weekday()]}）{start:%H:%M}"
    if activity.ends_at is not None:
        end = activity.ends_at.astimezone(z)
        text += (
            f"—{end:%H:%M}"
            if end.date() == start.date()
            else f"至{end.month}月{end.day}日{end:%H:%M}"
        )
    return text


def activity_notice_text(activity: ActivityRow, *, zone: ZoneInfo | None = None) -> tuple[str, str]:
    """(title, body) of the notice for an activity."""
    kind = ACTIVITY_KIND_ZH.get(activity.kind, "社区活动")
    lines = [
        "尊敬的业主/住户：",
        f"物业服务中心定于{when_text(activity, zone=zone)}在{activity.venue}举办"
        f"“{activity.title}”（{kind}），诚邀各位业主、住户参加。",
    ]
    lines += [ln for ln in activity.description.splitlines() if ln.strip()]
    lines += [
        f"本次活动名额 {activity.capacity} 人，每户最多报名 {MAX_PERSONS} 人。"
        "请到物业服务中心前台报名或致电服务中心报名，额满后登记为候补，"
        "有人取消时按报名先后递补。",
        f"活动组织人：{activity.organiser}。欢迎踊跃参加！",
    ]
    return f"{activity.title}活动通知", "\n".join(lines)


def activity_notice_pdf(
    activity: ActivityRow, *, estate_name: str, company: str = "", posted_on: date, copies: int = 1
) -> bytes:
    """The notice of an activity for the boards, one page per copy."""
    title, body = activity_notice_text(activity)
    return notice_pdf(NoticePrint(title, body, posted_on, estate_name, company, copies=copies))


def signin_sheet_pdf(
    activity: ActivityRow,
    signups: Sequence[SignupRow],
    *,
    estate_name: str,
    company: str = "",
    printed_at: datetime | None = None,
) -> bytes:
    """The sign-in sheet: the confirmed sign-ups in unit order (as given) with a blank
    signature column, then blank rows for walk-ins; the waitlist is not on it."""
    st = styles()
    confirmed = [s for s in signups if s.state == SignupState.CONFIRMED.value]
    households = len(confirmed)
    persons = sum(s.persons for s in confirmed)
    story: list[Flowable] = [
        para(f"{activity.title} 签到表", st.title),
        para(
            f"时间：{when_text(activity)}　地点：{activity.venue}　组织人：{activity.organiser}",
            st.body,
        ),
        para(f"已报名 {households} 户 {persons} 人（名额 {activity.capacity} 人）", st.body),
        Spacer(1, 3 * mm),
    ]
    rows: list[list[object]] = [["序号", "房号", "联系人", "人数", "报名方式", "签名", "备注"]]
    for n, s in enumerate(confirmed, start=1):
        rows.append(
            [n, s.unit_code, s.contact_name, s.persons, CHANNEL_ZH.get(s.channel, ""), "", ""]
        )
    for n in range(len(confirmed) + 1, len(confirmed) + 6):  # walk-ins and late promotions
        rows.append([n, "", "", "", "", "", ""])
    widths = [12 * mm, 24 * mm, 30 * mm, 12 * mm, 18 * mm, 50 * mm, 34 * mm]
    heights = [8 * mm] + [SIGN_ROW_HEIGHT * 0.6] * (len(rows) - 1)  # room to sign
    sheet = Table(rows, colWidths=widths, rowHeights=heights, repeatRows=1)
    sheet.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("FONTSIZE", (0, 0), (-1, -1), 10),
                ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#777777")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (0, 0), (-1, 0), "CENTER"),
                ("ALIGN", (3, 1), (3, -1), "RIGHT"),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6ecf2")),
            ]
        )
    )
    story.append(sheet)
    spec = DocumentSpec(
        title=f"{activity.title}签到表",
        estate_name=estate_name,
        company=company,
        printed_at=printed_at,
    )
    return build_pdf(spec, story)
