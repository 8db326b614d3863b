"""Opening a page with a filter already applied: a typed request the target page applies itself.

A view never reaches into another view's widgets. The dashboard, a status-bar counter or a
panel asks for a page with :class:`Navigate`, carrying a page-specific request value (a frozen
dataclass the target page defines, e.g. ``TicketBoardRequest(month="2026-11", kind="complaint")``);
the main window shows the page and calls its ``apply_request(request)``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, runtime_checkable


@dataclass(frozen=True)
class Navigate:
    """Show the page whose navigation key is ``page``; then hand it ``request`` (if any)."""

    page: str
    request: object | None = None


@runtime_checkable
class AcceptsRequests(Protocol):
    """A page that can be opened with a request."""

    def apply_request(self, request: object) -> None: ...


@dataclass(frozen=True)
class ForRecord:
    """The unit or person page the clerk was on when they switched to a module (F6, Ctrl+n):
    the module starts with that record (the cashier with the unit, keys and parcels filtered
    to it). ``kind`` is ``"unit"`` or ``"person"``."""

    kind: str
    id: int


@runtime_checkable
class AcceptsRecord(Protocol):
    """A page that starts from the record the clerk was looking at."""

    def apply_record(self, record: ForRecord) -> None: ...
