from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import func, select

from propdesk.auth.actor import Actor, Role
from propdesk.db.engine import open_database
from propdesk.registry import services as reg
from propdesk.registry.models import Occupancy, Unit
from propdesk.registry.validation import id_check_char
from reports.excel.owners import SHEET, write_template
from tests.cli_login import AddUser, cli_user_fixture  # noqa: F401 (the cli_user fixture)
from ui.cli import main


def _idn(seq: int) -> str:
    first17 = f"11010119800101{seq:03d}"
    return first17 + id_check_char(first17)


@pytest.fixture
def dbfile(tmp_path: Path, cli_user: AddUser) -> Path:
    """A desk database with an estate, and a supervisor logged in for the commands."""
    path = tmp_path / "desk.sqlite3"
    database = open_database(f"sqlite:///{path}")
    with database.begin(Actor.system()) as s:
        reg.create_estate(s, name="翠湖花园", company="翠湖物业")
    database.dispose()
    cli_user(path, username="sup", role=Role.SUPERVISOR)
    return path


def _ledger(path: Path, rows: list[list[object]]) -> Path:
    wb = load_workbook(io.BytesIO(write_template()))
    for r in rows:
        wb[SHEET].append(r)
    wb.save(path)
    return path


GOOD = [
    ["3", 1, "0101", None, 88.5, "住宅", None, "张三", "业主", "13812345678", _idn(1), date(2020, 1, 2)],
    ["3", 1, "0102", None, 90, None, None, "李四", "租户", "13912345678"],
    ["3", 1, "0201", None, 90],
]  # fmt: skip


def _count(path: Path) -> tuple[int, int]:
    database = open_database(f"sqlite:///{path}")
    with database.begin() as s:
        n = (
            s.scalar(select(func.count(Unit.id))) or 0,
            s.scalar(select(func.count(Occupancy.id))) or 0,
        )
    database.dispose()
    return n


def test_import_export_print(
    dbfile: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = _ledger(tmp_path / "ledger.xlsx", GOOD)
    assert main(["import", "owners", str(src), "--db", str(dbfile)]) == 0
    out = capsys.readouterr().out
    assert "已导入 3 行" in out
    assert "新建房屋 3 套" in out
    assert _count(dbfile) == (3, 2)

    export = tmp_path / "out.xlsx"
    assert main(["--db", str(dbfile), "export", "owners", str(export), "--building", "3"]) == 0
    rows = list(load_workbook(export)[SHEET].iter_rows(values_only=True))[2:]  # title rows
    header = rows[0]
    zhang = dict(zip(header, rows[1], strict=True))
    assert zhang["姓名"] == "张三"
    assert zhang["身份证号"] == "1101**********" + _idn(1)[-4:]
    assert len(rows) == 4

    pdf = tmp_path / "ledger.pdf"
    assert main(["print", "ledger", "--building", "3", "-o", str(pdf), "--db", str(dbfile)]) == 0
    text = PdfReader(pdf).pages[0].extract_text()
    assert "张三" in text
    assert "3-1-0201" in text


def test_bad_row_exits_1_lists_problems_and_imports_nothing(
    dbfile: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [*GOOD[:1], ["3", 1, "0103", None, 90, None, None, "王五", "业主", "555"], *GOOD[1:]]
    src = _ledger(tmp_path / "bad.xlsx", rows)
    report = tmp_path / "errors.xlsx"
    code = main(["import", "owners", str(src), "--report", str(report), "--db", str(dbfile)])
    assert code == 1
    err = capsys.readouterr().err
    assert "未导入任何数据" in err
    assert "第 3 行 [手机]" in err
    assert _count(dbfile) == (0, 0)
    got = list(load_workbook(report).active.iter_rows(values_only=True))  # type: ignore[union-attr]
    assert got[2][:2] == (3, "手机")


def test_bad_inputs_exit_non_zero_with_a_message(
    dbfile: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", "owners", str(tmp_path / "none.xlsx"), "--db", str(dbfile)]) == 2
    assert "找不到文件" in capsys.readouterr().err
    notxlsx = tmp_path / "notes.xlsx"
    notxlsx.write_text("hello")
    assert main(["import", "owners", str(notxlsx), "--db", str(dbfile)]) == 2
    assert ".xlsx" in capsys.readouterr().err
    assert main(["export", "owners", str(tmp_path / "out.csv"), "--db", str(dbfile)]) == 2
    assert ".xlsx 结尾" in capsys.readouterr().err
    pdf = tmp_path / "x.pdf"
    assert main(["print", "ledger", "--building", "9", "-o", str(pdf), "--db", str(dbfile)]) == 2
    assert "没有编号为 9 的楼栋" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:
        main(["print", "ledger", "--db", str(dbfile)])
    assert exit_info.value.code == 2


def test_template_and_help(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "template.xlsx"
    assert main(["template", "owners", str(target)]) == 0
    assert load_workbook(target)[SHEET]["A1"].value == "楼栋"
    with pytest.raises(SystemExit) as exit_info:
        main(["import", "owners", "--help"])
    assert exit_info.value.code == 0
    assert "--report" in capsys.readouterr().out
