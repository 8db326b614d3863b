"""A hand-made monthly report (plain data) for the renderer tests, and an empty one."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from propdesk.fees.collection import CollectionRow
from propdesk.reporting.values import (
    CallbackSection,
    CareMonthFigures,
    Count,
    DeskSection,
    FeeSection,
    Headline,
    MonthlyReport,
    PatrolSection,
    RenovationSection,
    TicketSection,
)
from propdesk.tickets.values import ComplaintStats, StatLine


def sample_report() -> MonthlyReport:
    b1 = CollectionRow("1栋", "", 5_360_216, 4_341_930, 1_000, 1_083_088, 2_820_602)
    b2 = CollectionRow("2栋", "", 1_000_000, 1_000_000, 0, 0, 50_000)
    total = CollectionRow("合计", "", 6_360_216, 5_341_930, 1_000, 1_083_088, 2_870_602)
    line = StatLine("12", "治安安全", 3, 750, 2, 3, 52.5, 4.5)
    dept = StatLine("security", "安管", 4, 1000, 2, 3, 40.0, None)
    return MonthlyReport(
        period="2026-10",
        estate_name="翠湖花园",
        company="深圳市安居物业服务有限公司",
        start=date(2026, 10, 1),
        end=date(2026, 10, 31),
        tickets=TicketSection(
            total=13,
            by_kind=(
                Count("repair", "报修", 7),
                Count("complaint", "投诉", 4),
                Count("inquiry", "咨询", 2),
                Count("suggestion", "建议", 0),
            ),
            by_category=(Count("1", "报修 · 水暖管道", 5), Count("12", "投诉 · 治安安全", 4)),
            by_status=(Count("closed", "已关闭", 10), Count("received", "已受理", 3)),
            responded=12,
            avg_response_minutes=379.36,
            done=10,
            avg_completion_hours=57.02,
            response_on_time=11,
            resolve_on_time=8,
        ),
        callbacks=CallbackSection(
            count=11,
            avg_overall=4.64,
            avg_speed=4.36,
            avg_attitude=4.55,
            by_score=(0, 0, 1, 2, 8),
            satisfied=10,
            not_fixed=1,
        ),
        complaints=ComplaintStats(date(2026, 10, 1), date(2026, 10, 31), 4, (line,), (dept,), ()),
        renovation=RenovationSection(
            applied=5,
            approved=4,
            rejected=1,
            accepted=2,
            active_at_end=6,
            inspections=20,
            inspections_by_result=(Count("ok", "合格", 17), Count("violation", "发现违规", 3)),
            violations=3,
            violations_by_type=(Count("1", "违规时段施工", 2), Count("3", "装修垃圾乱堆放", 1)),
            violations_rectified=2,
            violations_open_at_end=1,
        ),
        patrols=PatrolSection(
            patrols=24,
            finished=23,
            checkpoints=144,
            checked=141,
            missed=3,
            anomalies=5,
            anomalies_ticketed=2,
            anomalies_resolved=3,
            anomalies_by_area=(Count("fire", "消防设施", 3), Count("garage", "车库", 2)),
        ),
        desk=DeskSection(41, 37, 1, 4, 6, 9, 8, 2),
        fees=FeeSection(
            by_building=(b1, b2),
            total=total,
            payments=148,
            payments_fen=5_265_159,
            arrears_as_of=date(2026, 10, 31),
            arrears_units=39,
            ageing_fen=(1_018_286, 1_373_675, 996_776, 450_151),
        ),
        current=Headline("2026-10", 13, 4, 0.8, 4.64, 3, 5, 6_360_216, 5_341_930),
        previous=Headline("2026-09", 3, 0, 1.0, 3.67, 0, 1, 5_397_417, 4_502_069),
        last_year=Headline("2025-10", 0, 0, None, None, 0, 0, 0, 0),
    )


def empty_report() -> MonthlyReport:
    zero = CollectionRow("合计", "", 0, 0, 0, 0, 0)
    empty = Headline("2024-01", 0, 0, None, None, 0, 0, 0, 0)
    return MonthlyReport(
        period="2024-01",
        estate_name="翠湖花园",
        company="",
        start=date(2024, 1, 1),
        end=date(2024, 1, 31),
        tickets=TicketSection(
            0,
            (Count("repair", "报修", 0), Count("complaint", "投诉", 0)),
            (),
            (),
            0,
            None,
            0,
            None,
            0,
            0,
        ),
        callbacks=CallbackSection(0, None, None, None, (0, 0, 0, 0, 0), 0, 0),
        complaints=ComplaintStats(date(2024, 1, 1), date(2024, 1, 31), 0, (), (), ()),
        renovation=RenovationSection(0, 0, 0, 0, 0, 0, (), 0, (), 0, 0),
        patrols=PatrolSection(0, 0, 0, 0, 0, 0, 0, 0, ()),
        desk=DeskSection(0, 0, 0, 0, 0, 0, 0, 0),
        fees=FeeSection((), zero, 0, 0, date(2024, 1, 31), 0, (0, 0, 0, 0)),
        current=empty,
        previous=Headline("2023-12", 0, 0, None, None, 0, 0, 0, 0),
        last_year=Headline("2023-01", 0, 0, None, None, 0, 0, 0, 0),
    )


def care_figures(*, current: bool = True) -> CareMonthFigures:
    """A month of household care; ``current``: the overdue figures of now (on 15 Oct 2026)."""
    return CareMonthFigures(
        visits=1_234,
        households=987,
        by_reason=(
            Count("elderly_alone", "独居老人定期走访", 1_000),
            Count("new_household", "新入住走访", 200),
            Count("complaint", "投诉关闭后走访", 20),
            Count("follow_up", "约定的下次走访", 10),
            Count("other", "其他走访", 4),
        ),
        ratings=800,
        average_rating=4.375,
        ticketed=37,
        flags_new=12,
        flags_ended=5,
        visits_overdue=9 if current else None,
        reviews_overdue=3 if current else None,
        overdue_as_of=date(2026, 10, 15) if current else None,
    )


def quiet_care() -> CareMonthFigures:
    """A month without a visit or a flag set or ended (nothing overdue asked: a past month)."""
    return CareMonthFigures(
        visits=0,
        households=0,
        by_reason=tuple(replace(c, count=0) for c in care_figures().by_reason),
        ratings=0,
        average_rating=None,
        ticketed=0,
        flags_new=0,
        flags_ended=0,
    )
