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
