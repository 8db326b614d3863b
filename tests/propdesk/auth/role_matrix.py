"""The table of guarded service actions for the role tests.

Each :class:`Guarded` names the service function it exercises, the permission it needs
and how to call it. ``test_role_matrix.py`` runs every action once per role: roles that
hold the permission must succeed, the others must get ``NotAllowed`` and change nothing.
A feature adds its guarded actions in a ``CASES`` list of its own module
(``tests/propdesk/auth/role_cases_<feature>.py`` or ``tests/propdesk/<feature>/role_cases.py``),
collected automatically; set-up a feature shares between roles goes in ``World.extra``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from propdesk.audit import queries as audit
from propdesk.auth import reveal, users
from propdesk.auth.actor import Actor
from propdesk.auth.passwords import TEST_COST
from propdesk.auth.permissions import Permission
from propdesk.auth.security_settings import save_security_settings
from propdesk.backup import sqlite_backup as backup
from propdesk.config import Settings
from propdesk.db.engine import Database
from propdesk.registry import services as reg


@dataclass
class World:
    """Records every action can work on, made by the system actor before the roles run."""

    db: Database
    tmp: Path
    estate_id: int
    building_id: int
    unit_id: int
    person_id: int
    occupancy_id: int
    user_id: int
    extra: dict[str, Any] = field(default_factory=dict)  # per-feature shared set-up

    def once(self, key: str, make: Callable[[], Any]) -> Any:
        """``make()`` the first time ``key`` is asked for, then the same value."""
        if key not in self.extra:
            self.extra[key] = make()
        return self.extra[key]


@dataclass(frozen=True)
class Call:
    """One attempt: ``world`` to act on, ``actor`` acting, ``tag`` unique per role."""

    world: World
    actor: Actor | None
    tag: str
    n: int  # a small number unique per role (0..4)
    prepared: Any = None  # what the case's ``prepare`` made for this role

    def as_system(self, fn: Callable[[Session], object]) -> Any:
        """Set-up work for one role's attempt, done by the system actor."""
        with self.world.db.begin(Actor.system()) as session:
            return fn(session)

    def run(self, fn: Callable[[Session], object]) -> object:
        with self.world.db.begin(self.actor) as session:
            return fn(session)


@dataclass(frozen=True)
class Guarded:
    name: str  # "module.function" of the guarded service
    permission: Permission
    act: Callable[[Call], object]
    # set-up run as the system before each role's attempt (not counted as the role's writes)
    prepare: Callable[[Call], Any] | None = None
    also: tuple[Permission, ...] = ()  # further permissions the action needs

    def allowed_for(self, permissions: frozenset[Permission]) -> bool:
        return all(p in permissions for p in (self.permission, *self.also))


def build_world(db: Database, tmp: Path) -> World:
    system = Actor.system()
    with db.begin(system) as s:
        estate = reg.create_estate(s, name="翠湖苑")
        building = reg.create_building(s, estate_id=estate, code="1", floors=18, entrances=2)
        unit = reg.create_unit(s, building_id=building, entrance=1, room="0101", area="88.5")
        person = reg.create_person(
            s, name="张三", phone="13812345678", id_number="110101199003071233"
        )
        occ = reg.start_occupancy(
            s, person_id=person, unit_id=unit, role="owner", start_date=date(2020, 1, 1)
        )
        user = users.create_user(
            s,
            username="target",
            display_name="被管理的用户",
            role="clerk",
            password="target123",
            cost=TEST_COST,
        )
    return World(db, tmp, estate, building, unit, person, occ, user)


def _create_person(c: Call) -> object:
    return c.run(lambda s: reg.create_person(s, name=f"住户{c.tag}"))


def _update_person(c: Call) -> object:
    return c.run(
        lambda s: reg.update_person(
            s, c.world.person_id, expected_version=None, notes=f"由{c.tag}核对"
        )
    )


def _create_unit(c: Call) -> object:
    return c.run(
        lambda s: reg.create_unit(
            s, building_id=c.world.building_id, entrance=2, room=f"0{c.n + 2}01", area="90"
        )
    )


def _update_unit(c: Call) -> object:
    return c.run(lambda s: reg.update_unit(s, c.world.unit_id, expected_version=None, notes=c.tag))


def _create_building(c: Call) -> object:
    return c.run(
        lambda s: reg.create_building(s, estate_id=c.world.estate_id, code=str(10 + c.n), floors=6)
    )


def _create_estate(c: Call) -> object:
    return c.run(lambda s: reg.create_estate(s, name=f"分区{c.tag}"))


def _start_occupancy(c: Call) -> object:
    def act(s: Session) -> object:
        pid = reg.create_person(s, name=f"租户{c.tag}")
        return reg.start_occupancy(
            s, person_id=pid, unit_id=c.world.unit_id, role="tenant", start_date=date(2025, 1, 1)
        )

    return c.run(act)


def _open_occupancy(c: Call) -> int:
    def make(s: Session) -> int:
        pid = reg.create_person(s, name=f"家属{c.tag}")
        return reg.start_occupancy(
            s, person_id=pid, unit_id=c.world.unit_id, role="family", start_date=date(2021, 1, 1)
        )

    return int(c.as_system(make))


def _end_occupancy(c: Call) -> object:
    return c.run(
        lambda s: reg.end_occupancy(s, c.prepared, end_date=date(2025, 6, 30), reason="迁出")
    )


def _create_user(c: Call) -> object:
    return c.run(
        lambda s: users.create_user(
            s,
            username=f"new_{c.tag}",
            display_name="新同事",
            role="clerk",
            password="welcome99",
            cost=TEST_COST,
        )
    )


def _reset_password(c: Call) -> object:
    return c.run(
        lambda s: users.reset_password(s, c.world.user_id, f"reset{c.n}pass", cost=TEST_COST)
    )


def _unlock_user(c: Call) -> object:
    return c.run(lambda s: users.unlock_user(s, c.world.user_id))


def _update_user(c: Call) -> object:
    return c.run(lambda s: users.update_user(s, c.world.user_id, display_name=f"用户{c.tag}"))


def _list_users(c: Call) -> object:
    return c.run(users.list_users)


def _list_audit(c: Call) -> object:
    return c.run(audit.list_audit)


def _count_audit(c: Call) -> object:
    return c.run(audit.count_audit)


def _audited_tables(c: Call) -> object:
    return c.run(audit.audited_tables)


def _audit_base(c: Call) -> object:
    return audit.audit_base(c.actor)


def _reveal_id(c: Call) -> object:
    return c.run(lambda s: reveal.reveal_id_number(s, c.world.person_id))


def _reveal_phone(c: Call) -> object:
    return c.run(lambda s: reveal.reveal_phone(s, c.world.person_id))


def _reveal_contact(c: Call) -> object:
    return c.run(lambda s: reveal.reveal_contact(s, c.world.person_id))


def _security_settings(c: Call) -> object:
    return save_security_settings(c.actor, Settings(), backup_keep=5 + c.n, folder=c.world.tmp)


def _backup_now(c: Call) -> object:
    return backup.backup_now(c.world.db, actor=c.actor, folder=c.world.tmp / "backups")


def _backup_file(c: Call) -> Path:
    return Path(
        c.world.once(
            "backup_file",
            lambda: (
                backup.backup_now(
                    c.world.db, actor=Actor.system(), dest=c.world.tmp / "matrix-backup.sqlite3"
                ).path
            ),
        )
    )


def _restore(c: Call) -> object:
    # a restore also needs a logged-in user (the system actor may not restore)
    actor = replace(c.actor, user_id=900 + c.n) if c.actor else None
    return backup.restore_backup(c.world.db, c.prepared, actor=actor)


CASES: list[Guarded] = [
    # registry (EDIT_REGISTRY)
    Guarded("propdesk.registry.services.create_estate", Permission.EDIT_REGISTRY, _create_estate),
    Guarded(
        "propdesk.registry.services.create_building", Permission.EDIT_REGISTRY, _create_building
    ),
    Guarded("propdesk.registry.services.create_unit", Permission.EDIT_REGISTRY, _create_unit),
    Guarded("propdesk.registry.services.update_unit", Permission.EDIT_REGISTRY, _update_unit),
    Guarded("propdesk.registry.services.create_person", Permission.EDIT_REGISTRY, _create_person),
    Guarded("propdesk.registry.services.update_person", Permission.EDIT_REGISTRY, _update_person),
    Guarded(
        "propdesk.registry.services.start_occupancy", Permission.EDIT_REGISTRY, _start_occupancy
    ),
    Guarded(
        "propdesk.registry.services.end_occupancy",
        Permission.EDIT_REGISTRY,
        _end_occupancy,
        _open_occupancy,
    ),
    # users (MANAGE_USERS)
    Guarded("propdesk.auth.users.create_user", Permission.MANAGE_USERS, _create_user),
    Guarded("propdesk.auth.users.reset_password", Permission.MANAGE_USERS, _reset_password),
    Guarded("propdesk.auth.users.unlock_user", Permission.MANAGE_USERS, _unlock_user),
    Guarded("propdesk.auth.users.update_user", Permission.MANAGE_USERS, _update_user),
    Guarded("propdesk.auth.users.list_users", Permission.MANAGE_USERS, _list_users),
    # audit (VIEW_AUDIT)
    Guarded("propdesk.audit.queries.list_audit", Permission.VIEW_AUDIT, _list_audit),
    Guarded("propdesk.audit.queries.count_audit", Permission.VIEW_AUDIT, _count_audit),
    Guarded("propdesk.audit.queries.audited_tables", Permission.VIEW_AUDIT, _audited_tables),
    Guarded("propdesk.audit.queries.audit_base", Permission.VIEW_AUDIT, _audit_base),
    # personal data (VIEW_FULL_ID)
    Guarded("propdesk.auth.reveal.reveal_id_number", Permission.VIEW_FULL_ID, _reveal_id),
    Guarded("propdesk.auth.reveal.reveal_phone", Permission.VIEW_FULL_ID, _reveal_phone),
    Guarded("propdesk.auth.reveal.reveal_contact", Permission.VIEW_FULL_ID, _reveal_contact),
    # desk security settings (MANAGE_SETTINGS)
    Guarded(
        "propdesk.auth.security_settings.save_security_settings",
        Permission.MANAGE_SETTINGS,
        _security_settings,
    ),
    # backups (BACKUP_RESTORE)
    Guarded("propdesk.backup.sqlite_backup.backup_now", Permission.BACKUP_RESTORE, _backup_now),
    Guarded(
        "propdesk.backup.sqlite_backup.restore_backup",
        Permission.BACKUP_RESTORE,
        _restore,
        _backup_file,
    ),
]
