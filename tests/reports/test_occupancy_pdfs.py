"""Renovation permit, workers' passes, move-in notice and handover form, move-out slip and the
guards' moving list: Chinese text extracted back and the font embedded."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any

from pypdf import PdfReader

from propdesk.movein.values import Appointment, MoveInForm, MoveInInfo, MoveOutInfo
from propdesk.renovation.values import PermitInfo, WorkerInfo
from reports.pdf.movein_documents import handover_form_pdf, movein_notice_pdf
from reports.pdf.moveout_slip import moveout_slip_pdf
from reports.pdf.moving_guards_list import guards_list_pdf
from reports.pdf.renovation_permit import renovation_permit_pdf, worker_passes_pdf


def _text(pdf: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)


def _embedded(pdf: bytes) -> bool:
    page: Any = PdfReader(io.BytesIO(pdf)).pages[0]
    for font in page["/Resources"]["/Font"].values():
        f = font.get_object()
        desc = f.get("/FontDescriptor")
        if desc is None and "/DescendantFonts" in f:
            desc = f["/DescendantFonts"][0].get_object().get("/FontDescriptor")
        if desc is not None and desc.get_object().get("/FontFile2") is not None:
            return True
    return False


PERMIT = PermitInfo(
    id=1,
    permit_no="ZX2026-0007",
    unit_id=1,
    unit_code="3-2-1502",
    owner_name="张三",
    owner_phone="138****5678",
    contractor="安居装饰公司",
    contractor_contact="周工",
    contractor_phone="137****1111",
    scope="厨卫翻新、墙面刷漆",
    planned_start=date(2026, 11, 1),
    planned_end=date(2026, 12, 15),
    deposit_fen=300_050,
    deposit_receipt_no="SJ2026-000123",
    status="approved",
    decision_reason="",
    decided_by="赵主管",
    decided_at=datetime(2026, 10, 30, 2, 0, tzinfo=UTC),
    accepted_on=None,
    accepted_by="",
    acceptance_note="",
    refund_fen=None,
    refunded_on=None,
    version=2,
    workers=(
        WorkerInfo(1, "钱师傅", "", "ZX2026-0007-01"),
        WorkerInfo(2, "孙师傅", "", "ZX2026-0007-02"),
        WorkerInfo(3, "李师傅", "", "ZX2026-0007-03"),
    ),
    inspections=(),
    deductions=(),
)


def test_door_permit_names_no_owner_no_deposit_and_gives_the_phones_the_door_needs() -> None:
    pdf = renovation_permit_pdf(
        replace(PERMIT, owner_phone="13812345678"),
        estate_name="翠湖花园",
        site_phone="13711111111",
        hotline="0571-88880000",
    )
    text = _text(pdf)
    for needle in (
        "装修许可证",
        "3-2-1502",
        "ZX2026-0007",
        "安居装饰公司",
        "13711111111",  # the site manager, in full
        "监督电话",
        "0571-88880000",
    ):
        assert needle in text, needle
    for absent in ("张三", "13812345678", "138****5678", "装修押金", "3,000.50"):
        assert absent not in text, absent
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1
    assert _embedded(pdf)


def test_worker_passes_pdf() -> None:
    pdf = worker_passes_pdf(PERMIT, estate_name="翠湖花园")
    text = _text(pdf)
    assert all(f"ZX2026-0007-0{i}" in text for i in (1, 2, 3))
    assert text.count("施工人员出入证") >= 3
    assert _embedded(pdf)


MOVEIN = MoveInInfo(
    id=1,
    unit_id=1,
    unit_code="3-2-1502",
    building_name="3号楼",
    person_id=1,
    person_name="李四",
    person_phone="139****4321",
    role="tenant",
    status="draft",
    form=MoveInForm(
        planned_on=date(2026, 11, 20),
        documents_checked=True,
        fees_settled=False,
        water_reading_centi=12_305,
        electricity_reading_centi=None,
        keys=(("入户门钥匙", 3), ("信报箱钥匙", 1)),
        card_numbers="A0001, A0002",
        parking_requested=True,
        parking_note="地下 B2",
    ),
    occupancy_id=None,
    created_by="李前台",
    completed_at=None,
    version=1,
)


def test_movein_notice_and_handover() -> None:
    notice = _text(movein_notice_pdf(MOVEIN, estate_name="翠湖花园", desk_phone="010-88886666"))
    assert "入伙通知书" in notice
    assert "李四" in notice
    assert "2026年11月20日" in notice
    pdf = handover_form_pdf(MOVEIN, estate_name="翠湖花园")
    text = _text(pdf)
    for needle in ("入伙交接单", "123.05", "入户门钥匙", "A0001, A0002", "租户", "未完成"):
        assert needle in text
    assert _embedded(pdf)


def test_movein_notice_is_worded_for_its_reader_and_dated_when_issued() -> None:
    tenant = _text(movein_notice_pdf(MOVEIN, estate_name="翠湖花园", issued_on=date(2026, 11, 2)))
    assert "您承租的" in tenant
    assert "租赁合同" in tenant
    assert "名下" not in tenant
    assert "购房合同" not in tenant
    assert tenant.rstrip().count("2026年11月2日") == 1  # the notice's own date
    assert "2026年11月20日前" in tenant  # the deadline
    owner = _text(
        movein_notice_pdf(
            replace(MOVEIN, role="owner"), estate_name="翠湖花园", issued_on=date(2026, 11, 2)
        )
    )
    assert "您购买的" in owner
    assert "购房合同或不动产权证书" in owner
    assert "租赁合同" not in owner


def test_handover_confirms_only_what_is_done() -> None:
    open_form = _text(handover_form_pdf(MOVEIN, estate_name="翠湖花园"))
    assert "经双方现场确认无误" not in open_form
    assert "尚未完成：费用未结清、电表底数未抄录" in open_form
    for needle in ("分户验收", "主卧", "卫生间", "资料移交", "《住宅质量保证书》", "住户（签字）"):
        assert needle in open_form, needle
    done = replace(MOVEIN.form, fees_settled=True, electricity_reading_centi=45_600)
    closed = _text(handover_form_pdf(replace(MOVEIN, form=done), estate_name="翠湖花园"))
    assert "经双方现场确认无误" in closed
    assert "尚未完成" not in closed


def test_moveout_slip_shows_waiver() -> None:
    info = MoveOutInfo(
        1, "FX2026-0003", 1, "3-2-1502", "李四", date(2026, 11, 23), 50_000, 90_010, 3,
        "A0001", 12_345, "租户已转账待到账", "王经理", "家具两件", "李前台",
    )  # fmt: skip
    text = _text(moveout_slip_pdf(info, estate_name="翠湖花园"))
    for needle in ("放行条", "FX2026-0003", "123.45", "王经理", "900.10"):
        assert needle in text


def test_guards_list() -> None:
    appts = [
        Appointment(
            1, 1, "3-2-1502", "3号楼", 2, date(2026, 11, 25), "08:00-10:00", "in",
            "2单元电梯", "李四", "139****4321", "蚂蚁搬家", "京A12345", "", False,
        )
    ]  # fmt: skip
    text = _text(guards_list_pdf(date(2026, 11, 25), appts, estate_name="翠湖花园"))
    for needle in ("搬家预约表 2026-11-25", "3-2-1502", "搬入", "京A12345"):
        assert needle in text
    empty = _text(guards_list_pdf(date(2026, 11, 26), [], estate_name="翠湖花园"))
    assert "当日没有搬家预约" in empty
