"""The fee commands of ``propdesk`` (headless; they share the services with the app)."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import func, select

from propdesk.auth.actor import Role
from propdesk.db.engine import Database
from propdesk.fees.models import BillLine, NoticeLog
from tests.cli_login import AddUser, cli_user_fixture  # noqa: F401 (the cli_user fixture)
from tests.propdesk.fees.fee_fixtures import make_estate, set_standard_rates
from ui.cli import main


def test_bill_export_and_print(
    sqlite_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str], cli_user: AddUser
) -> None:
    cli_user(sqlite_db.url, username="fin", role=Role.FINANCE)
    make_estate(sqlite_db)
    set_standard_rates(sqlite_db)
    url = sqlite_db.url
    assert main(["--db", url, "bill", "--month", "2026-03", "--yes"]) == 0
    assert "6 条账单" in capsys.readouterr().out
    assert main(["--db", url, "bill", "--month", "2026-03", "--yes"]) == 0
    assert "没有新增" in capsys.readouterr().out
    assert main(["--db", url, "bill", "--month", "2026-13"]) == 2

    out = tmp_path / "fees.xlsx"
    assert main(["--db", url, "export", "fees", "--month", "2026-03", "-o", str(out)]) == 0
    ws = load_workbook(out).worksheets[0]
    with sqlite_db.begin() as s:
        billed = s.scalar(select(func.sum(BillLine.amount_fen)))
    # two title rows, the header, 6 lines, then the totals (SUBTOTAL of the lines above)
    assert ws.cell(row=10, column=1).value == "合计"
    assert ws.cell(row=10, column=9).value == "=SUBTOTAL(9,I4:I9)"
    assert round(sum(ws.cell(row=r, column=9).value for r in range(4, 10)) * 100) == billed

    arrears = tmp_path / "arrears.xlsx"
    assert (
        main(["--db", url, "export", "arrears", "--as-of", "2026-04-30", "-o", str(arrears)]) == 0
    )
    assert load_workbook(arrears).worksheets[0].max_row == 10  # title rows, header, 6 lines, totals

    pdf = tmp_path / "notices.pdf"
    assert (
        main(
            [
                "--db",
                url,
                "print",
                "notices",
                "--month",
                "2026-03",
                "--building",
                "2",
                "-o",
                str(pdf),
            ]
        )
        == 0
    )
    reader = PdfReader(io.BytesIO(pdf.read_bytes()))
    assert len(reader.pages) == 1
    assert "2-1-0101" in reader.pages[0].extract_text()
    with sqlite_db.begin() as s:
        assert s.scalar(select(func.count()).select_from(NoticeLog)) == 1

    letters = tmp_path / "letters.pdf"
    assert (
        main(
            [
                "--db",
                url,
                "print",
                "reminders",
                "--as-of",
                str(date(2026, 5, 15)),
                "-o",
                str(letters),
            ]
        )
        == 0
    )
    assert len(PdfReader(io.BytesIO(letters.read_bytes())).pages) == 6  # each + 送达回证
    assert (
        main(["--db", url, "print", "notices", "--month", "2026-03", "-o", str(tmp_path / "x.txt")])
        == 2
    )


def test_arrears_export_masks_phones(
    sqlite_db: Database, tmp_path: Path, cli_user: AddUser
) -> None:
    cli_user(sqlite_db.url, username="fin", role=Role.FINANCE)
    from propdesk.auth.actor import Actor
    from propdesk.registry import services as reg

    est = make_estate(sqlite_db)
    set_standard_rates(sqlite_db)
    with sqlite_db.begin(Actor.system()) as s:
        pid = reg.create_person(s, name="张三", phone="13812345678")
        reg.start_occupancy(
            s, person_id=pid, unit_id=est.unit_ids[0], role="owner", start_date=date(2020, 1, 1)
        )
    url = sqlite_db.url
    assert main(["--db", url, "bill", "--month", "2026-03", "--yes"]) == 0
    out = tmp_path / "a.xlsx"
    assert main(["--db", url, "export", "arrears", "--as-of", "2026-05-01", "-o", str(out)]) == 0
    ws = load_workbook(out).worksheets[0]
    phones = {ws.cell(row=r, column=4).value for r in range(4, ws.max_row)} - {None, ""}
    assert phones
    assert "13812345678" not in phones
    assert all("*" in p for p in phones)
    assert ws.cell(row=4, column=3).value == "张三"
    calls = tmp_path / "calls.xlsx"
    assert main(["--db", url, "export", "calls", "--as-of", "2026-05-01", "-o", str(calls)]) == 0
    ws = load_workbook(calls).worksheets[0]
    assert [c.value for c in ws[3]][:5] == ["楼栋", "房号", "联系人", "身份", "电话"]
    assert (ws.cell(row=4, column=3).value, ws.cell(row=4, column=5).value) == (
        "张三",
        "138****5678",
    )
