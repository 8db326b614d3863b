"""PostgreSQL enforces the roles itself: a clerk's own login, used directly, is refused.

Runs on the extra database of ``pg_roles_database``, so the roles it installs never touch the
shared test database; every role it creates is dropped at the end.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import dataclass

import psycopg
import pytest
from sqlalchemy import select, text
from sqlalchemy.engine import make_url

from propdesk.auth import users
from propdesk.auth.actor import Actor, Role
from propdesk.auth.passwords import TEST_COST
from propdesk.db import pg_roles
from propdesk.db.engine import Database, open_database
from propdesk.desk.parcels import collect_parcel, receive_parcel
from propdesk.fees.billing import run_billing
from propdesk.fees.models import BillLine
from propdesk.fees.payments import take_payment
from propdesk.registry import services as reg
from tests.conftest import PG_URL
from tests.propdesk.db.pg_roles_database import empty_and_drop_roles, roles_database
from tests.propdesk.fees.fee_fixtures import MANAGER, make_estate, set_standard_rates

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(not PG_URL, reason="PROPDESK_TEST_PG_URL not set (CI sets it)"),
]

PASSWORD = "Desk-pass-2026"
# Written as SQL, not through the registry services: the test is about what the server
# refuses, whatever the stored form of a personal value (clear or encrypted) is.
_PERSON_SQL = (
    "INSERT INTO person (name, name_initials, name_pinyin, phone, phone2, id_number, "
    "emergency_contact, emergency_phone, notes, version, created_at, updated_at) VALUES "
    "(:name, '', '', :phone, '', :idn, '', '', '', 1, now(), now()) RETURNING id"
)
ID_NUMBER = "11010519491231002X"


@dataclass(frozen=True)
class Server:
    db: Database  # opened as the owner role
    url: str  # the owner's URL
    prefix: str  # staff usernames start with it
    users: dict[Role, int]

    def login_url(self, username: str, password: str = PASSWORD) -> str:
        return (
            make_url(self.url)
            .set(username=username, password=password)
            .render_as_string(hide_password=False)
        )

    def dsn(self, username: str, password: str = PASSWORD) -> str:
        parsed = make_url(self.url)
        return (
            f"host={parsed.host} port={parsed.port or 5432} dbname={parsed.database} "
            f"user={username} password={password}"
        )


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    url, name = roles_database()
    prefix = f"pdt{zlib.crc32(name.encode()) % 100000}_"
    logins = [f"{prefix}{r.value}" for r in Role]
    empty_and_drop_roles(url, name, logins)
    database = open_database(url)
    try:
        with database.begin() as s:
            pg_roles.install(s.connection())
        make_estate(database)
        set_standard_rates(database)
        with database.begin(MANAGER) as s:
            run_billing(s, "2026-05")
            s.execute(text(_PERSON_SQL), {"name": "张三", "phone": "13812345678", "idn": ID_NUMBER})
        ids: dict[Role, int] = {}
        with database.begin() as s:
            admin = users.create_first_admin(
                s,
                username=f"{prefix}admin",
                display_name="管理员",
                password=PASSWORD,
                cost=TEST_COST,
            )
            ids[Role.ADMIN] = admin.user_id or 0
        with database.begin(admin) as s:
            for role in Role:
                if role is not Role.ADMIN:
                    ids[role] = users.create_user(
                        s,
                        username=f"{prefix}{role.value}",
                        display_name=role.value,
                        role=role.value,
                        password=PASSWORD,
                        cost=TEST_COST,
                    )
        yield Server(database, url, prefix, ids)
    finally:
        database.dispose()
        empty_and_drop_roles(url, name, logins)


def _refused(dsn: str, sql: str) -> str:
    """Run ``sql`` in its own transaction as that login; the error it raised (commit included)."""
    with psycopg.connect(dsn) as conn:
        try:
            with conn.transaction():
                conn.execute(sql)
        except psycopg.Error as exc:
            return str(exc)
    raise AssertionError(f"not refused: {sql}")


def test_clerk_cannot_read_a_full_id_number(server: Server) -> None:
    clerk = server.dsn(f"{server.prefix}clerk")
    assert "permission denied" in _refused(clerk, "SELECT id_number FROM public.person")
    assert "permission denied" in _refused(clerk, "SELECT phone FROM public.person")
    assert "permission denied" in _refused(
        clerk, f"SELECT id FROM public.person WHERE id_number = '{ID_NUMBER}'"
    )
    with psycopg.connect(clerk) as conn:
        # the clerk's search_path finds the masking view first
        row = conn.execute("SELECT id_number, phone, name FROM person").fetchone()
    assert row is not None
    assert row[2] == "张三"
    assert row[0] in (None, "**************002X")  # masked, or blank when encrypted
    assert row[1] in ("", "*******5678")
    # a supervisor (VIEW_FULL_ID) reads the table itself
    with psycopg.connect(server.dsn(f"{server.prefix}supervisor")) as conn:
        full = conn.execute("SELECT id_number, phone FROM person").fetchone()
    assert full == (ID_NUMBER, "13812345678")


def test_clerk_cannot_change_app_user(server: Server) -> None:
    clerk = server.dsn(f"{server.prefix}clerk")
    me = f"{server.prefix}clerk"
    assert "permission denied" in _refused(
        clerk, f"UPDATE app_user SET role = 'admin' WHERE username = '{me}'"
    )
    assert "permission denied" in _refused(
        clerk,
        "INSERT INTO app_user (username, display_name, role, password_hash, active, "
        "failed_attempts, version, created_at, updated_at) "
        "VALUES ('mallory', 'm', 'admin', '', true, 0, 1, now(), now())",
    )
    assert "permission denied" in _refused(clerk, "DELETE FROM app_user")
    with psycopg.connect(clerk) as conn:
        # another user's row is not the clerk's to touch, not even its bookkeeping columns
        changed = conn.execute(
            "UPDATE app_user SET password_hash = 'x' WHERE username <> %s", (me,)
        ).rowcount
        conn.rollback()
    assert changed == 0
    assert "permission denied" in _refused(clerk, f'CREATE ROLE "{server.prefix}x"')


def test_clerk_cannot_edit_or_delete_audit_rows(server: Server) -> None:
    clerk = server.dsn(f"{server.prefix}clerk")
    for sql in (
        "UPDATE audit_log SET username = 'x'",
        "DELETE FROM audit_log",
        "TRUNCATE audit_log",
        "SELECT changes FROM audit_log",  # reading needs VIEW_AUDIT
    ):
        assert "permission denied" in _refused(clerk, sql), sql
    with psycopg.connect(server.dsn(f"{server.prefix}admin")) as conn:
        assert conn.execute("SELECT count(*) FROM audit_log").fetchone() != (0,)
        assert "permission denied" in _refused(
            server.dsn(f"{server.prefix}admin"), "DELETE FROM audit_log"
        )


def test_clerk_cannot_change_a_bill_line_directly(server: Server) -> None:
    clerk = server.dsn(f"{server.prefix}clerk")
    assert "permission denied" in _refused(clerk, "UPDATE bill_line SET amount_fen = 0")
    assert "permission denied" in _refused(clerk, "DELETE FROM bill_line")
    # the settlement columns change only as a payment changes them: checked at commit
    message = _refused(
        clerk, "UPDATE bill_line SET paid_fen = amount_fen, settled = true WHERE NOT settled"
    )
    assert "changed outside a payment" in message


def test_the_app_works_as_a_clerk_on_its_own_login(server: Server) -> None:
    username = f"{server.prefix}clerk"
    clerk_db = open_database(server.login_url(username))
    try:
        with clerk_db.begin() as s:
            outcome = users.authenticate(s, username, PASSWORD, cost=TEST_COST)
        assert outcome.actor is not None
        assert outcome.actor.role is Role.CLERK
        with clerk_db.begin(outcome.actor) as s:
            line = s.scalars(select(BillLine).where(BillLine.settled.is_(False))).first()
            assert line is not None
            result = take_payment(
                s, unit_id=line.unit_id, amount_fen=line.amount_fen, method="cash"
            )
            assert result.receipt_no
        with clerk_db.begin(outcome.actor) as s:  # a personal table, through its view
            parcel = receive_parcel(
                s,
                carrier="顺丰",
                tracking_no="SF1001",
                unit_id=line.unit_id,
                recipient_phone="13700001234",
            )
        with clerk_db.begin(outcome.actor) as s:
            collect_parcel(s, parcel, collected_by="业主本人")
    finally:
        clerk_db.dispose()
    with psycopg.connect(server.dsn(username)) as conn:  # writes go through the masking view
        pid = conn.execute(
            _PERSON_SQL.replace(":name", "%s").replace(":phone", "%s").replace(":idn", "%s"),
            ("李四", "13900001111", None),
        ).fetchone()
        assert pid is not None
        conn.execute("UPDATE person SET notes = 'x' WHERE id = %s", pid)  # phone kept
        conn.execute("UPDATE person SET phone2 = '13900002222' WHERE id = %s", pid)
        conn.commit()
    with server.db.begin() as s:
        row = s.execute(
            text("SELECT phone, phone2, notes FROM person WHERE id = :i"), {"i": pid[0]}
        ).one()
        kept = s.execute(
            text("SELECT recipient_phone, status FROM desk_parcel WHERE id = :i"), {"i": parcel}
        ).one()
    assert tuple(row) == ("13900001111", "13900002222", "x")
    assert kept.recipient_phone not in ("", None)  # written through the view, kept on collection
    assert kept.status == "collected"


def test_deactivated_user_cannot_connect(server: Server) -> None:
    admin = Actor(server.users[Role.ADMIN], f"{server.prefix}admin", "管理员", Role.ADMIN)
    finance = server.users[Role.FINANCE]
    with server.db.begin(admin) as s:
        users.update_user(s, finance, active=False)
    with pytest.raises(psycopg.OperationalError, match="not permitted to log in"):
        psycopg.connect(server.dsn(f"{server.prefix}finance")).close()
    with server.db.begin(admin) as s:
        users.update_user(s, finance, active=True)
    psycopg.connect(server.dsn(f"{server.prefix}finance")).close()


def test_reset_password_changes_the_login(server: Server) -> None:
    admin = Actor(server.users[Role.ADMIN], f"{server.prefix}admin", "管理员", Role.ADMIN)
    with server.db.begin(admin) as s:
        users.reset_password(s, server.users[Role.MANAGER], "Other-pass-2026", cost=TEST_COST)
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        psycopg.connect(server.dsn(f"{server.prefix}manager")).close()
    psycopg.connect(server.dsn(f"{server.prefix}manager", "Other-pass-2026")).close()


def test_a_clerk_locks_rows_through_the_masking_views(server: Server) -> None:
    """Services lock a parcel, a visitor or a permit (SELECT ... FOR UPDATE) before changing it."""
    with psycopg.connect(server.dsn(f"{server.prefix}clerk")) as conn:
        for table in ("desk_parcel", "desk_visitor", "renovation_permit", "person"):
            conn.execute(f"SELECT * FROM {table} WHERE id = 1 FOR UPDATE").fetchall()
        conn.rollback()


def _survey_sample(
    server: Server, *, campaign_status: str, sample_status: str, person: str = "张三"
) -> int:
    """A survey sample of a resident, made as the owner."""
    with server.db.begin() as s:
        person_id = s.execute(
            text("SELECT id FROM person WHERE name = :n"), {"n": person}
        ).scalar_one()
        unit, building = s.execute(text("SELECT id, building_id FROM unit LIMIT 1")).one()
        questionnaire = s.execute(
            text(
                "INSERT INTO survey_questionnaire (name, number, version, created_at, updated_at)"
                " VALUES ('满意度问卷', 1, 1, now(), now()) RETURNING id"
            )
        ).scalar_one()
        campaign = s.execute(
            text(
                "INSERT INTO survey_campaign (name, questionnaire_id, status, rate_pct,"
                " stratified, rotation_months, max_attempts, starts_on, ends_on, paper_forms,"
                " created_by, version, created_at, updated_at) VALUES (:n, :q, :st, 20, false,"
                " 0, 3, '2026-05-01', '2026-05-31', 0, '', 1, now(), now()) RETURNING id"
            ),
            {
                "n": f"调查-{campaign_status}-{sample_status}",
                "q": questionnaire,
                "st": campaign_status,
            },
        ).scalar_one()
        return int(
            s.execute(
                text(
                    "INSERT INTO survey_sample (campaign_id, unit_id, building_id, person_id,"
                    " status, attempts, version, created_at, updated_at) VALUES (:c, :u, :b, :p,"
                    " :st, 0, 1, now(), now()) RETURNING id"
                ),
                {"c": campaign, "u": unit, "b": building, "p": person_id, "st": sample_status},
            ).scalar_one()
        )


def test_a_clerk_dials_only_households_waiting_in_an_open_survey(server: Server) -> None:
    """The clerk's login cannot read phones, yet makes the survey calls: the server hands out
    the number of a household in an open call queue, and nobody else's."""
    from propdesk.errors import NotAllowed
    from propdesk.surveys.services import dial_number

    waiting = _survey_sample(server, campaign_status="open", sample_status="pending")
    answered = _survey_sample(server, campaign_status="open", sample_status="done")
    closed = _survey_sample(server, campaign_status="closed", sample_status="pending")
    clerk = server.dsn(f"{server.prefix}clerk")
    assert "permission denied" in _refused(clerk, "SELECT phone FROM public.person")
    with psycopg.connect(clerk) as conn:
        got = [
            conn.execute("SELECT pd_survey_phone(%s)", (sid,)).fetchone()
            for sid in (waiting, answered, closed)
        ]
    assert [row[0] if row else None for row in got] == ["13812345678", None, None]
    # finance (no desk work) may not call it at all
    finance = server.dsn(f"{server.prefix}finance")
    assert "permission denied" in _refused(finance, f"SELECT pd_survey_phone({waiting})")
    # the app, on the clerk's own login: the number to dial (stored encrypted, as the app
    # stores it), and the reveal audited
    with server.db.begin(Actor.system()) as s:
        reg.create_person(s, name="王五", phone="13900007777")
    waiting = _survey_sample(
        server, campaign_status="open", sample_status="callback", person="王五"
    )
    answered = _survey_sample(server, campaign_status="open", sample_status="done", person="王五")
    username = f"{server.prefix}clerk"
    clerk_db = open_database(server.login_url(username))
    try:
        with clerk_db.begin() as s:
            actor = users.authenticate(s, username, PASSWORD, cost=TEST_COST).actor
        assert actor is not None
        with clerk_db.begin(actor) as s:
            assert dial_number(s, waiting) == "13900007777"
        with clerk_db.begin(actor) as s, pytest.raises(NotAllowed):
            dial_number(s, answered)
    finally:
        clerk_db.dispose()
    with server.db.begin() as s:
        reveals = s.execute(
            text("SELECT count(*) FROM audit_log WHERE action = 'reveal' AND table_name = 'person'")
        ).scalar_one()
    assert reveals >= 1
