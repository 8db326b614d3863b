"""Every file dialog of the desk: it opens in the folder used last and remembers the new one.

One folder is remembered per purpose (``"exports"``, ``"imports"``, ``"photos"``,
``"backups"``, ``"documents"``), in ``QSettings`` under ``files/<purpose>``, so the photo of a
patrol finding does not send the next fee export to the camera folder. The first time, a
dialog opens in the user's Documents folder (Pictures for photos). Qt's own dialog speaks
Chinese once the app's translations are loaded (:func:`ui.app.load_translations` installs
``qtbase_zh_CN``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

#: Purposes that have their own remembered folder.
PURPOSES = ("exports", "imports", "photos", "backups", "documents")

_DEFAULT_LOCATION = {
    "photos": QStandardPaths.StandardLocation.PicturesLocation,
}

OpenDialog = Callable[[QWidget | None, str, str, str], str]
"""``(parent, title, start folder or path, filters) -> chosen path or ""`` (tests fake it)."""
OpenManyDialog = Callable[[QWidget | None, str, str, str], list[str]]


def _key(purpose: str) -> str:
    if purpose not in PURPOSES:
        raise ValueError(f"unknown file-dialog purpose: {purpose}")
    return f"files/{purpose}"


def last_folder(purpose: str, settings: QSettings | None = None) -> Path:
    """The folder last used for ``purpose``; the user's Documents (or Pictures) the first time."""
    store = settings if settings is not None else QSettings()
    saved = store.value(_key(purpose), "")
    if purpose == "exports" and not saved:
        saved = store.value("exports/last_folder", "")  # where exports kept it before
    if isinstance(saved, str) and saved and Path(saved).is_dir():
        return Path(saved)
    location = _DEFAULT_LOCATION.get(purpose, QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(QStandardPaths.writableLocation(location))
    # A machine without a Documents folder: the home folder, never the app's working folder
    # (where Qt's dialog would open instead, and a saved report could land in the program).
    return folder if folder.is_dir() else Path.home()


def remember(purpose: str, path: str | Path, settings: QSettings | None = None) -> None:
    """Remember the folder of ``path`` (a file) for the next dialog of ``purpose``."""
    store = settings if settings is not None else QSettings()
    folder = Path(path).parent
    store.setValue(_key(purpose), str(folder))
    if purpose == "exports":
        store.setValue("exports/last_folder", str(folder))
    store.sync()


def _qt_open(parent: QWidget | None, title: str, start: str, filters: str) -> str:
    path, _ = QFileDialog.getOpenFileName(parent, title, start, filters)
    return path


def _qt_open_many(parent: QWidget | None, title: str, start: str, filters: str) -> list[str]:
    paths, _ = QFileDialog.getOpenFileNames(parent, title, start, filters)
    return list(paths)


def _qt_save(parent: QWidget | None, title: str, start: str, filters: str) -> str:
    path, _ = QFileDialog.getSaveFileName(parent, title, start, filters)
    return path


def ask_open_file(
    parent: QWidget | None,
    title: str,
    filters: str = "",
    *,
    purpose: str = "imports",
    settings: QSettings | None = None,
    dialog: OpenDialog = _qt_open,
) -> str:
    """Ask for one file to open; ``""`` when cancelled. Remembers its folder."""
    path = dialog(parent, title, str(last_folder(purpose, settings)), filters)
    if path:
        remember(purpose, path, settings)
    return path


def ask_open_files(
    parent: QWidget | None,
    title: str,
    filters: str = "",
    *,
    purpose: str = "photos",
    settings: QSettings | None = None,
    dialog: OpenManyDialog = _qt_open_many,
) -> list[str]:
    """Ask for several files to open; ``[]`` when cancelled. Remembers their folder."""
    paths = dialog(parent, title, str(last_folder(purpose, settings)), filters)
    if paths:
        remember(purpose, paths[0], settings)
    return paths


def ask_save_file(
    parent: QWidget | None,
    title: str,
    suggested_name: str,
    filters: str,
    *,
    suffix: str = "",
    purpose: str = "exports",
    settings: QSettings | None = None,
    dialog: OpenDialog = _qt_save,
) -> str:
    """Ask where to save ``suggested_name``; ``""`` when cancelled.

    ``suffix`` (e.g. ``".xlsx"``) is added when the clerk typed a name without it.
    """
    start = str(last_folder(purpose, settings) / suggested_name)
    path = dialog(parent, title, start, filters)
    if not path:
        return ""
    if suffix and not path.lower().endswith(suffix.lower()):
        path += suffix
    remember(purpose, path, settings)
    return path
