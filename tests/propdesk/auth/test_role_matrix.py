"""Every guarded service action, called directly as each role: allowed or refused.

The cases live in ``role_matrix.py``, ``role_cases_<feature>.py`` beside it and
``tests/propdesk/<feature>/role_cases.py``.
``test_every_guarded_service_is_in_the_matrix`` reads the source tree and fails when a
public service function checks a permission but has no case here.
"""

from __future__ import annotations

import ast
import importlib
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import func, select

from propdesk.audit.models import AuditEntry
from propdesk.auth.actor import Actor, Role
from propdesk.auth.permissions import ROLE_PERMISSIONS
from propdesk.db.engine import Database
from propdesk.errors import NotAllowed
from tests.propdesk.auth.role_matrix import CASES, Call, Guarded, build_world

ROOT = Path(__file__).resolve().parents[3]


def _all_cases() -> list[Guarded]:
    cases = list(CASES)
    here = ROOT / "tests" / "propdesk"
    paths = sorted(here.glob("auth/role_cases_*.py")) + sorted(here.glob("*/role_cases.py"))
    for path in paths:
        module = importlib.import_module(".".join(path.relative_to(ROOT).with_suffix("").parts))
        cases += list(module.CASES)
    return cases


ALL_CASES = _all_cases()


def _audit_rows(db: Database) -> int:
    """Audit rows of changes (a refused attempt adds its own ``refused`` row, nothing else)."""
    with db.engine.connect() as conn:
        stmt = select(func.count(AuditEntry.id)).where(AuditEntry.action != "refused")
        return int(conn.execute(stmt).scalar_one())


@pytest.mark.parametrize("case", ALL_CASES, ids=[c.name.rsplit(".", 2)[-1] for c in ALL_CASES])
def test_role_allowed_or_refused(case: Guarded, sqlite_db: Database, tmp_path: Path) -> None:
    world = build_world(sqlite_db, tmp_path)
    for n, role in enumerate(Role):
        actor = Actor(user_id=None, username=f"u_{role.value}", display_name=role.value, role=role)
        call = Call(world, actor, f"{role.value}", n)
        if case.prepare is not None:
            call = replace(call, prepared=case.prepare(call))
        if case.allowed_for(ROLE_PERMISSIONS[role]):
            case.act(call)
        else:
            before = _audit_rows(sqlite_db)
            with pytest.raises(NotAllowed):
                case.act(call)
            assert _audit_rows(sqlite_db) == before, f"{role} was refused but something was written"


def test_refused_without_login(sqlite_db: Database, tmp_path: Path) -> None:
    """A session nobody logged into (no actor) is refused by every guarded action."""
    world = build_world(sqlite_db, tmp_path)
    ran: list[str] = []
    for case in ALL_CASES:
        call = Call(world, None, "nobody", 9)
        if case.prepare is not None:
            call = replace(call, prepared=case.prepare(call))
        try:
            case.act(call)
        except NotAllowed:
            continue
        ran.append(case.name)
    assert ran == [], f"guarded services that ran without a logged-in user: {ran}"


def _guarded_functions() -> set[str]:
    """Public functions under propdesk/ that call ``require`` (directly or via a helper)."""
    found: set[str] = set()
    for path in sorted((ROOT / "propdesk").rglob("*.py")):
        module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        calls: dict[str, set[str]] = {}
        for node in tree.body:
            if isinstance(node, ast.FunctionDef):
                calls[node.name] = {
                    sub.func.id
                    for sub in ast.walk(node)
                    if isinstance(sub, ast.Call) and isinstance(sub.func, ast.Name)
                }
        guarded = {name for name, called in calls.items() if "require" in called}
        grew = True
        while grew:
            more = {name for name, called in calls.items() if called & guarded} - guarded
            guarded |= more
            grew = bool(more)
        found |= {f"{module}.{name}" for name in guarded if not name.startswith("_")}
    return found - {"propdesk.auth.permissions.require"}


def test_every_guarded_service_is_in_the_matrix() -> None:
    covered = {c.name for c in ALL_CASES}
    missing = sorted(_guarded_functions() - covered)
    assert missing == [], (
        "guarded services without a role case; add a Guarded(...) for each to "
        f"tests/propdesk/<feature>/role_cases.py: {missing}"
    )
