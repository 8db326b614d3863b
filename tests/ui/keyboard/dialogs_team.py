"""The team's forms, walked by test_dialog_rules.py: the manager's comment on a clerk's
month and the shift definitions."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QDialog
from sqlalchemy import select

from propdesk.auth.actor import Actor, Role
from propdesk.auth.models import User
from propdesk.team import roster
from tests.propdesk.team import helpers as h
from tests.ui.keyboard.world import Factory, World
from ui.context import AppContext

MANAGER = Actor(user_id=None, username="mgr", display_name="经理", role=Role.MANAGER)


def _comment(ctx: AppContext, _w: World) -> QDialog:
    from ui.team.dialogs import CommentDialog

    with ctx.db.begin(Actor.system()) as s:
        found = s.scalar(select(User.id).where(User.username == "team_clerk"))
        user_id = found if found is not None else h.add_user(s, "team_clerk", "王前台").user_id
    assert user_id is not None
    return CommentDialog(
        ctx=replace(ctx, actor=MANAGER),
        user_id=user_id,
        period="2026-05",
        clerk_name="王前台",
    )


def _shifts(ctx: AppContext, _w: World) -> QDialog:
    from ui.team.dialogs import ShiftDialog

    with ctx.db.begin(Actor.system()) as s:
        shifts = roster.ensure_default_shifts(s)
    return ShiftDialog(ctx=replace(ctx, actor=MANAGER), shifts=shifts)


DIALOGS: dict[str, Factory] = {
    "CommentDialog": _comment,
    "ShiftDialog": _shifts,
}

NOT_WALKED = {
    "CallDialog": "a read-only card of one call (the assessment's drill-down): no typed input, "
    "Esc or Enter closes",
}
