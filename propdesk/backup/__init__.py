"""Backups of the SQLite database: online copies, rotation, integrity checks and restore."""
