"""Printed reminder letters are filed in each unit's archive once printed — not on preview."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from propdesk.archive.models import ArchiveDocument, ArchiveFile
from propdesk.db.engine import Database
from tests.ui.fees.test_fee_pages import MANAGER, _bill, _open_preview, _to_file
from tests.ui.helpers import SmallEstate, make_ctx
from ui.fees.page import FeesPage

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _filed(db: Database) -> tuple[int, int]:
    with db.begin(MANAGER) as s:
        docs = int(s.scalar(select(func.count(ArchiveDocument.id))) or 0)
        files = int(s.scalar(select(func.count(ArchiveFile.id))) or 0)
    return docs, files


def test_letters_filed_only_when_printed(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate, tmp_path: Path
) -> None:
    _bill(sqlite_db, small_estate)
    fees = FeesPage(ctx=make_ctx(sqlite_db, MANAGER))
    qtbot.addWidget(fees)

    dialog = _open_preview(qtbot, fees.arrears.print_letters)
    dialog.close_button.click()
    assert _filed(sqlite_db) == (0, 0)  # a preview is not a send

    dialog = _open_preview(qtbot, fees.arrears.print_letters)
    dialog.choose_printer = _to_file(tmp_path / "letters.pdf")
    dialog.print_button.click()
    qtbot.waitUntil(lambda: _filed(sqlite_db)[0] > 0)
    docs, files = _filed(sqlite_db)
    assert files == 1  # the batch's PDF stored once, filed on each unit
    with sqlite_db.begin(MANAGER) as s:
        rows = s.execute(select(ArchiveDocument.unit_id, ArchiveDocument.source)).all()
        content = s.scalar(select(ArchiveFile.content))
    assert {src for _u, src in rows} == {"printed"}
    assert len({u for u, _s in rows}) == docs
    assert content == dialog.pdf
    dialog.print_button.click()  # printed again
    dialog.close()
    assert _filed(sqlite_db) == (docs, 1)


def test_payment_notices_filed_only_when_saved(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate, tmp_path: Path
) -> None:
    from tests.ui.fees.test_fee_pages import _notice_logs

    _bill(sqlite_db, small_estate)
    fees = FeesPage(ctx=make_ctx(sqlite_db, MANAGER))
    qtbot.addWidget(fees)
    fees.billing.month.setText("2026-01")
    dialog = _open_preview(qtbot, fees.billing.print_notices)
    dialog.close_button.click()
    assert _filed(sqlite_db) == (0, 0)

    dialog = _open_preview(qtbot, fees.billing.print_notices)
    dialog.choose_save_path = lambda _parent, _suggested: str(tmp_path / "notices.pdf")
    assert dialog.save_as()
    qtbot.waitUntil(lambda: _filed(sqlite_db)[0] > 0)
    docs, files = _filed(sqlite_db)
    assert files == 1
    assert docs == _notice_logs(sqlite_db, "notice")  # one filed per unit notified
    with sqlite_db.begin(MANAGER) as s:
        titles = set(s.scalars(select(ArchiveDocument.title)))
    assert titles == {"缴费通知单 2026-01"}
    dialog.close()


def test_move_out_slip_filed_when_printed_not_on_preview(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QApplication

    from propdesk import clock
    from propdesk.movein import moveout
    from propdesk.movein.values import MoveOutForm
    from propdesk.registry import services as reg
    from ui.movein.printing import print_slip
    from ui.printing.preview import PdfPreviewDialog

    with sqlite_db.begin(MANAGER) as s:
        occ = reg.start_occupancy(
            s,
            person_id=small_estate.wang_wu,
            unit_id=small_estate.unit_1501,
            role="tenant",
            start_date=clock.today(s) - timedelta(days=100),
        )
        mid = moveout.record_move_out(
            s,
            MoveOutForm(
                occupancy_id=occ,
                moved_out_on=clock.today(s),
                water_reading_centi=100,
                electricity_reading_centi=200,
                keys_returned=2,
            ),
        )
    ctx = make_ctx(sqlite_db, MANAGER)

    def preview() -> PdfPreviewDialog:
        print_slip(ctx, mid)
        qtbot.waitUntil(
            lambda: any(
                isinstance(w, PdfPreviewDialog) and w.isVisible()
                for w in QApplication.topLevelWidgets()
            ),
            timeout=5000,
        )
        return next(
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, PdfPreviewDialog) and w.isVisible()
        )

    dialog = preview()
    dialog.close_button.click()
    assert _filed(sqlite_db) == (0, 0)  # looked at, not printed

    dialog = preview()
    dialog.choose_printer = _to_file(tmp_path / "slip.pdf")
    dialog.print_button.click()
    qtbot.waitUntil(lambda: _filed(sqlite_db)[0] == 1, timeout=3000)
    dialog.print_button.click()  # printed again: filed once
    dialog.close()
    assert _filed(sqlite_db) == (1, 1)
    with sqlite_db.begin(MANAGER) as s:
        unit_id, source = s.execute(select(ArchiveDocument.unit_id, ArchiveDocument.source)).one()
    assert (unit_id, source) == (small_estate.unit_1501, "printed")
