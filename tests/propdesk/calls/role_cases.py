"""Role cases of the call desk: outages need RECORD_OUTAGE, the knowledge base and the
directory MANAGE_KNOWLEDGE."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session

from propdesk.auth.permissions import Permission
from propdesk.calls import directory, kb, outages
from propdesk.calls.kb import KbSpec
from propdesk.calls.outages import OutageSpec
from tests.propdesk.auth.role_matrix import Call, Guarded

START = datetime(2026, 6, 15, 1, 0, tzinfo=UTC)


def _spec(c: Call) -> OutageSpec:
    return OutageSpec(
        "water",
        True,
        START,
        START + timedelta(hours=4),
        f"水箱清洗{c.tag}",
        "",
        building_ids=(c.world.building_id,),
    )


def _an_outage(c: Call) -> int:
    def make(s: Session) -> int:
        return outages.save_outage(s, _spec(c))

    return int(c.as_system(make))


def _an_entry(c: Call) -> int:
    return int(c.as_system(lambda s: kb.save_entry(s, KbSpec(f"问题{c.tag}", "答复"))))


def _a_number(c: Call) -> int:
    return int(
        c.as_system(
            lambda s: directory.save_number(s, name=f"电话{c.tag}", category="other", phone="110")
        )
    )


CASES: list[Guarded] = [
    Guarded(
        "propdesk.calls.outages.save_outage",
        Permission.RECORD_OUTAGE,
        lambda c: c.run(lambda s: outages.save_outage(s, _spec(c))),
    ),
    Guarded(
        "propdesk.calls.outages.close_outage",
        Permission.RECORD_OUTAGE,
        lambda c: c.run(
            lambda s: outages.close_outage(s, c.prepared, actual_end_at=START + timedelta(hours=1))
        ),
        _an_outage,
    ),
    Guarded(
        "propdesk.calls.kb.save_entry",
        Permission.MANAGE_KNOWLEDGE,
        lambda c: c.run(lambda s: kb.save_entry(s, KbSpec(f"新问题{c.tag}", "新答复"))),
    ),
    Guarded(
        "propdesk.calls.kb.retire_entry",
        Permission.MANAGE_KNOWLEDGE,
        lambda c: c.run(lambda s: kb.retire_entry(s, c.prepared)),
        _an_entry,
    ),
    Guarded(
        "propdesk.calls.kb.mark_checked",
        Permission.MANAGE_KNOWLEDGE,
        lambda c: c.run(lambda s: kb.mark_checked(s, c.prepared)),
        _an_entry,
    ),
    Guarded(
        "propdesk.calls.directory.save_number",
        Permission.MANAGE_KNOWLEDGE,
        lambda c: c.run(
            lambda s: directory.save_number(
                s, name=f"新电话{c.tag}", category="police", phone="119"
            )
        ),
    ),
    Guarded(
        "propdesk.calls.directory.delete_number",
        Permission.MANAGE_KNOWLEDGE,
        lambda c: c.run(lambda s: directory.delete_number(s, c.prepared)),
        _a_number,
    ),
]
