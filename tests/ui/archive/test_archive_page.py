"""The archive page by keyboard: a unit's checklist, filing a document with its scan (a bad
path refused next to its field, input kept), lending a paper, the completeness report."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from pytestqt.qtbot import QtBot

from propdesk.archive import queries as q
from propdesk.archive import services as svc
from propdesk.auth.actor import Actor, Role
from propdesk.db.engine import Database
from tests.ui.helpers import CLERK, SmallEstate, make_ctx, read, type_text
from ui.archive.dialogs import AddDocumentDialog, KindDialog, LendDialog
from ui.archive.page import ArchivePage, ArchiveRequest
from ui.archive.unit_panel import UnitArchivePanel

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


MANAGER = Actor(user_id=None, username="zhao", display_name="赵经理", role=Role.MANAGER)


def _page(qtbot: QtBot, db: Database, estate: SmallEstate, actor: Actor = CLERK) -> ArchivePage:
    with db.begin(CLERK) as s:
        svc.ensure_defaults(s)
    page = ArchivePage(ctx=make_ctx(db, actor))
    qtbot.addWidget(page)
    with qtbot.waitActive(page):
        page.show()
        page.activateWindow()
    qtbot.waitUntil(lambda: page.report is not None, timeout=3000)
    page.apply_request(ArchiveRequest(estate.unit_1502))
    qtbot.waitUntil(
        lambda: page.archive is not None and page.archive.unit_id == estate.unit_1502,
        timeout=3000,
    )
    return page


def test_file_a_document_by_keyboard(
    qtbot: QtBot,
    sqlite_db: Database,
    small_estate: SmallEstate,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = _page(qtbot, sqlite_db, small_estate)
    lines = {ln.kind_name: ln for ln in page.checklist_model.rows()}
    assert lines["房屋交接单"].state == "missing"
    assert page.checklist_model.data(page.checklist_model.index(0, 3)) == "缺失"
    missing_before = len(page.units_model.rows()[0].missing)

    page.units.setFocus()
    qtbot.keyClick(page.units, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(page.last_dialog, AddDocumentDialog), timeout=3000)
    dialog = page.last_dialog
    assert isinstance(dialog, AddDocumentDialog)
    qtbot.waitUntil(dialog.kind.hasFocus, timeout=2000)  # focus in the first field
    assert dialog.kind.currentText().endswith("房屋交接单")

    dialog.scan.setFocus()
    qtbot.keyClicks(dialog.scan, str(tmp_path / "missing.pdf"))
    dialog.cabinet.setFocus()
    qtbot.keyClicks(dialog.cabinet, "A3")
    qtbot.keyClick(dialog.cabinet, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "scan" in dialog.errors.visible_messages(), timeout=3000)
    assert "找不到文件" in dialog.errors.visible_messages()["scan"]
    assert dialog.isVisible()
    assert dialog.cabinet.text() == "A3"  # input kept
    assert read(page.ctx, lambda s: q.unit_documents(s, small_estate.unit_1502)) == ()

    scan = tmp_path / "交接单.pdf"
    scan.write_bytes(b"%PDF-1.4 handover")
    dialog.scan.setFocus()
    dialog.scan.selectAll()
    type_text(qtbot, dialog.scan, str(scan))
    dialog.box.setFocus()
    type_text(qtbot, dialog.box, "07")
    qtbot.keyClick(dialog.box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)

    (doc,) = read(page.ctx, lambda s: q.unit_documents(s, small_estate.unit_1502))
    assert (doc.kind_name, doc.cabinet, doc.box, doc.file_name) == (
        "房屋交接单",
        "A3",
        "07",
        "交接单.pdf",
    )
    qtbot.waitUntil(lambda: page.documents_model.rowCount() == 1, timeout=3000)
    lines = {ln.kind_name: ln for ln in page.checklist_model.rows()}
    assert lines["房屋交接单"].state == "present"
    opened: list[str] = []

    def open_url(url: QUrl) -> bool:
        opened.append(url.toLocalFile())
        return True  # a viewer was found

    monkeypatch.setattr(QDesktopServices, "openUrl", open_url)
    page.documents.setFocus()
    qtbot.keyClick(page.documents, Qt.Key.Key_Return)  # Enter opens the scan
    qtbot.waitUntil(lambda: bool(opened), timeout=3000)
    assert Path(opened[0]).read_bytes() == scan.read_bytes()
    row = next(u for u in page.units_model.rows() if u.unit_id == small_estate.unit_1502)
    assert len(row.missing) == missing_before - 1 or missing_before == 0


def test_a_file_that_is_not_a_scan_is_refused_by_the_field(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate, tmp_path: Path
) -> None:
    """A text file named .pdf, a folder and an empty file are each refused next to the scan
    field with their own message; the input stays and nothing is filed."""
    page = _page(qtbot, sqlite_db, small_estate)
    page.units.setFocus()
    qtbot.keyClick(page.units, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(page.last_dialog, AddDocumentDialog), timeout=3000)
    dialog = page.last_dialog
    assert isinstance(dialog, AddDocumentDialog)
    qtbot.waitUntil(dialog.kind.hasFocus, timeout=2000)
    fake = tmp_path / "fake_scan.pdf"
    fake.write_bytes(b"not a scan")
    folder = tmp_path / "scans"
    folder.mkdir()
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    dialog.cabinet.setFocus()
    qtbot.keyClicks(dialog.cabinet, "A3")
    for path, words in (
        (fake, "“fake_scan.pdf”不是扫描件"),
        (folder, "是文件夹，不是文件"),
        (empty, "空文件"),
    ):
        dialog.scan.setFocus()
        dialog.scan.selectAll()
        qtbot.keyClicks(dialog.scan, str(path))
        qtbot.keyClick(dialog.scan, Qt.Key.Key_Return)
        shown = dialog.errors.visible_messages
        qtbot.waitUntil(lambda: words in shown().get("scan", ""), timeout=3000)  # noqa: B023
        assert dialog.isVisible()
        assert (dialog.scan.text(), dialog.cabinet.text()) == (str(path), "A3")
    assert read(page.ctx, lambda s: q.unit_documents(s, small_estate.unit_1502)) == ()


def test_lend_then_refused_and_panel(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    page = _page(qtbot, sqlite_db, small_estate)
    with sqlite_db.begin(CLERK) as s:
        kind = next(k for k in q.list_kinds(s) if k.name == "房屋交接单")
        svc.add_document(s, kind_id=kind.id, unit_id=small_estate.unit_1502)
    page.load_unit(small_estate.unit_1502)
    qtbot.waitUntil(lambda: page.documents_model.rowCount() == 1, timeout=3000)
    assert page.lend_button.isEnabled()
    page.lend_button.click()
    dialog = page.last_dialog
    assert isinstance(dialog, LendDialog)
    qtbot.waitUntil(dialog.borrower.hasFocus, timeout=2000)
    type_text(qtbot, dialog.borrower, "工程部刘工")
    qtbot.keyClick(dialog.borrower, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    qtbot.waitUntil(
        lambda: page.documents_model.rowCount() == 1 and page.documents_model.rows()[0].on_loan,
        timeout=3000,
    )
    assert "工程部刘工" in page.documents_model.data(page.documents_model.index(0, 6))
    assert not page.lend_button.isEnabled()
    assert page.return_button.isEnabled()

    panel = UnitArchivePanel(ctx=page.ctx, unit_id=small_estate.unit_1502)
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: panel.summary is not None, timeout=3000)
    text = panel.text.text()
    assert "Missing: 购房合同/产权证明" in text
    assert "1 paper original(s) lent out" in text


def test_manager_adds_a_required_kind_and_it_shows_as_missing(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    clerk_page = _page(qtbot, sqlite_db, small_estate)
    assert clerk_page.new_kind_button.isHidden()  # not a clerk's
    page = _page(qtbot, sqlite_db, small_estate, MANAGER)
    assert not page.new_kind_button.isHidden()
    page.new_kind_button.click()
    dialog = page.last_dialog
    assert isinstance(dialog, KindDialog)
    qtbot.waitUntil(dialog.name.hasFocus, timeout=2000)
    type_text(qtbot, dialog.name, "车位租赁协议")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    qtbot.waitUntil(
        lambda: any(ln.kind_name == "车位租赁协议" for ln in page.checklist_model.rows()),
        timeout=3000,
    )
    line = next(ln for ln in page.checklist_model.rows() if ln.kind_name == "车位租赁协议")
    assert (line.stage, line.required, line.state) == ("movein", True, "missing")


def test_return_paper_and_export_the_building(
    qtbot: QtBot,
    sqlite_db: Database,
    small_estate: SmallEstate,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from openpyxl import load_workbook
    from PySide6.QtWidgets import QMessageBox

    import ui.common.file_dialogs as file_dialogs
    from propdesk import clock

    page = _page(qtbot, sqlite_db, small_estate)
    with sqlite_db.begin(CLERK) as s:
        kind = next(k for k in q.list_kinds(s) if k.name == "房屋交接单")
        did = svc.add_document(s, kind_id=kind.id, unit_id=small_estate.unit_1502)
        svc.lend_paper(s, did, borrower="刘工", due_on=clock.today(s))
    page.load_unit(small_estate.unit_1502)
    qtbot.waitUntil(lambda: page.return_button.isEnabled(), timeout=3000)
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    page.return_button.click()
    qtbot.waitUntil(
        lambda: page.documents_model.rowCount() == 1 and not page.documents_model.rows()[0].on_loan,
        timeout=3000,
    )
    qtbot.waitUntil(lambda: "刘工" in page.loan_label.text(), timeout=3000)

    target = tmp_path / "archive.xlsx"
    monkeypatch.setattr(file_dialogs, "ask_save_file", lambda *_a, **_k: str(target))
    page.excel_button.click()
    qtbot.waitUntil(target.exists, timeout=5000)
    rows = list(load_workbook(target)["完整情况"].iter_rows(min_row=3, values_only=True))
    assert {r[0] for r in rows} == {u.unit_code for u in page.units_model.rows()}
