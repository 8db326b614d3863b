"""The grant plan of :mod:`propdesk.db.pg_roles`, generated from the models (no server needed)."""

from __future__ import annotations

from propdesk.auth.actor import Role
from propdesk.db import pg_roles
from propdesk.db.model_modules import import_all_models
from propdesk.models_base import Base


def _tables() -> dict[str, list[str]]:
    import_all_models()
    return {t.name: [c.name for c in t.columns] for t in Base.metadata.sorted_tables}


def test_every_column_that_looks_personal_is_classified() -> None:
    """A new phone or ID column must be put in PERSONAL_COLUMNS or NOT_PERSONAL_COLUMNS."""
    unclassified = [
        f"{table}.{column}"
        for table, columns in _tables().items()
        for column in columns
        if any(word in column for word in ("phone", "mobile", "id_number", "id_card"))
        and not column.endswith(("_hmac", "_tail"))  # lookup hashes and kept last digits
        and column not in pg_roles.PERSONAL_COLUMNS.get(table, ())
        and column not in pg_roles.NOT_PERSONAL_COLUMNS.get(table, ())
    ]
    assert unclassified == []


def test_listed_personal_columns_exist() -> None:
    tables = _tables()
    for table, columns in pg_roles.PERSONAL_COLUMNS.items():
        assert set(columns) <= set(tables.get(table, columns)), table


def test_every_table_is_granted_to_every_role() -> None:
    plan = pg_roles.grant_plan()
    for table in _tables():
        assert {g.role for g in plan if g.table == table} == set(Role), table


def test_clerk_and_finance_never_select_personal_columns() -> None:
    for grant in pg_roles.grant_plan():
        personal = pg_roles.PERSONAL_COLUMNS.get(grant.table, frozenset())
        if "SELECT" in grant.privileges and grant.role in (Role.CLERK, Role.FINANCE) and personal:
            assert grant.columns, grant
            assert not personal & set(grant.columns), grant


def test_no_app_role_may_change_audit_rows() -> None:
    audit = [g for g in pg_roles.grant_plan() if g.table == "audit_log"]
    assert audit
    assert all(set(g.privileges) <= {"INSERT", "SELECT"} for g in audit)


def test_only_admin_may_change_roles_in_app_user() -> None:
    for grant in pg_roles.grant_plan():
        if grant.table == "app_user" and grant.role is not Role.ADMIN:
            assert "INSERT" not in grant.privileges
            assert "DELETE" not in grant.privileges
            if "UPDATE" in grant.privileges:
                assert "role" not in grant.columns
                assert "active" not in grant.columns


def test_scram_verifier_matches_postgresql_format() -> None:
    verifier = pg_roles.scram_verifier("secret", salt=b"0123456789abcdef")
    head, keys = verifier.split("$", 1)[1].split("$")
    assert verifier.startswith("SCRAM-SHA-256$4096:")
    assert head.endswith("==")
    assert len(keys.split(":")) == 2


def test_sql_literals_are_quoted() -> None:
    assert pg_roles._lit("o'brien") == "'o''brien'"
