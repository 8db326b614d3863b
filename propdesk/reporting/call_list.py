"""The arrears call list (欠费催缴电话清单): every unit in arrears with whom to call.

One row per unit in arrears on the day: what it owes (with the late fee), since when, and
its current contacts — owners first, then tenants and family — with their phones read
through the registry's own service (:func:`propdesk.registry.services.get_unit_dossier`),
which shows a full number only to a role that may see it and a masked one to everyone else
(an office document follows the user's role, :mod:`propdesk.print_audience`); each full
phone exported is audited (who exported whose phone on which list). Blank columns are left
for the caller: 通话结果, 承诺缴费日期, 备注.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.audit.trail import record_reveal
from propdesk.fees.arrears import arrears_list
from propdesk.privacy import may_see_personal_data
from propdesk.registry.services import get_unit_dossier
from propdesk.registry.values import OCCUPANCY_ROLE_ZH, OccupancyRole
from propdesk.reporting.export_values import CallListRow as CallListRow
from propdesk.reporting.unit_order import natural_key
from propdesk.session_info import actor_or_none

#: What the audit says was exported in full.
REVEALED = "phone（导出：欠费催缴电话清单，办公室）"


def _role(code: str) -> str:
    try:
        return OCCUPANCY_ROLE_ZH[OccupancyRole(code)]
    except ValueError:
        return code


def call_list_rows(session: Session, as_of: date | None = None) -> Iterator[CallListRow]:
    """Units in arrears on ``as_of`` (default today), by building, units in natural order."""
    day = clock.day_or_today(session, as_of)
    units = sorted(
        arrears_list(session, as_of=day),
        key=lambda a: (natural_key(a.building_name), natural_key(a.unit_code)),
    )
    full = may_see_personal_data(actor_or_none(session))
    for a in units:
        people = [o for o in get_unit_dossier(session, a.unit_id).current if o.current]
        if full:
            for o in people:
                if o.phone:
                    record_reveal(session, "person", o.person_id, [REVEALED])
        with_phone = [o for o in people if o.phone] or people
        first = with_phone[0] if with_phone else None
        others = "；".join(
            f"{o.person_name}（{_role(o.role)}）{o.phone}".strip()
            for o in people
            if first is None or o.id != first.id
        )
        yield CallListRow(
            building=a.building_name,
            unit_code=a.unit_code,
            contact=first.person_name if first else "",
            role=_role(first.role) if first else "",
            phone=first.phone if first else "",
            others=others,
            owed_fen=a.owed_fen,
            late_fee_fen=a.late_fee_fen,
            oldest_due=a.oldest_due,
            days=(day - a.oldest_due).days,
        )
