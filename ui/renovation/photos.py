"""The inspection photos of a permit, one at a time (◀ / ▶ or the arrow keys)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.renovation.widgets import named


class PhotosDialog(QDialog):
    """Shows ``photos`` (caption, file name, bytes); a file that is not an image says so.

    Attributes: caption, image, index.
    """

    def __init__(
        self, *, photos: list[tuple[str, str, bytes]], title: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.photos = photos
        self.index = 0
        self.caption = named(QLabel(), "photo_caption")
        self.image = named(QLabel(), "photo")
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setMinimumSize(480, 360)
        prev_button = QPushButton("◀")
        next_button = QPushButton("▶")
        close = QPushButton(self.tr("Close"))
        prev_button.clicked.connect(lambda: self.show_photo(self.index - 1))
        next_button.clicked.connect(lambda: self.show_photo(self.index + 1))
        close.clicked.connect(self.accept)
        QShortcut(QKeySequence(Qt.Key.Key_Left), self, lambda: self.show_photo(self.index - 1))
        QShortcut(QKeySequence(Qt.Key.Key_Right), self, lambda: self.show_photo(self.index + 1))
        row = QHBoxLayout()
        row.addWidget(prev_button)
        row.addWidget(self.caption, 1)
        row.addWidget(next_button)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.image, 1)
        layout.addLayout(row)
        self.show_photo(0)

    def show_photo(self, index: int) -> None:
        if not self.photos:
            self.caption.setText(self.tr("No photos."))
            return
        self.index = index % len(self.photos)
        when, name, content = self.photos[self.index]
        self.caption.setText(f"{self.index + 1} / {len(self.photos)}　{when}　{name}")
        pixmap = QPixmap()
        if pixmap.loadFromData(content):
            self.image.setPixmap(
                pixmap.scaled(
                    self.image.size(),
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self.image.setPixmap(QPixmap())
            self.image.setText(self.tr("This file is not an image."))
