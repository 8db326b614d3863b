"""The operation object: result on the UI thread, typed changes, one failure handler."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from PySide6.QtWidgets import QLineEdit, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from propdesk.changes import Changes
from propdesk.db.engine import Database
from propdesk.errors import ValidationError
from propdesk.failures import Failure, FailureKind, OperationCancelled, configure_logging, redact
from propdesk.progress import Progress
from tests.ui.helpers import make_ctx
from ui.context import AppContext


@pytest.fixture
def ctx(sqlite_db: Database) -> AppContext:
    context = make_ctx(sqlite_db)
    shown: list[tuple[Any, Failure]] = []
    context.errors.show = lambda parent, failure: shown.append((parent, failure))
    return context


def test_a_write_delivers_its_result_and_broadcasts_typed_changes(
    ctx: AppContext, qtbot: QtBot
) -> None:
    got: list[int] = []
    with qtbot.wait_signal(ctx.hub.changed) as blocker:
        ctx.op(
            lambda s: int(s.execute(text("select 41 + 1")).scalar_one()),
            changes=Changes(fees=True, payments=True),
        ).success(got.append).run()
    assert got == [42]
    assert blocker.args == [Changes(fees=True, payments=True)]
    assert ctx.errors.shown == []


def test_a_domain_error_reaches_the_handler_in_chinese_and_input_survives(
    ctx: AppContext, qtbot: QtBot
) -> None:
    edit = QLineEdit("王小明")
    button = QPushButton("OK")
    qtbot.addWidget(edit)
    qtbot.addWidget(button)

    def fail(_s: Session) -> None:
        raise ValidationError("name", "姓名不能为空。")

    with qtbot.assert_not_emitted(ctx.hub.changed):
        ctx.op(fail, changes=Changes(people=True), parent=edit).busy(button).run()
    assert [f.message for f in ctx.errors.shown] == ["姓名不能为空。"]
    assert edit.text() == "王小明"
    assert button.isEnabled()


@pytest.mark.parametrize(
    ("error", "kind", "words"),
    [
        (
            OperationalError("UPDATE x", {}, Exception("database is locked")),
            FailureKind.BUSY,
            "数据库正被",
        ),
        (
            OperationalError("SELECT 1", {}, Exception("server closed the connection")),
            FailureKind.CONNECTION,
            "连接",
        ),
        (RuntimeError("boom"), FailureKind.BUG, "意外错误"),
    ],
)
def test_database_errors_and_bugs_get_a_clear_message_and_the_log(
    ctx: AppContext, error: Exception, kind: FailureKind, words: str, tmp_path: Any
) -> None:
    log_file = configure_logging(tmp_path / "logs")

    def fail(_s: Session) -> None:
        raise error

    ctx.query(fail, action="test action").run()
    [failure] = ctx.errors.shown
    assert failure.kind is kind
    assert words in failure.message
    assert "Traceback" not in failure.message
    assert "SELECT" not in failure.message
    for handler in logging.getLogger("propdesk").handlers:
        handler.flush()
    assert "test action" in log_file.read_text(encoding="utf-8")


def test_a_caller_may_handle_a_failure_itself(ctx: AppContext) -> None:
    seen: list[BaseException] = []

    def fail(_s: Session) -> None:
        raise ValidationError("amount_fen", "金额必须大于零。")

    ctx.query(fail).failure(lambda exc: seen.append(exc) or True).run()
    assert len(seen) == 1
    assert ctx.errors.shown == []


def test_cancel_rolls_the_whole_transaction_back(ctx: AppContext, sqlite_db: Database) -> None:
    with sqlite_db.engine.begin() as conn:
        conn.execute(text("create table t (n integer)"))

    def work(s: Session, progress: Progress) -> None:
        s.execute(text("insert into t values (1)"))
        raise OperationCancelled

    ctx.long_op(work, label="…", changes=Changes(fees=True)).run()
    with sqlite_db.engine.connect() as conn:
        assert conn.execute(text("select count(*) from t")).scalar_one() == 0
    assert ctx.errors.shown == []  # a cancel is not an error to show


def test_the_log_never_keeps_an_id_number_a_mobile_or_a_password() -> None:
    line = redact(
        "person 110101199003074514 phone 13912345678 password=hunter2 "
        "postgresql+psycopg://desk:s3cret@db/propdesk"
    )
    assert "110101199003074514" not in line
    assert "13912345678" not in line
    assert "hunter2" not in line
    assert "s3cret" not in line
    assert "110101********4514" in line
    assert "139****5678" in line
