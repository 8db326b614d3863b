"""Database core: engine, sessions, column types and migrations."""

from propdesk.db.engine import Database, open_database

__all__ = ["Database", "open_database"]
