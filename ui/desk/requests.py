"""Requests that open a desk page with a filter already applied (see ``ui.navigation``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ParcelFilter = Literal["waiting", "long", "all"]
DeskForm = Literal["", "parcel", "visitor"]


@dataclass(frozen=True)
class ParcelsRequest:
    """Show the parcels tab with ``show`` (waiting / held too long / all) and ``search``.

    ``form`` ``"parcel"`` (F3) or ``"visitor"`` (F4) opens that form ready to type, with
    ``unit_id`` filled in when the clerk started from a unit page.
    """

    show: ParcelFilter = "waiting"
    search: str = ""
    form: DeskForm = ""
    unit_id: int | None = None


@dataclass(frozen=True)
class ShiftLogRequest:
    """Show the shift log; ``write`` puts the cursor in the new entry (Ctrl+D)."""

    write: bool = False
