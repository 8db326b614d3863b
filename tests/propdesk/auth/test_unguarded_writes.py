"""Every service that writes money, permit, user or audit tables checks a permission
(issue 14.10), unless it is on the explicit allow-list below with the reason it needs none.

The scan reads the source (AST), so a new service is caught the day it is written:

* a *service* is a public module-level function under ``propdesk/`` whose first parameter is
  ``session`` (demo builders and migrations are batch work of the system and not services);
* it *writes* a guarded table when its body — or a private helper of its module it calls —
  constructs a model of one of those tables, passes one to ``insert``/``update``/``delete``,
  or assigns an attribute while naming such a model (``session.get(Permit, ...)`` then
  ``permit.status = ...``);
* it is *guarded* when it — or a function it calls, in any module — calls ``require(...)``
  (or another ``require_*`` check).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

#: The models whose tables hold money, permits, users or the audit trail.
GUARDED_MODEL_MODULES = (
    "propdesk/fees/models.py",
    "propdesk/fees/closing_models.py",
    "propdesk/deposits/models.py",
    "propdesk/renovation/models.py",
    "propdesk/auth/models.py",
    "propdesk/audit/models.py",
)

#: Services that write those tables with no permission check, and why that is right.
ALLOWED: dict[str, str] = {
    # logging in and one's own account: the user proves who they are instead
    "propdesk.auth.users.authenticate": "a login counts failures and stamps the login time",
    "propdesk.auth.users.create_first_admin": "only on a database with no user (checked)",
    "propdesk.auth.users.change_password": "one's own password, the old one checked",
    # approvals: the requester must be logged in; the approver's password is the check
    "propdesk.auth.approvals.grant_approval": "the approver's password is the check",
    "propdesk.auth.approvals.redeem_approval": "redeems a token the approver granted",
    "propdesk.auth.policy.mark_demo_database": "demo builder only (system batch work)",
    # the audit trail records what others do; it is written for every actor
    "propdesk.audit.trail.record_bulk": "the audit trail of a guarded bulk statement",
    "propdesk.audit.trail.record_reveal": "the audit row of a guarded reveal",
    # numbering and period helpers, called only inside guarded services' transactions
    "propdesk.deposits.numbers.next_number": "the next deposit/refund number (counter)",
    "propdesk.fees.receipt_numbers.next_receipt_no": "the next receipt number (counter)",
    "propdesk.fees.period_lock.void_day": "stamps the voided day; void_payment checks first",
    # reference data every desk needs, the same rows whoever asks first
    "propdesk.fees.items.ensure_standard_items": "creates the standard fee items once",
    "propdesk.fees.items.item_id": "reads an item id (creating the standard items once)",
    "propdesk.fees.items.list_items": "reads the items (creating the standard items once)",
    "propdesk.renovation.inspections.ensure_violation_types": "the standard violation types",
    "propdesk.renovation.inspections.list_violation_types": "reads them (seeded once)",
    # the contact and notice log: who was told what, not money
    "propdesk.fees.notices.log_notices": "logs printed/sent notices (no amount changes)",
    "propdesk.fees.notices.confirm_delivery": "marks a notice delivered",
    "propdesk.fees.notices.record_contact": "logs a call or visit about arrears",
    "propdesk.fees.notices.settle_promises": "closes payment promises that were kept",
    "propdesk.fees.notices.reminder_letters": "reads letters due (closing kept promises)",
    # a reader the scan cannot tell from a writer (it fills its own value objects)
    "propdesk.reporting.fee_sheet.collection_lines": "read-only: fills its own rows",
}


@dataclass
class _Function:
    name: str
    module: str
    node: ast.FunctionDef
    local_calls: set[str] = field(default_factory=set)  # bare names called
    attr_calls: set[str] = field(default_factory=set)  # x.name(...) called


def _model_names() -> set[str]:
    names: set[str] = set()
    for rel in GUARDED_MODEL_MODULES:
        path = ROOT / rel
        if not path.exists():
            continue
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            bases = (
                {b.id for b in node.bases if isinstance(b, ast.Name)}
                if isinstance(node, ast.ClassDef)
                else set()
            )
            if isinstance(node, ast.ClassDef) and "Base" in bases:  # a table, not a value
                names.add(node.name)
    return names


def _functions() -> dict[str, _Function]:
    out: dict[str, _Function] = {}
    for path in sorted((ROOT / "propdesk").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if "/migrations/" in rel:
            continue
        module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.FunctionDef):
                fn = _Function(node.name, module, node)
                for sub in ast.walk(node):
                    if isinstance(sub, ast.Call):
                        if isinstance(sub.func, ast.Name):
                            fn.local_calls.add(sub.func.id)
                        elif isinstance(sub.func, ast.Attribute):
                            fn.attr_calls.add(sub.func.attr)
                out[f"{module}.{node.name}"] = fn
    return out


def _loaders(functions: dict[str, _Function], models: set[str]) -> set[str]:
    """Qualified names of functions that load and return a guarded row
    (``propdesk.renovation.common.permit``)."""
    return {
        qual
        for qual, fn in functions.items()
        if _names(fn.node) & models
        and any(isinstance(n, ast.Return) and n.value is not None for n in ast.walk(fn.node))
    }


_IMPORTS: dict[str, dict[str, str]] = {}


def _imported(module: str) -> dict[str, str]:
    """``name -> qualified name`` of the functions ``module`` imports with ``from X import``."""
    if module not in _IMPORTS:
        path = ROOT / Path(*module.split(".")).with_suffix(".py")
        found: dict[str, str] = {}
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.ImportFrom) and node.module:
                for alias in node.names:
                    found[alias.asname or alias.name] = f"{node.module}.{alias.name}"
        _IMPORTS[module] = found
    return _IMPORTS[module]


def _calls_a_loader(fn: _Function, loaders: set[str]) -> bool:
    imported = _imported(fn.module)
    return any(
        f"{fn.module}.{name}" in loaders or imported.get(name, "") in loaders
        for name in fn.local_calls
    )


def _writes_directly(fn: _Function, models: set[str], loaders: set[str] = frozenset()) -> bool:
    # the function names a guarded model, or calls a helper that loads one
    if not (_names(fn.node) & models or _calls_a_loader(fn, loaders)):
        return False
    for sub in ast.walk(fn.node):
        if isinstance(sub, ast.Call):
            if isinstance(sub.func, ast.Name) and sub.func.id in models:
                return True  # Model(...): a new row
            if (
                isinstance(sub.func, ast.Name)
                and sub.func.id in ("insert", "update", "delete")
                and sub.args
                and isinstance(sub.args[0], ast.Name)
                and sub.args[0].id in models
            ):
                return True
            if isinstance(sub.func, ast.Attribute) and sub.func.attr in ("delete", "merge"):
                return True
        targets: list[ast.expr] = []
        if isinstance(sub, ast.Assign):
            targets = list(sub.targets)
        elif isinstance(sub, ast.AugAssign | ast.AnnAssign):
            targets = [sub.target]
        if any(isinstance(t, ast.Attribute) for t in targets):
            return True  # row.field = ... in a function that loads such a model
    return False


_PRIVATE: set[str] = set()


def _names(node: ast.AST) -> set[str]:
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}


def _closure(functions: dict[str, _Function], seeds: set[str], *, across_modules: bool) -> set[str]:
    """``seeds`` plus every function that calls one of them (within its module, or by name
    in any module when ``across_modules``)."""
    found = set(seeds)
    while True:
        # across modules only public names: private helpers share names (``_user``)
        bare = {q.rsplit(".", 1)[1] for q in found} - {n for n in _PRIVATE if n}
        bare = {n for n in bare if not n.startswith("_")}
        more = set()
        for qual, fn in functions.items():
            if qual in found:
                continue
            local = {f"{fn.module}.{n}" for n in fn.local_calls} & found
            remote = across_modules and bool((fn.local_calls | fn.attr_calls) & bare)
            if local or remote:
                more.add(qual)
        if not more:
            return found
        found |= more


def unguarded_writers() -> list[str]:
    models = _model_names()
    functions = _functions()
    loaders = _loaders(functions, models)
    checks = {
        q
        for q, fn in functions.items()
        if any(n == "require" or n.startswith("require_") for n in fn.local_calls | fn.attr_calls)
    }
    guarded = _closure(functions, checks, across_modules=True)
    writers = _closure(
        functions,
        {q for q, fn in functions.items() if _writes_directly(fn, models, loaders)},
        across_modules=False,
    )
    out = []
    for qual in sorted(writers - guarded):
        fn = functions[qual]
        params = [a.arg for a in fn.node.args.args]
        if fn.name.startswith("_") or not params or params[0] != "session":
            continue
        if ".demo" in fn.module or fn.module.endswith("demo"):
            continue  # demo builders: system batch work
        if qual in ALLOWED:
            continue
        out.append(qual)
    return out


def test_the_scan_sees_known_writers() -> None:
    """The scan is not blind: the guarded money services are writers it recognises."""
    models = _model_names()
    functions = _functions()
    assert {"Payment", "BillLine", "CreditEntry", "User", "AuditEntry"} <= models
    for qual in (
        "propdesk.fees.credits.add_credit",
        "propdesk.fees.charges.post_one_off_charge",
        "propdesk.renovation.permits.cancel_permit",
    ):
        assert qual in functions, qual
        loaders = _loaders(functions, models)
        writers = _closure(
            functions,
            {q for q, fn in functions.items() if _writes_directly(fn, models, loaders)},
            across_modules=False,
        )
        assert qual in writers, qual
        assert "require" in functions[qual].local_calls, qual  # checked where it writes


def test_every_service_writing_money_permits_users_or_audit_is_guarded() -> None:
    missing = unguarded_writers()
    assert missing == [], (
        "services that write money, permit, user or audit tables without a permission "
        "check: call require(...) in each, make it private, or add it to ALLOWED with the "
        f"reason: {missing}"
    )


def test_the_allow_list_names_real_functions() -> None:
    functions = _functions()
    assert sorted(set(ALLOWED) - set(functions)) == []
