from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from propdesk.errors import NotFound
from propdesk.registry.models import Occupancy, Unit
from reports.excel.owners import SHEET, write_template
from tests.ui.helpers import SmallEstate
from ui.context import AppContext
from ui.ledger import actions
from ui.ledger.dialogs import ImportErrorsDialog
from ui.printing.preview import PdfPreviewDialog, preview_pdf
from ui.registrations import default_features

# The offscreen platform says this whenever a top-level dialog is shown; it is not ours.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _ledger(path: Path, rows: list[list[object]]) -> Path:
    wb = load_workbook(io.BytesIO(write_template()))
    for r in rows:
        wb[SHEET].append(r)
    wb.save(path)
    return path


GOOD = ["5", 1, "0101", None, 88.5, None, None, "赵六", "业主", "13811112222"]
BAD = ["5", 1, "0102", None, "八十", None, None, "钱七", "朋友", "13811113333"]


def _counts(ctx: AppContext) -> tuple[int, int]:
    with ctx.db.begin(ctx.actor) as s:
        return (
            s.scalar(select(func.count(Unit.id))) or 0,
            s.scalar(select(func.count(Occupancy.id))) or 0,
        )


def _parent(qtbot: QtBot) -> QWidget:
    parent = QWidget()
    qtbot.addWidget(parent)
    return parent


def test_menu_actions_registered() -> None:
    titles = {a.title for a in default_features().menu_actions if a.menu == "file"}
    assert {
        "Import owner ledger…",
        "Download import template…",
        "Export owner ledger…",
        "Print owner ledger of a building…",
    } <= titles
    runs = {a.title: a.run for a in default_features().menu_actions}
    assert runs["Import owner ledger…"] is actions.import_owner_ledger


def test_bad_row_lists_problems_saves_report_and_imports_nothing(
    qtbot: QtBot, ui_ctx: AppContext, small_estate: SmallEstate, tmp_path: Path
) -> None:
    parent = _parent(qtbot)
    src = _ledger(tmp_path / "台账.xlsx", [GOOD, BAD, [*GOOD[:2], "0103", None, 90]])
    before = _counts(ui_ctx)
    shown: list[QWidget] = []
    actions.import_owner_ledger(
        ui_ctx, parent, ask_path=lambda _p, _t: str(src), on_result=shown.append
    )
    dialog = shown[0]
    assert isinstance(dialog, ImportErrorsDialog)
    assert dialog.isVisible()
    model = dialog.table.model()
    cells = [tuple(model.index(r, c).data() for c in range(3)) for r in range(model.rowCount())]
    assert [c[:2] for c in cells] == [("3", "建筑面积"), ("3", "身份")]
    assert "不是数字" in cells[0][2]
    assert "未导入任何数据" in dialog.summary.text()
    assert _counts(ui_ctx) == before

    report = tmp_path / "report.xlsx"
    dialog.choose_path = lambda _p, _t, suggested: str(report)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    rows = list(load_workbook(report).active.iter_rows(values_only=True))  # type: ignore[union-attr]
    assert rows[2][:2] == (3, "建筑面积")
    assert str(report) in dialog.summary.text()


def test_good_file_imports_and_tells_the_views(
    qtbot: QtBot, ui_ctx: AppContext, small_estate: SmallEstate, tmp_path: Path
) -> None:
    parent = _parent(qtbot)
    src = _ledger(tmp_path / "ok.xlsx", [GOOD])
    shown: list[QWidget] = []
    asked: list[str] = []

    def yes(_parent: QWidget, _title: str, text: str) -> bool:
        asked.append(text)
        return True

    with qtbot.waitSignal(ui_ctx.hub.changed) as signal:
        actions.import_owner_ledger(
            ui_ctx, parent, ask_path=lambda _p, _t: str(src), confirm=yes, on_result=shown.append
        )
    assert "creates 1 units, 1 people" in asked[0]
    assert "New buildings: 5" in asked[0]
    changes = signal.args[0]
    assert changes.units
    assert changes.people
    assert changes.occupancy
    assert changes.buildings
    assert ui_ctx.errors.shown == []
    box = shown[0]
    assert isinstance(box, QMessageBox)
    assert "Imported 1 rows" in box.text()
    assert "New buildings: 5" in box.text()
    assert _counts(ui_ctx) == (4, 4)


def test_the_summary_counts_the_household_records(
    qtbot: QtBot, ui_ctx: AppContext, small_estate: SmallEstate, tmp_path: Path
) -> None:
    """车牌 and 宠物 columns imported: the summary says how many, and the unit page's
    household panels hear of it (``Changes.household``)."""
    household = [None, None, None, "粤B12345、粤B54321", None, "B1-001、临999", None, None,
                 "犬 旺财", None, "李芳（女儿）", "13900001111"]  # fmt: skip
    src = _ledger(tmp_path / "ok.xlsx", [GOOD + household])
    shown: list[QWidget] = []
    with qtbot.waitSignal(ui_ctx.hub.changed) as signal:
        actions.import_owner_ledger(
            ui_ctx,
            _parent(qtbot),
            ask_path=lambda _p, _t: str(src),
            confirm=lambda *_a: True,
            on_result=shown.append,
        )
    assert ui_ctx.errors.shown == []
    assert signal.args[0].household
    box = shown[0]
    assert isinstance(box, QMessageBox)
    assert "Household: 2 vehicles, 1 pets, 1 emergency contacts." in box.text()


def test_declining_the_confirmation_imports_nothing(
    qtbot: QtBot, ui_ctx: AppContext, small_estate: SmallEstate, tmp_path: Path
) -> None:
    parent = _parent(qtbot)
    src = _ledger(tmp_path / "ok.xlsx", [GOOD])
    before = _counts(ui_ctx)
    shown: list[QWidget] = []
    with qtbot.assertNotEmitted(ui_ctx.hub.changed):
        actions.import_owner_ledger(
            ui_ctx,
            parent,
            ask_path=lambda _p, _t: str(src),
            confirm=lambda _p, _t, _text: False,
            on_result=shown.append,
        )
    assert shown == []
    assert _counts(ui_ctx) == before


def test_unreadable_file_is_explained(
    qtbot: QtBot, ui_ctx: AppContext, small_estate: SmallEstate, tmp_path: Path
) -> None:
    parent = _parent(qtbot)
    src = tmp_path / "notes.xlsx"
    src.write_text("not a workbook")
    shown: list[QWidget] = []
    with qtbot.assertNotEmitted(ui_ctx.hub.changed):
        actions.import_owner_ledger(
            ui_ctx, parent, ask_path=lambda _p, _t: str(src), on_result=shown.append
        )
    assert shown == []  # not a list of bad rows: the one error handler explains it
    assert ".xlsx" in ui_ctx.errors.shown[-1].message


def test_template_is_saved_or_the_failure_explained(
    qtbot: QtBot, ui_ctx: AppContext, tmp_path: Path
) -> None:
    parent = _parent(qtbot)
    target = tmp_path / "template.xlsx"
    shown: list[QWidget] = []
    actions.download_template(
        ui_ctx, parent, ask_path=lambda _p, _t, _n: str(target), on_result=shown.append
    )
    assert target.exists()
    assert "Template saved" in shown[-1].text()  # type: ignore[attr-defined]
    actions.download_template(
        ui_ctx,
        parent,
        ask_path=lambda _p, _t, _n: str(tmp_path / "missing" / "t.xlsx"),
        on_result=shown.append,
    )
    assert "Could not save the file" in shown[-1].text()  # type: ignore[attr-defined]
    assert ui_ctx.errors.shown == []


def test_export_without_buildings_says_so(qtbot: QtBot, ui_ctx: AppContext) -> None:
    parent = _parent(qtbot)
    asked: list[object] = []
    actions.export_owner_ledger(
        ui_ctx,
        parent,
        choose_building=lambda _c, _p, b, _all: asked.append(b) or (False, None),  # type: ignore[func-returns-value]
    )
    assert asked == []
    box = parent.findChild(QMessageBox)
    assert box is not None
    assert "No buildings" in box.text()


def test_print_preview_shows_pages_saves_and_prints(
    qtbot: QtBot, ui_ctx: AppContext, small_estate: SmallEstate, tmp_path: Path
) -> None:
    parent = _parent(qtbot)
    shown: list[PdfPreviewDialog] = []
    actions.print_owner_ledger(
        ui_ctx,
        parent,
        choose_building=lambda _c, _p, buildings, _all: (True, buildings[0]),
        on_shown=shown.append,
    )
    preview = shown[0]
    assert preview.isVisible()
    assert preview.document.pageCount() == 1
    assert "1" in preview.page_label.text()
    assert "3栋" in preview.windowTitle()

    saved = tmp_path / "ledger"
    preview.choose_save_path = lambda _p, suggested: str(saved)
    assert preview.choose_save_path(preview, "") == str(saved)
    qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
    text = PdfReader(tmp_path / "ledger.pdf").pages[0].extract_text()
    assert "张三" in text
    assert "3-2-1502" in text

    printed = tmp_path / "printed.pdf"

    def to_file(_parent: QWidget, printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return True

    preview.choose_printer = to_file
    qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    assert len(PdfReader(printed).pages) == 1

    fitted = preview._effective_zoom()
    preview.zoom_in()
    assert preview.view.zoomMode() == QPdfView.ZoomMode.Custom
    assert preview.view.zoomFactor() == pytest.approx(fitted * 1.25)
    preview.zoom_out()
    assert preview.view.zoomFactor() == pytest.approx(fitted)


def test_export_through_the_action(
    qtbot: QtBot, ui_ctx: AppContext, small_estate: SmallEstate, tmp_path: Path
) -> None:
    parent = _parent(qtbot)
    target = tmp_path / "export.xlsx"
    shown: list[QWidget] = []
    actions.export_owner_ledger(
        ui_ctx,
        parent,
        choose_building=lambda _c, _p, _b, allow_all: (allow_all, None),
        ask_path=lambda _p, _t, _n: str(target),
        on_result=shown.append,
    )
    rows = list(load_workbook(target)[SHEET].iter_rows(values_only=True))[2:]  # title rows
    names = {r[rows[0].index("姓名")] for r in rows[1:]}
    assert names == {"张三", "李四", "王五", None}
    assert "Exported 4 rows" in shown[0].text()  # type: ignore[attr-defined]


def test_a_failing_document_is_explained_not_previewed(qtbot: QtBot, ui_ctx: AppContext) -> None:
    parent = _parent(qtbot)
    shown: list[PdfPreviewDialog] = []

    def broken(_session: object) -> bytes:
        raise NotFound("没有编号为 9 的楼栋。")

    preview_pdf(
        ui_ctx,
        broken,
        title="业主台账",
        suggested_name="x.pdf",
        parent=parent,
        on_shown=shown.append,
    )
    assert shown == []
    assert [f.message for f in ui_ctx.errors.shown] == ["没有编号为 9 的楼栋。"]
