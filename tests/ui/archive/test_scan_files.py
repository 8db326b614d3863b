"""Opening and saving a scan from the archive page: a computer without a viewer says so and
offers 另存为…, the save button by keyboard, and scans unpacked in a private folder of this
process (not one fixed folder another user of the PC may already own)."""

from __future__ import annotations

import stat
import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

import ui.common.file_dialogs as file_dialogs
from propdesk.archive import queries as q
from propdesk.archive import services as svc
from propdesk.db.engine import Database
from tests.ui.helpers import CLERK, SmallEstate, make_ctx
from ui.archive.page import ArchivePage, ArchiveRequest
from ui.archive.scan_files import ScanFolder

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

PDF = b"%PDF-1.4\n% a scanned handover form\n"


def _page_with_scan(
    qtbot: QtBot, db: Database, estate: SmallEstate, tmp_path: Path, **kwargs: object
) -> ArchivePage:
    scan = tmp_path / "交接单.pdf"
    scan.write_bytes(PDF)
    with db.begin(CLERK) as s:
        svc.ensure_defaults(s)
        kind = next(k for k in q.list_kinds(s) if k.name == "房屋交接单")
        svc.add_document(s, kind_id=kind.id, unit_id=estate.unit_1502, scan_path=scan)
    page = ArchivePage(ctx=make_ctx(db, CLERK), **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(page)
    with qtbot.waitActive(page):
        page.show()
        page.activateWindow()
    qtbot.waitUntil(lambda: page.report is not None, timeout=3000)
    page.apply_request(ArchiveRequest(estate.unit_1502))
    qtbot.waitUntil(lambda: page.documents_model.rowCount() == 1, timeout=3000)
    qtbot.waitUntil(page.open_button.isEnabled, timeout=3000)
    return page


def test_no_viewer_on_the_computer_says_so_and_saves_a_copy(
    qtbot: QtBot,
    sqlite_db: Database,
    small_estate: SmallEstate,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = _page_with_scan(qtbot, sqlite_db, small_estate, tmp_path)
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda _url: False)  # no launcher
    target = tmp_path / "out" / "handover.pdf"
    target.parent.mkdir()
    asked: list[str] = []

    def ask(_parent: object, _title: str, name: str, *_a: object, **_k: object) -> str:
        asked.append(name)
        return str(target)

    monkeypatch.setattr(file_dialogs, "ask_save_file", ask)
    page.documents.setFocus()
    qtbot.keyClick(page.documents, Qt.Key.Key_Return)  # Enter opens the scan
    qtbot.waitUntil(lambda: page.scans.message_box is not None, timeout=3000)
    box = page.scans.message_box
    assert isinstance(box, QMessageBox)
    qtbot.waitUntil(box.isVisible, timeout=3000)
    assert "No program is set up on this computer to open PDF files." in box.text()
    assert "交接单.pdf" in box.text()
    qtbot.keyClick(box, Qt.Key.Key_Return)  # the default button: Save as…
    qtbot.waitUntil(target.exists, timeout=3000)
    assert target.read_bytes() == PDF
    assert asked == ["交接单.pdf"]
    assert page.scans.message_box is None
    assert str(target) in page.scan_note.text()
    assert page.ctx.errors.shown == []


def test_save_scan_as_by_keyboard(
    qtbot: QtBot,
    sqlite_db: Database,
    small_estate: SmallEstate,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = _page_with_scan(qtbot, sqlite_db, small_estate, tmp_path)
    target = tmp_path / "copy.pdf"
    asked: list[object] = []

    def ask(*args: object, **_kwargs: object) -> str:
        asked.extend(args)
        return str(target)

    monkeypatch.setattr(file_dialogs, "ask_save_file", ask)
    assert page.save_scan_button.isEnabled()
    assert page.save_scan_button.toolTip() == ""
    page.documents.setFocus()
    qtbot.keyClick(page, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)  # Save scan &as…
    qtbot.waitUntil(target.exists, timeout=3000)
    assert target.read_bytes() == PDF
    assert stat.S_IMODE(target.stat().st_mode) == 0o600  # an ID copy stays private
    assert "3-2-1502-房屋交接单.pdf" in asked  # the suggested name says whose paper it is


def test_suggested_name_is_safe_for_the_file_system() -> None:
    from ui.archive.scan_files import safe_file_name

    assert safe_file_name('3-2-1502-合同/补充:协议*"1"') == "3-2-1502-合同_补充_协议__1_"
    assert safe_file_name(" . ") == "扫描件"


def test_scans_unpacked_in_a_private_folder_of_this_process(
    qtbot: QtBot,
    sqlite_db: Database,
    small_estate: SmallEstate,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Another user of the PC made /tmp/propdesk-scans first (here: something in its place):
    the scan still opens, from a folder of our own, 0700, reused while the program runs."""
    temp = tmp_path / "tmp"
    temp.mkdir()
    (temp / "propdesk-scans").write_text("another user's")
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    opened: list[str] = []

    def open_url(url: QUrl) -> bool:
        opened.append(url.toLocalFile())
        return True  # a viewer was found

    monkeypatch.setattr(QDesktopServices, "openUrl", open_url)
    page = _page_with_scan(qtbot, sqlite_db, small_estate, tmp_path)
    for _ in range(2):
        page.documents.setFocus()
        qtbot.keyClick(page.documents, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(opened) == 2, timeout=3000)
    assert page.ctx.errors.shown == []
    first, second = (Path(p) for p in opened)
    assert first == second
    assert first.read_bytes() == PDF
    folder = first.parent
    assert folder.parent == temp
    assert folder.name.startswith("propdesk-scans-")
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(first.stat().st_mode) == 0o600
    # another desk program (another process, another user) gets its own folder
    assert ScanFolder().path() != folder


def test_scan_folder_made_again_when_removed(tmp_path: Path) -> None:
    folder = ScanFolder(base=tmp_path)
    first = folder.write(7, "a.pdf", PDF)
    assert first.name == "7-a.pdf"
    first.unlink()
    first.parent.rmdir()  # a temp cleaner emptied the temp folder while PropDesk ran
    again = folder.write(7, "a.pdf", PDF)
    assert again.read_bytes() == PDF
    assert again.parent.parent == tmp_path
