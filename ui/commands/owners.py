"""Owner ledger on the command line.

* ``propdesk import owners FILE.xlsx [--report ERRORS.xlsx]``: all or nothing; any bad row
  prints every problem (row, column, message), writes nothing and exits 1.
* ``propdesk export owners FILE.xlsx [--building CODE]``: the ledger, ID numbers masked.
* ``propdesk template owners FILE.xlsx``: the blank import template.
* ``propdesk print ledger --building CODE -o FILE.pdf``: the printed 业主台账 of a building.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from propdesk.errors import NotFound
from propdesk.registry import services as reg
from propdesk.registry.ledger import LedgerImportError, import_ledger, ledger_rows
from propdesk.registry.values import BuildingInfo
from ui.commands import group, output_path
from ui.commands.login import open_logged_in


def register(sub: Any) -> None:
    from ui.cli import add_db_option

    imp = group(sub, "import").add_parser(
        "owners",
        help="import the owner ledger (业主台账) from the template's .xlsx",
        description="Checks the whole file first: if any row is bad nothing is imported, "
        "every problem is listed (row, column, message) and the exit code is 1.",
    )
    imp.add_argument("file", metavar="FILE.xlsx", help="the filled-in import template")
    imp.add_argument(
        "--report", metavar="ERRORS.xlsx", help="also write the problems to this workbook"
    )
    add_db_option(imp)
    imp.set_defaults(func=_import)

    exp = group(sub, "export").add_parser(
        "owners", help="export the owner ledger to .xlsx (ID numbers masked)"
    )
    exp.add_argument("file", metavar="FILE.xlsx", help="where to write the workbook")
    exp.add_argument("--building", metavar="CODE", help="only this building (e.g. 3)")
    add_db_option(exp)
    exp.set_defaults(func=_export)

    tpl = group(sub, "template").add_parser(
        "owners", help="write the blank owner ledger import template (.xlsx)"
    )
    tpl.add_argument("file", metavar="FILE.xlsx", help="where to write the template")
    add_db_option(tpl)  # accepted for uniformity; the template needs no database
    tpl.set_defaults(func=_template)

    prn = group(sub, "print").add_parser(
        "ledger", help="print the owner ledger (业主台账) of a building to PDF"
    )
    prn.add_argument("--building", metavar="CODE", required=True, help="building code, e.g. 3")
    prn.add_argument("-o", "--output", metavar="FILE.pdf", required=True, help="the PDF to write")
    add_db_option(prn)
    prn.set_defaults(func=_print)


def _import(args: argparse.Namespace) -> int:
    from reports.excel.owners import read_ledger, write_error_report

    report = output_path(args.report, ".xlsx") if args.report else None
    rows = read_ledger(Path(args.file))
    database, actor = open_logged_in(args)
    try:
        with database.begin(actor) as session:
            summary = import_ledger(session, rows)
    except LedgerImportError as exc:
        print(f"propdesk: {exc}", file=sys.stderr)
        for e in exc.errors:
            where = f"第 {e.row} 行" if e.row else "文件"
            column = f"[{e.column}]" if e.column else "[整行]"
            print(f"{where} {column} {e.message}", file=sys.stderr)
        if report is not None:
            write_error_report(exc.errors, report, source_name=Path(args.file).name)
            print(f"错误报告已保存：{report}", file=sys.stderr)
        return 1
    finally:
        database.dispose()
    print(
        f"已导入 {summary.rows} 行：新建楼栋 {len(summary.buildings_created)} 个"
        f"{'（' + '、'.join(summary.buildings_created) + '）' if summary.buildings_created else ''}，"
        f"新建房屋 {summary.units_created} 套（已有 {summary.units_matched} 套），"
        f"新建住户 {summary.people_created} 人（已有 {summary.people_matched} 人），"
        f"入住记录 {summary.occupancies_created} 条；"
        f"车辆 {summary.vehicles_created} 辆，宠物 {summary.pets_created} 只，"
        f"紧急联系人 {summary.contacts_created} 位。"
    )
    return 0


def _building(session: Session, code: str) -> BuildingInfo:
    for b in reg.list_buildings(session):
        if b.code == code.strip():
            return b
    raise NotFound(f"没有编号为 {code} 的楼栋。")


def _export(args: argparse.Namespace) -> int:
    from propdesk.reporting.sheet_header import sheet_header
    from reports.excel.owners import write_export

    target = output_path(args.file, ".xlsx")
    database, actor = open_logged_in(args)
    try:
        with database.begin(actor) as session:
            building = _building(session, args.building) if args.building else None
            lines = ledger_rows(session, building_id=building.id if building else None, actor=actor)
            header = sheet_header(session, "业主台账", building.name if building else "全部楼栋")
    finally:
        database.dispose()
    write_export(lines, target, header=header)
    units = len({ln.unit_code for ln in lines})
    print(f"已导出 {units} 套房屋、{len(lines)} 行（身份证号已打码）：{target}")
    return 0


def _template(args: argparse.Namespace) -> int:
    from reports.excel.owners import write_template

    target = output_path(args.file, ".xlsx")
    write_template(target)
    print(f"导入模板已保存：{target}")
    return 0


def _print(args: argparse.Namespace) -> int:
    from reports.pdf.owner_ledger import owner_ledger_pdf
    from ui.cli import CliError

    target = Path(args.output)
    if target.suffix.lower() != ".pdf":
        raise CliError(f"输出文件应以 .pdf 结尾：{args.output}")
    database, actor = open_logged_in(args)
    try:
        with database.begin(actor) as session:
            building = _building(session, args.building)
            estate = reg.get_estate(session, building.estate_id)
            lines = ledger_rows(session, building_id=building.id, actor=actor)
    finally:
        database.dispose()
    owner_ledger_pdf(
        lines,
        estate_name=estate.name,
        building_name=building.name,
        company=estate.company,
        printed_by=actor.display_name,
        target=target,
    )
    print(f"业主台账已保存：{target}")
    return 0
