"""What another view may ask of the renovation page (``ctx.hub.open(Navigate("renovation", ...))``)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class GlanceRequest:
    """Show the at-a-glance tab: permits expiring or overdue, inspections due, violations."""
