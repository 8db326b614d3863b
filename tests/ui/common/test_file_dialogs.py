"""File dialogs open in the folder used last for the same purpose and remember the new one."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from ui.common import file_dialogs as fd


class FakeDialog:
    """Answers ``answer`` and records where the dialog opened."""

    def __init__(self, answer: str) -> None:
        self.answer = answer
        self.opened_at: list[str] = []

    def __call__(self, _parent: QWidget | None, _title: str, start: str, _filters: str) -> str:
        self.opened_at.append(start)
        return self.answer


def test_save_opens_in_last_folder_and_adds_suffix(tmp_path: Path, qapp: object) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    first_folder = tmp_path / "月报"
    first_folder.mkdir()
    dialog = FakeDialog(str(first_folder / "收费明细"))
    path = fd.ask_save_file(
        None,
        "t",
        "收费明细.xlsx",
        "Excel (*.xlsx)",
        suffix=".xlsx",
        settings=settings,
        dialog=dialog,
    )
    assert path == str(first_folder / "收费明细.xlsx")
    # The next export opens where the last one went, with its own suggested name.
    dialog2 = FakeDialog("")
    assert fd.ask_save_file(None, "t", "欠费.xlsx", "", settings=settings, dialog=dialog2) == ""
    assert dialog2.opened_at == [str(first_folder / "欠费.xlsx")]


def test_purposes_keep_their_own_folders(tmp_path: Path, qapp: object) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    photos, imports = tmp_path / "photos", tmp_path / "imports"
    photos.mkdir()
    imports.mkdir()
    fd.ask_open_file(
        None, "t", purpose="photos", settings=settings, dialog=FakeDialog(str(photos / "a.jpg"))
    )
    fd.ask_open_file(
        None, "t", purpose="imports", settings=settings, dialog=FakeDialog(str(imports / "b.xlsx"))
    )
    assert fd.last_folder("photos", settings) == photos
    assert fd.last_folder("imports", settings) == imports
    # Cancelling remembers nothing.
    fd.ask_open_file(None, "t", purpose="photos", settings=settings, dialog=FakeDialog(""))
    assert fd.last_folder("photos", settings) == photos


def test_a_removed_folder_falls_back_to_documents(tmp_path: Path, qapp: object) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    gone = tmp_path / "gone"
    gone.mkdir()
    fd.remember("exports", gone / "x.xlsx", settings)
    gone.rmdir()
    assert fd.last_folder("exports", settings) != gone


def test_no_documents_folder_opens_at_home_not_the_working_folder(
    tmp_path: Path, qapp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A desk without a Documents folder (a fresh Linux account): the dialog opens in the home
    folder; Qt would otherwise open the app's working folder and a report could land there."""
    from PySide6.QtCore import QStandardPaths

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    monkeypatch.setattr(
        QStandardPaths, "writableLocation", staticmethod(lambda _loc: str(tmp_path / "Documents"))
    )
    assert fd.last_folder("documents", settings) == Path.home()
    (tmp_path / "Documents").mkdir()
    assert fd.last_folder("documents", settings) == tmp_path / "Documents"
