"""The service desk's Chinese translation is complete, compiled and shown."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from propdesk.config import Settings
from propdesk.db.engine import Database
from resources import TRANSLATIONS
from tests.ui.helpers import make_ctx
from ui.app import load_translations

ROOT = Path(__file__).resolve().parents[3]
TS = TRANSLATIONS / "tickets_zh_CN.ts"


def _tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).with_name(name))
    if not Path(found).exists():
        pytest.fail(f"{name} not found next to the Python interpreter")
    return found


def test_every_service_desk_string_is_translated(tmp_path: Path) -> None:
    ts = tmp_path / "tickets_zh_CN.ts"
    shutil.copy(TS, ts)
    files = [str(p) for p in sorted((ROOT / "ui" / "tickets").glob("*.py"))]
    subprocess.run(
        [_tool("pyside6-lupdate"), *files, "-ts", str(ts)],
        check=True,
        capture_output=True,
        cwd=ROOT,
    )
    untranslated = [
        m.findtext("source")
        for m in ET.parse(ts).getroot().iter("message")
        if (m.find("translation").get("type") or "") == "unfinished"  # type: ignore[union-attr]
    ]
    assert untranslated == []


def test_compiled_qm_is_up_to_date(tmp_path: Path) -> None:
    qm = tmp_path / "tickets_zh_CN.qm"
    subprocess.run(
        [_tool("pyside6-lrelease"), str(TS), "-qm", str(qm)], check=True, capture_output=True
    )
    assert qm.read_bytes() == (TRANSLATIONS / "tickets_zh_CN.qm").read_bytes()


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[list[QTranslator]]:
    translators = load_translations(qapp, Settings().language)
    yield translators
    for translator in translators:
        QCoreApplication.removeTranslator(translator)


def test_board_is_chinese(qtbot: QtBot, sqlite_db: Database, chinese: list[QTranslator]) -> None:
    from ui.tickets.board import TicketBoard

    assert any("tickets_zh_CN" in t.filePath() for t in chinese)
    board = TicketBoard(ctx=make_ctx(sqlite_db))
    qtbot.addWidget(board)
    assert board.kind.itemText(1) == "报修"
    assert (
        board.model.headerData(0, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal)
        == "单号"
    )
    assert board.counts_label.text().startswith("全部 0")
    assert QCoreApplication.translate("NavModule", "Service desk") == "报事报修"
