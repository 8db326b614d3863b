"""Helpers for GUI tests: an AppContext with an inline executor, the small estate, typing Chinese."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import event
from sqlalchemy.orm import Session

from propdesk.auth.actor import Actor, Role
from propdesk.config import Settings
from propdesk.db.engine import Database
from propdesk.registry import services as reg
from ui.context import AppContext
from ui.errors import ErrorHandler
from ui.events import ChangeHub
from ui.worker import InlineExecutor

T = TypeVar("T")

CLERK = Actor(user_id=None, username="clerk", display_name="前台小王", role=Role.CLERK)
SUPERVISOR = Actor(user_id=None, username="sup", display_name="主管老李", role=Role.SUPERVISOR)


@dataclass(frozen=True)
class SmallEstate:
    """Building 3 with units 3-2-1502 (张三 owner, 李四 tenant), 3-2-1501 (vacant), 3-1-101 (王五)."""

    building_id: int
    unit_1502: int
    unit_1501: int
    unit_101: int
    zhang_san: int
    li_si: int
    wang_wu: int


@contextmanager
def captured_selects(db: Database) -> Iterator[list[str]]:
    """The SQL text of every statement (not BEGIN) the engine runs inside the block: what a
    widget read."""
    seen: list[str] = []

    def record(_c: Any, _cur: Any, statement: str, *_args: Any) -> None:
        if statement != "BEGIN":
            seen.append(statement)

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", record)


def make_ctx(db: Database, actor: Actor = SUPERVISOR, language: str = "zh_CN") -> AppContext:
    return AppContext(
        db=db,
        actor=actor,
        settings=Settings(language=language),
        executor=InlineExecutor(),
        hub=ChangeHub(),
        # Failures are recorded in ``ctx.errors.shown`` instead of a modal box.
        errors=ErrorHandler(show=lambda _parent, _failure: None),
    )


def read(ctx: AppContext, fn: Callable[[Session], T]) -> T:
    """Read the database as the test's user (to check what a screen saved)."""
    with ctx.db.begin(ctx.actor) as session:
        return fn(session)


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type ``text`` into ``widget`` key by key; characters outside Latin-1 (Chinese) arrive as
    key events carrying the text, as an input method delivers them."""
    for ch in text:
        if ord(ch) < 128:
            qtbot.keyClicks(widget, ch)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(
                    widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch)
                )


def build_small_estate(db: Database) -> SmallEstate:
    with db.begin(SUPERVISOR) as s:
        eid = reg.create_estate(s, name="翠湖花园")
        bid = reg.create_building(s, estate_id=eid, code="3", floors=18, entrances=2)
        u1502 = reg.create_unit(s, building_id=bid, entrance=2, room="1502", area="89.56")
        u1501 = reg.create_unit(s, building_id=bid, entrance=2, room="1501", area="120")
        u101 = reg.create_unit(s, building_id=bid, entrance=1, room="101", area="65.5")
        zs = reg.create_person(s, name="张三", phone="13812345678")
        ls = reg.create_person(s, name="李四", phone="13900001111")
        ww = reg.create_person(s, name="王五", phone="13700002222")
        start = date(2020, 5, 1)
        reg.start_occupancy(s, person_id=zs, unit_id=u1502, role="owner", start_date=start)
        reg.start_occupancy(s, person_id=ls, unit_id=u1502, role="tenant", start_date=start)
        reg.start_occupancy(s, person_id=ww, unit_id=u101, role="owner", start_date=start)
    return SmallEstate(bid, u1502, u1501, u101, zs, ls, ww)
