"""Registration is lazy: every page, panel and menu command it names exists, and opening the
main window imports only what its first page needs (no ReportLab, openpyxl or other pages)."""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from propdesk.auth.actor import Actor, Role
from propdesk.db.engine import Database
from tests.ui.helpers import make_ctx
from ui.registrations import default_features

ROOT = Path(__file__).resolve().parents[2]


def _targets() -> list[tuple[str, str]]:
    callables: list[object] = [m.factory for m in default_features().nav_modules]
    callables += [
        p.factory for p in (*default_features().unit_panels, *default_features().person_panels)
    ]
    callables += [a.run for a in default_features().menu_actions] + [
        c.count for c in default_features().status_counters
    ]
    return [t for t in (getattr(c, "target", None) for c in callables) if t is not None]


def test_every_lazily_named_page_panel_and_command_exists() -> None:
    targets = _targets()
    assert ("ui.fees.page", "FeesPage") in targets
    assert ("ui.dashboard.page", "DashboardPage") in targets
    for module, name in targets:
        assert callable(getattr(importlib.import_module(module), name)), (module, name)


@pytest.mark.parametrize("role", list(Role))
def test_menu_visibility_written_inline_matches_the_features_own_checks(
    sqlite_db: Database, role: Role
) -> None:
    from ui.renovation.settings_dialog import can_manage as can_manage_violations
    from ui.tickets.settings_dialog import can_manage as can_manage_tickets

    ctx = make_ctx(sqlite_db, actor=Actor(user_id=None, username="u", display_name="u", role=role))
    by_target = {
        getattr(a.run, "target", ("", ""))[1]: a.visible for a in default_features().menu_actions
    }
    assert by_target["open_settings"](ctx) == can_manage_tickets(ctx)
    assert by_target["open_violation_types"](ctx) == can_manage_violations(ctx)


_CHILD = """
import json, sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from propdesk.auth.actor import Actor, Role
from propdesk.config import Settings
from propdesk.db.engine import open_database
from ui.app import make_context
from ui.main_window import MainWindow
from ui.worker import InlineExecutor
db = open_database(sys.argv[1])
actor = Actor(user_id=None, username="clerk", display_name="前台小王", role=Role.CLERK)
window = MainWindow(ctx=make_context(db, actor, Settings(), InlineExecutor()))
window.show()
print(json.dumps({"page": window.stack.currentWidget().objectName(), "modules": sorted(sys.modules)}))
db.dispose()
"""


def test_the_clerks_first_window_imports_only_its_first_page(sqlite_db: Database) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, sqlite_db.url],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    shown = json.loads(out.splitlines()[-1])
    assert shown["page"] == "module_overview"
    loaded = set(shown["modules"])
    assert "ui.desk.overview" in loaded
    for heavy in (
        "reportlab",
        "openpyxl",
        "ui.fees.page",
        "ui.dashboard.page",
        "ui.notices.page",
        "ui.desk.patrols",
        "ui.movein.page",
    ):
        assert heavy not in loaded, heavy
