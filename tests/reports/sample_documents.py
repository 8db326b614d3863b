"""Every printed document of PropDesk built from plain sample values (no database).

Used by the typography test (every text line of every PDF) and by the screenshot script
(``python -m tests.reports.sample_documents OUT_DIR`` writes each PDF there).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, time
from pathlib import Path

from propdesk.activities.values import ActivityRow, SignupRow
from propdesk.care.values import EvacuationRow
from propdesk.deposits.values import DeductionItem, DepositReceiptData, RefundSlipData
from propdesk.desk.values import HandoverSheetData, SheetEntry, SheetLine
from propdesk.fees.document_values import (
    EstateHeader,
    NoticeLine,
    NoticePage,
    ReceiptData,
    ReceiptLine,
    ReminderLetter,
)
from propdesk.movein.values import Appointment, MoveInForm, MoveInInfo
from propdesk.renovation.values import InspectionInfo, PermitInfo, ViolationInfo, WorkerInfo
from propdesk.surveys.values import (
    RATING_LABELS,
    BuildingResult,
    CampaignResults,
    CampaignRow,
    CampaignStatus,
    CommentRow,
    QuestionKind,
    QuestionResult,
    QuestionRow,
)
from propdesk.team.values import (
    AssessmentSheetData,
    Figures,
    HourlyVolume,
    MonthRoster,
    RosterClerk,
    RosterPrintData,
    Sheet,
    ShiftRow,
    SignOff,
    VolumeSource,
)
from propdesk.tickets.values import WorkOrderData, WorkOrderLine
from reports.pdf.notice import NoticePrint

AT = datetime(2026, 12, 6, 2, 0, tzinfo=UTC)
ESTATE = EstateHeader(
    "翠湖花园",
    "翠湖物业服务有限公司",
    "0571-88886666",
    "杭州市西湖区翠湖路1号",
    ("中国工商银行杭州翠湖支行　户名：翠湖物业服务有限公司　账号：1202 0212 0900 1234 567",),
    "https://pay.example.com/cuihu",
)
_BASIS = "89.56 m² × 2.10 元/m²"
_WATER = "上期 1,234.00 本期 1,256.00 用量 22.00 吨 × 3.20 元"


def notice_page() -> NoticePage:
    lines = (
        NoticeLine("物业服务费", "2026-11", 18807, 18807, _BASIS),
        NoticeLine("水费", "2026-11", 7040, 7040, _WATER),
        NoticeLine("物业服务费", "2026-12", 18807, 18807, _BASIS),
        NoticeLine("电梯费", "2026-12", 3000, 3000, "每户每月 30.00 元"),
        NoticeLine("水费", "2026-12", 7040, 7040, _WATER),
    )
    return NoticePage(
        1, "1-1-0101", "1栋", "张三", 8956, "2026-12", date(2026, 12, 31), lines, 28847, 25847,
        late_fee_fen=282, prepaid_fen=5000, notice_no="TZ202612-1-1-0101",
        address="杭州市西湖区翠湖路1号1栋1-1-0101",
    )  # fmt: skip


def letter(level: int = 2) -> ReminderLetter:
    lines = tuple(
        NoticeLine("物业服务费", f"2026-{m:02d}", 18807, 18807, _BASIS) for m in range(3, 12)
    )
    return ReminderLetter(
        2, "1-2-0602", "李四", level, date(2026, 12, 6), 9 * 18807, date(2026, 3, 31), 4321,
        lines, letter_no=f"翠物催字〔2026〕第{56 + level:03d}号", deadline=date(2026, 12, 21),
        previous=("2026年9月1日第一次催缴函（翠物催字〔2026〕第012号）",) if level > 1 else (),
    )  # fmt: skip


def receipt(voided: bool = True) -> ReceiptData:
    months = tuple(
        ReceiptLine("物业服务费", f"2027-{m:02d}", "预缴", 18807, m == 12) for m in range(1, 13)
    )
    return ReceiptData(
        receipt_no="2026000042", estate_name="翠湖花园", company="翠湖物业服务有限公司",
        unit_code="1-1-0101", payer="张三", paid_on=date(2026, 12, 6), paid_at=AT,
        method="微信", txn_ref="4200001888", amount_fen=11 * 18807, credit_fen=0,
        discount_fen=18807, discount_note="预缴一年送一月", lines=months, taken_by="王会计",
        voided=voided, void_reason="收错房号" if voided else "", voided_by="王会计",
        void_approved_by="李主管", address="杭州市西湖区翠湖路1号1栋1-1-0101",
        area_centi=8956, payee="翠湖物业服务有限公司",
    )  # fmt: skip


PERMIT = PermitInfo(
    id=1, permit_no="ZX2026-0007", unit_id=1, unit_code="3-2-1502", owner_name="张三",
    owner_phone="138****5678", contractor="安居装饰公司", contractor_contact="周工",
    contractor_phone="137****1111", scope="厨卫翻新、墙面刷漆", planned_start=date(2026, 11, 1),
    planned_end=date(2026, 12, 15), deposit_fen=300_000, deposit_receipt_no="SJ2026-000123",
    status="approved", decision_reason="", decided_by="赵主管",
    decided_at=datetime(2026, 10, 30, 2, 0, tzinfo=UTC), accepted_on=None, accepted_by="",
    acceptance_note="", refund_fen=None, refunded_on=None, version=2,
    workers=(WorkerInfo(1, "钱师傅", "", "ZX2026-0007-01"),),
    inspections=(), deductions=(),
)  # fmt: skip
VIOLATION = ViolationInfo(
    12, 3, "debris", "楼道堆放装修垃圾", "三楼楼道堆放水泥袋和瓷砖，影响通行。",
    date(2026, 12, 8), "open", None, "", None,
)  # fmt: skip
INSPECTION = InspectionInfo(3, date(2026, 12, 5), "孙巡查", "violation", "", 1, (VIOLATION,))
MOVEIN = MoveInInfo(
    id=1, unit_id=1, unit_code="3-2-1502", building_name="3栋", person_id=1, person_name="李四",
    person_phone="139****4321", role="tenant", status="draft",
    form=MoveInForm(
        planned_on=date(2026, 12, 20), documents_checked=True, fees_settled=False,
        water_reading_centi=12_305, electricity_reading_centi=None,
        keys=(("入户门钥匙", 3), ("信报箱钥匙", 1)), card_numbers="A0001, A0002",
        parking_requested=True, parking_note="地下 B2",
    ),
    occupancy_id=None, created_by="李前台", completed_at=None, version=1,
)  # fmt: skip


def _work_order() -> WorkOrderData:
    return WorkOrderData(
        estate_name="翠湖花园", company="翠湖物业服务有限公司", number="BX20261206-0001",
        kind="报修", category="水暖管道", urgency="紧急", source="电话", created_at=AT,
        place="3-2-1502 厨房", contact="张三", phone="13812345678",
        description="厨房水槽下水管破裂，地面大量积水，请尽快上门。", response_due=AT,
        resolve_due=AT, assignee="刘师傅（工程部）", owner="王前台", is_paid=True,
        lines=(WorkOrderLine("人工", "更换下水管人工", 1, 8000, 8000),), reopen_count=0,
    )  # fmt: skip


def _handover() -> HandoverSheetData:
    return HandoverSheetData(
        estate_name="翠湖花园", company="翠湖物业服务有限公司", shift_id=7, started_by="王前台",
        started_at=AT, closed_by="王前台", closed_at=AT, acknowledged_by="周夜班",
        acknowledged_at=AT, note="东门道闸已修好。",
        entries=(SheetEntry(AT, "事件", "消防演练通知已张贴", "", "", "记录", "王前台"),),
        lines=(SheetLine("待办提醒", "业主明早来取门禁卡（3-1-101）"),),
        cash_handed_over_fen=123_450,
    )  # fmt: skip


EVACUATION = (
    EvacuationRow("3栋", 3, 18, "3-2-1802", "王秀英", "139****4321", "独居老人，行动不便，需轮椅"),
    EvacuationRow("3栋", 3, 15, "3-2-1502", "张三", "138****5678", "视力残疾（二级），需引导下楼"),
    EvacuationRow("4栋", 4, 6, "4-1-602", "李建国", "137****0001", "心脏病史，夜间独居"),
)
ACTIVITY = ActivityRow(
    7, "elderly", "重阳节长者茶话会", datetime(2026, 12, 12, 6, 30, tzinfo=UTC),
    datetime(2026, 12, 12, 8, 30, tzinfo=UTC), "会所二楼多功能厅", 40, 23, 2, "open",
    150_000, 0, "客服中心 刘婷", None,
    "茶点、义诊和理发服务；请携带身份证明，行动不便的长者可由家属陪同。",
)  # fmt: skip
SIGNUPS = (
    SignupRow(1, 11, "3-2-1502", "张三", 2, "desk", "confirmed", AT, None, None, ""),
    SignupRow(2, 12, "3-2-1802", "王秀英", 1, "phone", "confirmed", AT, None, None, ""),
    SignupRow(3, 21, "4-1-602", "李建国", 3, "desk", "confirmed", AT, None, None, ""),
)


def _assessment() -> AssessmentSheetData:
    figures = Figures(3, "2026-11", 86, 84, 23.5, 41, 38, 4.6, 312, 270, 251)
    sign_off = SignOff(
        "接待耐心，登记规范；夜班回访及时率偏低，下月请在完工后两天内完成回访。",
        "刘经理",
        datetime(2026, 12, 2, 3, 0, tzinfo=UTC),
        datetime(2026, 12, 3, 1, 30, tzinfo=UTC),
        "张伟",
        2,
    )
    return AssessmentSheetData(
        "翠湖花园", "翠湖物业服务有限公司", Sheet(3, "张伟", figures, sign_off), AT
    )


def _roster() -> RosterPrintData:
    shifts = (
        ShiftRow(1, "early", "早班", time(8, 0), time(16, 0)),
        ShiftRow(2, "middle", "中班", time(14, 0), time(22, 0)),
        ShiftRow(3, "night", "夜班", time(22, 0), time(8, 0)),
    )
    clerks = (RosterClerk(3, "张伟"), RosterClerk(4, "李娜"), RosterClerk(5, "王芳"))
    days = tuple(date(2026, 12, d) for d in range(1, 32))
    cells: dict[tuple[int, date], tuple[int, ...]] = {
        (c.user_id, day): ((n + day.day) % 3 + 1,) for n, c in enumerate(clerks) for day in days
    }
    grid = MonthRoster(2026, 12, days, clerks, shifts, cells)
    counts = tuple(0 if h < 7 else 40 - abs(h - 10) * 3 for h in range(24))
    volume = HourlyVolume("2026-11", VolumeSource.CALLS, counts)
    return RosterPrintData("翠湖花园", "翠湖物业服务有限公司", grid, volume, AT)


SURVEY_QUESTIONS = (
    QuestionRow(1, QuestionKind.RATING, "您对小区公共区域保洁的满意程度？", (), RATING_LABELS, "保洁", True, True),
    QuestionRow(2, QuestionKind.RATING, "您对报修响应速度的满意程度？", (), RATING_LABELS, "维修", True, True),
    QuestionRow(3, QuestionKind.SINGLE, "您最常通过哪种方式联系物业？", ("前台", "电话", "微信群", "其他"), RATING_LABELS, "客服", True, True),
    QuestionRow(4, QuestionKind.MULTI, "您希望物业优先改进哪些方面？（可多选）", ("保洁", "安保", "绿化", "停车", "维修"), RATING_LABELS, "", True, True),
    QuestionRow(5, QuestionKind.TEXT, "您对物业服务还有什么意见或建议？", (), RATING_LABELS, "", True, True),
)  # fmt: skip
SURVEY_CAMPAIGN = CampaignRow(
    3, "2026年下半年满意度调查", 2, "年度满意度问卷", 2, CampaignStatus.CLOSED,
    date(2026, 11, 1), date(2026, 11, 30), 20, True, 6, 3, (), 120, 96, 0, 24,
)  # fmt: skip


def survey_results() -> CampaignResults:
    """A closed campaign compared with the previous one: 96 of 120 answered (80.0%)."""
    questions = (
        QuestionResult(1, SURVEY_QUESTIONS[0].text, QuestionKind.RATING, "保洁", 96, 4.125,
                       81.25, (2, 4, 12, 38, 40), RATING_LABELS, previous_mean=3.9),
        QuestionResult(2, SURVEY_QUESTIONS[1].text, QuestionKind.RATING, "维修", 95, 3.6842,
                       63.16, (5, 9, 21, 35, 25), RATING_LABELS, previous_mean=3.95),
        QuestionResult(3, SURVEY_QUESTIONS[2].text, QuestionKind.SINGLE, "客服", 90, None, None,
                       (30, 41, 17, 2), ("前台", "电话", "微信群", "其他")),
        QuestionResult(4, SURVEY_QUESTIONS[3].text, QuestionKind.MULTI, "", 88, None, None,
                       (22, 15, 9, 47, 30), ("保洁", "安保", "绿化", "停车", "维修")),
        QuestionResult(5, SURVEY_QUESTIONS[4].text, QuestionKind.TEXT, "", 4, None, None, (), ()),
    )  # fmt: skip
    comments = (
        CommentRow("3-2-1502", "您对报修响应速度的满意程度？", "厨房漏水报修三天才来人，希望加快。",
                   1, False, "GD202611-0042", datetime(2026, 11, 3, 2, 15, tzinfo=UTC)),
        CommentRow("4-1-602", "您对物业服务还有什么意见或建议？", "地下车库夜间照明不足，多次反映未解决。",
                   None, True, "GD202611-0057", datetime(2026, 11, 9, 7, 40, tzinfo=UTC)),
        CommentRow("3-1-101", "您对物业服务还有什么意见或建议？", "保安很负责，表扬一下。", None,
                   False, None, datetime(2026, 11, 12, 1, 5, tzinfo=UTC)),
    )  # fmt: skip
    return CampaignResults(
        3, SURVEY_CAMPAIGN.name, date(2026, 11, 1), date(2026, 11, 30), CampaignStatus.CLOSED,
        120, 96, 71, 25, 9, 15, 80.0, 3.9058, 72.25, questions,
        (BuildingResult(1, "3栋", 64, 52, 3.95), BuildingResult(2, "4栋", 56, 44, 3.85)),
        comments, 7, previous_name="2026年上半年满意度调查", previous_overall_mean=3.925,
        overall_mean_shared=3.8946,
        rechecks=3, recheck_differences=1, rechecks_done=2,
    )  # fmt: skip


def every_document() -> dict[str, Callable[[], bytes]]:
    """``{name: build}`` for every printed document."""
    from reports.pdf.activity_documents import activity_notice_pdf, signin_sheet_pdf
    from reports.pdf.deposit_documents import deposit_receipt_pdf, refund_slip_pdf
    from reports.pdf.evacuation_list import evacuation_list_pdf
    from reports.pdf.fee_notices import letters_pdf, notices_pdf
    from reports.pdf.handover_sheet import handover_sheet_pdf
    from reports.pdf.movein_documents import handover_form_pdf, movein_notice_pdf
    from reports.pdf.moving_guards_list import guards_list_pdf
    from reports.pdf.notice import notice_pdf
    from reports.pdf.receipt import receipt_pdf
    from reports.pdf.rectification_notice import rectification_notice_pdf
    from reports.pdf.renovation_permit import renovation_permit_pdf, worker_passes_pdf
    from reports.pdf.survey_form import survey_form_pdf
    from reports.pdf.survey_results import survey_results_pdf
    from reports.pdf.team_assessment import assessment_sheet_pdf
    from reports.pdf.team_roster import roster_pdf
    from reports.pdf.work_order import work_order_pdf

    posted = NoticePrint(
        title="停水通知",
        body="尊敬的业主/住户：\n因二次供水设施检修，定于2026年12月8日 09:00至2026年12月8日 17:00"
        "对3栋、4栋暂停供水。请各位业主/住户提前做好储水准备；停水期间请关闭家中水龙头，"
        "以免恢复供水时造成损失。\n给您带来的不便，敬请谅解！如有疑问，请联系物业服务中心，"
        "电话：0571-88886666。",
        posted_on=date(2026, 12, 6),
        estate_name="翠湖花园",
        company="翠湖物业服务有限公司",
        audiences=("3栋全体业主/住户", "4栋全体业主/住户"),
    )
    move = Appointment(
        1, 1, "3-2-1502", "3栋", 2, date(2026, 12, 8), "08:00-10:00", "in", "2单元电梯",
        "李四", "13900004321", "蚂蚁搬家", "浙A12345", "", False,
    )  # fmt: skip
    deposit = DepositReceiptData(
        "YJ2026-000123", "翠湖花园", "翠湖物业服务有限公司", "装修押金", "3-2-1502", "张三",
        "厨卫翻新", 300_000, "微信", "42000077", date(2026, 10, 28), "王会计",
    )  # fmt: skip
    refund = RefundSlipData(
        "TK2026-000045", "YJ2026-000123", "翠湖花园", "翠湖物业服务有限公司", "装修押金",
        "3-2-1502", "张三", "装修验收合格", 300_000, 300_000,
        (DeductionItem("垃圾清运", 15_000),), 285_000, "银行转账", "", date(2026, 12, 20), "王会计",
    )  # fmt: skip
    return {
        "payment_notice": lambda: notices_pdf([notice_page()], ESTATE, printed_at=AT),
        "reminder_letter": lambda: letters_pdf([letter(2)], ESTATE),
        "final_reminder_letter": lambda: letters_pdf([letter(3)], ESTATE),
        "receipt_voided": lambda: receipt_pdf(receipt(voided=True)),
        "posted_notice": lambda: notice_pdf(posted),
        "door_permit": lambda: renovation_permit_pdf(
            replace(PERMIT, owner_name="", owner_phone=""),
            estate_name="翠湖花园",
            company="翠湖物业服务有限公司",
            site_phone="13711111111",
            hotline="0571-88880000",
        ),
        "worker_passes": lambda: worker_passes_pdf(PERMIT, estate_name="翠湖花园"),
        "rectification_notice": lambda: rectification_notice_pdf(
            PERMIT,
            INSPECTION,
            VIOLATION,
            estate_name="翠湖花园",
            company="翠湖物业服务有限公司",
            issued_on=date(2026, 12, 6),
            desk_phone="0571-88886666",
        ),
        "movein_notice": lambda: movein_notice_pdf(
            MOVEIN, estate_name="翠湖花园", desk_phone="0571-88886666", issued_on=date(2026, 12, 6)
        ),
        "movein_handover": lambda: handover_form_pdf(MOVEIN, estate_name="翠湖花园"),
        "guards_list": lambda: guards_list_pdf(date(2026, 12, 8), [move], estate_name="翠湖花园"),
        "deposit_receipt": lambda: deposit_receipt_pdf(deposit),
        "deposit_refund_slip": lambda: refund_slip_pdf(refund),
        "shift_handover": lambda: handover_sheet_pdf(_handover()),
        "work_order": lambda: work_order_pdf(_work_order()),
        "evacuation_list": lambda: evacuation_list_pdf(
            EVACUATION,
            estate_name="翠湖花园",
            company="翠湖物业服务有限公司",
            printed_on=date(2026, 12, 6),
        ),
        "team_assessment": lambda: assessment_sheet_pdf(_assessment()),
        "team_roster": lambda: roster_pdf(_roster()),
        "activity_notice": lambda: activity_notice_pdf(
            ACTIVITY,
            estate_name="翠湖花园",
            company="翠湖物业服务有限公司",
            posted_on=date(2026, 12, 6),
        ),
        "activity_signin_sheet": lambda: signin_sheet_pdf(
            ACTIVITY, SIGNUPS, estate_name="翠湖花园", company="翠湖物业服务有限公司", printed_at=AT
        ),
        "survey_results": lambda: survey_results_pdf(
            survey_results(), estate_name="翠湖花园", company="翠湖物业服务有限公司", printed_at=AT
        ),
        "survey_form": lambda: survey_form_pdf(
            SURVEY_CAMPAIGN,
            SURVEY_QUESTIONS,
            estate_name="翠湖花园",
            company="翠湖物业服务有限公司",
            desk_phone="0571-88886666",
            households=(("", ""), ("3-2-1502", "WJ2026B-0001")),
        ),
    }


def main(argv: list[str]) -> int:
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    for name, build in every_document().items():
        (out / f"{name}.pdf").write_bytes(build())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
