"""The clerk's language: Qt's own dialogs (file dialog, message box buttons) are Chinese, and
the late-fee rate reads 万分之5/天."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from ui.app import load_translations


@pytest.fixture
def chinese(qapp: object) -> Iterator[None]:
    saved = QLocale()
    app = QCoreApplication.instance()
    assert app is not None
    installed = load_translations(app, "zh_CN")
    yield
    for translator in installed:
        app.removeTranslator(translator)
    QLocale.setDefault(saved)
    assert all(isinstance(t, QTranslator) for t in installed)


def test_qt_dialogs_speak_chinese(chinese: None) -> None:
    assert QCoreApplication.translate("QFileDialog", "Look in:") == "查找范围："
    assert QCoreApplication.translate("QFileDialog", "Files of type:") == "文件类型："
    assert QLocale().name() == "zh_CN"


def test_late_fee_rate_reads_wan_fen_zhi(chinese: None) -> None:
    assert QCoreApplication.translate("BillingPage", "Rate ") == "万分之"
    assert QCoreApplication.translate("BillingPage", " ‱ per day") == "/天"
    assert QCoreApplication.translate("PermitView", "Not rectified") == "未整改"
