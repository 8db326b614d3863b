"""The ``propdesk`` command: no sub-command opens the GUI; sub-commands do batch and admin work.

Qt is imported only on the path that opens windows, so headless commands start
fast on a machine without a screen. Every command takes ``--db PATH_OR_URL``.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from propdesk.errors import DomainError

COMMAND_MODULES = (
    "ui.commands.backup",
    "ui.commands.db",
    "ui.commands.demo",
    "ui.commands.owners",
    "ui.commands.fees",
    "ui.commands.report",
)


class CliError(Exception):
    """A bad command-line input: printed as ``propdesk: <message>``, exit code 2."""


def add_db_option(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    """Add ``--db``; on sub-commands it does not override a ``--db`` given before the command."""
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        default=None if top else argparse.SUPPRESS,
        help="SQLite file or database URL (default: PROPDESK_DATABASE_URL, the settings file, "
        "or propdesk.sqlite3 in the data folder)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="propdesk",
        description="PropDesk 物业客服前台系统. Without a command, opens the desktop app.",
    )
    add_db_option(parser, top=True)
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="UI language for this start")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from ui.app import run_gui

        return run_gui(db=args.db, lang=args.lang)
    try:
        return int(args.func(args) or 0)
    except (DomainError, CliError) as exc:
        print(f"propdesk: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("propdesk: 已中断", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
