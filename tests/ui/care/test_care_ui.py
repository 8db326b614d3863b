"""Care by keyboard: the banner in the global search results and in the parcel form, the
supervisors-only flag as a clerk sees it, a review date in the past refused next to its
field with nothing saved, and the care page's list and filters."""

from __future__ import annotations

from datetime import time, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from propdesk import clock
from propdesk.care import queries as cq
from propdesk.care import services as care
from propdesk.care.models import CareFlag
from propdesk.care.services import FlagSpec
from propdesk.db.engine import Database
from tests.ui.helpers import CLERK, SmallEstate, make_ctx, type_text
from ui.app import load_translations
from ui.care.dialogs import FlagDialog, ReviewDialog
from ui.care.page import CarePage
from ui.common.dates import from_qdate
from ui.desk.parcels import ParcelsVisitorsPage
from ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _flags(db: Database, estate: SmallEstate) -> None:
    with db.begin(CLERK) as s:
        care.add_household_flag(
            s, estate.unit_1502, FlagSpec("elderly_alone", "独居", confirmed=True)
        )
        care.add_household_flag(
            s, estate.unit_1502, FlagSpec("dnd", "夜班", dnd_start=time(22), dnd_end=time(8))
        )
        care.add_household_flag(
            s, estate.unit_101, FlagSpec("complainant", "多次投诉", visibility="supervisors")
        )


def _count(db: Database) -> int:
    with db.engine.connect() as conn:
        return int(conn.execute(select(func.count(CareFlag.id))).scalar_one())


def test_banner_in_global_search_results(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    _flags(sqlite_db, small_estate)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = load_translations(app, "zh_CN")  # the banner as a Chinese desk shows it
    win = MainWindow(ctx=make_ctx(sqlite_db, CLERK))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    qtbot.keyClick(win, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, win.search, "3-2-1502")
    qtbot.waitUntil(lambda: win.search.results.isVisible(), timeout=2000)
    banner = win.search.care_banner.banner  # type: ignore[attr-defined]
    qtbot.waitUntil(banner.isVisible, timeout=2000)
    assert banner.text() == "【关注】独居老人 · 免打扰时段 22:00–08:00"
    # the supervisors-only flag of 3-1-101 shows to a clerk without details
    win.search.clear()
    type_text(qtbot, win.search, "3-1-101")
    qtbot.waitUntil(lambda: "需主管查看" in banner.text() and banner.isVisible(), timeout=2000)
    assert "投诉" not in banner.text()
    win.close()
    for translator in translators:
        app.removeTranslator(translator)


def test_banner_in_parcel_form(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    _flags(sqlite_db, small_estate)
    page = ParcelsVisitorsPage(ctx=make_ctx(sqlite_db, CLERK))
    qtbot.addWidget(page)
    page.show()
    picker = page.parcels.unit
    assert not picker.care.isVisible()
    type_text(qtbot, picker.box, "3-2-1502")
    qtbot.waitUntil(lambda: picker.box.results.isVisible(), timeout=2000)
    qtbot.keyClick(picker.box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: picker.unit_id == small_estate.unit_1502, timeout=2000)
    qtbot.waitUntil(picker.care.isVisible, timeout=2000)
    assert "独居老人" in picker.care.text()
    picker.clear_choice()
    qtbot.waitUntil(lambda: not picker.care.isVisible(), timeout=2000)


def test_review_date_in_the_past_refused_nothing_saved(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    """A refused review date puts the focus in the date with its text selected, so the
    clerk's retyped date replaces it; a self-declared evacuation flag without consent asks
    first (No: nothing saved), then Alt+N ticks the consent and it saves."""
    dialog = FlagDialog(ctx=make_ctx(sqlite_db, CLERK), unit_id=small_estate.unit_1502)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.kind.hasFocus(), timeout=2000)
    qtbot.keyClick(dialog.kind, Qt.Key.Key_Down)  # 疏散需协助
    qtbot.keyClick(dialog.kind, Qt.Key.Key_Tab)
    type_text(qtbot, dialog.reason, "坐轮椅")
    assert dialog.source.currentText() == "本人申报"
    yesterday = clock.local_now().date() - timedelta(days=1)
    dialog.review_on.setDate(QDate(yesterday.year, yesterday.month, yesterday.day))
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    label = dialog.errors.labels["review_on"]
    qtbot.waitUntil(label.isVisible, timeout=2000)
    assert "复查日期必须在今天" in label.text()
    assert dialog.isVisible()
    assert dialog.reason.toPlainText() == "坐轮椅"  # input kept
    assert _count(sqlite_db) == 0
    # the focus is in the refused date, its year selected: the date typed replaces it
    assert dialog.review_on.hasFocus()
    assert dialog.review_on.lineEdit().selectedText() == f"{yesterday:%Y}"
    later = clock.local_now().date() + timedelta(days=30)
    type_text(qtbot, dialog.review_on, f"{later:%Y-%m-%d}")
    assert from_qdate(dialog.review_on.date()) == later
    qtbot.keyClick(dialog.review_on, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    # self-declared, sensitive, no consent recorded: the form asks (No by default)
    qtbot.waitUntil(lambda: dialog.confirm_box is not None, timeout=2000)
    box = dialog.confirm_box
    assert box is not None
    assert "同意" in box.text()
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.confirm_box is None, timeout=2000)
    assert _count(sqlite_db) == 0
    assert "同意" in dialog.errors.labels["consent_on"].text()
    qtbot.keyClick(dialog, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    assert dialog.consent.hasFocus()
    qtbot.keyClick(dialog.consent, Qt.Key.Key_Space)
    assert dialog.consent.isChecked()
    qtbot.keyClick(dialog.consent, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
    assert _count(sqlite_db) == 1
    assert dialog.result_value.kind_zh == "疏散需协助"


def test_elderly_alone_on_a_household_of_two_asks_first(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    dialog = FlagDialog(ctx=make_ctx(sqlite_db, CLERK), unit_id=small_estate.unit_1502)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.kind.hasFocus(), timeout=2000)
    assert dialog.kind.currentText() == "独居老人"
    qtbot.keyClick(dialog.kind, Qt.Key.Key_Tab)
    type_text(qtbot, dialog.reason, "白天独居")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog.confirm_box is not None, timeout=2000)
    box = dialog.confirm_box
    assert box is not None
    assert "2 位住户" in box.text()
    qtbot.keyClick(box, Qt.Key.Key_Escape)  # No
    qtbot.waitUntil(lambda: dialog.confirm_box is None, timeout=2000)
    assert _count(sqlite_db) == 0
    assert dialog.kind.hasFocus()
    qtbot.keyClick(dialog.kind, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog.confirm_box is not None, timeout=2000)
    box = dialog.confirm_box
    assert box is not None
    qtbot.keyClick(box, Qt.Key.Key_Y)  # &Yes
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
    assert _count(sqlite_db) == 1


def _overdue_flag(db: Database, estate: SmallEstate, test_clock: clock.FixedClock) -> int:
    with db.begin(CLERK) as s:
        review = clock.today(s) + timedelta(days=3)
        flag = care.add_household_flag(
            s, estate.unit_101, FlagSpec("vip", "业委会主任", review_on=review)
        ).id
    test_clock.advance(timedelta(days=10))
    return flag


def test_overdue_flag_edited_asks_for_the_next_review_then_reviewed(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate, test_clock: clock.FixedClock
) -> None:
    """关怀 → 只看到期未复查 → Enter on the overdue flag → change the reason → save: refused
    by the review date (focus there); Ctrl+D (已复查) sets the next review six months on;
    save records who reviewed and the flag leaves the overdue list."""
    flag_id = _overdue_flag(sqlite_db, small_estate, test_clock)
    page = CarePage(ctx=make_ctx(sqlite_db, CLERK))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=2000)
    page.resize(1200, 800)
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page, timeout=2000)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)  # ticks it
    qtbot.waitUntil(page.overdue.hasFocus, timeout=2000)
    qtbot.waitUntil(lambda: page.overdue.isChecked() and page.model.rowCount() == 1, timeout=2000)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(page.dialog, FlagDialog), timeout=2000)
    dialog = page.dialog
    assert isinstance(dialog, FlagDialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2000)
    dialog.reason.setFocus()
    dialog.reason.selectAll()
    type_text(qtbot, dialog.reason, "业委会副主任")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    label = dialog.errors.labels["review_on"]
    qtbot.waitUntil(label.isVisible, timeout=2000)
    assert "下一次复查日期" in label.text()
    assert dialog.review_on.hasFocus()
    with sqlite_db.begin(CLERK) as s:
        assert cq.count_overdue(s) == 1
    qtbot.keyClick(dialog.review_on, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    today = clock.local_now().date()
    assert from_qdate(dialog.review_on.date()) == care.next_review_default(today)
    assert dialog.review_on.hasFocus()
    qtbot.keyClick(dialog.review_on, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
    with sqlite_db.begin(CLERK) as s:
        flag = s.get(CareFlag, flag_id)
        assert flag is not None
        assert flag.reviewed_by == CLERK.display_name
        assert flag.reviewed_at is not None
        assert flag.review_on == care.next_review_default(today)
        assert cq.count_overdue(s) == 0
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=2000)


def test_reviewed_from_the_care_page_by_keyboard(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate, test_clock: clock.FixedClock
) -> None:
    flag_id = _overdue_flag(sqlite_db, small_estate, test_clock)
    page = CarePage(ctx=make_ctx(sqlite_db, CLERK))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=2000)
    page.resize(1200, 800)
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page, timeout=2000)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)  # Reviewe&d…
    qtbot.waitUntil(lambda: isinstance(page.dialog, ReviewDialog), timeout=2000)
    dialog = page.dialog
    assert isinstance(dialog, ReviewDialog)
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(dialog.next_review.hasFocus, timeout=2000)
    today = clock.local_now().date()
    assert from_qdate(dialog.next_review.date()) == care.next_review_default(today)
    # a date that is not after today is refused, the date selected for retyping
    dialog.next_review.selectAll()
    type_text(qtbot, dialog.next_review, f"{today:%Y-%m-%d}")
    qtbot.keyClick(dialog.next_review, Qt.Key.Key_Return)
    qtbot.waitUntil(dialog.errors.labels["review_on"].isVisible, timeout=2000)
    assert dialog.next_review.hasFocus()
    assert dialog.next_review.lineEdit().selectedText() == f"{today:%Y}"
    later = today + timedelta(days=60)
    type_text(qtbot, dialog.next_review, f"{later:%Y-%m-%d}")
    qtbot.keyClick(dialog.next_review, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
    with sqlite_db.begin(CLERK) as s:
        flag = s.get(CareFlag, flag_id)
        assert flag is not None
        assert (flag.review_on, flag.reviewed_by) == (later, CLERK.display_name)
    assert "已保存" in page.message.text() or "Saved" in page.message.text()


def test_care_page_lists_and_filters(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    _flags(sqlite_db, small_estate)
    page = CarePage(ctx=make_ctx(sqlite_db, CLERK))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=2000)
    kinds = {page.model.index(r, 3).data() for r in range(3)}
    assert kinds == {"独居老人", "免打扰时段 22:00–08:00", "有关注事项（需主管查看）"}
    page.kind.setCurrentIndex(page.kind.findData("complainant"))
    assert page.model.rowCount() == 0  # a clerk cannot find the restricted flag by its kind
    page.kind.setCurrentIndex(page.kind.findData("elderly_alone"))
    assert page.model.rowCount() == 1
    page.kind.setCurrentIndex(0)
    page.overdue.setChecked(True)
    assert page.model.rowCount() == 0


def test_evacuation_list_is_the_office_copy_unless_the_team_copy_is_chosen(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    """Alt+L prints the evacuation-help list: by default the office copy (a clerk sees masked
    phones, nothing revealed, the header says 办公室存档). The evacuation team's copy asks
    first (No by default: nothing printed); Yes prints it with the full phones, the header
    says so, the audit names the list and 疏散小组 (not 门岗), and the next print is the
    office copy again."""
    import io

    from pypdf import PdfReader

    from propdesk.audit.models import AuditEntry
    from ui.printing.preview import PdfPreviewDialog

    with sqlite_db.begin(CLERK) as s:
        care.add_household_flag(s, small_estate.unit_1502, FlagSpec("evacuation", "坐轮椅"))

    def reveals() -> list[str]:
        with sqlite_db.engine.connect() as conn:
            query = select(AuditEntry.changes).where(AuditEntry.action == "reveal")
            return list(conn.execute(query).scalars())

    def previews() -> list[PdfPreviewDialog]:
        return [w for w in QApplication.topLevelWidgets() if isinstance(w, PdfPreviewDialog)]

    def printed() -> str:
        qtbot.waitUntil(lambda: bool(previews()), timeout=5000)
        preview = previews()[0]
        text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(preview.pdf)).pages)
        preview.close()
        preview.deleteLater()
        QApplication.processEvents()
        return text

    page = CarePage(ctx=make_ctx(sqlite_db, CLERK))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=2000)
    assert page.audience.currentData() == "office"
    page.print_button.setFocus()
    before = len(reveals())
    qtbot.keyClick(page.print_button, Qt.Key.Key_Space)  # Alt+L's button
    office = printed()
    assert "坐轮椅" in office
    assert "13900001111" not in office
    assert "139****1111" in office
    assert "办公室存档" in office
    assert "疏散小组用" not in office
    assert len(reveals()) == before
    # the team's copy: asked first, No is the default and prints nothing
    page.audience.setFocus()
    qtbot.keyClick(page.audience, Qt.Key.Key_Down)  # the evacuation team's copy
    assert page.audience.currentData() == "guard"
    qtbot.keyClick(page.print_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: page.confirm_box is not None, timeout=2000)
    box = page.confirm_box
    assert box is not None
    assert "phone number in full" in box.text()
    assert "audit log" in box.text()
    qtbot.keyClick(box, Qt.Key.Key_Return)  # No
    qtbot.waitUntil(lambda: page.confirm_box is None, timeout=2000)
    qtbot.wait(50)
    assert not previews()
    assert page.audience.currentData() == "office"
    assert len(reveals()) == before
    # chosen again, Yes: printed with the full phones, said in the header, audited
    page.audience.setFocus()
    qtbot.keyClick(page.audience, Qt.Key.Key_Down)
    qtbot.keyClick(page.print_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: page.confirm_box is not None, timeout=2000)
    box = page.confirm_box
    assert box is not None
    qtbot.keyClick(box, Qt.Key.Key_Y)  # &Yes
    team = printed()
    assert "13900001111" in team
    assert "疏散小组用·含完整电话" in team
    audited = reveals()[before:]
    assert audited
    assert all("疏散协助名单，疏散小组" in line for line in audited)
    assert not any("门岗" in line for line in audited)
    # the next print is the office copy again
    assert page.audience.currentData() == "office"


def test_the_list_keeps_the_clerks_place_after_a_change(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    """Working down the list: after a change (a flag saved, here or at another desk) the
    list reloads with the same flag selected, not the first row."""
    from ui.events import Changes

    _flags(sqlite_db, small_estate)
    page = CarePage(ctx=make_ctx(sqlite_db, CLERK))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=2000)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    chosen = page.current_id()
    assert chosen is not None
    assert page.table.currentIndex().row() == 2
    page.ctx.hub.notify(Changes(care=True))
    qtbot.waitUntil(lambda: page.current_id() == chosen, timeout=2000)
    assert page.table.currentIndex().row() == 2
