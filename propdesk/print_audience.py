"""Who reads a printed document, and so which phones it may carry (masking by audience).

Every printed document declares its reader (:class:`Reader`):

* ``resident`` — handed or posted to the household: other people's phones never, its own
  masked;
* ``technician`` — the work order: the phone needed to call ahead, in full;
* ``guard`` — the gate's lists: the movers' and contacts' phones, in full;
* ``door`` — posted on a door or in public: no owner name, owner phone or deposit; only the
  phones the public needs (the site manager's, the supervision hotline), in full;
* ``office`` — filed in the office: the printing user's role decides
  (:func:`propdesk.privacy.shown_phone`).

A full phone printed for a technician, a guard, the door or the office is audited
(:func:`propdesk.audit.trail.record_reveal`, in the caller's write transaction): who printed
whose phone on which document.
"""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy.orm import Session

from propdesk.audit.trail import record_reveal
from propdesk.privacy import mask_phone, may_see_personal_data
from propdesk.session_info import actor_or_none


class Reader(StrEnum):
    RESIDENT = "resident"
    TECHNICIAN = "technician"
    GUARD = "guard"
    DOOR = "door"
    OFFICE = "office"


READER_ZH = {
    Reader.RESIDENT: "住户",
    Reader.TECHNICIAN: "维修人员",
    Reader.GUARD: "门岗",
    Reader.DOOR: "张贴",
    Reader.OFFICE: "办公室",
}


def printed_phone(
    session: Session,
    reader: Reader,
    value: str | None,
    *,
    needed: bool,
    table: str,
    record_id: int | str,
    field: str,
    document: str,
    reader_name: str = "",
) -> str:
    """The phone as ``document`` prints it for ``reader``.

    ``needed``: the reader needs this phone to do the job (the resident's phone on a work
    order, a mover's on the guards' list, the site manager's on a door permit). A needed
    phone prints in full for a technician, a guard or the door; an office document shows what
    the printing user may see; a resident's document masks it; the door never carries a
    phone that is not needed. Printing a full phone is audited; ``reader_name`` is the
    reader as this document names it on screen (the evacuation list's 疏散小组 rather than
    the gate's 门岗), else the reader's usual name.
    """
    if not value:
        return ""
    if reader == Reader.RESIDENT:
        return mask_phone(value)
    if reader == Reader.DOOR and not needed:
        return ""
    full = needed if reader != Reader.OFFICE else may_see_personal_data(actor_or_none(session))
    if not full:
        return mask_phone(value)
    who = reader_name or READER_ZH[reader]
    record_reveal(session, table, record_id, [f"{field}（打印：{document}，{who}）"])
    return value
