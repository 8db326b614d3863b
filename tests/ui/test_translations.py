"""The Chinese translation is complete, compiled, and what the main window shows by default."""

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
from ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

ROOT = Path(__file__).resolve().parents[2]
CORE_TS = TRANSLATIONS / "core_zh_CN.ts"
CORE_SOURCES = [
    "ui/app.py",
    "ui/main_window.py",
    "ui/common",
    "ui/search",
    "ui/registry",
    "ui/settings",
    "ui/setup",
]


def _tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).with_name(name))
    if not Path(found).exists():
        pytest.fail(f"{name} not found next to the Python interpreter")
    return found


def _py_files() -> list[str]:
    files: list[str] = []
    for entry in CORE_SOURCES:
        path = ROOT / entry
        files += [str(p) for p in sorted(path.rglob("*.py"))] if path.is_dir() else [str(path)]
    return files


def test_every_core_string_has_a_chinese_translation(tmp_path: Path) -> None:
    """Re-extract the strings of the core UI: nothing new, nothing unfinished."""
    ts = tmp_path / "translations" / "core_zh_CN.ts"
    ts.parent.mkdir()
    shutil.copy(CORE_TS, ts)
    subprocess.run(
        [_tool("pyside6-lupdate"), *_py_files(), "-ts", str(ts)],
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
    qm = tmp_path / "core_zh_CN.qm"
    subprocess.run(
        [_tool("pyside6-lrelease"), str(CORE_TS), "-qm", str(qm)], check=True, capture_output=True
    )
    assert qm.read_bytes() == (TRANSLATIONS / "core_zh_CN.qm").read_bytes()


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[list[QTranslator]]:
    translators = load_translations(qapp, Settings().language)
    yield translators
    for translator in translators:
        QCoreApplication.removeTranslator(translator)


def test_main_window_is_chinese_by_default(
    qtbot: QtBot, sqlite_db: Database, chinese: list[QTranslator]
) -> None:
    assert Settings().language == "zh_CN"
    assert any("core_zh_CN" in t.filePath() for t in chinese)
    window = MainWindow(ctx=make_ctx(sqlite_db))
    qtbot.addWidget(window)
    nav = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert {"房屋", "住户"} <= set(nav)
    assert window.menus["file"].title() == "文件(&F)"
    assert window.status_labels["database"].text().startswith("数据库：")
    assert "搜索房号" in window.search.placeholderText()
    page = window.show_module("registry")
    assert page.unit_button.text() == "新建房屋(&N)…"  # type: ignore[attr-defined]
