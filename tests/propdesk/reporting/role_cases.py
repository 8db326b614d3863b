"""Role cases of reporting: editing a notice template needs MANAGE_SETTINGS."""

from __future__ import annotations

from sqlalchemy.orm import Session

from propdesk.auth.permissions import Permission
from propdesk.reporting import notices
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
            body="尊敬的业主：{areas}停水。电话：{contact}",
        )
    )


CASES: list[Guarded] = [
    Guarded(
        "propdesk.reporting.notices.save_template",
        Permission.MANAGE_SETTINGS,
        _save_template,
        _a_template,
    ),
]
