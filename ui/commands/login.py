"""Who runs a command: every command that reads or changes data logs in first.

``--user NAME`` (or ``PROPDESK_USER``) names the user; the password comes from the first
line of stdin with ``--password-stdin``, else from ``PROPDESK_PASSWORD``, else from a prompt
on a terminal. A scheduled job's service account takes its secret from the OS keyring
with ``--keyring``. The login is the app's own (:func:`propdesk.auth.users.authenticate`:
the same lock-out, the same one message for every refusal); the command then runs as that
user, so every service checks that user's permissions exactly as in the GUI.

Refusals are one line and exit code 2 (:class:`ui.cli.CliError`).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import Any

from propdesk.auth.actor import Actor
from propdesk.auth.passwords import DEFAULT_COST, KdfCost
from propdesk.auth.users import authenticate
from propdesk.db.engine import Database

USER_ENV = "PROPDESK_USER"
PASSWORD_ENV = "PROPDESK_PASSWORD"
LOGIN_REQUIRED = (
    "此命令需要登录：请加 --user 用户名，密码用 --password-stdin、"
    f"环境变量 {PASSWORD_ENV} 或在终端输入。"
)
NO_PASSWORD = (
    f"没有提供密码：请用 --password-stdin、环境变量 {PASSWORD_ENV}，或在终端运行以输入密码。"
)
#: The scrypt cost a successful login rehashes to (tests pass a cheaper one).
KDF_COST: KdfCost = DEFAULT_COST


def add_login_options(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    """``--user``, ``--password-stdin`` and ``--keyring``; on sub-commands they do not
    override the same options given before the command."""
    default: Any = None if top else argparse.SUPPRESS
    flag_default: Any = False if top else argparse.SUPPRESS
    parser.add_argument(
        "--user",
        metavar="NAME",
        default=default,
        help=f"log in as this user (default: {USER_ENV})",
    )
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        default=flag_default,
        help=f"read the login password from the first line of stdin (else {PASSWORD_ENV}, "
        "else a prompt on a terminal)",
    )
    parser.add_argument(
        "--keyring",
        action="store_true",
        default=flag_default,
        help="take the password of a service account from the OS keyring (scheduled jobs)",
    )


def read_stdin_line() -> str:
    """One line of stdin without its line end ("" at the end of input)."""
    return sys.stdin.readline().rstrip("\r\n")


def login_password(args: argparse.Namespace, database: Database, username: str) -> str:
    """The password of this login, from the first source that has one."""
    from propdesk.auth.keyring_secret import load_secret
    from ui.cli import CliError

    if getattr(args, "keyring", False):
        return load_secret(database.url, username)
    if getattr(args, "password_stdin", False):
        return read_stdin_line()
    env = os.environ.get(PASSWORD_ENV)
    if env:
        return env
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(f"{username} 的密码：")
    raise CliError(NO_PASSWORD)


def login_username(args: argparse.Namespace) -> str:
    from ui.cli import CliError

    username = (getattr(args, "user", None) or os.environ.get(USER_ENV) or "").strip()
    if not username:
        raise CliError(LOGIN_REQUIRED)
    return username


def login(args: argparse.Namespace, database: Database) -> Actor:
    """Log in with the command's credentials; the actor every transaction then runs as.

    A refused login (wrong password, unknown user, deactivated, locked) is one line, exit
    code 2; a failed attempt counts towards the lock-out as in the GUI. An account whose
    password an administrator set must change it in the app first.
    """
    from ui.cli import CliError

    username = login_username(args)
    password = login_password(args, database, username)
    with database.begin() as session:  # committed either way: failures are counted
        outcome = authenticate(session, username, password, cost=KDF_COST)
    if outcome.actor is None:
        raise CliError(outcome.message)
    if outcome.must_change_password:
        raise CliError(
            f"账号 {outcome.actor.username} 的密码由管理员设置，须先修改："
            "请在桌面程序中登录并设置自己的密码，然后再使用命令行。"
        )
    return outcome.actor


def open_logged_in(args: argparse.Namespace, *, upgrade: bool = True) -> tuple[Database, Actor]:
    """Open the database of ``--db`` and log in; the caller disposes of the database."""
    from ui.commands import open_db_from_args

    database = open_db_from_args(args, upgrade=upgrade)
    try:
        return database, login(args, database)
    except BaseException:
        database.dispose()
        raise
