"""Where feature modules plug into the app without editing the core screens.

* ``NAV_MODULES``: the main window's navigation (only built modules appear).
* ``UNIT_PANELS`` / ``PERSON_PANELS``: panels stacked on the unit and person pages
  (e.g. open tickets, arrears, renovation). A panel factory gets ``ctx`` and the
  record id and returns a widget with a ``refresh()`` method.
* ``STATUS_COUNTERS``: small figures in the status bar (e.g. overdue tickets).
* ``MENU_ACTIONS``: entries in the main window's menus (e.g. File → Import owner ledger…).

A feature adds its entries in ``ui/registrations.py`` (one line each). Start-up stays light
when an entry names its code with :func:`lazy` / :func:`lazy_page` instead of importing it:
the module is imported the first time the page, panel or menu entry is used.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ui.context import AppContext


@dataclass(frozen=True)
class NavModule:
    """One entry in the navigation. ``title`` is an English source string translated with tr()."""

    key: str
    title: str
    order: int
    factory: Callable[[AppContext], QWidget]
    shortcut: str = ""


@dataclass(frozen=True)
class RecordPanel:
    key: str
    order: int
    factory: Callable[[AppContext, int], QWidget]


@dataclass(frozen=True)
class StatusCounter:
    """A status-bar figure: ``compute(ctx)`` returns the text (``""`` hides it); refreshed on ``topics``."""

    key: str
    topics: frozenset[str]
    compute: Callable[[AppContext], str]


@dataclass(frozen=True)
class MenuAction:
    """A menu entry. ``menu`` is ``"file"``, ``"records"``, ``"reports"``, ``"admin"`` or ``"help"``;
    ``run(ctx, parent_widget)`` performs it; ``visible(ctx)`` may hide it for a role."""

    menu: str
    title: str
    order: int
    run: Callable[[AppContext, QWidget], None]
    shortcut: str = ""
    visible: Callable[[AppContext], bool] = lambda _ctx: True


NAV_MODULES: list[NavModule] = []
MENU_ACTIONS: list[MenuAction] = []
UNIT_PANELS: list[RecordPanel] = []
PERSON_PANELS: list[RecordPanel] = []
STATUS_COUNTERS: list[StatusCounter] = []


def lazy(module: str, name: str) -> Callable[..., Any]:
    """A callable that imports ``module`` on its first call and calls ``module.name``.

    Its ``target`` attribute is ``(module, name)`` (tests check every target resolves).
    """

    def call(*args: Any, **kwargs: Any) -> Any:
        return getattr(importlib.import_module(module), name)(*args, **kwargs)

    call.target = (module, name)  # type: ignore[attr-defined]
    return call


def lazy_page(module: str, name: str) -> Callable[[AppContext], QWidget]:
    """A :class:`NavModule` factory building ``module.name(ctx=ctx)``, imported when first opened."""
    build = lazy(module, name)

    def factory(ctx: AppContext) -> QWidget:
        page: QWidget = build(ctx=ctx)
        return page

    factory.target = (module, name)  # type: ignore[attr-defined]
    return factory


def lazy_panel(module: str, name: str, id_arg: str) -> Callable[[AppContext, int], QWidget]:
    """A :class:`RecordPanel` factory building ``module.name(ctx=ctx, <id_arg>=record_id)``."""
    build = lazy(module, name)

    def factory(ctx: AppContext, record_id: int) -> QWidget:
        panel: QWidget = build(ctx=ctx, **{id_arg: record_id})
        return panel

    factory.target = (module, name)  # type: ignore[attr-defined]
    return factory
