"""Print the permit for the door and the workers' passes (data read and PDF built off the UI
thread, then previewed)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget
from sqlalchemy.orm import Session

from propdesk.errors import NotFound
from propdesk.registry.services import get_estate
from propdesk.registry.values import EstateInfo
from propdesk.renovation.queries import get_permit
from propdesk.renovation.values import PermitInfo
from ui.context import AppContext
from ui.renovation.widgets import preview_document

PermitData = tuple[PermitInfo, EstateInfo]


def _load(permit_id: int) -> Callable[[Session], PermitData]:
    def load(session: Session) -> PermitData:
        return get_permit(session, permit_id), get_estate(session)

    return load


def print_permit(ctx: AppContext, permit_id: int, parent: QWidget | None = None) -> None:
    """Preview the 装修许可证 of a permit as posted on the door (no owner, no deposit; the site
    manager's full phone, audited, and the supervision hotline)."""
    from propdesk.renovation.print_data import DoorPermit, door_permit

    def load(session: Session) -> tuple[DoorPermit, EstateInfo]:
        return door_permit(session, permit_id), get_estate(session)

    def build(data: tuple[DoorPermit, EstateInfo]) -> bytes:
        from reports.pdf.renovation_permit import renovation_permit_pdf

        door, estate = data
        return renovation_permit_pdf(
            door.permit,
            estate_name=estate.name,
            company=estate.company,
            site_phone=door.site_phone,
            hotline=door.hotline,
        )

    preview_document(
        ctx,
        load=load,
        build=build,
        title=lambda d: QCoreApplication.translate("Renovation", "Renovation permit {0}").format(
            d[0].permit.permit_no
        ),
        file_name=lambda d: f"装修许可证-{d[0].permit.permit_no}.pdf",
        parent=parent,
        audited=True,
        file_as=lambda d: (d[0].permit.unit_id, "renovation_permit"),
    )


def print_passes(ctx: AppContext, permit_id: int, parent: QWidget | None = None) -> None:
    """Preview the workers' passes of a permit."""

    def build(data: PermitData) -> bytes:
        from reports.pdf.renovation_permit import worker_passes_pdf

        permit, estate = data
        return worker_passes_pdf(permit, estate_name=estate.name, company=estate.company)

    preview_document(
        ctx,
        load=_load(permit_id),
        build=build,
        title=lambda d: QCoreApplication.translate("Renovation", "Workers' passes {0}").format(
            d[0].permit_no
        ),
        file_name=lambda d: f"施工人员出入证-{d[0].permit_no}.pdf",
        parent=parent,
    )


def print_rectification(
    ctx: AppContext, permit_id: int, violation_id: int, parent: QWidget | None = None
) -> None:
    """Preview the 整改通知书 of one violation (to hand to the owner and contractor)."""
    from propdesk import clock
    from propdesk.renovation.values import InspectionInfo, ViolationInfo

    Data = tuple[PermitInfo, InspectionInfo, ViolationInfo, EstateInfo, date]

    def load(session: Session) -> Data:
        info = get_permit(session, permit_id)
        for inspection in info.inspections:
            for violation in inspection.violations:
                if violation.id == violation_id:
                    return info, inspection, violation, get_estate(session), clock.today(session)
        raise NotFound("找不到这条违规记录。")

    def build(data: Data) -> bytes:
        from reports.pdf.rectification_notice import rectification_notice_pdf

        info, inspection, violation, estate, today = data
        return rectification_notice_pdf(
            info,
            inspection,
            violation,
            estate_name=estate.name,
            company=estate.company,
            issued_on=today,
            desk_phone=estate.phone,
        )

    def number(data: Data) -> str:
        from reports.pdf.rectification_notice import rectification_number

        return rectification_number(data[0], data[2])

    preview_document(
        ctx,
        load=load,
        build=build,
        title=lambda d: QCoreApplication.translate("Renovation", "Rectification notice {0}").format(
            number(d)
        ),
        file_name=lambda d: f"整改通知书-{number(d)}.pdf",
        parent=parent,
    )
