"""Sub-commands of ``propdesk``; each module has ``register(subparsers)``. Listed in ``ui.cli``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from propdesk.db.engine import Database, open_database


def open_db_from_args(args: argparse.Namespace, *, upgrade: bool = True) -> Database:
    """Open the database named by ``--db`` (or the configured one).

    A bad ``--db`` (missing folder, not a database, server refusing) becomes one clear
    line for every command: :class:`ui.cli.CliError` (exit 2) or
    :class:`ui.cli.DatabaseUnavailable` (exit 1).
    """
    from propdesk.db.server_time import follow_server_clock
    from ui.commands.db import checked_url, database_errors

    url = checked_url(args)
    with database_errors(url):
        database = open_database(url, upgrade=upgrade)
        follow_server_clock(database)  # shared server: stamps take the server's time
        return database


def output_path(path: str, suffix: str) -> Path:
    """``path`` as the file a command will write: it must end in ``suffix`` (``".pdf"``…)
    and its folder must exist, else one clear :class:`ui.cli.CliError` line."""
    from ui.cli import CliError

    target = Path(path)
    if target.suffix.lower() != suffix:
        raise CliError(f"输出文件应以 {suffix} 结尾：{path}")
    if not target.parent.exists():
        raise CliError(f"文件夹不存在：{target.parent}")
    return target


_GROUP_HELP = {
    "import": "import data from files (e.g. import owners FILE.xlsx)",
    "export": "export data to files (e.g. export owners FILE.xlsx)",
    "print": "print documents to PDF files (e.g. print ledger --building 3 -o FILE.pdf)",
    "template": "write blank import templates (e.g. template owners FILE.xlsx)",
}


def group(sub: Any, name: str, help_text: str | None = None) -> Any:
    """The sub-commands object of the shared command group ``name`` (``import``, ``export``…).

    Several command modules add to the same group: the first call creates
    ``propdesk NAME`` and returns its sub-parsers; later calls with the same ``sub``
    return that same object. A module then adds its own leaf::

        def register(sub):
            exp = group(sub, "export")
            p = exp.add_parser("fees", help="export the fee collection sheet")
            add_db_option(p)
            p.set_defaults(func=_export_fees)

    giving ``propdesk export fees …`` beside ``propdesk export owners …``.
    """
    groups: dict[str, Any] = sub.__dict__.setdefault("_propdesk_groups", {})
    if name not in groups:
        parser = sub.add_parser(name, help=help_text or _GROUP_HELP.get(name, name))
        groups[name] = parser.add_subparsers(dest=f"{name}_what", metavar="WHAT", required=True)
    return groups[name]
