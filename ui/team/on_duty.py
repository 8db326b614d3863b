"""Who the roster has on duty now and on the next shift: a line for the shift handover."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from propdesk import clock
from propdesk.team.roster import HandoverRoster, OnDuty, handover_roster
from ui.common.naming import named
from ui.context import AppContext


class RosterOnDutyLabel(QLabel):
    """ "Rostered now: … · Next shift: …", loaded on the worker when created."""

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "team_rostered_on_duty")
        self.setWordWrap(True)
        self.rostered: HandoverRoster | None = None
        ctx.query(handover_roster, parent=self, action="roster on duty").success(self._show).run()

    def _names(self, duty: tuple[OnDuty, ...]) -> str:
        if not duty:
            return self.tr("nobody rostered")
        shifts: dict[str, list[str]] = {}
        for d in duty:
            when = f"{d.shift.name} {clock.to_local(d.starts_at):%m-%d %H:%M}–{clock.to_local(d.ends_at):%H:%M}"
            shifts.setdefault(when, []).append(d.name)
        return "；".join(f"{'、'.join(names)}（{when}）" for when, names in shifts.items())

    def _show(self, rostered: HandoverRoster) -> None:
        self.rostered = rostered
        self.setText(
            self.tr("Rostered on duty now: %1\nNext shift: %2")
            .replace("%1", self._names(rostered.on_duty))
            .replace("%2", self._names(rostered.incoming))
        )
