"""The operation runtime's and the connection banner's strings are all in Chinese."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from tests.ui.translation_checks import current_translator, untranslated


def test_every_runtime_string_has_a_chinese_translation(tmp_path: Path) -> None:
    left, total = untranslated("live_zh_CN.ts", ["ui/ops.py", "ui/live.py"], tmp_path)
    assert total >= 6
    assert left == []


def test_the_waiting_message_reads_in_chinese(qapp: QApplication, tmp_path: Path) -> None:
    translator = current_translator("live_zh_CN.ts", tmp_path)
    QCoreApplication.installTranslator(translator)
    try:
        text = QCoreApplication.translate("Op", "Cancel (do not save)")
        assert text == "取消（不保存）"
    finally:
        QCoreApplication.removeTranslator(translator)
