"""The service desk's forms walked by the dialog rules beyond those listed in
``test_dialog_rules.py``: closing a complaint (its conclusion and a note)."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import QDialog

from propdesk import clock
from propdesk.auth.actor import Actor
from propdesk.tickets import services as svc
from tests.propdesk.tickets.helpers import category_id
from tests.ui.keyboard.world import Factory, World
from ui.context import AppContext


def _close_complaint(ctx: AppContext, w: World) -> QDialog:
    from ui.tickets.ticket_page import TicketPage

    noise = category_id(ctx.db, "complaint", "noise")
    with ctx.db.begin(Actor.system()) as s:
        start = clock.now(s) - timedelta(days=1)
        tid = svc.create_ticket(
            s,
            svc.Intake(
                kind="complaint",
                category_id=noise,
                description="楼上夜间噪音",
                unit_id=w.estate.unit_1502,
                reporter_name="张三",
            ),
            at=start,
        ).id
        svc.dispatch(s, tid, department="security", at=start + timedelta(minutes=5))
        svc.start(s, tid, at=start + timedelta(minutes=30))
        svc.complete(s, tid, work_done="已协调", at=start + timedelta(hours=2))
        svc.callback(
            s, tid, overall=4, speed=4, attitude=4, fixed=True, at=start + timedelta(hours=3)
        )
    page = TicketPage(ctx=ctx, ticket_id=tid)
    dialog = page.action_dialog("close")
    dialog.setParent(None)
    dialog._page = page  # type: ignore[attr-defined]  # keep the page alive
    return dialog


DIALOGS: dict[str, Factory] = {"CloseComplaintDialog": _close_complaint}
