"""How feature modules plug into the app: each ``ui/<feature>/`` is one :class:`Feature` value.

A feature lists what it adds:

* ``nav``: pages in the main window's navigation (only built modules appear);
* ``unit_panels`` / ``person_panels``: panels stacked on the unit and person pages (a panel
  factory gets ``ctx`` and the record id and returns a widget with a ``refresh()`` method);
* ``counters``: small figures in the status bar, counted on the database worker;
* ``menu``: entries in the main window's menus (e.g. File → Import owner ledger…).

:func:`ui.registrations.default_features` collects every feature's value into one
:class:`Features`, which is passed to ``MainWindow(features=...)`` — no module-level lists.
Start-up stays light when an entry names its code with :func:`lazy` / :func:`lazy_page`
instead of importing it: the module is imported the first time the entry is used.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget
    from sqlalchemy.orm import Session

    from propdesk.changes import Changes
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
    top: bool = False
    """A banner: shown under the page's title, above its own sections (else after them)."""


@dataclass(frozen=True)
class StatusCounter:
    """A status-bar figure.

    ``count(session)`` runs on the database worker (COUNT queries, never a list); ``text(value)``
    turns its result into the label on the UI thread (``""`` hides it). The figure is counted
    again after a write for which ``wants(changes)`` is true.
    """

    key: str
    wants: Callable[[Changes], bool]
    count: Callable[[Session], Any]
    text: Callable[[Any], str]


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


@dataclass(frozen=True)
class Feature:
    """What one ``ui/<feature>/`` adds to the main window."""

    key: str
    nav: tuple[NavModule, ...] = ()
    menu: tuple[MenuAction, ...] = ()
    unit_panels: tuple[RecordPanel, ...] = ()
    person_panels: tuple[RecordPanel, ...] = ()
    counters: tuple[StatusCounter, ...] = ()


@dataclass(frozen=True)
class Features:
    """Every feature of one main window, with their entries merged and ordered."""

    features: tuple[Feature, ...] = ()

    @property
    def nav_modules(self) -> list[NavModule]:
        return sorted((m for f in self.features for m in f.nav), key=lambda m: m.order)

    @property
    def menu_actions(self) -> list[MenuAction]:
        return sorted((a for f in self.features for a in f.menu), key=lambda a: a.order)

    @property
    def unit_panels(self) -> list[RecordPanel]:
        return sorted((p for f in self.features for p in f.unit_panels), key=lambda p: p.order)

    @property
    def person_panels(self) -> list[RecordPanel]:
        return sorted((p for f in self.features for p in f.person_panels), key=lambda p: p.order)

    @property
    def status_counters(self) -> list[StatusCounter]:
        return [c for f in self.features for c in f.counters]

    def with_feature(self, feature: Feature) -> Features:
        """These features plus one more (tests add a panel of their own this way)."""
        return Features((*self.features, feature))


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
