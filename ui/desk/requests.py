"""Requests that open a desk page with a filter already applied (see ``ui.navigation``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ParcelFilter = Literal["waiting", "long", "all"]


@dataclass(frozen=True)
class ParcelsRequest:
    """Show the parcels tab with ``show`` (waiting / held too long / all) and ``search``."""

    show: ParcelFilter = "waiting"
    search: str = ""
