"""Role cases of reporting: editing a notice template needs MANAGE_SETTINGS; writing the
monthly report's summary, problems and plan needs WRITE_REPORT."""

from __future__ import annotations

from sqlalchemy.orm import Session

from propdesk.auth.permissions import Permission
from propdesk.reporting import notes, notices
from tests.propdesk.auth.role_matrix import Call, Guarded


def _a_template(c: Call) -> int:
    def first(s: Session) -> int:
        return notices.list_templates(s)[0].id

    return int(c.as_system(first))


def _save_template(c: Call) -> object:
    return c.run(
        lambda s: notices.save_template(
            s,
            template_id=c.prepared,
            name=f"停水通知{c.tag}",
            title="停水通知",
            body="尊敬的业主：{影响区域}停水。电话：{联系电话}",
        )
    )


def _save_notes(c: Call) -> object:
    # each role writes its own month (2030-01 … 2030-05), so version 0 is always right
    return c.run(
        lambda s: notes.save_month_notes(
            s,
            f"2030-0{c.n + 1}",
            summary=f"总结{c.tag}",
            problems="",
            plan="",
            expected_version=0,
        )
    )


CASES: list[Guarded] = [
    Guarded("propdesk.reporting.notes.save_month_notes", Permission.WRITE_REPORT, _save_notes),
    Guarded(
        "propdesk.reporting.notices.save_template",
        Permission.MANAGE_SETTINGS,
        _save_template,
        _a_template,
    ),
]
