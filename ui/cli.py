"""The ``propdesk`` command: no sub-command opens the GUI; sub-commands do batch and admin work.

Qt is imported only on the path that opens windows, so headless commands start
fast on a machine without a screen. Every command takes ``--db PATH_OR_URL``.

Every command that reads or changes data logs in first (``--user NAME`` with the password
from ``--password-stdin``, ``PROPDESK_PASSWORD`` or a prompt; ``--keyring`` for a scheduled
job's service account: :mod:`ui.commands.login`) and runs as that user, with the GUI's
permission checks. Without a login it is refused: one line, exit code 2. ``--help``,
``db upgrade`` (the schema shipped with the app) and ``demo`` into a new empty database
need no login.

Every failure of a command ends the same way (:func:`report_failure`): one Chinese line on
stderr (never a traceback, never SQL or its parameters), the detail in the log file
(:mod:`propdesk.failures`), and a non-zero exit code — 2 for bad input and refused
actions, 1 for database and other errors.
"""

from __future__ import annotations

import argparse
import errno
import gc
import importlib
import logging
import re
import sys
from collections.abc import Sequence
from typing import NoReturn

from propdesk.errors import DomainError
from propdesk.failures import FailureKind, configure_logging, describe, log, log_failure, log_path
from propdesk.files import restrict_umask

COMMAND_MODULES = (
    "ui.commands.backup",
    "ui.commands.db",
    "ui.commands.demo",
    "ui.commands.owners",
    "ui.commands.fees",
    "ui.commands.deposits",
    "ui.commands.report",
    "ui.commands.check",
    "ui.commands.audit",
    "ui.calls.cli",
)

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130

_KEEP_INPUT = "您填写的内容已保留。"  # the GUI's sentence; a command has no form to keep


class CliError(Exception):
    """A bad command-line input: printed as ``propdesk: <message>``, exit code 2."""


class DatabaseUnavailable(Exception):
    """The database of ``--db`` could not be opened or written (server down, locked, no access).

    Attributes:
        where: the database URL without its password.
        cause: the driver's exception (logged, never printed).
    """

    def __init__(self, where: str, cause: BaseException) -> None:
        super().__init__(where)
        self.where = where
        self.cause = cause


def add_db_option(
    parser: argparse.ArgumentParser, *, top: bool = False, login: bool = True
) -> None:
    """Add ``--db`` and the login options (``--user``, ``--password-stdin``, ``--keyring``);
    on sub-commands they do not override the same options given before the command."""
    from ui.commands.login import add_login_options

    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        default=None if top else argparse.SUPPRESS,
        help="SQLite file or database URL (default: PROPDESK_DATABASE_URL, the settings file, "
        "or propdesk.sqlite3 in the data folder)",
    )
    if login:
        add_login_options(parser, top=top)


_ARGPARSE_ZH = (
    (re.compile(r"^the following arguments are required: (.*)$"), "缺少必填参数：{0}"),
    (re.compile(r"^unrecognized arguments: (.*)$"), "无法识别的参数：{0}"),
    (
        re.compile(r"^argument (\S+): invalid choice: (.*?) \(choose from (.*)\)$"),
        "参数 {0} 的取值 {1} 不正确，可选：{2}",
    ),
    (re.compile(r"^argument (\S+): invalid (\w+) value: (.*)$"), "参数 {0} 的值 {2} 格式不正确"),
    (re.compile(r"^argument (\S+): expected one argument$"), "参数 {0} 后面缺少取值"),
    (re.compile(r"^argument (\S+): (.*)$"), "参数 {0} 有误：{1}"),
)


class ChineseArgumentParser(argparse.ArgumentParser):
    """argparse whose usage errors read in Chinese (one line after the usage, exit 2)."""

    def error(self, message: str) -> NoReturn:
        for pattern, text in _ARGPARSE_ZH:
            found = pattern.match(message)
            if found:
                message = text.format(*found.groups())
                break
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}：{message}（用 --help 查看用法）\n")


def build_parser() -> argparse.ArgumentParser:
    parser = ChineseArgumentParser(
        prog="propdesk",
        description="PropDesk 物业客服前台系统. Without a command, opens the desktop app.",
    )
    add_db_option(parser, top=True)
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="UI language for this start")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def explain(exc: BaseException) -> tuple[str, int]:
    """The one line to print for ``exc`` (without the ``propdesk:`` prefix) and the exit code."""
    if isinstance(exc, CliError):
        return str(exc), EXIT_BAD_INPUT
    if isinstance(exc, DatabaseUnavailable):
        if describe(exc.cause).kind is FailureKind.CONNECTION:
            reason = (
                "连接不上数据库，请检查网络、服务器是否开启，以及地址、用户名和密码，稍后再试。"
            )
        else:
            reason = _sentence(exc.cause)
        return f"无法打开或写入数据库 {exc.where}：{reason}", EXIT_FAILED
    if isinstance(exc, DomainError):
        return _sentence(exc), EXIT_BAD_INPUT
    if isinstance(exc, OverflowError):
        return (
            "日期超出了可以处理的范围，请检查输入的日期或月份"
            f"（详细信息已写入日志文件 {log_path()}）。",
            EXIT_BAD_INPUT,
        )
    if isinstance(exc, OSError) and describe(exc).kind is FailureKind.BUG:
        name = f" {exc.filename}" if exc.filename else ""
        reason = _OS_REASONS.get(exc.errno or 0, "系统拒绝了这次读写")
        return f"无法读写文件{name}：{reason}（详细信息已写入日志文件 {log_path()}）。", EXIT_FAILED
    return _sentence(exc), EXIT_FAILED


_OS_REASONS = {
    errno.ENOENT: "文件或文件夹不存在",
    errno.EACCES: "没有权限",
    errno.EPERM: "没有权限",
    errno.EROFS: "磁盘是只读的",
    errno.ENOSPC: "磁盘空间不足",
    errno.EISDIR: "这是一个文件夹",
    errno.ENOTDIR: "路径中有一部分不是文件夹",
    errno.EEXIST: "文件已存在",
    errno.EBUSY: "文件正被其他程序使用",
}


def _sentence(exc: BaseException) -> str:
    failure = describe(exc)
    message = failure.message.replace(_KEEP_INPUT, "").strip()
    return " ".join(message.split())  # one line, whatever the message holds


def report_failure(exc: BaseException, *, action: str = "") -> int:
    """Log ``exc`` in full, print one line for the user on stderr; returns the exit code."""
    line, code = explain(exc)
    if isinstance(exc, CliError):
        log.info("%s: %s", action or "propdesk", exc)
    else:
        log_failure(exc.cause if isinstance(exc, DatabaseUnavailable) else exc, action=action)
    print(f"propdesk: {line}", file=sys.stderr)
    return code


def _start_log() -> None:
    """The log file in the data folder; without one (read-only folder) nothing is printed."""
    try:
        configure_logging()
    except OSError:
        if not log.handlers:
            log.addHandler(logging.NullHandler())


def main(argv: Sequence[str] | None = None) -> int:
    restrict_umask()  # the database, its -wal, logs and exports: 0600 (POSIX)
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from ui.app import run_gui

        return run_gui(db=args.db, lang=args.lang)
    _start_log()
    action = f"propdesk {args.command}"
    previous_hook = sys.unraisablehook
    sys.unraisablehook = _log_unraisable
    try:
        return int(args.func(args) or EXIT_OK)
    except KeyboardInterrupt:
        print("propdesk: 已中断", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as exc:  # every failure: one line, the detail in the log
        return report_failure(exc, action=action)
    finally:
        # A half-written file's writers (openpyxl's generators) complain while being
        # collected; collect them now, into the log, not as a traceback on stderr.
        gc.collect()
        sys.unraisablehook = previous_hook


def _log_unraisable(info: sys.UnraisableHookArgs) -> None:
    exc = info.exc_value
    if exc is None:
        log.warning("ignored: %s", info.err_msg or info.exc_type.__name__)
        return
    log.warning(
        "ignored (%s): %s",
        info.err_msg or "",
        type(exc).__name__,
        exc_info=(info.exc_type, exc, info.exc_traceback),
    )


if __name__ == "__main__":
    # ``python -m ui.cli``: run the imported module's main, so the exception classes the
    # commands raise (``ui.cli.CliError``...) are the ones ``main`` catches, not a second copy.
    from ui.cli import main as _main

    sys.exit(_main())
