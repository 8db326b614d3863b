"""``propdesk report monthly``: the PDF and the workbook of a month, clear errors for bad input."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from propdesk.auth.actor import Role
from propdesk.db.engine import Database
from propdesk.demo.build import generate_demo
from tests.cli_login import AddUser, cli_user_fixture  # noqa: F401 (the cli_user fixture)
from ui.cli import main


def test_monthly_report_pdf_and_xlsx(
    sqlite_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str], cli_user: AddUser
) -> None:
    cli_user(sqlite_db.url, username="mgr", role=Role.MANAGER)
    generate_demo(sqlite_db, units=40, seed=2, today=date(2026, 11, 20))
    pdf, xlsx = tmp_path / "report.pdf", tmp_path / "report.xlsx"
    args = ["--db", sqlite_db.url, "report", "monthly", "--month", "2026-10"]
    assert main([*args, "-o", str(pdf), "--xlsx", str(xlsx)]) == 0
    out = capsys.readouterr().out
    assert "2026-10 管理月报" in out
    text = PdfReader(io.BytesIO(pdf.read_bytes())).pages[0].extract_text()
    assert "物业管理月报（2026年10月）" in text
    assert load_workbook(xlsx).sheetnames[:2] == ["概览", "工单"]


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--month", "2026-13", "-o", "r.pdf"], "月份应写成 年-月"),
        (["--month", "2026-10"], "请用 -o FILE.pdf 或 --xlsx FILE.xlsx"),
        (["--month", "2026-10", "-o", "r.xlsx"], "输出文件应以 .pdf 结尾"),
        (["--month", "2026-10", "--xlsx", "nowhere/r.xlsx"], "文件夹不存在"),
    ],
)
def test_bad_input_is_a_clear_error(
    sqlite_db: Database,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    extra: list[str],
    message: str,
    cli_user: AddUser,
) -> None:
    cli_user(sqlite_db.url, username="mgr", role=Role.MANAGER)
    monkeypatch.chdir(tmp_path)
    assert main(["--db", sqlite_db.url, "report", "monthly", *extra]) == 2
    assert message in capsys.readouterr().err
