"""The PostgreSQL server fields of the settings: host, port, database, sslmode.

User and password are asked here only to test the connection; they are never saved.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QSpinBox, QWidget

from propdesk.config import DEFAULT_PORT, SSL_MODES, ServerSettings


class ServerForm(QWidget):
    """Edit a :class:`ServerSettings`.

    Attributes:
        host, port, database, sslmode: the saved fields.
        user, password: asked for "Test connection" only; never stored.
    """

    def __init__(self, *, server: ServerSettings | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = QLineEdit(server.host if server else "")
        self.host.setObjectName("server_host")
        self.host.setPlaceholderText(self.tr("server name or IP address"))
        self.port = QSpinBox()
        self.port.setObjectName("server_port")
        self.port.setRange(1, 65535)
        self.port.setValue(server.port if server else DEFAULT_PORT)
        self.database = QLineEdit(server.database if server else "propdesk")
        self.database.setObjectName("server_database")
        self.sslmode = QComboBox()
        self.sslmode.setObjectName("server_sslmode")
        for mode in SSL_MODES:
            self.sslmode.addItem(mode, mode)
        self.sslmode.setCurrentIndex(self.sslmode.findData(server.sslmode if server else "prefer"))
        self.sslmode.setToolTip(
            self.tr("require: always encrypted; verify-full: also checks the server's certificate")
        )
        self.user = QLineEdit()
        self.user.setObjectName("server_user")
        self.user.setPlaceholderText(self.tr("only to test; asked at each login"))
        self.password = QLineEdit()
        self.password.setObjectName("server_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("never saved"))
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("&Host"), self.host)
        form.addRow(self.tr("&Port"), self.port)
        form.addRow(self.tr("Data&base"), self.database)
        form.addRow(self.tr("&Encryption (sslmode)"), self.sslmode)
        form.addRow(self.tr("&User"), self.user)
        form.addRow(self.tr("Pass&word"), self.password)

    def server(self) -> ServerSettings | None:
        """The typed server, or None while no host is given."""
        host = self.host.text().strip()
        if not host:
            return None
        return ServerSettings(
            host=host,
            port=self.port.value(),
            database=self.database.text().strip() or "propdesk",
            sslmode=str(self.sslmode.currentData()),
        )
