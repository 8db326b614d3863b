"""The command line refuses extreme dates and reversed ranges with one Chinese line (exit 2),
and ``bill`` shows its plan and asks before writing."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from propdesk.auth.actor import Role
from propdesk.db.engine import Database
from propdesk.fees.meters import create_meter
from propdesk.fees.models import BillLine
from tests.cli_login import AddUser, cli_user_fixture  # noqa: F401 (the cli_user fixture)
from tests.propdesk.fees.fee_fixtures import MANAGER, make_estate, set_standard_rates
from ui import cli


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("propdesk: "), lines[0]
    for leak in ("Traceback", "Error", "SQL"):
        assert leak not in lines[0]
    return lines[0]


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["print", "reminders", "--as-of", "0001-01-01", "-o", "OUT.pdf"], "0001-01-01 超出范围"),
        (["print", "reminders", "--as-of", "9999-12-31", "-o", "OUT.pdf"], "9999-12-31 超出范围"),
        (["export", "arrears", "--as-of", "0001-01-01", "-o", "OUT.xlsx"], "超出范围"),
        (["report", "monthly", "--month", "9999-12", "-o", "OUT.pdf"], "9999-12 超出范围"),
        (["report", "monthly", "--month", "1999-12", "-o", "OUT.pdf"], "1999-12"),
        (["bill", "--month", "9999-12", "--yes"], "最多只能提前 12 个月"),
        (["bill", "--month", "0001-01", "--yes"], "账期"),
        (
            ["export", "fees", "--month", "2026-05", "--to", "2026-01", "-o", "OUT.xlsx"],
            "结束月份 2026-01 早于开始月份 2026-05",
        ),
    ],
)
def test_extreme_input_is_one_chinese_line_and_exit_2(
    argv: list[str],
    said: str,
    sqlite_db: Database,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    cli_user: AddUser,
) -> None:
    cli_user(sqlite_db.url)
    make_estate(sqlite_db)
    set_standard_rates(sqlite_db)
    argv = [str(tmp_path / a) if a.startswith("OUT.") else a for a in argv]
    code, out, err = _run(capsys, "--db", sqlite_db.url, *argv)
    assert code == 2
    assert out == ""
    assert said in _one_line(err)
    with sqlite_db.begin() as s:
        assert s.scalar(select(func.count(BillLine.id))) == 0
    assert not list(tmp_path.glob("OUT.*"))


def _lines(db: Database) -> int:
    with db.begin() as s:
        return int(s.scalar(select(func.count(BillLine.id))) or 0)


def test_bill_shows_the_plan_and_writes_only_when_confirmed(
    sqlite_db: Database,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    cli_user: AddUser,
) -> None:
    cli_user(sqlite_db.url, username="fin", role=Role.FINANCE)
    est = make_estate(sqlite_db)
    set_standard_rates(sqlite_db)
    with sqlite_db.begin(MANAGER) as s:
        from datetime import date

        from propdesk.fees.items import set_rate

        set_rate(s, item_code="water", effective_from=date(2025, 1, 1), rate_fen=450)
        create_meter(s, code="W-0101", kind="water", unit_id=est.unit_ids[0])
    url = sqlite_db.url
    answers = iter(["n"])
    monkeypatch.setattr("builtins.input", lambda _prompt: next(answers))
    code, out, _err = _run(capsys, "--db", url, "bill", "--month", "2026-03")
    assert code == 1
    assert "将生成 6 条账单，合计 " in out
    assert "1-1-0101" in out  # the meter without a reading is named
    assert "已取消" in out
    assert _lines(sqlite_db) == 0

    answers = iter(["y"])
    code, out, _err = _run(capsys, "--db", url, "bill", "--month", "2026-03", "--skip-meters")
    assert code == 0
    assert "已生成 6 条账单" in out
    assert _lines(sqlite_db) == 6


def test_bill_without_a_terminal_needs_yes(
    sqlite_db: Database,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    cli_user: AddUser,
) -> None:
    cli_user(sqlite_db.url, username="fin", role=Role.FINANCE)
    make_estate(sqlite_db)
    set_standard_rates(sqlite_db)

    def no_terminal(_prompt: str) -> str:
        raise EOFError

    monkeypatch.setattr("builtins.input", no_terminal)
    code, out, _err = _run(capsys, "--db", sqlite_db.url, "bill", "--month", "2026-03")
    assert (code, _lines(sqlite_db)) == (1, 0)
    code, out, _err = _run(capsys, "--db", sqlite_db.url, "bill", "--month", "2026-03", "--yes")
    assert (code, _lines(sqlite_db)) == (0, 6)
    assert "已生成 6 条账单" in out
