"""The fee collection sheet (收费明细表) for a year against openpyxl writing the same cells.

    python benchmarks/bench_excel.py [--units 1000] [--repeat 3]

An estate of ``--units`` units × 6 items (the fees benchmark's set-up) billed for twelve
months, most lines paid by receipts (one payment per unit and month, with its allocations),
so the sheet carries receipt numbers, dates and methods like a real year.

Both sides run in turns (ours, raw, ours, …; medians), and the CPU time of the process is
printed beside the wall time: on a shared machine it is the steadier ratio.

* **Writer** — ours: :func:`reports.excel.fees.write_fee_sheet` writing the year's rows
  (:class:`propdesk.reporting.fee_sheet.CollectionLine`, read beforehand) with its title
  rows, header, formats, totals and print set-up. Raw: openpyxl ``write_only`` writing the
  very same cells — the same values (already in yuan and Excel date serials: the raw side
  does not even convert), the same number formats through shared styles, the same title,
  header and ``SUBTOTAL`` row — in the tightest loop openpyxl allows. Target ≤ 1.3×.
* **Whole export** — ours: reading the rows (``collection_lines``: the lines, their
  receipts, natural unit order) and writing them; raw: the same rows' SQL on plain
  ``sqlite3`` plus the raw writer. For information.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from copy import copy
from datetime import date
from pathlib import Path
from typing import Any

from _common import fresh_database, ratio_line, raw_connection
from bench_fees import FIRST, _setup
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from sqlalchemy import func, insert, select, update

from propdesk.auth.actor import Actor
from propdesk.db.engine import Database
from propdesk.fees.billing import run_billing
from propdesk.fees.models import Allocation, BillLine, Payment
from propdesk.fees.periods import add_months
from propdesk.reporting.export_values import CollectionLine, SheetHeader
from propdesk.reporting.fee_sheet import collection_lines
from reports.excel.fees import FEE_COLUMNS, write_fee_sheet

TARGET_RATIO = 1.3
LAST = add_months(FIRST, 11)
HEADER = SheetHeader("收费明细表", "翠湖花园", "2025年1月 至 2025年12月", "财务", date(2026, 1, 5))


def _bill_and_pay(db: Database) -> int:
    """Bill twelve months; pay ~88 % of the unit-months with one receipt each."""
    with db.begin(Actor.system()) as s:
        for k in range(12):
            run_billing(s, add_months(FIRST, k))
        lines = s.execute(
            select(
                BillLine.id,
                BillLine.unit_id,
                BillLine.period,
                BillLine.due_date,
                BillLine.amount_fen,
            ).order_by(BillLine.unit_id, BillLine.period, BillLine.id)
        ).all()
        by_unit_month: dict[tuple[int, str], list[Any]] = {}
        for line in lines:
            by_unit_month.setdefault((line.unit_id, line.period), []).append(line)
        rng = random.Random(3)
        next_id = int(s.scalar(select(func.coalesce(func.max(Payment.id), 0))) or 0) + 1
        payments, allocations, paid_ids = [], [], []
        methods = ("cash", "wechat", "alipay", "transfer", "card")
        for (unit_id, _period), group in by_unit_month.items():
            if rng.random() > 0.88:
                continue
            day = group[0].due_date
            method = methods[rng.randrange(len(methods))]
            payments.append(
                {
                    "id": next_id,
                    "receipt_no": f"R{day.year}{next_id:07d}",
                    "unit_id": unit_id,
                    "paid_on": day,
                    "amount_fen": sum(x.amount_fen for x in group),
                    "method": method,
                    "txn_ref": None if method == "cash" else f"T{next_id:09d}",
                    "allocated_fen": sum(x.amount_fen for x in group),
                }
            )
            for x in group:
                allocations.append(
                    {
                        "bill_line_id": x.id,
                        "payment_id": next_id,
                        "kind": "payment",
                        "amount_fen": x.amount_fen,
                        "paid_on": day,
                    }
                )
                paid_ids.append(x.id)
            next_id += 1
        for i in range(0, len(payments), 5000):
            s.execute(insert(Payment), payments[i : i + 5000])
        for i in range(0, len(allocations), 5000):
            s.execute(insert(Allocation), allocations[i : i + 5000])
        for i in range(0, len(paid_ids), 900):
            s.execute(
                update(BillLine)
                .where(BillLine.id.in_(paid_ids[i : i + 900]))
                .values(paid_fen=BillLine.amount_fen, settled=True)
            )
        return len(lines)


def _interleaved(
    ours: Callable[[], object], raw: Callable[[], object], repeat: int
) -> tuple[tuple[float, float], tuple[float, float]]:
    """Medians of (wall, CPU) seconds of ``ours`` and ``raw``, run in turns (ours, raw, ours,
    …) so a busy moment of a shared machine falls on both sides alike."""
    times: dict[str, list[tuple[float, float]]] = {"ours": [], "raw": []}
    for _ in range(repeat):
        for name, fn in (("ours", ours), ("raw", raw)):
            w0, c0 = time.perf_counter(), time.process_time()
            fn()
            times[name].append((time.perf_counter() - w0, time.process_time() - c0))
    wall = tuple(statistics.median(t[0] for t in times[k]) for k in ("ours", "raw"))
    cpu = tuple(statistics.median(t[1] for t in times[k]) for k in ("ours", "raw"))
    return (wall[0], wall[1]), (cpu[0], cpu[1])


def _raw_values(rows: list[CollectionLine]) -> list[tuple[Any, ...]]:
    """Each row's cell values as the sheet stores them (yuan, date serials): prepared for the
    raw writer outside its timing."""
    serial: dict[date, float] = {}

    def d(day: date | None) -> float | None:
        if day is None:
            return None
        if day not in serial:
            serial[day] = to_excel(day)
        return serial[day]

    return [
        (
            r.building,
            r.unit_code,
            r.owner,
            r.item,
            r.period,
            d(r.due_date),
            r.quantity_centi / 100,
            r.rate_fen / 100,
            r.amount_fen / 100,
            r.paid_fen / 100,
            r.waived_fen / 100,
            r.owed_fen / 100,
            r.receipt_no,
            d(r.paid_on),
            r.method,
        )
        for r in rows
    ]


def raw_write(values: list[tuple[Any, ...]], target: Path) -> None:
    """openpyxl ``write_only`` writing the same cells, its fastest way (shared styles)."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("收费明细表")
    fmts = [c.fmt for c in FEE_COLUMNS]
    for i, c in enumerate(FEE_COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = c.width
    ws.freeze_panes = "A4"
    ws.print_title_rows = "1:3"
    title = WriteOnlyCell(ws, value=HEADER.heading)
    title.font = Font(bold=True, size=14)
    ws.append([title])
    ws.append([HEADER.byline])
    head = []
    for c in FEE_COLUMNS:
        cell = WriteOnlyCell(ws, value=c.header)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDE6F0")
        cell.alignment = Alignment(horizontal="center")
        head.append(cell)
    ws.append(head)
    protos: list[Any] = []
    for f in fmts:
        if f:
            p = WriteOnlyCell(ws, value=0)
            p.number_format = f
            protos.append(p._style)
        else:
            protos.append(None)
    formatted = [i for i, p in enumerate(protos) if p is not None]
    for row in values:
        out = list(row)
        for i in formatted:
            v = out[i]
            if v is not None:
                cell = WriteOnlyCell(ws, value=v)
                cell._style = copy(protos[i])
                out[i] = cell
        ws.append(out)
    last = 3 + len(values)
    totals: list[Any] = ["合计", f"{len(values):,} 行"]
    for i, c in enumerate(FEE_COLUMNS[2:], start=3):
        totals.append(
            f"=SUBTOTAL(9,{get_column_letter(i)}4:{get_column_letter(i)}{last})"
            if c.total
            else None
        )
    ws.append(totals)
    wb.save(target)


_RAW_SQL = """
SELECT b.name, u.code, i.name, l.period, l.due_date, l.quantity_centi, l.rate_fen, l.amount_fen,
       l.paid_fen, l.waived_fen, l.id
FROM bill_line l JOIN unit u ON u.id = l.unit_id JOIN building b ON b.id = u.building_id
JOIN fee_item i ON i.id = l.item_id
WHERE l.period BETWEEN ? AND ? AND i.code NOT IN ('deposit')
ORDER BY b.sort_key, b.id, u.code, i.sort_key, l.period, l.id
"""
_RAW_RECEIPTS = """
SELECT a.bill_line_id, p.receipt_no, p.paid_on, p.method FROM fee_allocation a
JOIN bill_line l ON l.id = a.bill_line_id LEFT JOIN payment p ON p.id = a.payment_id
WHERE l.period BETWEEN ? AND ? AND NOT a.reversed
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--smoke", action="store_true", help="the smallest configuration, once (smoke test)"
    )
    args = parser.parse_args(argv)
    if args.smoke:
        args.units = 30
        args.repeat = 1
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        path = tmp / "bench.sqlite3"
        db = fresh_database(path)
        _setup(db, args.units)
        count = _bill_and_pay(db)
        t0 = time.perf_counter()
        with db.begin(Actor.system()) as s:
            rows = list(collection_lines(s, FIRST, LAST))
        read_s = time.perf_counter() - t0
        assert len(rows) == count
        values = _raw_values(rows)

        wall, cpu = _interleaved(
            lambda: write_fee_sheet(rows, tmp / "ours.xlsx", header=HEADER),
            lambda: raw_write(values, tmp / "raw.xlsx"),
            args.repeat,
        )
        print(
            ratio_line(f"write the year's sheet ({count:,} lines)", *wall, "s"),
            "OK" if wall[0] <= wall[1] * TARGET_RATIO else f"SLOW (target {TARGET_RATIO}x)",
        )
        print(
            ratio_line("  the same, CPU time of the process", *cpu, "s"),
            "OK" if cpu[0] <= cpu[1] * TARGET_RATIO else f"SLOW (target {TARGET_RATIO}x)",
        )

        def whole() -> None:
            with db.begin(Actor.system()) as s:
                write_fee_sheet(collection_lines(s, FIRST, LAST), tmp / "whole.xlsx", header=HEADER)

        conn = raw_connection(path)

        def raw_whole() -> None:
            receipts = {r[0]: r[1:] for r in conn.execute(_RAW_RECEIPTS, (FIRST, LAST))}
            data = conn.execute(_RAW_SQL, (FIRST, LAST)).fetchall()
            prepared = [
                (*r[:5], r[5] / 100, r[6] / 100, r[7] / 100, r[8] / 100, r[9] / 100,
                 (r[7] - r[8] - r[9]) / 100, *(receipts.get(r[10]) or ("", None, "")))
                for r in data
            ]  # fmt: skip
            raw_write(prepared, tmp / "raw_whole.xlsx")

        wall, cpu = _interleaved(whole, raw_whole, args.repeat)
        conn.close()
        print(ratio_line("whole export: read + write", *wall, "s"))
        print(ratio_line("  the same, CPU time of the process", *cpu, "s"))
        print(f"{'  reading the rows (collection_lines)':<40} {read_s:10.2f} s")
        db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
