"""The dashboard's and notices' Chinese translation is complete, compiled and shown."""

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

from propdesk.db.engine import Database
from resources import TRANSLATIONS
from tests.ui.helpers import make_ctx
from ui.dashboard.page import DashboardPage

ROOT = Path(__file__).resolve().parents[3]
TS = TRANSLATIONS / "reporting_zh_CN.ts"


def _tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).with_name(name))
    if not Path(found).exists():
        pytest.fail(f"{name} not found next to the Python interpreter")
    return found


def test_every_string_has_a_chinese_translation(tmp_path: Path) -> None:
    ts = tmp_path / "reporting_zh_CN.ts"
    shutil.copy(TS, ts)
    sources = [
        str(p) for d in ("dashboard", "notices") for p in sorted((ROOT / "ui" / d).glob("*.py"))
    ]
    subprocess.run(
        [_tool("pyside6-lupdate"), *sources, "-ts", str(ts)], check=True, capture_output=True
    )
    untranslated = [
        m.findtext("source")
        for m in ET.parse(ts).getroot().iter("message")
        if (m.find("translation").get("type") or "") in ("unfinished", "obsolete", "vanished")  # type: ignore[union-attr]
    ]
    assert untranslated == []


def test_compiled_qm_is_up_to_date(tmp_path: Path) -> None:
    qm = tmp_path / "reporting_zh_CN.qm"
    subprocess.run(
        [_tool("pyside6-lrelease"), str(TS), "-qm", str(qm)], check=True, capture_output=True
    )
    assert qm.read_bytes() == (TRANSLATIONS / "reporting_zh_CN.qm").read_bytes()


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[QTranslator]:
    translator = QTranslator()
    assert translator.load(str(TRANSLATIONS / "reporting_zh_CN.qm"))
    QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)


def test_dashboard_speaks_chinese(qtbot: QtBot, sqlite_db: Database, chinese: QTranslator) -> None:
    page = DashboardPage(ctx=make_ctx(sqlite_db))
    qtbot.addWidget(page)
    page.refresh()
    assert page.title.text().startswith("经营看板 · ")
    assert page.tile_buttons["collection"].text().endswith("\n收缴率")
    assert page.print_button.text() == "管理月报 PDF(&O)…"
