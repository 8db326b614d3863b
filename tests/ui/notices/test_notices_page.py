"""Notices: fill in a template with a live preview, print and record, history, template editing."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from propdesk.auth.actor import Actor, Role
from propdesk.changes import Changes
from propdesk.db.engine import Database
from propdesk.registry import services as reg
from propdesk.registry import setup
from tests.ui.helpers import CLERK, SmallEstate, make_ctx, type_text
from ui.notices.page import NoticesPage, TemplateDialog
from ui.printing.preview import PdfPreviewDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
MANAGER = Actor(user_id=None, username="mgr", display_name="经理老陈", role=Role.MANAGER)


def _text(pdf: bytes) -> list[str]:
    return [p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages]


def _to_file(path: Path) -> Callable[[QWidget, QPrinter], bool]:
    def choose(_parent: QWidget, printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        return True

    return choose


def _close_previews() -> None:
    for w in QApplication.topLevelWidgets():
        if isinstance(w, PdfPreviewDialog):
            w.close()


def _page(
    qtbot: QtBot, db: Database, actor: Actor = CLERK, phone: str = "075586312569"
) -> NoticesPage:
    if phone:
        with db.begin(MANAGER) as s:
            estate = reg.get_estate(s)
            setup.update_estate(s, estate.id, expected_version=None, name=estate.name, phone=phone)
    page = NoticesPage(ctx=make_ctx(db, actor=actor))
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.show()
    return page


def test_live_preview_follows_the_fields(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    page = _page(qtbot, sqlite_db)
    form = page.form
    assert form.template_box.currentText() == "停水通知"
    assert not form.edit_button.isVisible()  # clerks do not edit templates
    first = _text(form.preview.pdf)[0]
    assert "停水通知" in first
    assert "翠湖花园" in first
    areas = form.editors["影响区域"]
    assert isinstance(areas, QLineEdit)
    areas.selectAll()
    qtbot.keyClick(areas, Qt.Key.Key_Delete)
    type_text(qtbot, areas, "3栋2单元")
    qtbot.waitUntil(lambda: "对3栋2单元暂停供水" in _text(form.preview.pdf)[0])
    areas.clear()
    qtbot.waitUntil(lambda: "对________暂停供水" in _text(form.preview.pdf)[0])
    assert form.preview.pixmap() is not None
    assert not form.preview.pixmap().isNull()


def test_print_records_the_notice_and_refuses_a_missing_field(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate, tmp_path: Path
) -> None:
    page = _page(qtbot, sqlite_db, phone="")
    form = page.form
    form.editors["影响区域"].clear()  # type: ignore[attr-defined]
    qtbot.mouseClick(form.print_button, Qt.MouseButton.LeftButton)
    assert form.error.isVisible()
    assert "影响区域" in form.error.text()
    assert page.history.model.rowCount() == 0
    assert form.last_preview_dialog is None

    type_text(qtbot, form.editors["影响区域"], "3栋")
    qtbot.mouseClick(form.print_button, Qt.MouseButton.LeftButton)
    assert "联系电话" in form.error.text()  # the small estate has no phone on file
    type_text(qtbot, form.editors["联系电话"], "0755-86312569")
    form.copies.setValue(2)
    qtbot.mouseClick(form.print_button, Qt.MouseButton.LeftButton)
    assert not form.error.isVisible()
    dialog = form.last_preview_dialog
    assert dialog is not None
    pages = _text(dialog.pdf)
    assert len(pages) == 2
    assert all("对3栋暂停供水" in p for p in pages)
    _close_previews()
    model = page.history.model
    page.tabs.setCurrentWidget(page.history)
    assert model.rowCount() == 0  # looked at and closed: nothing was posted
    page.tabs.setCurrentWidget(page.form)

    qtbot.mouseClick(form.print_button, Qt.MouseButton.LeftButton)
    dialog = form.last_preview_dialog
    assert dialog is not None
    dialog.choose_printer = _to_file(tmp_path / "printed.pdf")
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == 2
    dialog.choose_save_path = lambda _p, _s: str(tmp_path / "notice.pdf")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # the same posting
    _close_previews()
    assert model.rowCount() == 0  # the history tab is hidden: it reloads when shown
    page.tabs.setCurrentWidget(page.history)
    assert model.rowCount() == 1
    row = [model.index(0, c).data() for c in range(model.columnCount())]
    assert row[1:] == ["停水通知", "停水通知", "全体业主/住户", "2", "2", "前台小王"]


def test_one_notice_per_building(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate, tmp_path: Path
) -> None:
    with sqlite_db.begin(MANAGER) as s:
        estate = reg.get_estate(s).id
        reg.create_building(s, estate_id=estate, code="5", floors=6)
    page = _page(qtbot, sqlite_db)
    form = page.form
    form.template_box.setCurrentIndex(form.template_box.findText("消防演练"))
    form.audience_box.setCurrentIndex(1)
    qtbot.mouseClick(form.print_button, Qt.MouseButton.LeftButton)
    assert form.last_preview_dialog is not None
    pages = _text(form.last_preview_dialog.pdf)
    form.last_preview_dialog.choose_save_path = lambda _p, _s: str(tmp_path / "drill.pdf")
    qtbot.mouseClick(form.last_preview_dialog.save_button, Qt.MouseButton.LeftButton)
    _close_previews()
    assert len(pages) == 2
    assert "消防演练通知" in pages[0]
    assert [p.split("尊敬的")[1].split("全体")[0] for p in pages] == ["3栋", "5栋"]
    page.tabs.setCurrentWidget(page.history)
    assert page.history.model.index(0, 3).data() == "2 栋"


def test_history_reopens_a_posted_notice(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate, tmp_path: Path
) -> None:
    page = _page(qtbot, sqlite_db)
    qtbot.mouseClick(page.form.print_button, Qt.MouseButton.LeftButton)
    posted = page.form.last_preview_dialog
    assert posted is not None
    posted.choose_save_path = lambda _p, _s: str(tmp_path / "notice.pdf")
    qtbot.mouseClick(posted.save_button, Qt.MouseButton.LeftButton)
    _close_previews()
    page.tabs.setCurrentIndex(1)
    view = page.history.view
    view.setFocus()
    view.setCurrentIndex(page.history.model.index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert page.history.last_preview_dialog is not None
    assert "停水通知" in _text(page.history.last_preview_dialog.pdf)[0]
    _close_previews()


def test_manager_edits_the_template_text(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    page = _page(qtbot, sqlite_db, actor=MANAGER)
    form = page.form
    assert form.edit_button.isVisible()
    template = form.current_template()
    assert template is not None
    dialog = TemplateDialog(ctx=form.ctx, template=template)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.body.setPlainText("尊敬的业主：{影响区域}将停水，请储水。电话：{联系电话}{oops}")
    dialog.save()
    assert dialog.error.isVisible()
    assert "{oops}" in dialog.error.text()
    dialog.title_edit.setText("紧急停水通知")
    dialog.body.setPlainText("尊敬的业主：{影响区域}将停水，请储水。电话：{联系电话}")
    dialog.save()
    assert dialog.result() == TemplateDialog.DialogCode.Accepted
    form.reload()
    assert "紧急停水通知" in _text(form.preview.pdf)[0]
    assert "将停水，请储水" in _text(form.preview.pdf)[0]


def test_a_clerk_cannot_save_a_template_even_with_the_dialog(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    page = _page(qtbot, sqlite_db)
    template = page.form.current_template()
    assert template is not None
    dialog = TemplateDialog(ctx=page.form.ctx, template=template)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.title_edit.setText("改标题")
    dialog.save()
    assert dialog.error.isVisible()
    assert "无权" in dialog.error.text()


def test_a_notice_goes_to_the_chosen_buildings_only(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate, tmp_path: Path
) -> None:
    with sqlite_db.begin(MANAGER) as s:
        estate = reg.get_estate(s).id
        reg.create_building(s, estate_id=estate, code="5", floors=6)
        reg.create_building(s, estate_id=estate, code="6", floors=6)
    page = _page(qtbot, sqlite_db)
    form = page.form
    form.template_box.setCurrentIndex(form.template_box.findText("消防演练"))
    form.audience_box.setCurrentIndex(1)
    assert form.building_list.isEnabled()
    model = form.building_model
    # A building added while the page is open shows in the list at once, without the list
    # being focused first (it stayed blank once: the model's signals were blocked).
    with sqlite_db.begin(MANAGER) as s:
        reg.create_building(s, estate_id=estate, code="7", floors=6)
    page.form.show()
    page.ctx.hub.notify(Changes(buildings=True))
    view = form.building_list
    assert model.rowCount() == 4
    last = view.visualRect(model.index(3, 0))
    assert last.height() > 0
    assert view.indexAt(last.center()).row() == 3
    model.item(3).setCheckState(Qt.CheckState.Unchecked)
    for i in range(model.rowCount()):
        if model.item(i).text() == "5栋":
            model.item(i).setCheckState(Qt.CheckState.Unchecked)
    assert form.chosen_buildings() == ("3栋", "6栋")
    qtbot.mouseClick(form.print_button, Qt.MouseButton.LeftButton)
    assert form.last_preview_dialog is not None
    pages = _text(form.last_preview_dialog.pdf)
    _close_previews()
    assert [p.split("尊敬的")[1].split("全体")[0] for p in pages] == ["3栋", "6栋"]
