"""Sub-commands of ``propdesk``; each module has ``register(subparsers)``. Listed in ``ui.cli``."""

from __future__ import annotations

import argparse

from propdesk.config import resolve_database_url
from propdesk.db.engine import Database, open_database


def open_db_from_args(args: argparse.Namespace, *, upgrade: bool = True) -> Database:
    """Open the database named by ``--db`` (or the configured one)."""
    return open_database(resolve_database_url(getattr(args, "db", None)), upgrade=upgrade)
