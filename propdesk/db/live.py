"""Several desks on one PostgreSQL server: changes announced to the others, and the link watched.

A write announces what it changed (a :class:`~propdesk.changes.Changes`) with ``pg_notify`` in
the same transaction as the change, so the other desks hear of it exactly when it commits and
never of a change that was rolled back. A :class:`ChangeListener` on each desk holds one
connection of its own that ``LISTEN``\\s on the channel; it also watches that connection, so the
desk learns within seconds that the server is gone and when it is back.

No Qt here: the UI wraps the listener (``ui/live.py``) and turns what it hears into the same
``ctx.hub`` broadcast a local write makes. SQLite is one file on one desk: nothing is sent or
listened for there.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from propdesk.changes import Changes

log = logging.getLogger(__name__)

CHANNEL = "propdesk_changes"
"""The ``LISTEN``/``NOTIFY`` channel every desk of one database shares."""

PAYLOAD_LIMIT = 7900
"""PostgreSQL refuses a payload of 8,000 bytes or more; a change list never comes near it."""


@dataclass(frozen=True)
class Announcement:
    """One change heard from a desk: which desk made it and what it touched."""

    origin: str
    changes: Changes


def encode(origin: str, changes: Changes) -> str:
    payload = json.dumps({"origin": origin, "changes": sorted(changes.names())})
    if len(payload.encode()) > PAYLOAD_LIMIT:  # pragma: no cover - ~30 short flag names
        payload = json.dumps({"origin": origin, "changes": ["*"]})
    return payload


def decode(payload: str) -> Announcement | None:
    """The announcement in ``payload``; ``None`` for anything that is not one of ours."""
    try:
        data = json.loads(payload)
        origin = str(data["origin"])
        names = [str(n) for n in data["changes"]]
    except (ValueError, KeyError, TypeError):
        return None
    changes = Changes.everything() if "*" in names else Changes.from_names(names)
    return Announcement(origin=origin, changes=changes)


def announce(session: Session, changes: Changes, *, origin: str) -> None:
    """Tell the other desks what this transaction changed, when (and only if) it commits.

    ``pg_notify`` is transactional: PostgreSQL delivers it at commit and drops it on rollback.
    On SQLite this does nothing.
    """
    if changes.empty:
        return
    bind = session.get_bind()
    if bind.dialect.name != "postgresql":
        return
    session.execute(
        text("SELECT pg_notify(:channel, :payload)"),
        {"channel": CHANNEL, "payload": encode(origin, changes)},
    )


class LinkState:
    """What the listener knows about the server (``UP``/``DOWN``)."""

    UP = "up"
    DOWN = "down"


class ChangeListener:
    """Listens for other desks' changes and watches the connection to the server.

    Runs one daemon thread with a connection of its own (taken from ``engine``, so it uses the
    same server, user and TLS settings). ``on_change(announcement)`` is called for every change
    announced by another desk; ``on_state(LinkState.DOWN | LinkState.UP)`` when the connection
    is lost and when it is back. Both are called on the listener's thread: the caller moves
    them to its own thread (the UI posts them through a queued signal).

    The connection is polled every ``poll_seconds``; a lost server is noticed at the next
    poll or at once when the server closes the socket. After a loss it reconnects every
    ``retry_seconds``; on reconnection it reports ``UP`` and one announcement of
    :meth:`Changes.everything` (changes made while it was away were not heard).
    """

    def __init__(
        self,
        engine: Engine,
        *,
        origin: str,
        on_change: Callable[[Announcement], None],
        on_state: Callable[[str], None] | None = None,
        poll_seconds: float = 1.0,
        retry_seconds: float = 1.0,
    ) -> None:
        self._engine = engine
        self._origin = origin
        self._on_change = on_change
        self._on_state = on_state
        self._poll = poll_seconds
        self._retry = retry_seconds
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._connection: Any = None
        self.state = LinkState.UP
        self.listening = threading.Event()
        """Set once the first ``LISTEN`` is in place (tests wait on it)."""

    @property
    def enabled(self) -> bool:
        return self._engine.dialect.name == "postgresql"

    def start(self) -> None:
        if not self.enabled or self._thread is not None:
            return
        self._thread = threading.Thread(target=self._run, name="propdesk-listen", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 3.0) -> None:
        self._stop.set()
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join(timeout)
        self._close()

    # --- the thread -----------------------------------------------------------------------

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self._connect()
            except Exception as exc:
                self._set_state(LinkState.DOWN, exc)
                self._stop.wait(self._retry)
                continue
            if self.state == LinkState.DOWN:
                self._set_state(LinkState.UP)
                self._deliver(Announcement(origin="", changes=Changes.everything()))
            self.listening.set()
            try:
                self._listen()
            except Exception as exc:
                self._close()
                if self._stop.is_set():
                    return
                self._set_state(LinkState.DOWN, exc)
                self._stop.wait(self._retry)

    def _connect(self) -> None:
        self._close()
        connection = self._engine.connect()
        try:
            connection.detach()  # ours alone: never handed back to the pool
            raw = connection.connection.dbapi_connection
            assert raw is not None
            raw.autocommit = True
            raw.execute(f"LISTEN {CHANNEL}")
        except Exception:
            connection.close()
            raise
        self._connection = connection

    def _listen(self) -> None:
        raw = self._connection.connection.dbapi_connection
        while not self._stop.is_set():
            for notify in raw.notifies(timeout=self._poll, stop_after=64):
                heard = decode(notify.payload)
                if heard is not None and heard.origin != self._origin:
                    self._deliver(heard)
            # A quiet poll proves the server is still there (a dead peer raises here).
            raw.execute("SELECT 1")

    def _deliver(self, heard: Announcement) -> None:
        try:
            self._on_change(heard)
        except Exception:  # the receiver's fault must not stop the listening
            log.exception("live refresh: handling a change from another desk failed")

    def _set_state(self, state: str, exc: BaseException | None = None) -> None:
        if state == self.state:
            return
        self.state = state
        if exc is not None:
            log.warning("connection to the database server lost: %s", type(exc).__name__)
        else:
            log.info("connection to the database server is back")
        if self._on_state is not None:
            try:
                self._on_state(state)
            except Exception:
                log.exception("live refresh: reporting the connection state failed")

    def _close(self) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            try:
                connection.close()
            except Exception:  # already broken
                log.debug("closing a broken listener connection", exc_info=True)


# --- what a failed transaction means for a retry ------------------------------------------

_TRANSIENT_STATES = frozenset({"40001", "40P01"})  # serialization_failure, deadlock_detected


def _sqlstate(exc: BaseException) -> str | None:
    orig = getattr(exc, "orig", exc)
    return getattr(orig, "sqlstate", None)


def transient(exc: BaseException) -> bool:
    """Two overlapping transactions: PostgreSQL rolled this one back, running it again is safe."""
    return _sqlstate(exc) in _TRANSIENT_STATES


def connection_lost(exc: BaseException) -> bool:
    """The server went away (stopped, restarted, network gone): nothing of the transaction
    was committed unless the loss hit the COMMIT itself, which a payment's idempotency key
    makes safe to repeat.

    The same definition the clerk's message uses (:func:`propdesk.failures.describe`), less
    what running it again cannot help: overlapping transactions (run again at once instead)
    and a statement timeout (57014)."""
    from propdesk.failures import FailureKind, describe

    if transient(exc) or _sqlstate(exc) == "57014":
        return False
    return describe(exc).kind is FailureKind.CONNECTION
