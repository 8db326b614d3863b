"""The person page's "Personal data" panel: the masked ID number, and for roles holding
``VIEW_FULL_ID`` a "Show in full" button whose every use is written to the audit log (the
reveal service checks the permission itself; the button is only hidden).

The phones are not repeated here: the page's Contact section shows them as the role may
see them (in full for the roles that may reveal, masked for the others), so a masked copy
here protected nothing and said the same thing twice.
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)
from sqlalchemy.orm import Session

from propdesk.auth.permissions import Permission
from propdesk.auth.reveal import RevealedContact, reveal_contact
from propdesk.changes import Changes
from propdesk.errors import DomainError
from propdesk.privacy import mask_id_number
from propdesk.registry.models import Person
from ui.context import AppContext


class PersonalDataPanel(QGroupBox):
    """The masked ID number of one person, revealable by allowed roles.

    Attributes:
        id_number: the value label.
        reveal_button: "Show in full" (hidden for roles without ``VIEW_FULL_ID``).
        revealed: the full values once revealed, else None.
    """

    def __init__(self, *, ctx: AppContext, person_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.person_id = person_id
        self.revealed: RevealedContact | None = None
        self.setTitle(self.tr("Personal data"))
        self.id_number = QLabel()
        self.id_number.setObjectName("id_number")
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.reveal_button = QPushButton(self.tr("&Show in full (logged)"))
        self.reveal_button.setObjectName("reveal_button")
        self.reveal_button.clicked.connect(self.reveal)
        form = QFormLayout(self)
        form.addRow(self.tr("ID number"), self.id_number)
        form.addRow(self.note)
        row = QHBoxLayout()
        row.addWidget(self.reveal_button)
        row.addStretch(1)
        form.addRow(row)
        self.shortcut = QShortcut(QKeySequence("Ctrl+Shift+I"), self, self.reveal)
        self.refresh()

    def refresh(self) -> None:
        """Show the masked values again (a reveal lasts until the page refreshes)."""
        allowed = self.ctx.can(Permission.VIEW_FULL_ID)
        self.revealed = None
        self.reveal_button.setVisible(allowed)
        self.reveal_button.setEnabled(allowed)
        self.shortcut.setEnabled(allowed)
        self.note.setText(
            self.tr("Shown masked. Showing them in full is recorded in the audit log.")
            if allowed
            else self.tr("Shown masked: your role may not see full ID numbers and phones.")
        )

        def load(session: Session) -> str | None:
            p = session.get(Person, self.person_id)
            return None if p is None else mask_id_number(p.id_number)

        self.ctx.query(load, parent=self, action="load personal data").success(self._loaded).run()

    def _loaded(self, id_number: str | None) -> None:
        if id_number is None:
            self.setEnabled(False)
            return
        self.id_number.setText(id_number or "—")

    def reveal(self) -> None:
        """Fetch the full values through the audited service and show them."""
        if not self.ctx.can(Permission.VIEW_FULL_ID):
            return
        person_id = self.person_id
        self.reveal_button.setEnabled(False)  # once: each reveal is an audit entry
        # Writes only the audit entry of the reveal: nothing any list shows changes.
        self.ctx.op(
            lambda s: reveal_contact(s, person_id),
            changes=Changes(),
            parent=self,
            action="reveal personal data",
        ).success(self._revealed).failure(self._refused).finally_(
            lambda: self.reveal_button.setEnabled(self.revealed is None)
        ).run()

    def _refused(self, exc: BaseException) -> bool:
        if isinstance(exc, DomainError):
            self.note.setText(exc.message)
            return True
        return False

    def _revealed(self, contact: RevealedContact) -> None:
        self.revealed = contact
        self.id_number.setText(contact.id_number or "—")
        self.note.setText(self.tr("Shown in full; this was recorded in the audit log."))


def personal_data_panel(ctx: AppContext, person_id: int) -> QWidget:
    """``PERSON_PANELS`` factory."""
    return PersonalDataPanel(ctx=ctx, person_id=person_id)
