"""The monthly management report and the dashboard on the 5,000-unit demo estate.

    python benchmarks/bench_report.py [--units 5000] [--repeat 3] [--db FILE]

A demo estate with a year of data (``generate_demo``, today = 2026-11-20) is built once
into a fresh SQLite file (``--db`` reuses one already built). Then, medians of
``--repeat`` runs, each figure against the raw library doing the same work:

* **Report figures** (:func:`monthly_report` of 2026-10, every section and the two
  comparison months) vs the very SQL it sent, replayed on plain ``sqlite3``.
* **PDF** (queries + :func:`monthly_report_pdf`, charts included) vs the replayed SQL
  plus ReportLab (platypus, same embedded font) printing the same figures as plain
  tables in one pass, no charts. Target < 5 s.
* **Excel** (queries + :func:`monthly_report_xlsx`) vs the replayed SQL plus openpyxl
  writing the same figures with no formats. Target < 5 s.
* **Dashboard open** (construct :class:`DashboardPage`, show it, figures computed and
  drawn in its charts; inline executor so the whole wait is counted) vs the replayed
  SQL plus a bare ``QWidget`` with the same number of labels shown. Target < 1 s.

Measured 23 November 2026 (2 shared vCPU, SQLite, Qt offscreen; demo of 5,000 units
built in 24 s; October 2026: 343 tickets, 77 statements, 463 figures):

    report figures (queries)       272 ms   raw 242 ms   1.1x
    PDF (target < 5 s)             367 ms   raw 274 ms   1.3x
    Excel (target < 5 s)           301 ms   raw 259 ms   1.2x
    dashboard open (target < 1 s)  320 ms   raw 250 ms   1.3x
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
from dataclasses import fields, is_dataclass
from datetime import date
from pathlib import Path
from typing import Any

from _common import (
    captured_sql,
    demo_arguments,
    kept_or_new_demo,
    median_seconds,
    ratio_line,
    raw_connection,
    replay,
)

from propdesk.auth.actor import Actor
from propdesk.db.engine import Database
from propdesk.reporting.monthly import monthly_report
from propdesk.reporting.values import MonthlyReport

TODAY = date(2026, 11, 20)
MONTH = "2026-10"
PDF_TARGET_S = 5.0
XLSX_TARGET_S = 5.0
DASHBOARD_TARGET_S = 1.0


def _figures(value: Any, prefix: str = "") -> list[tuple[str, str]]:
    """Every leaf figure of the report as (path, text): what the raw renderers print."""
    out: list[tuple[str, str]] = []
    if is_dataclass(value) and not isinstance(value, type):
        for f in fields(value):
            out += _figures(getattr(value, f.name), f"{prefix}{f.name}.")
    elif isinstance(value, tuple):
        for i, item in enumerate(value):
            out += _figures(item, f"{prefix}{i}.")
    else:
        out.append((prefix.rstrip("."), str(value)))
    return out


def _report(db: Database) -> MonthlyReport:
    with db.begin(Actor.system()) as s:
        return monthly_report(s, MONTH, today=TODAY)


def _raw_pdf(rows: list[tuple[str, str]]) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate, Table

    from reports.pdf.document import FONT, register_fonts

    register_fonts()
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4)
    table = Table([list(r) for r in rows], repeatRows=0)
    table.setStyle([("FONTNAME", (0, 0), (-1, -1), FONT), ("FONTSIZE", (0, 0), (-1, -1), 8)])
    doc.build([table])
    return buf.getvalue()


def _raw_xlsx(rows: list[tuple[str, str]]) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    for r in rows:
        ws.append(list(r))
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def main(argv: list[str] | None = None) -> int:
    args = demo_arguments(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    tmp = tempfile.TemporaryDirectory()
    path, db = kept_or_new_demo(args.db, Path(tmp.name), args.units, TODAY)

    report = _report(db)  # warm caches once, as a running app would be
    with captured_sql(db.engine) as statements:
        _report(db)
    raw = raw_connection(path)
    rows = _figures(report)
    print(
        f"{len(statements)} statements; {len(rows)} figures; {MONTH}, {report.tickets.total} tickets"
    )

    from reports.excel.monthly_report import monthly_report_xlsx
    from reports.pdf.monthly_report import monthly_report_pdf

    q_ours = median_seconds(lambda: _report(db), args.repeat)
    q_raw = median_seconds(lambda: replay(raw, statements), args.repeat)
    pdf_ours = median_seconds(lambda: monthly_report_pdf(_report(db)), args.repeat)
    pdf_raw = median_seconds(lambda: (replay(raw, statements), _raw_pdf(rows)), args.repeat)
    x_ours = median_seconds(lambda: monthly_report_xlsx(_report(db)), args.repeat)
    x_raw = median_seconds(lambda: (replay(raw, statements), _raw_xlsx(rows)), args.repeat)

    from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

    from propdesk.config import Settings
    from ui.context import AppContext
    from ui.dashboard.page import DashboardPage
    from ui.events import ChangeHub
    from ui.worker import InlineExecutor

    app = QApplication.instance() or QApplication(sys.argv)
    ctx = AppContext(
        db=db,
        actor=Actor.system(),
        settings=Settings(language="zh_CN"),
        executor=InlineExecutor(),
        hub=ChangeHub(),
    )

    def open_dashboard() -> None:
        page = DashboardPage(ctx=ctx, today=TODAY)
        page.resize(1280, 800)
        page.show()
        app.processEvents()
        assert page.report is not None
        page.close()
        page.deleteLater()

    def open_bare() -> None:
        replay(raw, statements)
        w = QWidget()
        layout = QVBoxLayout(w)
        for i in range(12 + 4):
            layout.addWidget(QLabel(str(i)))
        w.resize(1280, 800)
        w.show()
        app.processEvents()
        w.close()
        w.deleteLater()

    open_dashboard()  # first-show costs (fonts, chart plugin) are paid once per app start
    d_ours = median_seconds(open_dashboard, args.repeat)
    d_raw = median_seconds(open_bare, args.repeat)

    print()
    print(ratio_line("report figures (queries)", q_ours, q_raw))
    print(ratio_line(f"PDF (target < {PDF_TARGET_S:.0f} s)", pdf_ours, pdf_raw))
    print(ratio_line(f"Excel (target < {XLSX_TARGET_S:.0f} s)", x_ours, x_raw))
    print(ratio_line(f"dashboard open (target < {DASHBOARD_TARGET_S:.0f} s)", d_ours, d_raw))
    met = pdf_ours < PDF_TARGET_S and x_ours < XLSX_TARGET_S and d_ours < DASHBOARD_TARGET_S
    print("targets", "met" if met else "NOT met")
    raw.close()
    db.dispose()
    tmp.cleanup()
    return 0 if met or args.smoke else 1


if __name__ == "__main__":
    sys.exit(main())
