"""Shared checks of a feature's translation file: every string translated, the .qm current."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from resources import TRANSLATIONS

ROOT = Path(__file__).resolve().parents[2]


def qt_tool(name: str) -> str:
    """``pyside6-lupdate`` / ``pyside6-lrelease`` of the interpreter running the tests."""
    found = shutil.which(name) or str(Path(sys.executable).with_name(name))
    if not Path(found).exists():
        pytest.fail(f"{name} not found next to the Python interpreter")
    return found


def untranslated(ts_name: str, sources: Sequence[str], tmp_path: Path) -> tuple[list[str], int]:
    """Re-extract ``sources`` (folders under the repository) into a copy of ``ts_name``;
    return the source strings left unfinished (or vanished) and how many messages there are."""
    ts = tmp_path / ts_name
    shutil.copy(TRANSLATIONS / ts_name, ts)
    files: list[str] = []
    for entry in sources:  # a folder (its modules) or one module
        path = ROOT / entry
        files += [str(p) for p in sorted(path.glob("*.py"))] if path.is_dir() else [str(path)]
    subprocess.run(
        [qt_tool("pyside6-lupdate"), *files, "-ts", str(ts)], check=True, capture_output=True
    )
    messages = list(ET.parse(ts).getroot().iter("message"))
    left = [m.findtext("source") or "" for m in messages if _state(m) in ("unfinished", "vanished")]
    return left, len(messages)


def _state(message: ET.Element) -> str:
    translation = message.find("translation")
    return (translation.get("type") if translation is not None else None) or ""


def current_translator(ts_name: str, tmp_path: Path) -> QTranslator:
    """Fail unless the shipped ``.qm`` equals a fresh build of ``ts_name``; return it loaded."""
    qm_name = ts_name.removesuffix(".ts") + ".qm"
    qm = tmp_path / qm_name
    subprocess.run(
        [qt_tool("pyside6-lrelease"), str(TRANSLATIONS / ts_name), "-qm", str(qm)],
        check=True,
        capture_output=True,
    )
    assert qm.read_bytes() == (TRANSLATIONS / qm_name).read_bytes()
    translator = QTranslator()
    assert translator.load(str(TRANSLATIONS / qm_name))
    return translator
