"""The fee desk's forms that record money or letters, walked by test_dialog_rules.py:
Enter and Ctrl+Enter press Save/OK only while it is enabled (off while saving), so a waiver,
a void or a contact is recorded once however the keys bounce."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QDialog

from propdesk.auth.actor import Actor, Role
from propdesk.fees.billing_plan import RunInfo
from propdesk.fees.payments import take_payment
from propdesk.reporting.notices import TemplateInfo
from tests.ui.helpers import CLERK
from tests.ui.keyboard.world import Factory, World
from ui.context import AppContext

MANAGER = Actor(user_id=None, username="mgr", display_name="经理", role=Role.MANAGER)


def _contact(ctx: AppContext, w: World) -> QDialog:
    from ui.fees.arrears_page import ContactDialog

    return ContactDialog(ctx=ctx, unit_id=w.estate.unit_1502, unit_code="3-2-1502")


def _waive(ctx: AppContext, w: World) -> QDialog:
    from propdesk.fees.charges import post_one_off_charge
    from ui.fees.arrears_page import WaiveDialog

    with ctx.db.begin(MANAGER) as s:  # two open lines to choose from
        for n, fen in enumerate((8_800, 2_500), start=1):
            post_one_off_charge(
                s,
                unit_id=w.estate.unit_1502,
                amount_fen=fen,
                description="有偿维修",
                source="test",
                source_id=n,
            )
    return WaiveDialog(ctx=replace(ctx, actor=MANAGER), unit_id=w.estate.unit_1502)


def _void(ctx: AppContext, w: World) -> QDialog:
    from ui.fees.void_dialog import VoidReceiptDialog

    with ctx.db.begin(CLERK) as s:
        paid = take_payment(s, unit_id=w.estate.unit_1502, amount_fen=1_000, method="cash")
    return VoidReceiptDialog(ctx=ctx, payment_id=paid.payment_id, receipt_no=paid.receipt_no)


def _reverse_run(ctx: AppContext, _w: World) -> QDialog:
    from ui.fees.billing_runs import ReverseRunDialog

    run = RunInfo(
        id=1,
        period="2026-06",
        started_at_local="2026-06-01 09:00",
        run_by="财务",
        lines_created=0,
        amount_fen=0,
        reversed=False,
        reversed_by="",
        reversal_reason="",
    )
    return ReverseRunDialog(ctx=replace(ctx, actor=MANAGER), run=run)


def _catalogue(ctx: AppContext, w: World) -> QDialog:
    from datetime import date

    from propdesk.fees.models import ItemKind
    from propdesk.fees.standards import add_rate, catalogue, save_item
    from ui.fees.catalogue_dialog import CatalogueChargeDialog

    with ctx.db.begin(MANAGER) as s:  # two entries to choose from (once: opened many times)
        wanted = [] if catalogue(s) else [("门禁卡工本费", 2_000), ("临停", 1_000)]
        for name, fen in wanted:
            item = save_item(s, name=name, kind=ItemKind.ONE_OFF, in_catalogue=True)
            add_rate(s, item_id=item, effective_from=date(2026, 1, 1), rate_fen=fen)
    return CatalogueChargeDialog(ctx=ctx, unit_id=w.estate.unit_1502)


def _template(ctx: AppContext, _w: World) -> QDialog:
    from ui.notices.page import TemplateDialog

    template = TemplateInfo(
        id=1,
        code="water_cut",
        name="停水通知",
        title="停水通知",
        body="因管道维修……",
        fields=(),
        version=1,
    )
    return TemplateDialog(ctx=replace(ctx, actor=MANAGER), template=template)


DIALOGS: dict[str, Factory] = {
    "ContactDialog": _contact,
    "WaiveDialog": _waive,
    "VoidReceiptDialog": _void,
    "ReverseRunDialog": _reverse_run,
    "CatalogueChargeDialog": _catalogue,
    "TemplateDialog": _template,
}
