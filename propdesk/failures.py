"""What went wrong, in words a clerk understands, and the log file that keeps the detail.

Every failure of a user's action — a domain error, a database error (locked, connection lost,
changed by someone else, data the database refuses) or a bug — is turned into one
:class:`Failure` by :func:`describe`: a short Chinese title and message for the screen, and
whether retrying may help. The full detail goes to a rotating log file in the data folder
through :func:`log_failure`, with personal data and passwords removed by :func:`redact`.

The GUI's error handler (``ui.errors``) and the command line both use this module, so a
failure reads the same wherever it happens and never shows a traceback.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import re
import stat
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from propdesk.errors import Conflict, DomainError, NotAllowed, NotFound, ValidationError

LOGGER_NAME = "propdesk"
LOG_FILE = "propdesk.log"
LOG_MAX_BYTES = 2_000_000
LOG_BACKUPS = 5

log = logging.getLogger(LOGGER_NAME)


class FailureKind(StrEnum):
    VALIDATION = "validation"
    NOT_ALLOWED = "not_allowed"
    NOT_FOUND = "not_found"
    CONFLICT = "conflict"
    BUSY = "busy"
    CONNECTION = "connection"
    DATA = "data"
    CANCELLED = "cancelled"
    BUG = "bug"


@dataclass(frozen=True)
class Failure:
    """A failure as the user sees it.

    Attributes:
        kind: what sort of failure it is.
        title: a short title for the message box.
        message: the full sentence for the user (Chinese).
        retry: whether trying the same action again later may succeed.
        field: the form field a validation error belongs to (``""`` otherwise).
    """

    kind: FailureKind
    title: str
    message: str
    retry: bool = False
    field: str = ""

    @property
    def expected(self) -> bool:
        """A failure the user caused or can fix (no bug report needed)."""
        return self.kind is not FailureKind.BUG


class OperationCancelled(Exception):
    """The user pressed Cancel; the transaction was rolled back."""


_KEEP_INPUT = "您填写的内容已保留。"


def describe(exc: BaseException) -> Failure:
    """The user's view of ``exc``; never contains SQL, parameters or a traceback."""
    if isinstance(exc, OperationCancelled):
        return Failure(FailureKind.CANCELLED, "已取消", "操作已取消，没有保存任何内容。")
    if isinstance(exc, ValidationError):
        return Failure(FailureKind.VALIDATION, "输入有误", exc.message, field=exc.field)
    if isinstance(exc, Conflict):
        return Failure(FailureKind.CONFLICT, "记录已被他人修改", str(exc), retry=True)
    if isinstance(exc, NotAllowed):
        return Failure(FailureKind.NOT_ALLOWED, "无法执行", str(exc))
    if isinstance(exc, NotFound):
        return Failure(FailureKind.NOT_FOUND, "找不到记录", str(exc))
    if isinstance(exc, DomainError):
        return Failure(FailureKind.VALIDATION, "无法执行", str(exc))
    return _describe_database(exc) or Failure(
        FailureKind.BUG,
        "程序出错",
        "操作没有完成，程序遇到了一个意外错误，没有保存任何内容。详细信息已写入日志文件"
        f"（{log_path()}），请联系系统管理员。" + _KEEP_INPUT,
    )


def _describe_database(exc: BaseException) -> Failure | None:
    try:
        from sqlalchemy import exc as sa_exc
        from sqlalchemy.orm import exc as orm_exc
    except ImportError:  # pragma: no cover - SQLAlchemy is a dependency
        return None
    if isinstance(exc, orm_exc.StaleDataError):
        return Failure(
            FailureKind.CONFLICT,
            "记录已被他人修改",
            "这条记录刚被另一个人修改过，您的修改没有保存。请重新打开记录，看过最新内容后再改。"
            + _KEEP_INPUT,
            retry=True,
        )
    text = str(getattr(exc, "orig", None) or exc).lower()
    if isinstance(exc, sa_exc.OperationalError | sa_exc.InterfaceError) or (
        isinstance(exc, sa_exc.DBAPIError) and exc.connection_invalidated
    ):
        if "locked" in text or "busy" in text:
            return Failure(
                FailureKind.BUSY,
                "数据库正忙",
                "数据库正被另一项操作（后台任务或另一台电脑）占用，这次没有保存。请稍候再试。"
                + _KEEP_INPUT,
                retry=True,
            )
        if "serializ" in text or "deadlock" in text:
            return Failure(
                FailureKind.BUSY,
                "同时操作冲突",
                "另一台电脑正在同时修改相同的数据，这次没有保存。请再试一次。" + _KEEP_INPUT,
                retry=True,
            )
        return Failure(
            FailureKind.CONNECTION,
            "无法连接数据库",
            "与数据库的连接中断了，这次操作没有保存。请检查网络或服务器，稍后再试。" + _KEEP_INPUT,
            retry=True,
        )
    if isinstance(exc, sa_exc.IntegrityError):
        return Failure(
            FailureKind.DATA,
            "数据冲突",
            "保存的数据与已有记录冲突（可能是重复的编号，或关联的记录已被删除），没有保存。"
            + _KEEP_INPUT,
        )
    if isinstance(exc, sa_exc.DataError):
        return Failure(
            FailureKind.DATA,
            "数据不符合要求",
            "输入的内容数据库无法保存（可能太长或含有不允许的字符），没有保存。请修改后再试。"
            + _KEEP_INPUT,
        )
    if isinstance(exc, sa_exc.SQLAlchemyError):
        return Failure(
            FailureKind.BUG,
            "数据库错误",
            f"数据库操作没有完成，没有保存任何内容。详细信息已写入日志文件（{log_path()}）。"
            + _KEEP_INPUT,
        )
    return None


# --- the log file ---------------------------------------------------------------------

_ID_NUMBER = re.compile(r"(?<!\d)(\d{6})\d{8}(\d{3}[\dXx])(?!\d)")
_MOBILE = re.compile(r"(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)")
_SECRET = re.compile(
    r"(?i)((?:password|passwd|pwd|secret|token|口令|密码)[\"']?\s*[:=]\s*[\"']?)[^\s,;\"'&}]+"
)
_URL_PASSWORD = re.compile(r"(://[^:/@\s]+:)[^@\s]+@")


def redact(text: str) -> str:
    """``text`` without full ID numbers, mobile numbers, passwords or URL credentials."""
    text = _URL_PASSWORD.sub(r"\1***@", text)
    text = _SECRET.sub(r"\1***", text)
    text = _ID_NUMBER.sub(r"\1********\2", text)
    return _MOBILE.sub(r"\1****\2", text)


class RedactingFormatter(logging.Formatter):
    """Formats records (tracebacks included) and removes personal data from the result."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


_log_path: Path | None = None


def log_path() -> Path:
    """Where the log file is (or will be)."""
    if _log_path is not None:
        return _log_path
    from propdesk.config import data_dir

    return data_dir() / "logs" / LOG_FILE


def configure_logging(folder: Path | None = None, *, level: int = logging.INFO) -> Path:
    """Send PropDesk's log to a rotating file in ``folder`` (default: the data folder's ``logs``).

    Idempotent; the file is private to the user (0600 on POSIX). Returns the file's path.
    """
    global _log_path
    if folder is None:
        from propdesk.config import data_dir

        folder = data_dir() / "logs"
    from propdesk.files import private_dir, private_file

    private_dir(folder)  # 0700, and the log (older installs' too) 0600 on POSIX
    path = folder / LOG_FILE
    for old_log in (path, *folder.glob(f"{LOG_FILE}.*")):
        private_file(old_log)
    for handler in list(log.handlers):
        if getattr(handler, "_propdesk", False):
            if getattr(handler, "baseFilename", None) == str(path):
                _log_path = path
                return path
            log.removeHandler(handler)
            handler.close()
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
    )
    handler._propdesk = True  # type: ignore[attr-defined]
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(level)
    if os.name == "posix":
        try:
            os.chmod(folder, stat.S_IRWXU)
            os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)
        except OSError:
            log.warning("cannot restrict the permissions of %s", path)
    _log_path = path
    return path


def log_failure(exc: BaseException, *, action: str = "") -> Failure:
    """Describe ``exc`` and write it to the log (with the traceback for unexpected ones)."""
    failure = describe(exc)
    what = f"{action}: " if action else ""
    if failure.expected:
        log.info("%s%s (%s) %s", what, failure.kind, type(exc).__name__, exc)
    else:
        log.error("%s%s", what, type(exc).__name__, exc_info=(type(exc), exc, exc.__traceback__))
    return failure
