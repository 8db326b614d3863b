"""Community activity documents: the notice posted on the boards (活动通知, with the service
centre's phone and the sign-up deadline) and the sign-in sheet by unit (签到表, with a blank
signature column; the waitlist in a part of its own after the confirmed households). Plain
data in, PDF bytes out.

The sign-up deadline: an activity has no deadline of its own; sign-ups are taken while it is
报名中, places first come first served and the waitlist after that, so the notice gives the
activity's start as the last moment (额满后登记候补).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from zoneinfo import ZoneInfo

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
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
    text = _day_and_time(start)
    if activity.ends_at is not None:
        end = activity.ends_at.astimezone(z)
        text += (
            f"—{end:%H:%M}"
            if end.date() == start.date()
            else f"至{end.month}月{end.day}日{end:%H:%M}"
        )
    return text


def _day_and_time(at: datetime) -> str:
    return f"{at.month}月{at.day}日（星期{_WEEKDAYS[at.weekday()]}）{at:%H:%M}"


def deadline_text(activity: ActivityRow, *, zone: ZoneInfo | None = None) -> str:
    """``6月20日（星期六）14:00``: the last moment to sign up, the activity's start (an
    activity has no deadline of its own)."""
    return _day_and_time(activity.starts_at.astimezone(zone or clock.estate_zone()))


def activity_notice_text(
    activity: ActivityRow, *, desk_phone: str = "", zone: ZoneInfo | None = None
) -> tuple[str, str]:
    """(title, body) of the notice for an activity; ``desk_phone`` is the service centre's
    (the estate's) phone, left out when there is none."""
    kind = ACTIVITY_KIND_ZH.get(activity.kind, "社区活动")
    phone = f"（电话：{desk_phone}）" if desk_phone else ""
    lines = [
        "尊敬的业主/住户：",
        f"物业服务中心定于{when_text(activity, zone=zone)}在{activity.venue}举办"
        f"“{activity.title}”（{kind}），诚邀各位业主、住户参加。",
    ]
    lines += [ln for ln in activity.description.splitlines() if ln.strip()]
    lines += [
        f"本次活动名额 {activity.capacity} 人，每户最多报名 {MAX_PERSONS} 人。"
        f"请到物业服务中心前台报名或致电服务中心报名{phone}。",
        f"报名截止：{deadline_text(activity, zone=zone)}活动开始前。"
        "名额报满后登记为候补，有人取消时按报名先后递补。",
        f"活动组织人：{activity.organiser}。欢迎踊跃参加！",
    ]
    return f"{activity.title}活动通知", "\n".join(lines)


def activity_notice_pdf(
    activity: ActivityRow,
    *,
    estate_name: str,
    company: str = "",
    desk_phone: str = "",
    posted_on: date,
    copies: int = 1,
) -> bytes:
    """The notice of an activity for the boards, one page per copy."""
    title, body = activity_notice_text(activity, desk_phone=desk_phone)
    return notice_pdf(NoticePrint(title, body, posted_on, estate_name, company, copies=copies))


_SHEET_HEAD = ["序号", "房号", "联系人", "人数", "报名方式", "签名", "备注"]
_SHEET_WIDTHS = [12 * mm, 24 * mm, 30 * mm, 12 * mm, 18 * mm, 50 * mm, 34 * mm]
_WALK_INS = 5  # blank rows after the confirmed households


def _sheet_table(rows: list[list[object]]) -> Table:
    """The header and ``rows`` with room to sign in each."""
    heights = [8 * mm] + [SIGN_ROW_HEIGHT * 0.6] * len(rows)
    table = Table([_SHEET_HEAD, *rows], colWidths=_SHEET_WIDTHS, rowHeights=heights, repeatRows=1)
    table.setStyle(
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
    return table


def _signup_line(n: int, s: SignupRow) -> list[object]:
    return [n, s.unit_code, s.contact_name, s.persons, CHANNEL_ZH.get(s.channel, ""), "", ""]


def signin_sheet_pdf(
    activity: ActivityRow,
    signups: Sequence[SignupRow],
    *,
    estate_name: str,
    company: str = "",
    printed_at: datetime | None = None,
) -> bytes:
    """The sign-in sheet: the confirmed sign-ups in unit order (as given) with a blank
    signature column, then blank rows for walk-ins; then, when there is a waitlist, a 候补
    part with the same columns in queue order, so a waitlisted household that comes can sign
    in on the spot."""
    st = styles()
    confirmed = [s for s in signups if s.state == SignupState.CONFIRMED.value]
    # the queue's order, as places are given (propdesk.activities.services._promote)
    waiting = sorted(
        (s for s in signups if s.state == SignupState.WAITLIST.value), key=lambda s: s.id
    )
    persons = sum(s.persons for s in confirmed)
    story: list[Flowable] = [
        para(f"{activity.title} 签到表", st.title),
        para(
            f"时间：{when_text(activity)}　地点：{activity.venue}　组织人：{activity.organiser}",
            st.body,
        ),
        para(
            f"已报名 {len(confirmed)} 户 {persons} 人（名额 {activity.capacity} 人）"
            + (f"，候补 {len(waiting)} 户 {sum(s.persons for s in waiting)} 人" if waiting else ""),
            st.body,
        ),
        Spacer(1, 3 * mm),
    ]
    rows = [_signup_line(n, s) for n, s in enumerate(confirmed, start=1)]
    rows += [[n, "", "", "", "", "", ""] for n in range(len(rows) + 1, len(rows) + 1 + _WALK_INS)]
    story.append(_sheet_table(rows))
    if waiting:
        story += [
            Spacer(1, 5 * mm),
            para(
                f"候补（{len(waiting)} 户，按登记先后；到场可当场签到）",
                ParagraphStyle("waitlist", parent=st.heading, keepWithNext=1),
            ),
            _sheet_table([_signup_line(n, s) for n, s in enumerate(waiting, start=1)]),
        ]
    spec = DocumentSpec(
        title=f"{activity.title}签到表",
        estate_name=estate_name,
        company=company,
        printed_at=printed_at,
    )
    return build_pdf(spec, story)
