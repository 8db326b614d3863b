"""The call desk page's forms: an outage registered and closed, a knowledge-base entry
added and found, a reminder on Today ticked done; the printed notice and handbook."""

from __future__ import annotations

from io import BytesIO

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from propdesk import clock
from propdesk.calls import kb, outages, stats, today
from propdesk.calls.starter import install_starter_set
from propdesk.calls.values import KbEntryRow
from reports.excel.calls_stats import call_stats_workbook
from reports.pdf.calls_documents import handbook_pdf, outage_notice_pdf
from tests.ui.helpers import SmallEstate, read, type_text
from ui.calls.dialogs import KbEntryDialog, OutageDialog, ReminderDialog
from ui.calls.page import CallDeskPage, CloseOutageDialog
from ui.context import AppContext

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _text(pdf: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages)


def test_outage_registered_printed_and_closed(
    qtbot: QtBot, ui_ctx: AppContext, small_estate: SmallEstate
) -> None:
    dialog = OutageDialog(ctx=ui_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.kind.hasFocus() or dialog.focusWidget() is dialog.kind
    dialog.save()
    assert "楼栋" in dialog.errors.visible_messages()["building_ids"]
    dialog.buildings.item(0).setCheckState(dialog.buildings.item(0).checkState().Checked)
    type_text(qtbot, dialog.reason, "水泵检修")
    dialog.script.setPlainText("3栋今天停水4小时")
    dialog.save()
    assert dialog.saved_id is not None
    [row] = read(ui_ctx, outages.list_outages)
    assert row.scope == "3栋"
    text = _text(outage_notice_pdf(row, estate_name="翠湖花园", posted_on=row.starts_at.date()))
    assert "停水通知" in text
    assert "水泵检修" in text
    close = CloseOutageDialog(ctx=ui_ctx, outage=row)
    qtbot.addWidget(close)
    close.save()
    assert read(ui_ctx, outages.list_outages)[0].closed


def test_kb_entry_added_found_and_printed(
    qtbot: QtBot, ui_ctx: AppContext, small_estate: SmallEstate
) -> None:
    dialog = KbEntryDialog(ctx=ui_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.question.hasFocus() or dialog.focusWidget() is dialog.question
    type_text(qtbot, dialog.question, "垃圾几点清运？")
    dialog.answer.setPlainText("每天早上7点和晚上8点各清运一次。")
    dialog.category.setText("保洁")
    dialog.save()
    assert dialog.saved_id is not None
    with ui_ctx.db.begin(ui_ctx.actor) as s:
        install_starter_set(s)
    page = CallDeskPage(ctx=ui_ctx)
    qtbot.addWidget(page)
    type_text(qtbot, page.kb_filter, "ljjd")  # pinyin initials of 垃圾几点
    assert any("垃圾几点清运" in page.kb_list.item(i).text() for i in range(page.kb_list.count()))
    entries: list[KbEntryRow] = read(ui_ctx, kb.all_entries)
    text = _text(handbook_pdf(entries, estate_name="翠湖花园", printed_on=entries[0].last_checked))  # type: ignore[arg-type]
    assert "目录" in text
    assert "垃圾几点清运" in text


def test_reminder_on_today_ticked_done(
    qtbot: QtBot, ui_ctx: AppContext, small_estate: SmallEstate
) -> None:
    dialog = ReminderDialog(ctx=ui_ctx, unit_id=small_estate.unit_1502)
    qtbot.addWidget(dialog)
    type_text(qtbot, dialog.title, "提醒业主续签车位")
    dialog.save()
    page = CallDeskPage(ctx=ui_ctx)
    qtbot.addWidget(page)
    assert page.today.count() == 1
    page.today.setCurrentRow(0)
    with qtbot.waitSignal(page.open_record) as opened:
        page.open_today_record()
    assert opened.args == ["unit", small_estate.unit_1502]
    page.tick_done()
    page.reload()
    assert page.today.count() == 0
    assert read(ui_ctx, lambda s: today.done_log(s, clock.today(s)))[0][2] == "提醒业主续签车位"


def test_statistics_export(ui_ctx: AppContext, small_estate: SmallEstate) -> None:
    result = read(ui_ctx, lambda s: stats.call_stats(s, clock.today(s), clock.today(s)))
    book = load_workbook(BytesIO(call_stats_workbook(result)))
    assert book.sheetnames == ["汇总", "按时段", "按星期", "按类别结果人员"]
    assert book["按时段"]["A2"].value == "00:00–00:59"


def test_call_list_filters_in_sql(
    qtbot: QtBot, qtmodeltester: object, ui_ctx: AppContext, small_estate: SmallEstate
) -> None:
    from propdesk.calls import calls
    from propdesk.calls.calls import CallEntry
    from ui.calls.call_list import CallListView

    with ui_ctx.db.begin(ui_ctx.actor) as s:
        for n in range(250):
            calls.log_call(
                s,
                CallEntry(
                    "13812345678" if n % 2 else "13900001111",
                    "consultation" if n % 5 else "complaint",
                    f"第{n}通",
                    "answered",
                ),
            )
    view = CallListView(ctx=ui_ctx)
    qtbot.addWidget(view)
    assert view.model.rowCount() == 200  # one batch; more as the clerk scrolls
    view.model.fetchMore()
    assert view.model.rowCount() == 250
    qtmodeltester.check(view.model)  # type: ignore[attr-defined]
    view.filter.setText("1111")
    view.apply_filter()
    assert view.model.total_count() == 125
    view.topic.setCurrentIndex(view.topic.findData("complaint"))
    assert view.model.total_count() == 25
