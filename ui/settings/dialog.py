"""The settings dialog: language, database URL (with a connection test) and the data folder.

Saved with :meth:`propdesk.config.Settings.save`; language and database apply on restart.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from propdesk.config import Settings, data_dir, resolve_database_url
from propdesk.db.engine import make_engine


def check_connection(value: str) -> str | None:
    """Try to connect to ``value`` (a path or URL); the error text, or None when it works."""
    try:
        url = resolve_database_url(value.strip() or None, Settings(database_url=None))
        if url.startswith("sqlite") and not Path(url.removeprefix("sqlite:///")).parent.exists():
            return QCoreApplication.translate(
                "SettingsDialog", "The folder of this file does not exist."
            )
        kwargs = {} if url.startswith("sqlite") else {"connect_args": {"connect_timeout": 5}}
        engine = make_engine(url, **kwargs)
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
        finally:
            engine.dispose()
    except (SQLAlchemyError, ValueError, ImportError, OSError) as exc:
        return str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return None


class SettingsDialog(QDialog):
    """Edit and save the settings.

    Attributes:
        settings: the saved settings after acceptance (the given ones before).
        language, database: the editors; test_result: the connection test's message label.
    """

    def __init__(
        self, *, settings: Settings, folder: Path | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self._folder = folder
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(520)
        self.language = QComboBox()
        self.language.setObjectName("language")
        self.language.addItem("简体中文", "zh_CN")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(self.language.findData(settings.language), 0))
        self.database = QLineEdit(settings.database_url or "")
        self.database.setObjectName("database")
        self.database.setPlaceholderText(
            self.tr("empty: the SQLite file in the data folder; or postgresql+psycopg://…")
        )
        self.test_button = QPushButton(self.tr("&Test connection"))
        self.test_button.clicked.connect(self.run_test)
        row = QHBoxLayout()
        row.addWidget(self.database, 1)
        row.addWidget(self.test_button)
        self.test_result = QLabel()
        self.test_result.setObjectName("test_result")
        self.test_result.setWordWrap(True)
        folder_label = QLabel(str(folder or data_dir()))
        folder_label.setObjectName("data_folder")
        form = QFormLayout()
        form.addRow(self.tr("&Language"), self.language)
        database_label = QLabel(self.tr("&Database"))
        database_label.setBuddy(self.database)  # a row holding a layout gets no buddy itself
        form.addRow(database_label, row)
        form.addRow("", self.test_result)
        form.addRow(self.tr("Data folder"), folder_label)
        note = QLabel(self.tr("Language and database changes apply when PropDesk is restarted."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.language.setFocus()

    def run_test(self) -> bool:
        """Test the typed database and say so in the dialog."""
        error = check_connection(self.database.text())
        if error is None:
            self.test_result.setStyleSheet("color: #1b5e20;")
            self.test_result.setText(self.tr("Connection works."))
            return True
        self.test_result.setStyleSheet("color: #b00020;")
        self.test_result.setText(self.tr("Cannot connect: %1").replace("%1", error))
        return False

    def accept(self) -> None:
        url = self.database.text().strip() or None
        self.settings = replace(
            self.settings, language=self.language.currentData(), database_url=url
        )
        self.settings.save(self._folder)
        super().accept()
