"""Print the move-in notice, the handover form, the move-out slip and the guards' list.

Each reads its data in one query and builds its PDF as a task, both off the UI thread
(:func:`ui.renovation.widgets.preview_document`), then opens the preview."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget
from sqlalchemy.orm import Session

from propdesk.clock import local_date, local_now
from propdesk.movein.checklist import get_movein
from propdesk.movein.moveout import get_move_out
from propdesk.movein.print_data import guards_list_rows
from propdesk.movein.values import Appointment, MoveInInfo, MoveOutInfo
from propdesk.registry.services import get_estate
from propdesk.registry.values import EstateInfo
from ui.context import AppContext
from ui.renovation.widgets import preview_document


def print_notice(ctx: AppContext, movein_id: int, parent: QWidget | None = None) -> None:
    def load(s: Session) -> tuple[MoveInInfo, EstateInfo]:
        return get_movein(s, movein_id), get_estate(s)

    def build(data: tuple[MoveInInfo, EstateInfo]) -> bytes:
        from reports.pdf.movein_documents import movein_notice_pdf

        info, estate = data
        return movein_notice_pdf(
            info,
            estate_name=estate.name,
            company=estate.company,
            desk_phone=estate.phone,
            issued_on=local_date(local_now()),  # dated the day it is printed
        )

    preview_document(
        ctx,
        load=load,
        build=build,
        title=lambda d: QCoreApplication.translate("MoveInPrinting", "Move-in notice {0}").format(
            d[0].unit_code
        ),
        file_name=lambda d: f"入伙通知书-{d[0].unit_code}.pdf",
        parent=parent,
    )


def print_handover(ctx: AppContext, movein_id: int, parent: QWidget | None = None) -> None:
    def load(s: Session) -> tuple[MoveInInfo, EstateInfo]:
        return get_movein(s, movein_id), get_estate(s)

    def build(data: tuple[MoveInInfo, EstateInfo]) -> bytes:
        from reports.pdf.movein_documents import handover_form_pdf

        info, estate = data
        return handover_form_pdf(info, estate_name=estate.name, company=estate.company)

    preview_document(
        ctx,
        load=load,
        build=build,
        title=lambda d: QCoreApplication.translate("MoveInPrinting", "Handover form {0}").format(
            d[0].unit_code
        ),
        file_name=lambda d: f"入伙交接单-{d[0].unit_code}.pdf",
        parent=parent,
        file_as=lambda d: (d[0].unit_id, "movein_form"),
    )


def print_slip(ctx: AppContext, moveout_id: int, parent: QWidget | None = None) -> None:
    def load(s: Session) -> tuple[MoveOutInfo, EstateInfo]:
        return get_move_out(s, moveout_id), get_estate(s)

    def build(data: tuple[MoveOutInfo, EstateInfo]) -> bytes:
        from reports.pdf.moveout_slip import moveout_slip_pdf

        info, estate = data
        return moveout_slip_pdf(info, estate_name=estate.name, company=estate.company)

    preview_document(
        ctx,
        load=load,
        build=build,
        title=lambda d: QCoreApplication.translate("MoveInPrinting", "Move-out slip {0}").format(
            d[0].slip_no
        ),
        file_name=lambda d: f"放行条-{d[0].slip_no}.pdf",
        parent=parent,
        file_as=lambda d: (d[0].unit_id, "moveout_slip"),
    )


def print_guards_list(ctx: AppContext, day: date, parent: QWidget | None = None) -> None:
    def load(s: Session) -> tuple[list[Appointment], EstateInfo]:
        return guards_list_rows(s, day), get_estate(s)

    def build(data: tuple[list[Appointment], EstateInfo]) -> bytes:
        from reports.pdf.moving_guards_list import guards_list_pdf

        rows, estate = data
        return guards_list_pdf(day, rows, estate_name=estate.name, company=estate.company)

    preview_document(
        ctx,
        load=load,
        build=build,
        title=lambda _d: QCoreApplication.translate("MoveInPrinting", "Moving list {0}").format(
            f"{day:%Y-%m-%d}"
        ),
        file_name=lambda _d: f"搬家预约表-{day:%Y-%m-%d}.pdf",
        parent=parent,
        audited=True,
    )
