"""The first-run set-up dialog: an empty estate from a pattern, with inline errors."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from propdesk.db.engine import Database
from propdesk.registry import services as reg
from tests.ui.helpers import type_text
from ui.setup.first_run import FirstRunSetupDialog, needs_setup
from ui.worker import InlineExecutor

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _create(qtbot: QtBot, dialog: FirstRunSetupDialog) -> None:
    qtbot.mouseClick(
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
        Qt.MouseButton.LeftButton,
    )


def test_empty_estate_from_a_pattern(qtbot: QtBot, sqlite_db: Database) -> None:
    assert needs_setup(sqlite_db)
    dialog = FirstRunSetupDialog(db=sqlite_db, executor=InlineExecutor())
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.empty.isChecked()
    type_text(qtbot, dialog.estate_name, "翠湖花园")
    dialog.buildings.setValue(2)
    dialog.floors.setValue(6)
    dialog.entrances.setValue(2)
    dialog.rooms.setValue(3)
    assert "72" in dialog.summary.text()
    dialog.area.setText("0")
    _create(qtbot, dialog)
    assert list(dialog.errors.visible_messages()) == ["area"]
    assert needs_setup(sqlite_db)  # nothing created
    dialog.area.setText("95.5")
    _create(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert not needs_setup(sqlite_db)
    with sqlite_db.begin() as s:
        assert reg.get_estate(s).name == "翠湖花园"
        assert [b.unit_count for b in reg.list_buildings(s)] == [36, 36]
        unit = reg.get_unit(s, reg.unit_id_by_code(s, "2-2-603"))
    assert unit.area_centi == 9550


def test_missing_estate_name_is_shown_next_to_the_field(qtbot: QtBot, sqlite_db: Database) -> None:
    dialog = FirstRunSetupDialog(db=sqlite_db, executor=InlineExecutor())
    qtbot.addWidget(dialog)
    dialog.show()
    _create(qtbot, dialog)
    assert "小区名称" in dialog.errors.visible_messages()["estate_name"]


def test_demo_estate_through_the_executor(qtbot: QtBot, sqlite_db: Database) -> None:
    dialog = FirstRunSetupDialog(db=sqlite_db, executor=InlineExecutor())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.demo, Qt.MouseButton.LeftButton)
    assert dialog.demo.isChecked()
    assert "clerk\u00a0/\u00a0clerk123" in dialog.demo_users.text()
    dialog.demo_units.setValue(12)
    _create(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    with sqlite_db.begin() as s:
        assert sum(b.unit_count for b in reg.list_buildings(s)) == 12


def test_cancelling_the_demo_rolls_everything_back(
    qtbot: QtBot, sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    import propdesk.demo.build as build

    dialog = FirstRunSetupDialog(db=sqlite_db, executor=InlineExecutor())
    qtbot.addWidget(dialog)
    dialog.show()
    real = build.generate_demo

    def cancel_midway(db: Database, **kwargs: object) -> object:
        progress = kwargs["progress"]

        def clicks_cancel_then_reports(fraction: float, text: str) -> None:
            if fraction > 0.3:  # the clerk presses Cancel part-way through
                dialog._cancel()
            progress(fraction, text)  # type: ignore[operator]

        kwargs["progress"] = clicks_cancel_then_reports
        return real(db, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(build, "generate_demo", cancel_midway)
    dialog.demo.setChecked(True)
    dialog.demo_units.setValue(12)
    _create(qtbot, dialog)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.isVisible()
    assert needs_setup(sqlite_db)  # the whole build was one transaction, rolled back


def test_a_database_failure_keeps_the_dialog_and_its_input(
    qtbot: QtBot, sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy.exc import OperationalError

    from propdesk.failures import FailureKind
    from ui.errors import ErrorHandler
    from ui.setup import first_run

    def busy(*_args: object) -> object:
        raise OperationalError("INSERT", {}, Exception("database is locked"))

    monkeypatch.setattr(first_run, "set_up_estate", busy)
    errors = ErrorHandler(show=lambda _parent, _failure: None)
    dialog = FirstRunSetupDialog(db=sqlite_db, executor=InlineExecutor(), errors=errors)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.estate_name, "翠湖花园")
    _create(qtbot, dialog)
    assert [f.kind for f in errors.shown] == [FailureKind.BUSY]
    assert dialog.isVisible()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.estate_name.text() == "翠湖花园"
    assert dialog.errors.visible_messages() == {}
    assert dialog.buttons.isEnabled()
