"""Print the move-in notice, the handover form, the move-out slip and the guards' list."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from propdesk.movein.checklist import get_movein
from propdesk.movein.moveout import get_move_out
from propdesk.movein.moving import appointments_on
from propdesk.registry.services import get_estate
from ui.context import AppContext
from ui.printing.preview import preview_in_background


def print_notice(ctx: AppContext, movein_id: int, parent: QWidget | None = None) -> None:
    from reports.pdf.movein_documents import movein_notice_pdf

    def make() -> bytes:
        info = ctx.read(lambda s: get_movein(s, movein_id))
        estate = ctx.read(lambda s: get_estate(s))
        return movein_notice_pdf(
            info, estate_name=estate.name, company=estate.company, desk_phone=estate.phone
        )

    code = ctx.read(lambda s: get_movein(s, movein_id).unit_code)
    preview_in_background(
        ctx,
        make,
        title=QCoreApplication.translate("MoveInPrinting", "Move-in notice {0}").format(code),
        suggested_name=f"入伙通知书-{code}.pdf",
        parent=parent,
    )


def print_handover(ctx: AppContext, movein_id: int, parent: QWidget | None = None) -> None:
    from reports.pdf.movein_documents import handover_form_pdf

    def make() -> bytes:
        info = ctx.read(lambda s: get_movein(s, movein_id))
        estate = ctx.read(lambda s: get_estate(s))
        return handover_form_pdf(info, estate_name=estate.name, company=estate.company)

    code = ctx.read(lambda s: get_movein(s, movein_id).unit_code)
    preview_in_background(
        ctx,
        make,
        title=QCoreApplication.translate("MoveInPrinting", "Handover form {0}").format(code),
        suggested_name=f"入伙交接单-{code}.pdf",
        parent=parent,
    )


def print_slip(ctx: AppContext, moveout_id: int, parent: QWidget | None = None) -> None:
    from reports.pdf.moveout_slip import moveout_slip_pdf

    info = ctx.read(lambda s: get_move_out(s, moveout_id))

    def make() -> bytes:
        estate = ctx.read(lambda s: get_estate(s))
        return moveout_slip_pdf(info, estate_name=estate.name, company=estate.company)

    preview_in_background(
        ctx,
        make,
        title=QCoreApplication.translate("MoveInPrinting", "Move-out slip {0}").format(
            info.slip_no
        ),
        suggested_name=f"放行条-{info.slip_no}.pdf",
        parent=parent,
    )


def print_guards_list(ctx: AppContext, day: date, parent: QWidget | None = None) -> None:
    from reports.pdf.moving_guards_list import guards_list_pdf

    def make() -> bytes:
        rows = ctx.read(lambda s: appointments_on(s, day))
        estate = ctx.read(lambda s: get_estate(s))
        return guards_list_pdf(day, rows, estate_name=estate.name, company=estate.company)

    preview_in_background(
        ctx,
        make,
        title=QCoreApplication.translate("MoveInPrinting", "Moving list {0}").format(
            f"{day:%Y-%m-%d}"
        ),
        suggested_name=f"搬家预约表-{day:%Y-%m-%d}.pdf",
        parent=parent,
    )
