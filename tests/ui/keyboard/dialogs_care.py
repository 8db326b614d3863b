"""The attention-flag and visit forms, walked by test_dialog_rules.py."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import QDialog

from propdesk import clock
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


def _reviewed(ctx: AppContext, _w: World) -> QDialog:
    from ui.care.dialogs import ReviewDialog

    with ctx.db.begin(Actor.system()) as s:
        person = reg.create_person(s, name="孙八")
        row = care.add_person_flag(s, person, FlagSpec("vip", "业委会委员"))
    return ReviewDialog(ctx=ctx, row=row)


def _kind(ctx: AppContext, _w: World) -> QDialog:
    from ui.care.dialogs import KindDialog

    return KindDialog(ctx=ctx)


def _visit(ctx: AppContext, _w: World) -> QDialog:
    from ui.care.visit_dialogs import VisitDialog

    return VisitDialog(ctx=ctx)


def _visit_for_unit(ctx: AppContext, w: World) -> QDialog:
    from ui.care.visit_dialogs import VisitDialog

    return VisitDialog(ctx=ctx, unit_id=w.estate.unit_101, unit_label="3-1-101")


def _visit_for_plan_item(ctx: AppContext, w: World) -> QDialog:
    from propdesk.care.visit_plan import plan_items
    from ui.care.visit_dialogs import VisitDialog

    with ctx.db.begin(Actor.system()) as s:
        if not plan_items(s, unit_id=w.estate.unit_1502):  # factories run more than once
            care.add_household_flag(
                s, w.estate.unit_1502, FlagSpec("elderly_alone", "独居", confirmed=True)
            )
        item = plan_items(s, unit_id=w.estate.unit_1502)[0]
    return VisitDialog(ctx=ctx, item=item)


def _visit_ticket(ctx: AppContext, w: World) -> QDialog:
    from propdesk.care.visits import VisitSpec, record_visit
    from ui.care.visit_dialogs import VisitTicketDialog

    with ctx.db.begin(Actor.system()) as s:
        visit = record_visit(
            s,
            VisitSpec(
                unit_id=w.estate.unit_101,
                visited_at=clock.now(s) - timedelta(hours=2),
                findings="楼道灯不亮",
            ),
        )
    return VisitTicketDialog(ctx=ctx, visit=visit)


def _visit_rules(ctx: AppContext, _w: World) -> QDialog:
    from propdesk.care.visit_plan import rules
    from ui.care.visit_dialogs import VisitRulesDialog

    with ctx.db.begin(Actor.system()) as s:
        current = rules(s)
    return VisitRulesDialog(ctx=ctx, current=current, parent=None)


DIALOGS: dict[str, Factory] = {
    "FlagDialog": _new,
    "FlagDialog:for a unit": _new_for_unit,
    "FlagDialog:edit": _edit,
    "EndFlagDialog": _end,
    "ReviewDialog": _reviewed,
    "KindDialog": _kind,
    "VisitDialog": _visit,
    "VisitDialog:for a unit": _visit_for_unit,
    "VisitDialog:for a plan item": _visit_for_plan_item,
    "VisitTicketDialog": _visit_ticket,
    "VisitRulesDialog": _visit_rules,
}

NOT_WALKED: dict[str, str] = {
    "CareForm": "the base class of the walked care forms (focus on a refused field)",
}
