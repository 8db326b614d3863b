"""Role cases of the audit trail: verifying the hash chain needs VIEW_AUDIT."""

from __future__ import annotations

from propdesk.audit.chain import verify_trail
from propdesk.auth.permissions import Permission
from tests.propdesk.auth.role_matrix import Guarded

CASES: list[Guarded] = [
    Guarded(
        "propdesk.audit.chain.verify_trail",
        Permission.VIEW_AUDIT,
        lambda c: c.run(verify_trail),
    ),
]
