"""What every screen gets: the database, the logged-in user, settings, the executor and the change hub."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TypeVar
from uuid import uuid4

from PySide6.QtWidgets import QWidget
from sqlalchemy.orm import Session

from propdesk.auth.actor import Actor
from propdesk.auth.permissions import Permission, allowed
from propdesk.config import Settings
from propdesk.db.engine import Database
from propdesk.progress import Progress
from ui.errors import ErrorHandler
from ui.events import ChangeHub, Changes
from ui.ops import Op, ReadBatch, long_session_work, session_work
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
        errors: the one failure handler (message to the user, detail to the log).
    """

    db: Database
    actor: Actor
    settings: Settings
    executor: Executor
    hub: ChangeHub
    errors: ErrorHandler = field(default_factory=ErrorHandler)
    desk_id: str = field(default_factory=lambda: uuid4().hex[:12])
    """This desk's name in the changes it announces (so it ignores its own)."""

    # --- operations: every database action from the UI --------------------------------

    @contextmanager
    def reads_together(self) -> Iterator[None]:
        """Build a page inside this block: the reads its widgets start run, when the block
        ends, as one job in one shared read transaction (:class:`ui.ops.ReadBatch`) instead
        of a transaction each. Nested blocks join the outer one."""
        if isinstance(self.executor, ReadBatch):
            yield
            return
        real, batch = self.executor, ReadBatch(self)
        self.executor = batch
        try:
            yield
        finally:
            self.executor = real
            batch.flush(real)

    def op(
        self,
        fn: Callable[[Session], T],
        *,
        changes: Changes,
        parent: QWidget | None = None,
        action: str = "",
    ) -> Op[T]:
        """A write: ``fn`` in one transaction on the worker, then ``changes`` broadcast."""
        return Op(
            self,
            session_work(self, fn, changes=changes),
            changes=changes,
            parent=parent,
            action=action,
        )

    def query(
        self, fn: Callable[[Session], T], *, parent: QWidget | None = None, action: str = ""
    ) -> Op[T]:
        """A read: ``fn`` in one transaction on the worker; nothing is broadcast."""
        return Op(self, session_work(self, fn, write=False), parent=parent, action=action)

    def long_op(
        self,
        fn: Callable[[Session, Progress], T],
        *,
        label: str,
        changes: Changes | None = None,
        cancellable: bool = True,
        parent: QWidget | None = None,
        action: str = "",
    ) -> Op[T]:
        """Long work in one transaction with a progress dialog; Cancel rolls it all back."""
        return Op(
            self,
            long_session_work(self, fn, changes=changes),
            changes=changes,
            parent=parent,
            action=action,
            progress_label=label,
            cancellable=cancellable,
        )

    def task(
        self,
        fn: Callable[[Progress], T],
        *,
        label: str | None = None,
        changes: Changes | None = None,
        cancellable: bool = False,
        parent: QWidget | None = None,
        action: str = "",
    ) -> Op[T]:
        """Work that opens no session of ours (files, backups, PDFs) on the same worker."""
        return Op(
            self,
            fn,
            changes=changes,
            parent=parent,
            action=action,
            progress_label=label,
            cancellable=cancellable,
        )

    def can(self, permission: Permission) -> bool:
        return allowed(self.actor, permission)
