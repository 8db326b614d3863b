"""The archive forms, walked by test_dialog_rules.py."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from propdesk.archive import queries as q
from propdesk.archive import services as svc
from propdesk.archive.values import DocumentRow
from propdesk.auth.actor import Actor
from tests.ui.keyboard.world import Factory, World
from ui.context import AppContext


def _document(ctx: AppContext, w: World) -> DocumentRow:
    with ctx.db.begin(Actor.system()) as s:
        svc.ensure_defaults(s)
        kind = next(k for k in q.list_kinds(s) if k.name == "房屋交接单")
        did = svc.add_document(s, kind_id=kind.id, unit_id=w.estate.unit_1502, cabinet="A1")
        return next(d for d in q.unit_documents(s, w.estate.unit_1502) if d.id == did)


def _add(ctx: AppContext, w: World) -> QDialog:
    from ui.archive.dialogs import AddDocumentDialog

    with ctx.db.begin(Actor.system()) as s:
        svc.ensure_defaults(s)
        kinds = q.list_kinds(s)
        households = q.current_households(s, w.estate.unit_1502)
    return AddDocumentDialog(
        ctx=ctx,
        unit_id=w.estate.unit_1502,
        unit_code="1-1-1502",
        kinds=kinds,
        households=households,
    )


def _location(ctx: AppContext, w: World) -> QDialog:
    from ui.archive.dialogs import LocationDialog

    return LocationDialog(ctx=ctx, document=_document(ctx, w))


def _lend(ctx: AppContext, w: World) -> QDialog:
    from propdesk import clock
    from ui.archive.dialogs import LendDialog

    return LendDialog(ctx=ctx, document=_document(ctx, w), today=clock.today())


def _new_kind(ctx: AppContext, _w: World) -> QDialog:
    from ui.archive.dialogs import KindDialog

    return KindDialog(ctx=ctx)


def _edit_kind(ctx: AppContext, _w: World) -> QDialog:
    from ui.archive.dialogs import KindDialog

    with ctx.db.begin(Actor.system()) as s:
        svc.ensure_defaults(s)
        kind = q.list_kinds(s)[0]
    return KindDialog(ctx=ctx, kind=kind)


DIALOGS: dict[str, Factory] = {
    "KindDialog:new": _new_kind,
    "KindDialog:edit": _edit_kind,
    "AddDocumentDialog": _add,
    "LocationDialog": _location,
    "LendDialog": _lend,
}
