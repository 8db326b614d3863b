"""Qt's own dialogs speak Chinese too: the file dialog (save as PDF, choose a scan) has no
English label left (Qt 6's "&Look in:" and "Files of &type:" are missing from the
qtbase_zh_CN.qm Qt ships, so resources/translations/qtextra_zh_CN.ts supplies them)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QApplication, QFileDialog, QLabel
from pytestqt.qtbot import QtBot

from resources import TRANSLATIONS
from ui.app import load_translations

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.mark.parametrize(
    "mode", [QFileDialog.AcceptMode.AcceptSave, QFileDialog.AcceptMode.AcceptOpen]
)
def test_the_file_dialog_has_no_english_label(qtbot: QtBot, mode: QFileDialog.AcceptMode) -> None:
    app = QApplication.instance()
    assert isinstance(app, QCoreApplication)
    translators = load_translations(app, "zh_CN")
    try:
        dialog = QFileDialog(None, "另存为", str(Path.cwd()), "PDF 文件 (*.pdf)")
        qtbot.addWidget(dialog)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setAcceptMode(mode)
        dialog.show()
        texts = [w.text() for w in dialog.findChildren(QLabel)]
        texts += [w.text() for w in dialog.findChildren(QAbstractButton) if w.text()]
        english = [t for t in texts if re.search("[A-Za-z]{3}", t.replace("PDF", ""))]
        assert english == [], texts
        assert "查找范围(&L)：" in texts
        assert "文件类型(&T)：" in texts
    finally:
        for translator in translators:
            app.removeTranslator(translator)


def test_the_file_list_names_a_folder_in_chinese(qtbot: QtBot) -> None:
    """The file dialog's 类型 column: Qt 6 asks QAbstractFileIconProvider for "Folder" and
    "%1 File", which Qt's own Chinese file lacks (a file of a known type is named by the
    MIME database, already in Chinese)."""
    from PySide6.QtWidgets import QFileIconProvider

    app = QApplication.instance()
    assert isinstance(app, QCoreApplication)
    translators = load_translations(app, "zh_CN")
    try:
        provider = QFileIconProvider()
        from PySide6.QtCore import QFileInfo

        assert provider.type(QFileInfo(str(TRANSLATIONS))) == "文件夹"
    finally:
        for translator in translators:
            app.removeTranslator(translator)


def test_compiled_qm_is_up_to_date(tmp_path: Path) -> None:
    found = shutil.which("pyside6-lrelease") or str(
        Path(sys.executable).with_name("pyside6-lrelease")
    )
    qm = tmp_path / "qtextra_zh_CN.qm"
    subprocess.run(
        [found, str(TRANSLATIONS / "qtextra_zh_CN.ts"), "-qm", str(qm)],
        check=True,
        capture_output=True,
    )
    assert qm.read_bytes() == (TRANSLATIONS / "qtextra_zh_CN.qm").read_bytes()
