"""Print the permit for the door and the workers' passes (built off the UI thread)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from propdesk.registry.services import get_estate
from propdesk.renovation.queries import get_permit
from ui.context import AppContext
from ui.printing.preview import preview_in_background


def _estate(ctx: AppContext) -> tuple[str, str]:
    info = ctx.read(lambda s: get_estate(s))
    return info.name, info.company


def print_permit(ctx: AppContext, permit_id: int, parent: QWidget | None = None) -> None:
    """Preview the 装修许可证 of a permit."""
    from reports.pdf.renovation_permit import renovation_permit_pdf

    def make() -> bytes:
        permit = ctx.read(lambda s: get_permit(s, permit_id))
        name, company = _estate(ctx)
        return renovation_permit_pdf(permit, estate_name=name, company=company)

    no = ctx.read(lambda s: get_permit(s, permit_id).permit_no)
    title = QCoreApplication.translate("Renovation", "Renovation permit {0}").format(no)
    preview_in_background(
        ctx, make, title=title, suggested_name=f"装修许可证-{no}.pdf", parent=parent
    )


def print_passes(ctx: AppContext, permit_id: int, parent: QWidget | None = None) -> None:
    """Preview the workers' passes of a permit."""
    from reports.pdf.renovation_permit import worker_passes_pdf

    def make() -> bytes:
        permit = ctx.read(lambda s: get_permit(s, permit_id))
        name, company = _estate(ctx)
        return worker_passes_pdf(permit, estate_name=name, company=company)

    no = ctx.read(lambda s: get_permit(s, permit_id).permit_no)
    title = QCoreApplication.translate("Renovation", "Workers' passes {0}").format(no)
    preview_in_background(
        ctx, make, title=title, suggested_name=f"施工人员出入证-{no}.pdf", parent=parent
    )
