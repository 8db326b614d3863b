"""What every screen gets: the database, the logged-in user, settings, the executor and the change hub."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy.orm import Session

from propdesk.auth.actor import Actor
from propdesk.auth.permissions import Permission, allowed
from propdesk.config import Settings
from propdesk.db.engine import Database
from ui.events import ChangeHub, Changes
from ui.worker import Executor

T = TypeVar("T")


@dataclass
class AppContext:
    """Dependencies handed to every widget as ``ctx`` (keyword-only, ``parent=None`` last).

    Attributes:
        db: the open database.
        actor: the logged-in user (mutable: login/lock swap it).
        settings: the user's settings.
        executor: where long database work runs.
        hub: broadcasts :class:`Changes` after writes.
    """

    db: Database
    actor: Actor
    settings: Settings
    executor: Executor
    hub: ChangeHub

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction for one user action, on behalf of the logged-in user."""
        with self.db.begin(self.actor) as session:
            yield session

    def read(self, fn: Callable[[Session], T]) -> T:
        with self.session() as session:
            return fn(session)

    def write(self, fn: Callable[[Session], T], *changed: str) -> T:
        """Run ``fn`` in one transaction, then broadcast what changed."""
        with self.session() as session:
            result = fn(session)
        if changed:
            self.hub.notify(Changes.of(*changed))
        return result

    def can(self, permission: Permission) -> bool:
        return allowed(self.actor, permission)
