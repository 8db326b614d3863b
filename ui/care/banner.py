"""The attention-flag banner: one widget shown wherever a household appears.

:class:`CareBanner` is a yellow strip (hidden when there is nothing to show) listing the
active flags of a unit, or of a person, or of a given set: ``【关注】独居老人 · 免打扰时段
22:00–08:00``. A flag only supervisors may see shows to anyone else as
``有关注事项（需主管查看）`` and nothing more. It reads through ``ctx.query`` (the batched
:func:`propdesk.care.queries.banner_flags`, one query), refreshes itself after a write that
touched flags or occupancy, and ignores an answer that a later request superseded.

:func:`attach_search_banner` puts one under the global search results: one query for every
unit and person in the results, then the banner follows the selected result.
:func:`banner_on_top` puts one above a form that knows a record of a unit (the key loan and
return forms).
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Collection, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget
from shiboken6 import isValid
from sqlalchemy.orm import Session

from propdesk.care.queries import banner_flags
from propdesk.care.values import BannerFlag
from propdesk.changes import Changes
from ui.common.naming import named
from ui.context import AppContext

if TYPE_CHECKING:
    from ui.search.search_box import SearchBox

STYLE = (
    "QLabel { background: #fff3cd; color: #7a4b00; padding: 4px 8px;"
    " border: 1px solid #e0b252; border-radius: 3px; }"
)


def banner_text(flags: Sequence[BannerFlag]) -> str:
    """``【关注】a · b（待复查）`` for these flags, each text once ("" when none); a flag
    whose review date has come is marked."""
    due = QCoreApplication.translate("CareBanner", " (review due)")
    texts: list[str] = []
    for flag in flags:
        text = flag.text + due if flag.review_due else flag.text
        if text not in texts:
            texts.append(text)
    if not texts:
        return ""
    prefix = QCoreApplication.translate("CareBanner", "[Attention] ")
    return prefix + " · ".join(texts)


def follow_changes(banner: CareBanner, ctx: AppContext) -> None:
    """Refresh ``banner`` after writes, through a plain function holding it weakly (not a
    bound slot: a CI run once saw PySide call a banner's bound slot by a stale method index,
    "Slot 'CareBanner::' not found", while dialogs with banners came and went during a
    broadcast); the function is disconnected when the banner is destroyed."""
    hub = ctx.hub
    me = weakref.ref(banner)

    def changed(changes: Changes) -> None:
        target = me()
        if target is not None and isValid(target):
            target._changed(changes)

    def drop(*_args: object) -> None:
        if isValid(hub):
            hub.changed.disconnect(changed)

    hub.changed.connect(changed)
    banner.destroyed.connect(drop)


class CareBanner(QLabel):
    """The banner; ``show_unit``/``show_person``/``show_for`` ask, ``show_flags`` shows.

    Attributes:
        flags: the flags on show.
    """

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        named(self, "care_banner")
        self.setStyleSheet(STYLE)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.flags: list[BannerFlag] = []
        self._units: tuple[int, ...] = ()
        self._people: tuple[int, ...] = ()
        self._seq = 0
        self.setVisible(False)
        follow_changes(self, ctx)

    def show_unit(self, unit_id: int | None) -> None:
        self.show_for(unit_ids=() if unit_id is None else (unit_id,))

    def show_person(self, person_id: int | None) -> None:
        self.show_for(person_ids=() if person_id is None else (person_id,))

    def show_for(self, *, unit_ids: Collection[int] = (), person_ids: Collection[int] = ()) -> None:
        """Load and show the flags of these units and people (hidden when none)."""
        self._units, self._people = tuple(unit_ids), tuple(person_ids)
        self._seq += 1
        seq = self._seq
        if not self._units and not self._people:
            self.show_flags([])
            return
        units, people = self._units, self._people
        self.ctx.query(
            lambda s: banner_flags(s, unit_ids=units, person_ids=people),
            parent=self,
            action="care banner",
        ).success(lambda flags: self._deliver(seq, flags)).run()

    def _deliver(self, seq: int, flags: list[BannerFlag]) -> None:
        if seq == self._seq:
            self.show_flags(flags)

    def show_flags(self, flags: Sequence[BannerFlag]) -> None:
        self.flags = list(flags)
        text = banner_text(self.flags)
        self.setText(text)
        self.setVisible(bool(text))

    def _changed(self, changes: Changes) -> None:
        if (changes.care or changes.occupancy) and (self._units or self._people):
            self.show_for(unit_ids=self._units, person_ids=self._people)


class SearchCare:
    """The banner under the global search results (see :func:`attach_search_banner`)."""

    def __init__(self, box: SearchBox) -> None:
        self.box = box
        self.flags: list[BannerFlag] = []
        self._seq = 0
        self._extra = 0  # the height the banner added to the result list
        self.banner = CareBanner(ctx=box.ctx, parent=box.results)
        self.banner.setObjectName("search_care_banner")
        box.hits_model.modelReset.connect(self._reload)
        box.results.selectionModel().currentChanged.connect(self._current)

    def _reload(self) -> None:
        hits = self.box.hits_model.hits
        units = [h.id for h in hits if h.kind == "unit"]
        people = [h.id for h in hits if h.kind == "person"]
        self._seq += 1
        seq = self._seq
        self.flags = []
        self._extra = 0  # the box places the list anew for new results
        self._place([])
        if not units and not people:
            return
        self.box.ctx.query(
            lambda s: banner_flags(s, unit_ids=units, person_ids=people),
            parent=self.box,
            action="care banner",
        ).success(lambda flags: self._deliver(seq, flags)).run()

    def _deliver(self, seq: int, flags: list[BannerFlag]) -> None:
        if seq == self._seq:
            self.flags = flags
            self._current(self.box.results.currentIndex())

    def _current(self, index: QModelIndex) -> None:
        hits = self.box.hits_model.hits
        if not index.isValid() or not 0 <= index.row() < len(hits):
            self._place([])
            return
        hit = hits[index.row()]
        if hit.kind == "unit":
            mine = [f for f in self.flags if f.unit_id == hit.id]
        elif hit.kind == "person":
            mine = [f for f in self.flags if f.person_id == hit.id]
        else:
            mine = []
        self._place(mine)

    def _place(self, flags: Sequence[BannerFlag]) -> None:
        """Show the banner in a strip under the rows (the list grows by its height)."""
        results = self.box.results
        self.banner.show_flags(flags)
        extra = 0
        if self.banner.isVisible():
            width = max(results.width() - 4, 100)
            extra = max(self.banner.heightForWidth(width), 24) + 2
        rows_height = results.height() - self._extra
        results.setViewportMargins(0, 0, 0, extra)
        results.resize(results.width(), rows_height + extra)
        self._extra = extra
        if extra:
            self.banner.setGeometry(2, rows_height, results.width() - 4, extra - 2)
            self.banner.raise_()


def attach_search_banner(box: SearchBox) -> SearchCare:
    """Show the selected result's attention flags under the search results."""
    care = SearchCare(box)
    box.care_banner = care  # type: ignore[attr-defined]
    return care


class CarePanel(QWidget):
    """The banner as a unit- or person-page panel (first on the page)."""

    def __init__(
        self,
        *,
        ctx: AppContext,
        unit_id: int | None = None,
        person_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.unit_id, self.person_id = unit_id, person_id
        self.banner = CareBanner(ctx=ctx, parent=self)
        self.banner.setObjectName("record_care_banner")
        self.add_button = named(QPushButton(self.tr("Add attention flag…")), "care_panel_add")
        self.add_button.clicked.connect(self.add_flag)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner, 1)
        # a button of its own width on the left, also when there is no banner beside it
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.dialog: QWidget | None = None
        self.refresh()

    def add_flag(self) -> None:
        from ui.care.dialogs import FlagDialog

        label = self.tr("This household") if self.unit_id is not None else self.tr("This person")
        self.dialog = FlagDialog(
            ctx=self.ctx,
            unit_id=self.unit_id,
            person_id=self.person_id,
            target_label=label,
            parent=self,
        )
        self.dialog.open()

    def refresh(self) -> None:
        if self.unit_id is not None:
            self.banner.show_unit(self.unit_id)
        else:
            self.banner.show_person(self.person_id)


def banner_on_top(
    dialog: QDialog, *, ctx: AppContext, unit_of: Callable[[Session], int | None]
) -> CareBanner:
    """A banner above ``dialog``'s fields for the unit ``unit_of`` reads (e.g. the unit of a
    key on loan), for forms that know a record rather than a unit."""
    banner = CareBanner(ctx=ctx, parent=dialog)
    banner.setObjectName("dialog_care_banner")
    layout = dialog.layout()
    if isinstance(layout, QVBoxLayout):
        layout.insertWidget(0, banner)
    ctx.query(unit_of, parent=dialog, action="care banner unit").success(banner.show_unit).run()
    return banner


def unit_panel(*, ctx: AppContext, unit_id: int, parent: QWidget | None = None) -> CarePanel:
    return CarePanel(ctx=ctx, unit_id=unit_id, parent=parent)


def person_panel(*, ctx: AppContext, person_id: int, parent: QWidget | None = None) -> CarePanel:
    return CarePanel(ctx=ctx, person_id=person_id, parent=parent)
