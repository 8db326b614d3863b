"""Who and where on this machine: the OS user and the host name, for audit rows and desks."""

from __future__ import annotations

import functools
import getpass
import socket


@functools.cache
def os_user() -> str:
    """The operating-system account running PropDesk (``""`` when it cannot be told)."""
    try:
        return getpass.getuser()[:64]
    except (OSError, KeyError, ImportError):
        return ""


@functools.cache
def host() -> str:
    """This machine's host name (``""`` when it cannot be told)."""
    try:
        return socket.gethostname()[:120]
    except OSError:
        return ""


def desk() -> str:
    """The name of this desk for per-desk limits: the host, or ``"desk"`` when unknown."""
    return host() or "desk"
