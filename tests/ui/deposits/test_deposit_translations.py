"""The deposit ledger screen is fully translated to Chinese, and the .qm is current."""

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
TS = TRANSLATIONS / "deposits_zh_CN.ts"
SOURCES = ("ui/deposits",)


def _tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).with_name(name))
    if not Path(found).exists():
        pytest.fail(f"{name} not found next to the Python interpreter")
    return found


def test_every_deposits_string_has_a_chinese_translation(tmp_path: Path) -> None:
    ts = tmp_path / "deposits_zh_CN.ts"
    shutil.copy(TS, ts)
    files = [str(p) for d in SOURCES for p in sorted((ROOT / d).glob("*.py"))]
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
    assert len(messages) > 25


def test_compiled_qm_is_up_to_date(tmp_path: Path) -> None:
    qm = tmp_path / "deposits_zh_CN.qm"
    subprocess.run(
        [_tool("pyside6-lrelease"), str(TS), "-qm", str(qm)], check=True, capture_output=True
    )
    assert qm.read_bytes() == (TRANSLATIONS / "deposits_zh_CN.qm").read_bytes()
    translator = QTranslator()
    assert translator.load(str(TRANSLATIONS / "deposits_zh_CN.qm"))
    assert translator.translate("DepositsPage", "Refund…") == "退还押金…"
    assert translator.translate("NavModule", "Deposits") == "押金台账"
