"""The login, lock and admin screens are fully translated to Chinese, and the .qm is current."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from resources import TRANSLATIONS

ROOT = Path(__file__).resolve().parents[3]
TS = TRANSLATIONS / "auth_zh_CN.ts"
MY_MENU_TITLES = [
    "Users…",
    "Audit log…",
    "Backup and restore…",
    "Change my password…",
    "Lock screen (Ctrl+L)",
]


def _tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).with_name(name))
    if not Path(found).exists():
        pytest.fail(f"{name} not found next to the Python interpreter")
    return found


def test_every_string_has_a_chinese_translation(tmp_path: Path) -> None:
    ts = tmp_path / "auth_zh_CN.ts"
    shutil.copy(TS, ts)
    files = [str(p) for d in ("ui/auth", "ui/admin") for p in sorted((ROOT / d).glob("*.py"))]
    subprocess.run(
        [_tool("pyside6-lupdate"), *files, "-ts", str(ts)], check=True, capture_output=True
    )
    messages = list(ET.parse(ts).getroot().iter("message"))
    unfinished = [
        m.findtext("source")
        for m in messages
        if (m.find("translation").get("type") or "") in ("unfinished", "vanished")  # type: ignore[union-attr]
    ]
    assert unfinished == []
    sources = {m.findtext("source") for m in messages}
    assert set(MY_MENU_TITLES) <= sources


def test_compiled_qm_is_up_to_date(tmp_path: Path) -> None:
    qm = tmp_path / "auth_zh_CN.qm"
    subprocess.run(
        [_tool("pyside6-lrelease"), str(TS), "-qm", str(qm)], check=True, capture_output=True
    )
    assert qm.read_bytes() == (TRANSLATIONS / "auth_zh_CN.qm").read_bytes()
    translator = QTranslator()
    assert translator.load(str(TRANSLATIONS / "auth_zh_CN.qm"))
    assert translator.translate("LoginDialog", "Log in") == "登录"
    assert translator.translate("MenuAction", "Audit log…") == "操作日志…"
