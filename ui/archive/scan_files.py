"""A document's scan on this desk: open it with the computer's viewer, or save a copy.

Opening unpacks the scan into a private folder of this process (:class:`ScanFolder`, made
with :func:`tempfile.mkdtemp` in the user's own temp folder, 0700, removed when PropDesk
quits), so two Windows or Linux users of one PC never share a folder. When the computer has
no program for the file (``QDesktopServices.openUrl`` says False), the clerk is told so and
offered to save a copy instead. Reading the scan goes through
:func:`propdesk.archive.services.open_scan` (a write: opening an ID copy is audited).
"""

from __future__ import annotations

import atexit
import re
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from propdesk.archive import services as svc
from propdesk.archive.values import DocumentRow
from propdesk.changes import Changes
from propdesk.files import private_file, write_private
from ui.context import AppContext

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".tif", ".tiff")


def safe_file_name(stem: str) -> str:
    """``stem`` without the characters Windows and Linux refuse in a file name."""
    return re.sub(r'[\\/:*?"<>|\x00-\x1f]', "_", stem).strip(" .") or "扫描件"


def suggested_name(unit_code: str, doc: DocumentRow) -> str:
    """A saved copy's name says whose paper it is: ``3-2-1502-房屋交接单.pdf`` (the unit, the
    person for a person's paper, the document's title, the scan's own extension)."""
    stem = "-".join(part for part in (unit_code, doc.person_name, doc.title) if part)
    return safe_file_name(stem) + Path(doc.file_name).suffix.lower()


class ScanFolder:
    """This process's private folder for the scans opened on this desk.

    Made on first use in ``base`` (default: the user's temp folder) under a unique name
    ``propdesk-scans-…`` (0700 on POSIX), made again if something removed it meanwhile, and
    removed with its files when the process ends.
    """

    def __init__(self, *, base: Path | None = None) -> None:
        self._base = base
        self._path: Path | None = None

    def path(self) -> Path:
        if self._path is None or not self._path.is_dir():
            base = str(self._base) if self._base is not None else None
            self._path = Path(tempfile.mkdtemp(prefix="propdesk-scans-", dir=base))
            atexit.register(shutil.rmtree, self._path, True)
        return self._path

    def write(self, document_id: int, name: str, data: bytes) -> Path:
        """Write a document's scan (readable by the user only); returns its path."""
        target = self.path() / f"{document_id}-{Path(name).name}"
        return write_private(target, data)


class ScanActions(QObject):
    """Open or save the scan of a document, for ``parent`` (the archive page).

    Attributes:
        folder: where opened scans are unpacked.
        last_opened: the path last handed to the viewer ("" before).
        last_saved: the path a copy was last saved to ("" before).
        message_box: the box on screen telling that no program could open the scan.
        saved: called with the path after a copy was saved.
    """

    def __init__(
        self, *, ctx: AppContext, folder: ScanFolder | None = None, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.widget = parent
        self.folder = folder or ScanFolder()
        self.last_opened = ""
        self.last_saved = ""
        self.message_box: QMessageBox | None = None
        self.saved: list[Callable[[str], None]] = []

    def open(self, document_id: int) -> None:
        """Unpack the scan and open it with the computer's viewer."""
        folder = self.folder

        def unpack(name_data: tuple[str, bytes]) -> None:
            name, data = name_data
            self.ctx.task(
                lambda _p: str(folder.write(document_id, name, data)),
                parent=self.widget,
                action="open scan",
            ).success(self._launch).run()

        self._read(document_id, unpack)

    def save_as(self, document_id: int, file_name: str) -> None:
        """Ask where, then save a copy of the scan there."""
        path = self._ask_target(file_name)
        if not path:
            return

        def save(name_data: tuple[str, bytes]) -> None:
            data = name_data[1]
            self.ctx.task(
                lambda _p: str(write_private(path, data)),
                parent=self.widget,
                action="save scan",
            ).success(self._saved).run()

        self._read(document_id, save)

    # --- steps ------------------------------------------------------------------------------

    def _read(self, document_id: int, then: Callable[[tuple[str, bytes]], None]) -> None:
        # a write: opening a person's own paper (an ID copy) is audited
        self.ctx.op(
            lambda s: svc.open_scan(s, document_id),
            changes=Changes(),
            parent=self.widget,
            action="read scan",
        ).success(then).run()

    def _launch(self, path: str) -> None:
        self.last_opened = path
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(path)):
            self._no_viewer(path)

    def _no_viewer(self, path: str) -> None:
        name = Path(path).name.split("-", 1)[-1]
        what = (
            self.tr("No program is set up on this computer to open image files.")
            if Path(path).suffix.lower() in IMAGE_SUFFIXES
            else self.tr("No program is set up on this computer to open PDF files.")
        )
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Cannot open the scan"),
            what
            + "\n\n"
            + self.tr(
                "Save a copy of “%1” to a folder or a USB stick, to open it with another "
                "program or on another computer?"
            ).replace("%1", name),
            QMessageBox.StandardButton.NoButton,
            self.widget,
        )
        box.setObjectName("archive_no_viewer")
        save = box.addButton(self.tr("&Save as…"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Close"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save)
        self.message_box = box

        def answered(_result: int) -> None:
            self.message_box = None
            if box.clickedButton() is save:
                self._copy(path, name)

        box.finished.connect(answered)
        box.open()

    def _copy(self, source: str, name: str) -> None:
        target = self._ask_target(name)
        if not target:
            return

        def copy(_progress: object) -> str:
            shutil.copyfile(source, target)
            return str(private_file(Path(target)))

        self.ctx.task(copy, parent=self.widget, action="save scan").success(self._saved).run()

    def _ask_target(self, file_name: str) -> str:
        from ui.common.file_dialogs import ask_save_file

        suffix = Path(file_name).suffix.lower()
        return ask_save_file(
            self.widget,
            self.tr("Save the scan as"),
            file_name,
            self.tr("Scan (*%1);;All files (*)").replace("%1", suffix or ".pdf"),
            suffix=suffix,
            purpose="documents",
        )

    def _saved(self, path: str) -> None:
        self.last_saved = path
        for callback in self.saved:
            callback(path)
