"""What another view may ask of the service desk (``ctx.hub.open(Navigate("tickets", ...))``).

The page applies the request itself (:meth:`ui.tickets.module.ServiceDeskPage.apply_request`);
no view sets the board's widgets from outside.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from propdesk.fees.periods import first_day, last_day


@dataclass(frozen=True)
class TicketBoardRequest:
    """Show the ticket board with exactly these filters (the others cleared).

    ``date_from``/``date_to`` bound the registration date (both ``None``: any date);
    ``kind`` and ``status`` are codes (``None``: all); ``status`` may also be ``"open"``.
    """

    date_from: date | None = None
    date_to: date | None = None
    kind: str | None = None
    status: str | None = None
    overdue: bool = False
    text: str = ""

    @classmethod
    def month(cls, period: str, *, kind: str | None = None) -> TicketBoardRequest:
        """The tickets registered in ``period`` (``YYYY-MM``), optionally of one ``kind``."""
        return cls(date_from=first_day(period), date_to=last_day(period), kind=kind)


@dataclass(frozen=True)
class CallbackQueueRequest:
    """Show the callback queue (tickets done and waiting for their callback)."""


@dataclass(frozen=True)
class DueTicketsRequest:
    """Show the due soon / overdue list."""
