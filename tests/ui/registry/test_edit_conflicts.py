"""Two desks edit the same record (issue 20): the second save shows both versions field by
field; the clerk keeps theirs, takes the other's, or merges. Never a silent overwrite, never a
raw error."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from propdesk.db.engine import Database
from propdesk.registry import services as reg
from tests.ui.helpers import SmallEstate, make_ctx, read
from ui.common.conflict import MINE, THEIRS, ConflictDialog
from ui.registry.dialogs import PersonDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def editing(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> tuple[PersonDialog, int]:
    """Desk A has 张三 open; desk B then saves a new phone and new notes for him."""
    desk_a = make_ctx(sqlite_db)
    desk_b = make_ctx(sqlite_db)
    dialog = PersonDialog(ctx=desk_a, person_id=small_estate.zhang_san)
    qtbot.addWidget(dialog)
    dialog.show()
    with desk_b.db.begin(desk_b.actor) as s:
        version = reg.get_person(s, small_estate.zhang_san).person.version
        reg.update_person(
            s,
            small_estate.zhang_san,
            expected_version=version,
            phone="13900001111",
            notes="B 台：周末不在家",
        )
    return dialog, small_estate.zhang_san


def _press_save(qtbot: QtBot, dialog: PersonDialog) -> None:
    """Enter in the name field (Save is the default button), then wait until the save has
    come back: saved, refused or in conflict."""
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: (
            dialog.conflict_dialog is not None
            or dialog.result() == QDialog.DialogCode.Accepted
            or bool(dialog.errors.visible_messages())
        ),
        timeout=3000,
    )


def _save(qtbot: QtBot, dialog: PersonDialog) -> ConflictDialog:
    _press_save(qtbot, dialog)
    conflict = dialog.conflict_dialog
    assert conflict is not None, dialog.errors.visible_messages()
    assert conflict.isVisible()
    return conflict


def test_the_second_save_shows_both_versions_field_by_field(
    qtbot: QtBot, editing: tuple[PersonDialog, int]
) -> None:
    dialog, _person = editing
    dialog.name.setText("张三丰")
    dialog.notes.setPlainText("A 台：腿脚不便")
    conflict = _save(qtbot, dialog)

    rows = {row.key: row for row in conflict.rows}
    assert set(rows) == {"name", "phone", "notes"}
    assert rows["notes"].clash  # both changed it: the clerk's choice
    assert (rows["notes"].theirs, rows["notes"].mine) == ("B 台：周末不在家", "A 台：腿脚不便")
    assert not rows["phone"].clash
    assert rows["phone"].they_changed
    assert not rows["name"].clash
    assert rows["name"].i_changed
    shown = [
        [conflict.table.item(r, c).text() for c in range(4)]
        for r in range(conflict.table.rowCount())
    ]
    assert ["备注", "", "B 台：周末不在家", "A 台：腿脚不便"] in shown or any(
        row[2:] == ["B 台：周末不在家", "A 台：腿脚不便"] for row in shown
    )
    assert dialog.isVisible()  # nothing closed, nothing lost


def test_merge_keeps_each_sides_own_change_and_the_clerks_choice_on_a_clash(
    qtbot: QtBot, editing: tuple[PersonDialog, int]
) -> None:
    dialog, person = editing
    dialog.name.setText("张三丰")
    dialog.notes.setPlainText("A 台：腿脚不便")
    conflict = _save(qtbot, dialog)
    conflict.choose("notes", THEIRS)
    qtbot.mouseClick(conflict.merge, Qt.MouseButton.LeftButton)

    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = read(dialog.ctx, lambda s: reg.get_person(s, person).person)
    assert saved.name == "张三丰"  # mine: only I changed it
    assert saved.phone == "13900001111"  # theirs: only they changed it
    assert saved.notes == "B 台：周末不在家"  # the clash, as chosen


def test_keep_mine_overrides_the_clash_but_keeps_their_untouched_change(
    qtbot: QtBot, editing: tuple[PersonDialog, int]
) -> None:
    dialog, person = editing
    dialog.notes.setPlainText("A 台：腿脚不便")
    conflict = _save(qtbot, dialog)
    qtbot.mouseClick(conflict.keep_mine, Qt.MouseButton.LeftButton)

    saved = read(dialog.ctx, lambda s: reg.get_person(s, person).person)
    assert saved.notes == "A 台：腿脚不便"
    assert saved.phone == "13900001111"


def test_taking_theirs_saves_nothing_and_shows_their_version(
    qtbot: QtBot, editing: tuple[PersonDialog, int]
) -> None:
    dialog, person = editing
    dialog.notes.setPlainText("A 台：腿脚不便")
    conflict = _save(qtbot, dialog)
    qtbot.keyClick(conflict, Qt.Key.Key_Escape)  # Esc takes theirs: nothing overwritten

    assert conflict.outcome == THEIRS
    assert dialog.isVisible()
    assert dialog.notes.toPlainText() == "B 台：周末不在家"
    assert "没有保存" in "".join(dialog.errors.visible_messages().values()) or "nothing" in "".join(
        dialog.errors.visible_messages().values()
    )
    saved = read(dialog.ctx, lambda s: reg.get_person(s, person).person)
    assert saved.notes == "B 台：周末不在家"
    # Saving now is against the new version: no second conflict.
    dialog.notes.setPlainText("A 台：腿脚不便")
    dialog.errors.clear()
    _press_save(qtbot, dialog)
    assert dialog.conflict_dialog is None
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert read(dialog.ctx, lambda s: reg.get_person(s, person).person).notes == "A 台：腿脚不便"


def test_a_change_elsewhere_in_fields_the_form_does_not_show_just_saves(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    desk_a, desk_b = make_ctx(sqlite_db), make_ctx(sqlite_db)
    dialog = PersonDialog(ctx=desk_a, person_id=small_estate.li_si)
    qtbot.addWidget(dialog)
    dialog.show()
    with desk_b.db.begin(desk_b.actor) as s:  # a field this form does not show
        s.execute(
            text("UPDATE person SET version = version + 1 WHERE id = :i"), {"i": small_estate.li_si}
        )
    dialog.notes.setPlainText("新备注")
    _press_save(qtbot, dialog)
    assert dialog.conflict_dialog is None, dialog.errors.visible_messages()
    assert not desk_a.errors.shown
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert read(desk_a, lambda s: reg.get_person(s, small_estate.li_si).person).notes == "新备注"


def test_conflict_choice_values_follow_the_outcome() -> None:
    from ui.common.conflict import FieldVersions, compare

    rows = compare(
        {"a": "A", "b": "B", "c": "C"},
        base={"a": "1", "b": "1", "c": "1"},
        theirs={"a": "2", "b": "1", "c": "3"},
        mine={"a": "1", "b": "2", "c": "4"},
    )
    assert [r.key for r in rows] == ["a", "b", "c"]
    assert [r.merged for r in rows] == ["2", "2", "4"]
    assert FieldVersions("x", "X", "1", "1", "1").clash is False
    assert MINE != THEIRS
