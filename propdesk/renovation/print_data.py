"""Plain data for the door permit (装修许可证) as its reader — anyone passing the door — needs it."""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy.orm import Session

from propdesk.fees.settings import get_fee_settings
from propdesk.print_audience import Reader, printed_phone
from propdesk.registry.services import get_estate
from propdesk.renovation.common import permit
from propdesk.renovation.queries import get_permit
from propdesk.renovation.values import PermitInfo


@dataclass(frozen=True)
class DoorPermit:
    """The permit as posted: no owner name, owner phone or deposit (the PDF leaves them out);
    the site manager's phone in full and the estate's supervision hotline (监督电话)."""

    permit: PermitInfo
    site_phone: str
    hotline: str


def door_permit(session: Session, permit_id: int) -> DoorPermit:
    """The door permit's data; printing the site manager's phone is audited (a write)."""
    info = get_permit(session, permit_id)
    row = permit(session, permit_id)
    site_phone = printed_phone(
        session,
        Reader.DOOR,
        row.contractor_phone,
        needed=True,
        table="renovation_permit",
        record_id=permit_id,
        field="contractor_phone",
        document=f"装修许可证 {info.permit_no}",
    )
    hotline = get_fee_settings(session).supervision_hotline.strip() or get_estate(session).phone
    posted = replace(info, owner_name="", owner_phone="", contractor_phone=site_phone)
    return DoorPermit(posted, site_phone, hotline)
