"""What another view may ask of the keys page (``ctx.hub.open(Navigate("keys", ...))``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

KeyFilter = Literal["custody", "out", "overdue", "all"]


@dataclass(frozen=True)
class KeysRequest:
    """Show the register filtered: ``show`` one of the page's filters, ``search`` its text.

    The dashboard's "keys lent late" tile asks for ``KeysRequest(show="overdue")``.
    """

    show: KeyFilter = "overdue"
    search: str = ""


OVERDUE_KEYS = KeysRequest(show="overdue")
