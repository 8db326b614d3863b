"""A desk on a PostgreSQL server: the owner's first start builds the schema and the roles,
staff log in with their own logins, a newer or older schema is refused with the version to
install, and five wrong passwords lock a login on the server itself.

Runs on the extra database of ``pg_roles_database`` and drops every role it creates.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import dataclass

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

import propdesk
from propdesk.auth import users
from propdesk.auth.actor import Actor
from propdesk.auth.passwords import TEST_COST
from propdesk.config import ServerSettings
from propdesk.db import pg_roles
from propdesk.db.login_gate import GATE_PASSWORD, gate_role
from propdesk.db.schema_version import SchemaTooNew
from propdesk.db.server import SchemaNeedsUpgrade, ServerUnreachable, open_server, probe
from propdesk.errors import NotAllowed, ValidationError
from tests.conftest import PG_URL
from tests.propdesk.db.pg_roles_database import empty_and_drop_roles, roles_database

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(not PG_URL, reason="PROPDESK_TEST_PG_URL not set (CI sets it)"),
]

PASSWORD = "Desk-pass-2026"


@dataclass(frozen=True)
class Desk:
    server: ServerSettings
    owner: str
    owner_password: str
    admin: Actor
    clerk: str  # the clerk's username

    def dsn(self, user: str, password: str = PASSWORD) -> str:
        s = self.server
        return f"host={s.host} port={s.port} dbname={s.database} user={user} password={password}"


@pytest.fixture(scope="module")
def desk() -> Iterator[Desk]:
    url, name = roles_database()
    owner_url = make_url(url)
    prefix = f"pds{zlib.crc32(name.encode()) % 100000}_"
    server = ServerSettings(
        host=owner_url.host or "127.0.0.1", port=owner_url.port or 5432, database=name
    )
    logins = [f"{prefix}admin", f"{prefix}clerk"]
    empty_and_drop_roles(url, name, logins)
    try:
        owner, owner_password = owner_url.username or "", owner_url.password or ""
        # the first desk: the owner's login builds the schema, the roles and the gate
        db = open_server(server, owner, owner_password)
        try:
            with db.begin() as s:
                admin = users.create_first_admin(
                    s,
                    username=f"{prefix}admin",
                    display_name="管理员",
                    password=PASSWORD,
                    cost=TEST_COST,
                )
            with db.begin(admin) as s:
                users.create_user(
                    s,
                    username=f"{prefix}clerk",
                    display_name="前台",
                    role="clerk",
                    password=PASSWORD,
                    cost=TEST_COST,
                )
        finally:
            db.dispose()
        yield Desk(server, owner, owner_password, admin, f"{prefix}clerk")
    finally:
        empty_and_drop_roles(url, name, logins)


def test_first_desk_built_schema_roles_and_recorded_its_version(desk: Desk) -> None:
    with psycopg.connect(desk.dsn(desk.owner, desk.owner_password)) as conn:
        note = conn.execute(
            "SELECT obj_description('alembic_version'::regclass, 'pg_class')"
        ).fetchone()
    assert note == (f"PropDesk {propdesk.__version__}; roles {pg_roles.plan_digest()}",)
    message = probe(desk.server, desk.clerk, PASSWORD)
    assert message.startswith(f"连接成功（{desk.clerk}")
    assert "数据库版本与本机一致" in message


def test_staff_open_the_server_with_their_own_login(desk: Desk) -> None:
    db = open_server(desk.server, desk.clerk, PASSWORD)
    try:
        with db.begin() as s:
            assert s.execute(text("SELECT current_user")).scalar() == desk.clerk
            outcome = users.authenticate(s, desk.clerk, PASSWORD, cost=TEST_COST)
        assert outcome.actor is not None
        assert PASSWORD not in db.url
        assert PASSWORD not in repr(db)
    finally:
        db.dispose()


def _heads(desk: Desk) -> list[str]:
    with psycopg.connect(desk.dsn(desk.owner, desk.owner_password)) as conn:
        return [r[0] for r in conn.execute("SELECT version_num FROM alembic_version")]


def _set_heads(desk: Desk, heads: list[str], note: str) -> None:
    with psycopg.connect(desk.dsn(desk.owner, desk.owner_password)) as conn:
        conn.execute("DELETE FROM alembic_version")
        for head in heads:
            conn.execute("INSERT INTO alembic_version VALUES (%s)", (head,))
        conn.execute(f"COMMENT ON TABLE alembic_version IS '{note}'")


def test_a_newer_schema_is_refused_naming_the_version_to_install(desk: Desk) -> None:
    heads = _heads(desk)
    _set_heads(desk, [*heads, "zz_future_0001"], "PropDesk 9.9.0")
    try:
        with pytest.raises(SchemaTooNew, match=r"请在本机安装 PropDesk 9\.9\.0"):
            open_server(desk.server, desk.clerk, PASSWORD)
        with pytest.raises(SchemaTooNew):  # the owner may not "downgrade" it either
            open_server(desk.server, desk.owner, desk.owner_password)
    finally:
        _set_heads(desk, heads, f"PropDesk {propdesk.__version__}")


def test_an_older_schema_asks_for_the_owner(desk: Desk) -> None:
    heads = _heads(desk)
    _set_heads(desk, [*heads[1:], "0001_foundation"], f"PropDesk {propdesk.__version__}")
    try:
        with pytest.raises(SchemaNeedsUpgrade, match="数据库所有者账号"):
            open_server(desk.server, desk.clerk, PASSWORD)
    finally:
        _set_heads(desk, heads, f"PropDesk {propdesk.__version__}")


def test_five_wrong_passwords_lock_the_login_on_the_server(desk: Desk) -> None:
    for _ in range(5):
        with pytest.raises(NotAllowed, match="用户名或密码不正确"):
            open_server(desk.server, desk.clerk, "wrong-Pass-1")
    with pytest.raises(NotAllowed, match="账号已锁定"):
        open_server(desk.server, desk.clerk, PASSWORD)
    # the server itself refuses the right password, as it would a wrong one
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        psycopg.connect(desk.dsn(desk.clerk)).close()
    db = open_server(desk.server, desk.admin.username, PASSWORD)
    try:
        with db.begin(desk.admin) as s:
            clerk_id = next(u.id for u in users.list_users(s) if u.username == desk.clerk)
            users.unlock_user(s, clerk_id)
    finally:
        db.dispose()
    open_server(desk.server, desk.clerk, PASSWORD).dispose()


def test_unknown_user_and_unreachable_server_say_so_without_a_password(desk: Desk) -> None:
    with pytest.raises(NotAllowed, match="用户名或密码不正确"):
        open_server(desk.server, "nobody_at_all", "Secret-pass-77")
    closed = ServerSettings(host="127.0.0.1", port=1, database="none")
    with pytest.raises(ServerUnreachable) as caught:
        open_server(closed, desk.clerk, "Secret-pass-77")
    assert "127.0.0.1:1/none" in str(caught.value)
    assert "Secret-pass-77" not in str(caught.value)


def test_an_administrator_on_their_own_login_manages_staff_logins(desk: Desk) -> None:
    newcomer = f"{desk.clerk.removesuffix('clerk')}newcomer"
    db = open_server(desk.server, desk.admin.username, PASSWORD)
    try:
        with db.begin() as s:
            assert s.execute(text("SELECT current_user")).scalar() == desk.admin.username
        with db.begin(desk.admin) as s:
            new_id = users.create_user(
                s,
                username=newcomer,
                display_name="新同事",
                role="finance",
                password=PASSWORD,
                cost=TEST_COST,
            )
        psycopg.connect(desk.dsn(newcomer)).close()
        with db.begin(desk.admin) as s:
            users.update_user(s, new_id, role="supervisor")
        with psycopg.connect(desk.dsn(newcomer)) as conn:  # now reads the table itself
            assert conn.execute("SHOW search_path").fetchone() == ("public",)
        with db.begin(desk.admin) as s:
            users.update_user(s, new_id, active=False)
        with pytest.raises(psycopg.OperationalError, match="not permitted to log in"):
            psycopg.connect(desk.dsn(newcomer)).close()
    finally:
        db.dispose()
        with psycopg.connect(desk.dsn(desk.owner, desk.owner_password), autocommit=True) as conn:
            conn.execute(f'DROP ROLE IF EXISTS "{newcomer}"')


def test_a_user_named_like_another_server_role_is_refused(desk: Desk) -> None:
    """Creating PropDesk user "propdesk_owner" must not take over (re-password) that role."""
    db = open_server(desk.server, desk.admin.username, PASSWORD)
    try:
        with pytest.raises(ValidationError, match="数据库中已有名为"), db.begin(desk.admin) as s:
            users.create_user(
                s,
                username=desk.owner,
                display_name="冒名",
                role="admin",
                password="Take-over-2026",
                cost=TEST_COST,
            )
    finally:
        db.dispose()
    psycopg.connect(desk.dsn(desk.owner, desk.owner_password)).close()  # password unchanged


def test_the_gate_login_can_only_count_failures(desk: Desk) -> None:
    gate = desk.dsn(gate_role(desk.server.database), GATE_PASSWORD)
    with psycopg.connect(gate) as conn:
        for sql in ("SELECT * FROM app_user", "UPDATE app_user SET locked_until = NULL"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(sql)
            conn.rollback()


def test_a_user_from_before_the_roles_gets_a_login_at_the_next_password_reset(desk: Desk) -> None:
    """Users created before the server enforced roles have no login: deactivating one still
    works, and a password reset creates it."""
    name = f"{desk.clerk.removesuffix('clerk')}veteran"
    db = open_server(desk.server, desk.owner, desk.owner_password)
    try:
        with db.begin() as s:  # as if created before the roles existed: no login
            s.execute(
                text(
                    "INSERT INTO app_user (username, display_name, role, password_hash, active, "
                    "failed_attempts, version, created_at, updated_at) "
                    "SELECT :n, '老员工', 'clerk', password_hash, true, 0, 1, now(), now() "
                    "FROM app_user WHERE username = :a"
                ),
                {"n": name, "a": desk.admin.username},
            )
            veteran = s.execute(text("SELECT id FROM app_user WHERE username = :n"), {"n": name})
            user_id = int(veteran.scalar_one())
        with db.begin(desk.admin) as s:
            users.update_user(s, user_id, active=False)
            users.update_user(s, user_id, active=True)
        with pytest.raises(psycopg.OperationalError):
            psycopg.connect(desk.dsn(name)).close()
        with db.begin(desk.admin) as s:
            users.reset_password(s, user_id, "Fresh-pass-2026", cost=TEST_COST)
        psycopg.connect(desk.dsn(name, "Fresh-pass-2026")).close()
    finally:
        db.dispose()
        with psycopg.connect(desk.dsn(desk.owner, desk.owner_password), autocommit=True) as conn:
            conn.execute(f'DROP ROLE IF EXISTS "{name}"')
