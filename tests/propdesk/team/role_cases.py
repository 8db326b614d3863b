"""Role cases of the team module: the assessment comment needs WRITE_REPORT (managers), the
shift definitions MANAGE_SETTINGS, the roster APPROVE (supervisors and managers)."""

from __future__ import annotations

from datetime import date, time

from propdesk.auth.permissions import Permission
from propdesk.team import assessment, roster
from tests.propdesk.auth.role_matrix import Call, Guarded


def _a_shift(c: Call) -> int:
    return int(
        c.as_system(
            lambda s: roster.define_shift(
                s,
                code=f"T{c.n}",
                name=f"测试班{c.tag}",
                starts=time(8, 0),
                ends=time(16, 0),
            )
        )
    )


def _an_entry(c: Call) -> int:
    shift = _a_shift(c)
    return int(
        c.as_system(
            lambda s: roster.assign(
                s, user_id=c.world.user_id, day=date(2026, 7, 1 + c.n), shift_id=shift
            )
        )
    )


CASES: list[Guarded] = [
    Guarded(
        "propdesk.team.assessment.comment",
        Permission.WRITE_REPORT,
        lambda c: c.run(
            lambda s: assessment.comment(
                s, user_id=c.world.user_id, period=f"2026-0{1 + c.n}", text="认真负责"
            )
        ),
    ),
    Guarded(
        "propdesk.team.roster.define_shift",
        Permission.MANAGE_SETTINGS,
        lambda c: c.run(
            lambda s: roster.define_shift(
                s,
                code=f"X{c.n}",
                name=f"加班{c.tag}",
                starts=time(18, 0),
                ends=time(22, 0),
            )
        ),
    ),
    Guarded(
        "propdesk.team.roster.ensure_default_shifts",
        Permission.MANAGE_SETTINGS,
        lambda c: c.run(lambda s: roster.ensure_default_shifts(s)),
    ),
    Guarded(
        "propdesk.team.roster.assign",
        Permission.APPROVE,
        lambda c: c.run(
            lambda s: roster.assign(
                s,
                user_id=c.world.user_id,
                day=date(2026, 8, 1 + c.n),
                shift_id=c.prepared,
            )
        ),
        prepare=_a_shift,
    ),
    Guarded(
        "propdesk.team.roster.unassign",
        Permission.APPROVE,
        lambda c: c.run(lambda s: roster.unassign(s, entry_id=c.prepared)),
        prepare=_an_entry,
    ),
    Guarded(
        "propdesk.team.roster.set_day",
        Permission.APPROVE,
        lambda c: c.run(
            lambda s: roster.set_day(
                s, user_id=c.world.user_id, day=date(2026, 9, 1 + c.n), shift_ids=(c.prepared,)
            )
        ),
        prepare=_a_shift,
    ),
]
