"""Ticket page actions: costs, findings, cancel, quality check, print, attach; settings dialog."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from propdesk.db.engine import Database
from propdesk.tickets import services as svc
from propdesk.tickets.print_data import work_order_data
from propdesk.tickets.staff import list_staff
from reports.pdf.work_order import work_order_pdf
from tests.propdesk.tickets.helpers import MANAGER, category_id
from tests.ui.helpers import CLERK, SUPERVISOR, SmallEstate, make_ctx, type_text
from ui.tickets.action_dialogs import parse_yuan
from ui.tickets.intake import IntakeDialog
from ui.tickets.settings_dialog import ServiceDeskSettingsDialog, can_manage
from ui.tickets.ticket_page import TicketPage

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _repair(db: Database, estate: SmallEstate, **kw: object) -> int:
    base = {
        "kind": "repair",
        "category_id": category_id(db, "repair", "plumbing"),
        "description": "水龙头坏了",
        "unit_id": estate.unit_1502,
        "person_id": estate.zhang_san,
    }
    base.update(kw)
    with db.begin(CLERK) as s:
        return svc.create_ticket(s, svc.Intake(**base)).id  # type: ignore[arg-type]


def test_parse_yuan_is_exact() -> None:
    assert parse_yuan("38.5") == 3850
    assert parse_yuan("1,200") == 120000
    assert parse_yuan("0.07") == 7
    for bad in ("3.456", "abc", "-1", ""):
        with pytest.raises(Exception, match="单价"):
            parse_yuan(bad)


def test_costs_cancel_print_and_attach(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate, tmp_path: Path
) -> None:
    tid = _repair(sqlite_db, small_estate, is_paid=True)
    ctx = make_ctx(sqlite_db, CLERK)
    page = TicketPage(ctx=ctx, ticket_id=tid)
    qtbot.addWidget(page)
    page.show()
    costs = page.action_dialog("costs")
    qtbot.addWidget(costs)
    costs.show()
    type_text(qtbot, costs.item, "水龙头")  # type: ignore[attr-defined]
    costs.kind.setCurrentIndex(1)  # type: ignore[attr-defined]  # material
    costs.quantity.setValue(2)  # type: ignore[attr-defined]
    qtbot.keyClicks(costs.price, "38.5")  # type: ignore[attr-defined]
    qtbot.mouseClick(costs.findChild(type(costs.ok_button), "costs_add"), Qt.MouseButton.LeftButton)
    assert costs.lines[0].unit_price_fen == 3850  # type: ignore[attr-defined]
    qtbot.mouseClick(costs.ok_button, Qt.MouseButton.LeftButton)
    assert page.info.total_fen == 7700
    assert "77.00" in page.extra.text()

    with sqlite_db.begin(CLERK) as s:
        pdf = work_order_pdf(work_order_data(s, tid))
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "派工单" in text
    assert page.info.number in text
    assert "77.00" in text

    photo = tmp_path / "现场.jpg"
    photo.write_bytes(b"jpeg")
    page.attach(str(photo))
    assert page.info.attachments[0].file_name == "现场.jpg"
    assert "现场.jpg" in page.extra.text()

    cancel = page.action_dialog("cancel")
    qtbot.addWidget(cancel)
    cancel.show()
    qtbot.mouseClick(cancel.ok_button, Qt.MouseButton.LeftButton)  # no reason: refused, stays open
    assert cancel.errors.visible_messages() == {"reason": "请填写取消原因。"}  # type: ignore[attr-defined]
    type_text(qtbot, cancel.text, "业主自行修好")  # type: ignore[attr-defined]
    qtbot.mouseClick(cancel.ok_button, Qt.MouseButton.LeftButton)
    assert page.info.status == "cancelled"
    assert not page.buttons["dispatch"].isEnabled()


def test_stale_page_shows_a_conflict_not_a_traceback(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    tid = _repair(sqlite_db, small_estate)
    page = TicketPage(ctx=make_ctx(sqlite_db, CLERK), ticket_id=tid)
    qtbot.addWidget(page)
    dialog = page.action_dialog("dispatch")
    qtbot.addWidget(dialog)
    dialog.show()
    with sqlite_db.begin(CLERK) as s:  # another desk dispatches first
        svc.dispatch(s, tid, department="engineering")
    dialog.save()  # type: ignore[attr-defined]
    assert "其他工作站" in dialog.errors.visible_messages()[""]  # type: ignore[attr-defined]


def test_complaint_findings_and_quality_check(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    tid = _repair(
        sqlite_db,
        small_estate,
        kind="complaint",
        category_id=category_id(sqlite_db, "complaint", "noise"),
        description="噪音",
    )
    ctx = make_ctx(sqlite_db, SUPERVISOR)
    page = TicketPage(ctx=ctx, ticket_id=tid)
    qtbot.addWidget(page)
    page.show()
    assert page.buttons["findings"].isEnabled()
    assert not page.buttons["costs"].isVisibleTo(page)
    findings = page.action_dialog("findings")
    qtbot.addWidget(findings)
    findings.valid.setCurrentIndex(findings.valid.findData(True))  # type: ignore[attr-defined]
    type_text(qtbot, findings.reason, "现场核实")  # type: ignore[attr-defined]
    type_text(qtbot, findings.cause, "装修超时施工")  # type: ignore[attr-defined]
    type_text(qtbot, findings.resolution, "约谈装修方")  # type: ignore[attr-defined]
    findings.save()  # type: ignore[attr-defined]
    assert page.info.complaint_valid is True
    assert page.info.root_cause == "装修超时施工"
    with sqlite_db.begin(SUPERVISOR) as s:
        svc.dispatch(s, tid, department="security")
        svc.start(s, tid)
        svc.complete(s, tid)
        svc.callback(s, tid, overall=5, speed=5, attitude=5)
        svc.close(s, tid)
    page.reload()
    assert page.buttons["quality"].isEnabled()
    qc = page.action_dialog("quality")
    qtbot.addWidget(qc)
    qc.save()  # type: ignore[attr-defined]
    assert page.info.quality_checks[0].passed
    clerk_page = TicketPage(ctx=make_ctx(sqlite_db, CLERK), ticket_id=tid)
    qtbot.addWidget(clerk_page)
    assert not clerk_page.buttons["quality"].isEnabled()


def test_intake_by_pinyin_person_lookup_and_repeat_warning(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    _repair(
        sqlite_db,
        small_estate,
        kind="complaint",
        category_id=category_id(sqlite_db, "complaint", "noise"),
        description="噪音",
        unit_id=small_estate.unit_101,
        person_id=small_estate.wang_wu,
    )
    dialog = IntakeDialog(ctx=make_ctx(sqlite_db, CLERK), kind="complaint")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.lookup, "ww")
    qtbot.keyClick(dialog.lookup, Qt.Key.Key_Return)
    assert dialog.person_id == small_estate.wang_wu
    assert dialog.unit_id == small_estate.unit_101
    assert dialog.repeat.isVisibleTo(dialog)
    assert "TS" in dialog.repeat.text()


def test_settings_dialog_saves_staff_and_rules(qtbot: QtBot, sqlite_db: Database) -> None:
    clerk_ctx = make_ctx(sqlite_db, CLERK)
    assert not can_manage(clerk_ctx)
    ctx = make_ctx(sqlite_db, MANAGER)
    assert can_manage(ctx)
    dialog = ServiceDeskSettingsDialog(ctx=ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    staff = dialog.staff
    type_text(qtbot, staff.name, "赵师傅")
    staff.department.setCurrentIndex(staff.department.findData("security"))
    qtbot.keyClicks(staff.phone, "1390000")
    staff.save()
    with sqlite_db.begin(MANAGER) as s:
        assert [p.name for p in list_staff(s)] == ["赵师傅"]
    staff.phone.setText("12ab")
    staff.save()
    assert "phone" in staff.errors.visible_messages()

    rules = dialog.rules
    dialog.tabs.setCurrentWidget(rules)
    rules.repeat_days.setValue(15)
    rules.holidays.setPlainText("2026-10-01\n2026-10-02")
    rules.save()
    assert rules.holidays.toPlainText() == "2026-10-01\n2026-10-02"
    rules.holidays.setPlainText("2026-13-01")
    rules.save()
    assert "holidays" in rules.errors.visible_messages()

    sla = dialog.sla
    dialog.tabs.setCurrentWidget(sla)
    sla.kind.setCurrentIndex(sla.kind.findData("repair"))
    sla.category.setCurrentIndex(sla.category.findText("电梯"))
    sla.urgency.setCurrentIndex(sla.urgency.findData("normal"))
    sla.response.setValue(45)
    sla.resolve_hours.setValue(8)
    sla.save()
    assert any(
        "电梯" in sla.list.item(i).text() and "45" in sla.list.item(i).text()
        for i in range(sla.list.count())
    )
    with sqlite_db.begin(MANAGER) as s:
        assert [p.name for p in list_staff(s)] == ["赵师傅"]


def test_print_button_opens_the_preview(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    from ui.printing.preview import PdfPreviewDialog

    tid = _repair(sqlite_db, small_estate)
    page = TicketPage(ctx=make_ctx(sqlite_db, CLERK), ticket_id=tid)
    qtbot.addWidget(page)
    qtbot.mouseClick(page.buttons["print"], Qt.MouseButton.LeftButton)
    previews = page.findChildren(PdfPreviewDialog)
    assert len(previews) == 1
    assert page.info.number in previews[0].windowTitle()
    previews[0].close()
