"""Opening what the global search found when it is not a unit or a person.

* a ticket: its ticket window (the same one the board opens);
* a receipt: the unit's page, then its account statement with that receipt selected, ready
  to reprint (Alt+R) or void;
* a parcel: the parcels tab showing every parcel with that tracking number.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget
from sqlalchemy import select
from sqlalchemy.orm import Session

from ui.context import AppContext
from ui.navigation import Navigate

#: The kinds this module opens.
KINDS = ("ticket", "receipt", "parcel")


def open_found(
    ctx: AppContext,
    kind: str,
    record_id: int,
    *,
    open_record: Callable[[str, int], object],
    navigate: Callable[[Navigate], object],
    parent: QWidget,
) -> None:
    """Open the record of ``kind`` found by the search box."""
    if kind == "ticket":
        from ui.tickets.ticket_page import open_ticket_page

        open_ticket_page(ctx, record_id, open_record=open_record, parent=parent)
    elif kind == "receipt":

        def unit_of(s: Session) -> int:
            from propdesk.fees.models import Payment

            return int(s.scalars(select(Payment.unit_id).where(Payment.id == record_id)).one())

        def show(unit_id: int) -> None:
            from PySide6.QtCore import Qt

            from ui.fees.statement import StatementDialog

            open_record("unit", unit_id)
            dialog = StatementDialog(
                ctx=ctx, unit_id=unit_id, select_payment=record_id, parent=parent
            )
            dialog.setObjectName("statement_dialog")
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()

        ctx.query(unit_of, parent=parent, action="open receipt").success(show).run()
    elif kind == "parcel":

        def tracking_of(s: Session) -> str:
            from propdesk.desk.models import Parcel

            return str(s.scalars(select(Parcel.tracking_no).where(Parcel.id == record_id)).one())

        def show_parcel(tracking_no: str) -> None:
            from ui.desk.requests import ParcelsRequest

            navigate(Navigate("parcels", ParcelsRequest(show="all", search=tracking_no)))

        ctx.query(tracking_of, parent=parent, action="open parcel").success(show_parcel).run()
