"""The attention-flag forms, walked by test_dialog_rules.py."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from propdesk.auth.actor import Actor
from propdesk.care import queries as cq
from propdesk.care import services as care
from propdesk.care.services import FlagSpec
from propdesk.registry import services as reg
from tests.ui.keyboard.world import Factory, World
from ui.context import AppContext


def _new(ctx: AppContext, _w: World) -> QDialog:
    from ui.care.dialogs import FlagDialog

    return FlagDialog(ctx=ctx)


def _new_for_unit(ctx: AppContext, w: World) -> QDialog:
    from ui.care.dialogs import FlagDialog

    return FlagDialog(ctx=ctx, unit_id=w.estate.unit_1502, target_label="3-2-1502")


def _edit(ctx: AppContext, _w: World) -> QDialog:
    from ui.care.dialogs import FlagDialog

    with ctx.db.begin(Actor.system()) as s:
        person = reg.create_person(s, name="赵六")  # a fresh one: factories run again
        row = care.add_person_flag(s, person, FlagSpec("vip", "业委会主任"))
        detail = care.view_flag(s, row.id)
    return FlagDialog(ctx=ctx, detail=detail)


def _end(ctx: AppContext, _w: World) -> QDialog:
    from ui.care.dialogs import EndFlagDialog

    with ctx.db.begin(Actor.system()) as s:
        person = reg.create_person(s, name="钱七")
        row = care.add_person_flag(s, person, FlagSpec("evacuation", "坐轮椅"))
        row = cq.flag_row(s, row.id)
    return EndFlagDialog(ctx=ctx, row=row)


def _kind(ctx: AppContext, _w: World) -> QDialog:
    from ui.care.dialogs import KindDialog

    return KindDialog(ctx=ctx)


DIALOGS: dict[str, Factory] = {
    "FlagDialog": _new,
    "FlagDialog:for a unit": _new_for_unit,
    "FlagDialog:edit": _edit,
    "EndFlagDialog": _end,
    "KindDialog": _kind,
}
