"""PostgreSQL enforces PropDesk's roles itself (issue 14.2).

On a shared server every staff member connects with their own login role, named like their
PropDesk username (lower case). The login is a member of exactly one *group role* per app
role — ``<database>_clerk``, ``_supervisor``, ``_finance``, ``_manager``, ``_admin`` — and the
group carries the table and column grants. The owner role (the one that runs the
migrations and :func:`install`) owns every table; group roles own nothing.

What the server itself refuses, whatever a desk or a direct ``psql`` session sends:

- **personal data**: roles without ``VIEW_FULL_ID`` (clerk, finance) may not select the
  personal columns listed in :data:`PERSONAL_COLUMNS`. Their logins' ``search_path`` starts
  with the schema ``<database>_masked``, which holds one view per such table, with the same
  name and columns: a plain text column shows only its last four characters, an encrypted
  one (:mod:`propdesk.pii`) nothing; ``INSTEAD OF`` triggers write through to the table, so
  the app works unchanged (a masked value written back unchanged keeps the real one).
- **users**: ``app_user`` is readable by all (login needs it); only the admin group inserts,
  deletes or changes role, name or active flag; every other role may update only its own row
  and only the login bookkeeping columns (row-level security + column grants).
- **audit**: ``audit_log`` gets ``INSERT`` only (and its ``id``, for ``RETURNING``; all
  columns for roles holding ``VIEW_AUDIT``);
  no app role may update, delete or truncate it. Audit triggers are owned by the owner role.
- **bills**: clerk and supervisor may update only ``paid_fen``, ``waived_fen`` and ``settled``
  of a bill line, and a deferred constraint trigger checks at commit that these equal the
  line's recorded allocations and waivers: a bill line changes only as the app's own
  payment, credit, discount and void functions change it.

Everything else is granted to every group (the services check the finer permissions).
The grant list is generated from the models each time the owner opens the database
(:func:`grant_plan`), so a new table is covered after the migration that adds it.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sqlalchemy import Connection, Table, text
from sqlalchemy.orm import Session
from sqlalchemy.types import TypeDecorator

from propdesk import clock
from propdesk.auth.actor import Role
from propdesk.auth.permissions import ROLE_PERMISSIONS, Permission
from propdesk.errors import ValidationError

#: Personal columns, by table: read in full only by roles holding ``VIEW_FULL_ID``.
#: ``tests/propdesk/db/test_pg_roles_plan.py`` fails when a model column that looks personal
#: (phone, ID number) is in neither this list nor :data:`NOT_PERSONAL_COLUMNS`.
PERSONAL_COLUMNS: Mapping[str, frozenset[str]] = {
    "person": frozenset({"phone", "phone2", "id_number", "emergency_phone"}),
    "ticket": frozenset({"reporter_phone"}),
    "desk_parcel": frozenset({"recipient_phone"}),
    "desk_visitor": frozenset({"phone"}),
    "key_deposit": frozenset({"phone"}),
    "key_loan": frozenset({"borrower_phone"}),
    "moving_appointment": frozenset({"contact_phone"}),
    "renovation_permit": frozenset({"owner_phone", "contractor_phone"}),
    "renovation_worker": frozenset({"phone"}),
    "call_record": frozenset({"number"}),  # the caller's number
    "household_contact": frozenset({"phone"}),  # emergency contacts
    "care_flag": frozenset({"reason_enc"}),  # attention flags: why (encrypted)
    "care_visit": frozenset({"findings_enc"}),  # household visits: findings (encrypted)
    "survey_answer": frozenset({"text_enc"}),  # survey comments (encrypted)
    "survey_recheck_answer": frozenset({"text_enc"}),
}
#: Columns that look personal and are not: the estate office's and staff's work phones.
NOT_PERSONAL_COLUMNS: Mapping[str, frozenset[str]] = {
    "estate": frozenset({"phone"}),
    "ticket_staff": frozenset({"phone"}),
    "phone_directory": frozenset({"phone"}),  # utilities, police, contractors
    # how many households a survey draw left out for having no phone: a count, not a number
    "survey_campaign": frozenset({"draw_no_phone"}),
}
#: Bill line columns a clerk's or supervisor's payment, credit, discount or void changes.
BILL_LINE_SETTLEMENT_COLUMNS = ("paid_fen", "waived_fen", "settled")
#: ``app_user`` columns every role may update in its own row (login bookkeeping, own password);
#: those the model has are granted.
APP_USER_SELF_COLUMNS = (
    "password_hash",
    "must_change_password",
    "failed_attempts",
    "locked_until",
    "last_login_at",
    "version",
    "updated_at",
)
_WRITE = ("SELECT", "INSERT", "UPDATE", "DELETE")
#: ``VALID UNTIL`` of a locked login: in the past, so the server accepts no password.
LOCKED_UNTIL = "1970-01-01 00:00:00+00"
_LOGIN = re.compile(r"^[a-z0-9_.\-]{1,63}$")


@dataclass(frozen=True)
class RoleNames:
    """The names of one database's roles: ``<database>_<role>`` and the masked schema."""

    database: str

    @property
    def prefix(self) -> str:
        return f"{self.database}_"

    def group(self, role: Role) -> str:
        return f"{self.prefix}{role.value}"

    @property
    def groups(self) -> tuple[str, ...]:
        return tuple(self.group(r) for r in Role)

    @property
    def masked_schema(self) -> str:
        return f"{self.prefix}masked"

    @staticmethod
    def login(username: str) -> str:
        """A user's login role: the username in lower case (usernames are ``[A-Za-z0-9_.-]``)."""
        return username.strip().lower()


@dataclass(frozen=True)
class Grant:
    """One ``GRANT privileges [(columns)] ON table TO role``."""

    role: Role
    table: str
    privileges: tuple[str, ...]
    columns: tuple[str, ...] = ()


def sees_personal_data(role: Role) -> bool:
    return Permission.VIEW_FULL_ID in ROLE_PERMISSIONS[role]


def _tables() -> list[Table]:
    from propdesk.db.model_modules import import_all_models
    from propdesk.models_base import Base

    import_all_models()
    return list(Base.metadata.sorted_tables)


def grant_plan(tables: Iterable[Table] | None = None) -> list[Grant]:
    """Every table and column grant of every group role, generated from the models."""
    plan: list[Grant] = []
    for table in tables if tables is not None else _tables():
        columns = tuple(c.name for c in table.columns)
        personal = PERSONAL_COLUMNS.get(table.name, frozenset())
        for role in Role:
            plan.extend(_grants_for(role, table.name, columns, personal))
    return plan


def _grants_for(
    role: Role, table: str, columns: tuple[str, ...], personal: frozenset[str]
) -> list[Grant]:
    perms = ROLE_PERMISSIONS[role]
    if table == "app_user":
        if Permission.MANAGE_USERS in perms:
            return [Grant(role, table, _WRITE)]
        return [
            Grant(role, table, ("SELECT",)),
            Grant(
                role, table, ("UPDATE",), tuple(c for c in APP_USER_SELF_COLUMNS if c in columns)
            ),
        ]
    if table == "audit_log":
        if Permission.VIEW_AUDIT in perms:
            return [Grant(role, table, ("INSERT", "SELECT"))]
        # the ORM's INSERT ... RETURNING id needs to read the new row's id, nothing more
        return [Grant(role, table, ("INSERT",)), Grant(role, table, ("SELECT",), ("id",))]
    if table == "bill_line" and Permission.RUN_BILLING not in perms:
        return [
            Grant(role, table, ("SELECT",)),
            Grant(role, table, ("UPDATE",), BILL_LINE_SETTLEMENT_COLUMNS),
        ]
    if personal and not sees_personal_data(role):
        visible = tuple(c for c in columns if c not in personal)
        return [
            Grant(role, table, ("SELECT",), visible),
            Grant(role, table, ("INSERT", "UPDATE", "DELETE")),
        ]
    return [Grant(role, table, _WRITE)]


#: Raise when the SQL that :func:`install` generates changes, so owners re-apply it.
INSTALL_REVISION = 2


def plan_digest() -> str:
    """A short fingerprint of what :func:`install` would apply (grants, personal columns,
    its own SQL revision): the owner's start re-applies the roles when it differs from the
    one recorded in the database."""
    parts = [str(INSTALL_REVISION)]
    parts += sorted(f"{k}:{sorted(v)}" for k, v in PERSONAL_COLUMNS.items())
    parts += sorted(repr(g) for g in grant_plan())
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:12]


# --- SQL helpers -------------------------------------------------------------------------


def _q(conn: Connection, name: str) -> str:
    return conn.dialect.identifier_preparer.quote_identifier(name)


def _lit(value: str) -> str:
    """A SQL string literal (for DDL, where no bind parameter is allowed)."""
    return "'" + value.replace("'", "''") + "'"


def _exec(conn: Connection, sql: str) -> None:
    """Run generated DDL (names quoted by the dialect); ``%`` is doubled for the driver."""
    conn.exec_driver_sql(sql.replace("%", "%%"))


def is_postgres(conn: Connection) -> bool:
    return conn.dialect.name == "postgresql"


def role_names(conn: Connection) -> RoleNames:
    return RoleNames(str(conn.execute(text("SELECT current_database()")).scalar_one()))


def _role_exists(conn: Connection, name: str) -> bool:
    found = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name})
    return found.scalar() is not None


def enforced(conn: Connection) -> bool:
    """True on a PostgreSQL database whose group roles :func:`install` created."""
    if not is_postgres(conn):
        return False
    return _role_exists(conn, role_names(conn).group(Role.ADMIN))


# --- install (run by the owner role) -----------------------------------------------------


def install(conn: Connection, tables: Iterable[Table] | None = None) -> None:
    """Create the group roles and (re)apply every grant, view and check. Idempotent.

    Runs as the owner role (it must own the tables and hold ``CREATEROLE``), in the
    caller's transaction; :func:`propdesk.db.server.open_server` calls it after migrating.
    """
    names = role_names(conn)
    table_list = list(tables if tables is not None else _tables())
    for role in Role:
        group = names.group(role)
        if not _role_exists(conn, group):
            _exec(conn, f"CREATE ROLE {_q(conn, group)} NOLOGIN")
    groups = ", ".join(_q(conn, g) for g in names.groups)
    db = _q(conn, names.database)
    _exec(conn, f"REVOKE ALL ON DATABASE {db} FROM PUBLIC")
    _exec(conn, f"GRANT CONNECT, TEMPORARY ON DATABASE {db} TO {groups}")
    _exec(conn, "REVOKE CREATE ON SCHEMA public FROM PUBLIC")
    _exec(conn, f"GRANT USAGE ON SCHEMA public TO {groups}")
    _exec(conn, f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC, {groups}")
    _exec(conn, f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM PUBLIC, {groups}")
    for grant in grant_plan(table_list):
        cols = f" ({', '.join(_q(conn, c) for c in grant.columns)})" if grant.columns else ""
        privs = ", ".join(f"{p}{cols}" for p in grant.privileges)
        _exec(
            conn,
            f"GRANT {privs} ON TABLE {_q(conn, grant.table)} TO {_q(conn, names.group(grant.role))}",
        )
    _exec(conn, f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {groups}")
    _exec(conn, f"GRANT SELECT ON TABLE alembic_version TO {groups}")
    _install_app_user_policies(conn, names)
    _install_bill_line_check(conn, names)
    _install_survey_dial(conn, names)
    _install_masked_views(conn, names, table_list)
    if int(conn.execute(text("SHOW server_version_num")).scalar_one()) >= 160000:
        # PostgreSQL 16 needs ADMIN OPTION to hand out a group (15 lets CREATEROLE do it);
        # without INHERIT the admin group gains no privileges from it.
        admin = _q(conn, names.group(Role.ADMIN))
        for role in Role:
            if role is not Role.ADMIN:
                group = _q(conn, names.group(role))
                _exec(conn, f"GRANT {group} TO {admin} WITH ADMIN OPTION, INHERIT FALSE")


def _install_app_user_policies(conn: Connection, names: RoleNames) -> None:
    admin = _q(conn, names.group(Role.ADMIN))
    others = ", ".join(_q(conn, names.group(r)) for r in Role if r is not Role.ADMIN)
    _exec(conn, "ALTER TABLE app_user ENABLE ROW LEVEL SECURITY")
    for policy in ("pd_read", "pd_admin", "pd_self"):
        _exec(conn, f"DROP POLICY IF EXISTS {policy} ON app_user")
    _exec(conn, "CREATE POLICY pd_read ON app_user FOR SELECT USING (true)")
    _exec(conn, f"CREATE POLICY pd_admin ON app_user FOR ALL TO {admin} USING (true)")
    _exec(
        conn,
        f"CREATE POLICY pd_self ON app_user FOR UPDATE TO {others} "
        "USING (lower(username) = current_user) WITH CHECK (lower(username) = current_user)",
    )


def _install_bill_line_check(conn: Connection, names: RoleNames) -> None:
    checked = ", ".join(
        _lit(names.group(r)) for r in Role if Permission.RUN_BILLING not in ROLE_PERMISSIONS[r]
    )
    _exec(
        conn,
        f"""
CREATE OR REPLACE FUNCTION pd_check_bill_line() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $fn$
DECLARE
    line public.bill_line;
    paid bigint;
    waived bigint;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM unnest(ARRAY[{checked}]) AS g(name)
                   WHERE pg_has_role(current_user, g.name, 'USAGE')) THEN
        RETURN NULL;
    END IF;
    SELECT * INTO line FROM public.bill_line WHERE id = NEW.id;
    SELECT coalesce(sum(amount_fen) FILTER (WHERE kind IN ('payment', 'credit')), 0),
           coalesce(sum(amount_fen) FILTER (WHERE kind = 'discount'), 0)
      INTO paid, waived
      FROM public.fee_allocation WHERE bill_line_id = NEW.id AND NOT reversed;
    waived := waived + coalesce(
        (SELECT sum(amount_fen) FROM public.fee_waiver WHERE bill_line_id = NEW.id), 0);
    IF line.paid_fen <> paid OR line.waived_fen <> waived
       OR line.settled <> (line.paid_fen + line.waived_fen = line.amount_fen) THEN
        RAISE EXCEPTION 'bill line % changed outside a payment, credit, discount or void', NEW.id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NULL;
END
$fn$""",
    )
    _exec(conn, "DROP TRIGGER IF EXISTS pd_check_bill_line ON bill_line")
    _exec(
        conn,
        "CREATE CONSTRAINT TRIGGER pd_check_bill_line AFTER UPDATE ON bill_line "
        "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION pd_check_bill_line()",
    )


def _install_survey_dial(conn: Connection, names: RoleNames) -> None:
    """``pd_survey_phone(sample)``: the stored phone of a household waiting in an open
    satisfaction survey's call queue, and of no one else. A clerk's login cannot read
    ``person.phone``, yet clerks make the survey calls: this one door opens for exactly the
    households they must dial (the app decrypts the value and audits the reveal,
    :func:`propdesk.surveys.services.dial_number`). PL/pgSQL, so the body is checked when it
    runs, not when it is created."""
    callers = ", ".join(
        _q(conn, names.group(r)) for r in Role if Permission.EDIT_REGISTRY in ROLE_PERMISSIONS[r]
    )
    _exec(
        conn,
        """
CREATE OR REPLACE FUNCTION pd_survey_phone(sample integer) RETURNS text
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $fn$
BEGIN
    RETURN (SELECT p.phone
              FROM public.survey_sample s
              JOIN public.survey_campaign c ON c.id = s.campaign_id
              JOIN public.person p ON p.id = s.person_id
             WHERE s.id = sample
               AND c.status = 'open'
               AND s.status IN ('pending', 'no_answer', 'callback'));
END
$fn$""",
    )
    _exec(conn, "REVOKE ALL ON FUNCTION pd_survey_phone(integer) FROM PUBLIC")
    if callers:
        _exec(conn, f"GRANT EXECUTE ON FUNCTION pd_survey_phone(integer) TO {callers}")


def _install_masked_views(conn: Connection, names: RoleNames, tables: list[Table]) -> None:
    schema = _q(conn, names.masked_schema)
    _exec(conn, f"DROP SCHEMA IF EXISTS {schema} CASCADE")
    _exec(conn, f"CREATE SCHEMA {schema}")
    blind = [names.group(r) for r in Role if not sees_personal_data(r)]
    blind_list = ", ".join(_q(conn, g) for g in blind)
    _exec(conn, f"GRANT USAGE ON SCHEMA {schema} TO {blind_list}")
    _exec(
        conn,
        f"CREATE FUNCTION {schema}.mask(value text) RETURNS text LANGUAGE sql IMMUTABLE AS "
        "$$ SELECT CASE WHEN value IS NULL OR length(value) <= 4 THEN value "
        "ELSE repeat('*', length(value) - 4) || right(value, 4) END $$",
    )
    for table in tables:
        personal = PERSONAL_COLUMNS.get(table.name)
        if personal:
            _masked_view(conn, schema, table, personal, blind_list)


def _masked_view(
    conn: Connection, schema: str, table: Table, personal: frozenset[str], blind: str
) -> None:
    name = table.name
    base = f"public.{_q(conn, name)}"
    view = f"{schema}.{_q(conn, name)}"
    cols = [c.name for c in table.columns]
    pk = [c.name for c in table.primary_key.columns]
    shown = ", ".join(
        _masked_expr(conn, schema, table, c) if c in personal else _q(conn, c) for c in cols
    )
    _exec(conn, f"CREATE VIEW {view} AS SELECT {shown} FROM {base}")
    defaults = conn.execute(
        text(
            "SELECT a.attname, pg_get_expr(d.adbin, d.adrelid) FROM pg_attrdef d "
            "JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum "
            "WHERE d.adrelid = CAST(:t AS regclass)"
        ),
        {"t": f"public.{name}"},
    ).all()
    for column, expr in defaults:
        _exec(conn, f"ALTER VIEW {view} ALTER COLUMN {_q(conn, column)} SET DEFAULT {expr}")
    where = " AND ".join(f"{_q(conn, c)} = OLD.{_q(conn, c)}" for c in pk)
    plain = [c for c in cols if c not in personal]
    insert_cols = ", ".join(_q(conn, c) for c in cols)
    insert_vals = ", ".join(f"NEW.{_q(conn, c)}" for c in cols)
    returning = ", ".join(_q(conn, c) for c in pk)
    into = ", ".join(f"NEW.{_q(conn, c)}" for c in pk)
    sets = ", ".join(f"{_q(conn, c)} = NEW.{_q(conn, c)}" for c in plain)
    personal_updates = "\n".join(
        f"    IF NEW.{_q(conn, c)} IS DISTINCT FROM OLD.{_q(conn, c)} THEN "
        f"UPDATE {base} SET {_q(conn, c)} = NEW.{_q(conn, c)} WHERE {where}; END IF;"
        for c in sorted(personal)
        if c in cols
    )
    fn = f"{schema}.{_q(conn, 'write_' + name)}"
    _exec(
        conn,
        f"""
CREATE FUNCTION {fn}() RETURNS trigger LANGUAGE plpgsql
SET search_path = pg_catalog, public AS $fn$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO {base} ({insert_cols}) VALUES ({insert_vals}) RETURNING {returning} INTO {into};
        RETURN NEW;
    ELSIF TG_OP = 'UPDATE' THEN
        UPDATE {base} SET {sets} WHERE {where};
{personal_updates}
        RETURN NEW;
    END IF;
    DELETE FROM {base} WHERE {where};
    RETURN OLD;
END
$fn$""",
    )
    _exec(
        conn,
        f"CREATE TRIGGER write_through INSTEAD OF INSERT OR UPDATE OR DELETE ON {view} "
        f"FOR EACH ROW EXECUTE FUNCTION {fn}()",
    )
    _exec(conn, f"GRANT SELECT, INSERT, UPDATE, DELETE ON {view} TO {blind}")


def _masked_expr(conn: Connection, schema: str, table: Table, column: str) -> str:
    """What a role without ``VIEW_FULL_ID`` reads instead of a personal column.

    A plain text column shows its last four characters. A column whose model type converts
    values in Python (``propdesk.pii``'s encrypted type) shows nothing — ``NULL`` or ``''``,
    which that type passes through — since a masked ciphertext could not be decrypted; the
    app shows such a value from its kept last digits.
    """
    col = table.columns[column]
    sql_type = _sql_type(conn, table.name, column)
    name = _q(conn, column)
    if isinstance(col.type, TypeDecorator):
        blank = "NULL" if col.nullable else "''"
        return f"CASE WHEN {name} IS NULL THEN NULL ELSE {blank} END::{sql_type} AS {name}"
    return f"{schema}.mask({name}::text)::{sql_type} AS {name}"


def _sql_type(conn: Connection, table: str, column: str) -> str:
    return str(
        conn.execute(
            text(
                "SELECT format_type(atttypid, atttypmod) FROM pg_attribute "
                "WHERE attrelid = CAST(:t AS regclass) AND attname = :c"
            ),
            {"t": f"public.{table}", "c": column},
        ).scalar_one()
    )


# --- staff logins ------------------------------------------------------------------------


def scram_verifier(password: str, *, salt: bytes | None = None, iterations: int = 4096) -> str:
    """The SCRAM-SHA-256 verifier PostgreSQL stores, computed here so the clear password
    never travels in SQL text (nor lands in the server's statement log)."""
    salt = salt if salt is not None else os.urandom(16)
    salted = hashlib.pbkdf2_hmac(
        "sha256", unicodedata.normalize("NFKC", password).encode("utf-8"), salt, iterations
    )
    client_key = hmac.new(salted, b"Client Key", "sha256").digest()
    stored_key = hashlib.sha256(client_key).digest()
    server_key = hmac.new(salted, b"Server Key", "sha256").digest()

    def b64(raw: bytes) -> str:
        return base64.b64encode(raw).decode("ascii")

    return f"SCRAM-SHA-256${iterations}:{b64(salt)}${b64(stored_key)}:{b64(server_key)}"


def _password_clause(password: str | None) -> str:
    if password is None:
        return ""
    verifier = scram_verifier(password)
    assert "'" not in verifier
    return f" PASSWORD '{verifier}'"


def sync_user(session: Session, user_id: int, *, password: str | None = None) -> None:
    """Make the user's login role match ``app_user`` (an enforced PostgreSQL database only).

    Called by the user services after they changed a user in this transaction: creates the
    login (with ``password``) or updates it, puts it in exactly the group of the user's role,
    sets its ``search_path`` (masked views first for roles that may not see personal data)
    and takes ``LOGIN`` away from a deactivated user. Role DDL is transactional: a rolled-back
    action leaves the roles as they were. Nothing happens on SQLite or on a server whose
    roles were never installed.
    """
    conn = session.connection()
    if not enforced(conn):
        return
    from propdesk.auth.models import User

    user = session.get(User, user_id)
    if user is None:
        return
    names = role_names(conn)
    login = RoleNames.login(user.username)
    if not _LOGIN.match(login) or login.startswith("pg_"):
        raise ValidationError("username", "这个用户名不能用作数据库账号（不能以 pg_ 开头）。")
    q = _q(conn, login)
    role = Role(user.role)
    if not _role_exists(conn, login):
        if password is None:
            # A user from before the roles were installed has no login yet (nothing to change
            # or disable); the administrator's next password reset creates it.
            return
        _exec(conn, f"CREATE ROLE {q} LOGIN{_password_clause(password)}")
    else:
        _refuse_foreign_role(conn, names, login)
        if password is not None:
            _exec(conn, f"ALTER ROLE {q}{_password_clause(password)}")
    for other in Role:
        if other is not role:
            _exec(conn, f"REVOKE {_q(conn, names.group(other))} FROM {q}")
    _exec(conn, f"GRANT {_q(conn, names.group(role))} TO {q}")
    attrs = " CREATEROLE" if role is Role.ADMIN else " NOCREATEROLE"
    _exec(conn, f"ALTER ROLE {q} {'LOGIN' if user.active else 'NOLOGIN'}{attrs}")
    # A lock-out (propdesk.db.login_gate) invalidates the password; an unlock restores it.
    locked = user.locked_until is not None and user.locked_until > clock.now(session)
    _exec(conn, f"ALTER ROLE {q} VALID UNTIL '{LOCKED_UNTIL if locked else 'infinity'}'")
    db = _q(conn, names.database)
    if sees_personal_data(role):
        _exec(conn, f"ALTER ROLE {q} IN DATABASE {db} SET search_path = public")
    else:
        schema = _q(conn, names.masked_schema)
        _exec(conn, f"ALTER ROLE {q} IN DATABASE {db} SET search_path = {schema}, public")


def set_own_password(session: Session, username: str, password: str) -> None:
    """A user's own new password goes to their login too (a role may change its own
    password without ``CREATEROLE``)."""
    conn = session.connection()
    if not enforced(conn):
        return
    login = RoleNames.login(username)
    if _role_exists(conn, login):
        _exec(conn, f"ALTER ROLE {_q(conn, login)}{_password_clause(password)}")


def _refuse_foreign_role(conn: Connection, names: RoleNames, login: str) -> None:
    """Refuse to take over a role that is not one of this database's staff logins."""
    row = conn.execute(
        text(
            "SELECT r.rolsuper, EXISTS (SELECT 1 FROM pg_auth_members m "
            "JOIN pg_roles g ON g.oid = m.roleid WHERE m.member = r.oid "
            "AND g.rolname = ANY(:groups)) AS ours, "
            "EXISTS (SELECT 1 FROM pg_class c WHERE c.relowner = r.oid) AS owns "
            "FROM pg_roles r WHERE r.rolname = :n"
        ),
        {"n": login, "groups": list(names.groups)},
    ).one()
    if row.rolsuper or row.owns or not row.ours or login in names.groups:
        raise ValidationError("username", f"数据库中已有名为 {login} 的其他账号，请换一个用户名。")
