"""``propdesk bill-runs`` and ``propdesk bill-reverse``: an unpaid run is reversed, a paid run
is refused with one line and exit code 2, nothing is reversed without confirmation."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from propdesk.auth.actor import Actor, Role
from propdesk.db.engine import Database
from propdesk.fees.billing import run_billing
from propdesk.fees.models import BillLine
from propdesk.fees.payments import take_payment
from tests.cli_login import AddUser, cli_user_fixture  # noqa: F401 (the cli_user fixture)
from tests.propdesk.fees.fee_fixtures import make_estate, set_standard_rates
from ui.cli import main

MANAGER = Actor(user_id=None, username="mgr", display_name="王经理", role=Role.MANAGER)
CLERK = Actor(user_id=None, username="clerk", display_name="前台小王", role=Role.CLERK)


def _run(db: Database, month: str = "2026-03") -> int:
    with db.begin(MANAGER) as s:
        result = run_billing(s, month)
    assert result.run_id is not None
    return result.run_id


def _lines(db: Database) -> int:
    with db.begin() as s:
        return int(s.scalar(select(func.count(BillLine.id))) or 0)


def test_an_unpaid_run_is_reversed_from_the_command_line(
    sqlite_db: Database,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    cli_user: AddUser,
) -> None:
    cli_user(sqlite_db.url, username="mgr", role=Role.MANAGER)
    make_estate(sqlite_db)
    set_standard_rates(sqlite_db)
    run_id = _run(sqlite_db)
    url = sqlite_db.url
    assert main(["--db", url, "bill-runs"]) == 0
    assert f"{run_id}\t2026-03\t6 条" in capsys.readouterr().out

    monkeypatch.setattr("builtins.input", lambda _prompt: "n")
    assert main(["--db", url, "bill-reverse", str(run_id), "--reason", "月份选错"]) == 1
    assert "已取消" in capsys.readouterr().out
    assert _lines(sqlite_db) == 6

    args = ["--db", url, "bill-reverse", str(run_id), "--reason", "月份选错", "--yes"]
    assert main(args) == 0
    assert "删除了 6 条账单" in capsys.readouterr().out
    assert _lines(sqlite_db) == 0
    assert main(["--db", url, "bill-runs"]) == 0
    assert "已撤销（mgr" in capsys.readouterr().out

    assert main(args) == 2  # already reversed: one line, refused
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "已于" in err
    assert main(["--db", url, "bill-reverse", "9999", "--reason", "x", "--yes"]) == 2
    assert "不存在" in capsys.readouterr().err


def test_a_paid_run_is_refused_with_one_line_and_exit_2(
    sqlite_db: Database, capsys: pytest.CaptureFixture[str], cli_user: AddUser
) -> None:
    cli_user(sqlite_db.url, username="mgr", role=Role.MANAGER)
    estate = make_estate(sqlite_db)
    set_standard_rates(sqlite_db)
    run_id = _run(sqlite_db)
    with sqlite_db.begin(CLERK) as s:
        take_payment(s, unit_id=estate.unit_ids[2], amount_fen=100, method="cash")
    code = main(
        ["--db", sqlite_db.url, "bill-reverse", str(run_id), "--reason", "月份选错", "--yes"]
    )
    assert code == 2
    err = capsys.readouterr().err
    assert err.startswith("propdesk: ")
    assert err.count("\n") == 1
    assert "不能撤销" in err
    assert "Traceback" not in err
    assert _lines(sqlite_db) == 6
