"""The main window: navigation of the built modules, the global search, record pages, status bar.

Everything feature-specific comes from the :class:`ui.extensions.Features` value passed as
``MainWindow(features=...)`` (default :func:`ui.registrations.default_features`): their pages
become the navigation (only built modules exist, no placeholders), their menu entries the
menus, their counters the figures in the status bar (counted on the database worker), their
panels the unit and person pages' panels. A module page that has an ``open_record(str, int)`` signal can open unit
and person pages. Nav and menu titles are English source strings translated in the
``NavModule`` and ``MenuAction`` contexts.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QWidget,
)
from shiboken6 import isValid
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from propdesk.auth.actor import ROLE_LABELS_ZH, Role
from propdesk.auth.permissions import Permission
from propdesk.errors import NotFound
from propdesk.registry import services as reg
from ui.auth.lock import LOCK_SHORTCUT
from ui.common.keyboard import first_field
from ui.context import AppContext
from ui.events import Changes
from ui.extensions import Features, NavModule, StatusCounter
from ui.navigation import AcceptsRecord, AcceptsRequests, ForRecord, Navigate
from ui.registry.dialogs import EstateDialog, PersonDialog, UnitDialog
from ui.registry.person_page import PersonPage
from ui.registry.unit_page import UnitPage
from ui.search.search_box import SearchBox

LANGUAGE_NAMES = {"zh_CN": "简体中文", "en": "English"}
NAV_SHORTCUT = "Ctrl+0"  # focus the navigation list

# The module each role opens on (by NavModule key): the desk works from the overview,
# management from the dashboard, finance from the fees.
LANDING_MODULES: dict[Role, str] = {
    Role.CLERK: "overview",
    Role.SUPERVISOR: "overview",
    Role.FINANCE: "fees",
    Role.MANAGER: "dashboard",
    Role.ADMIN: "dashboard",
}


def landing_module(role: Role, keys: Sequence[str]) -> str:
    """The key of the module ``role`` lands on, when registered; else the first of ``keys``.

    ``keys`` are the registered modules in navigation order; ``""`` when there are none.
    """
    preferred = LANDING_MODULES.get(role, "")
    if preferred in keys:
        return preferred
    return keys[0] if keys else ""


def describe_database(url: str) -> str:
    """``sqlite:////x/y/propdesk.sqlite3`` → ``propdesk.sqlite3``; a server → ``host/db``."""
    try:
        parsed = make_url(url)
    except Exception:
        return url
    if parsed.get_backend_name() == "sqlite":
        return (parsed.database or ":memory:").rsplit("/", 1)[-1]
    return f"{parsed.host or 'localhost'}/{parsed.database or ''}"


class MainWindow(QMainWindow):
    """The desk's window.

    Attributes:
        nav: the module list (``QListWidget`` of registered modules, by order).
        stack: module pages and the open record page.
        search: the global :class:`SearchBox`.
        record_page: the unit/person page on show, if any.
        status_labels: ``key → QLabel`` in the status bar (``database``, ``user``,
            ``language`` and each status counter's key).
    """

    def __init__(
        self, *, ctx: AppContext, features: Features | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        if features is None:
            from ui.registrations import default_features

            features = default_features()
        self.ctx = ctx
        self.features = features
        self.modules: list[NavModule] = features.nav_modules
        self._pages: dict[str, QWidget] = {}
        self.record_page: QWidget | None = None
        self._back: list[tuple[str, int]] = []
        self._module_key = ""  # the module page last shown (Back returns to it)
        self.resize(1280, 800)

        self.search = SearchBox(ctx=ctx)
        self.search.opened.connect(self.open_record)
        toolbar = QToolBar(self.tr("Search"))
        toolbar.setObjectName("search_bar")
        toolbar.setMovable(False)
        toolbar.addWidget(QLabel(" " + self.tr("Search") + "  "))
        self.search.setMaximumWidth(560)
        toolbar.addWidget(self.search)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        self.estate_label = QLabel()
        self.estate_label.setObjectName("estate_name")
        toolbar.addWidget(self.estate_label)
        self.addToolBar(toolbar)

        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setMinimumWidth(120)
        self.nav.setStyleSheet("QListWidget#nav::item { padding: 7px 10px; }")
        nav_font = self.nav.font()
        nav_font.setPointSizeF(nav_font.pointSizeF() * 1.15)
        self.nav.setFont(nav_font)
        self.stack = QStackedWidget()
        self._build_nav()
        split = QSplitter()
        split.addWidget(self.nav)
        split.addWidget(self.stack)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        split.setSizes([150, 1130])
        self.setCentralWidget(split)
        # Arrow keys only move the highlight; Enter or a click opens the page (a few quick
        # Downs must not open every page on the way).
        self.nav.itemActivated.connect(self._nav_activated)
        self.nav.itemClicked.connect(self._nav_activated)

        self._build_menus()
        self._build_shortcuts()
        self.status_labels: dict[str, QLabel] = {}
        self._build_status_bar()
        ctx.hub.changed.connect(self._on_changed)
        ctx.hub.navigate.connect(self.navigate)
        self._update_title()
        if self.modules:
            self.show_module(self.landing_key())

    # --- navigation -------------------------------------------------------------------

    def landing_key(self) -> str:
        """The module the logged-in user opens on (see :data:`LANDING_MODULES`)."""
        return landing_module(self.ctx.actor.role, [m.key for m in self.modules])

    def _build_nav(self) -> None:
        self.nav.blockSignals(True)
        self.nav.clear()
        for module in self.modules:
            item = QListWidgetItem(QCoreApplication.translate("NavModule", module.title))
            item.setData(Qt.ItemDataRole.UserRole, module.key)
            self.nav.addItem(item)
        self.nav.blockSignals(False)

    def _nav_activated(self, item: QListWidgetItem) -> None:
        key = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(key, str) and any(m.key == key for m in self.modules):
            self.switch_module(key)

    def navigate(self, request: Navigate) -> None:
        """Show the requested page and let it apply the request (a typed filter) itself."""
        page = self.show_module(request.page)
        if request.request is not None and isinstance(page, AcceptsRequests):
            page.apply_request(request.request)

    def switch_module(self, key: str) -> QWidget:
        """A module's key (Ctrl+n, F6): show it, starting from the unit or person page on
        screen when there is one (the cashier with that unit, keys filtered to it, …)."""
        record = self.current_record()
        page = self.show_module(key)
        if record is not None and isinstance(page, AcceptsRecord):
            page.apply_record(ForRecord(*record))
        return page

    def show_module(self, key: str) -> QWidget:
        """Show (creating on first use) the page of the module ``key``."""
        page = self._pages.get(key)
        if page is None:
            module = next(m for m in self.modules if m.key == key)
            page = module.factory(self.ctx)
            page.setObjectName(f"module_{key}")
            signal = getattr(page, "open_record", None)
            if signal is not None:
                signal.connect(self.open_record)
            self._pages[key] = page
            self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)
        self._module_key = key
        self._back.clear()
        row = next((i for i, m in enumerate(self.modules) if m.key == key), -1)
        if self.nav.currentRow() != row:
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(row)
            self.nav.blockSignals(False)
        self.focus_primary(page)
        return page

    def focus_primary(self, page: QWidget) -> None:
        """Put the focus in the page's primary field: its ``primary_field()`` if it names
        one, else its first field in Tab order (docs/keyboard.md)."""
        named = getattr(page, "primary_field", None)
        field = named() if callable(named) else None
        if not isinstance(field, QWidget) or not field.isVisibleTo(page):
            field = first_field(page)
        if field is not None:
            field.setFocus(Qt.FocusReason.OtherFocusReason)

    def open_record(self, kind: str, record_id: int) -> None:
        """Show the unit or person page of ``record_id`` (Alt+Left goes back); a ticket,
        receipt or parcel found by the search opens where it is handled."""
        if kind not in ("unit", "person"):
            from ui.search.open_found import open_found

            open_found(
                self.ctx,
                kind,
                record_id,
                open_record=self.open_record,
                navigate=self.navigate,
                parent=self,
            )
            return
        showing = self.stack.currentWidget() is self.record_page  # not a module page
        if showing and isinstance(self.record_page, UnitPage | PersonPage):
            current = (
                ("unit", self.record_page.unit_id)
                if isinstance(self.record_page, UnitPage)
                else ("person", self.record_page.person_id)
            )
            if current != (kind, record_id):
                self._back.append(current)
        self._show_record(kind, record_id)

    def current_record(self) -> tuple[str, int] | None:
        """The unit or person page on screen, as ``("unit" | "person", id)`` (context for
        actions such as F2, which start from the record the clerk is looking at)."""
        page = self.record_page
        if page is None or self.stack.currentWidget() is not page:
            return None
        if isinstance(page, UnitPage):
            return ("unit", page.unit_id)
        if isinstance(page, PersonPage):
            return ("person", page.person_id)
        return None

    def open_unit(self, unit_id: int) -> None:
        self.open_record("unit", unit_id)

    def open_person(self, person_id: int) -> None:
        self.open_record("person", person_id)

    def _show_record(self, kind: str, record_id: int) -> None:
        page: UnitPage | PersonPage
        if kind == "unit":
            page = UnitPage(ctx=self.ctx, unit_id=record_id, panels=self.features.unit_panels)
        else:
            page = PersonPage(ctx=self.ctx, person_id=record_id, panels=self.features.person_panels)
        page.setObjectName(f"{kind}_page")
        page.open_record.connect(self.open_record)
        old = self.record_page
        self.record_page = page
        self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)
        self.nav.blockSignals(True)
        self.nav.clearSelection()
        self.nav.setCurrentRow(-1)
        self.nav.blockSignals(False)
        if old is not None:
            self.stack.removeWidget(old)
            old.deleteLater()
        page.setFocus()

    def go_back(self) -> None:
        """Back to the previous record page, or to the module the records were opened from."""
        if self._back:
            kind, record_id = self._back.pop()
            self._show_record(kind, record_id)
        elif self.modules:
            self.show_module(self._module_key or self.landing_key())

    # --- menus, shortcuts, status -----------------------------------------------------

    def _build_menus(self) -> None:
        """(Re)build the menus for the logged-in user (menu actions may be hidden by role)."""
        bar = self.menuBar()
        bar.clear()
        for old in getattr(self, "menus", {}).values():
            old.clear()  # deletes the actions it owns, with their shortcuts
            old.deleteLater()
        titles = {
            "file": self.tr("&File"),
            "records": self.tr("Re&gistry"),
            "reports": self.tr("Re&ports"),
            "admin": self.tr("Adm&in"),
            "help": self.tr("&Help"),
        }
        self.menus: dict[str, QMenu] = {k: QMenu(t, self) for k, t in titles.items()}
        for menu_key, action in sorted(
            ((a.menu, a) for a in self.features.menu_actions), key=lambda pair: pair[1].order
        ):
            if not action.visible(self.ctx):
                continue
            menu = self.menus.get(menu_key, self.menus["file"])
            qaction = QAction(QCoreApplication.translate("MenuAction", action.title), menu)
            qaction.setData(action.title)  # the English title: its letters suggest a mnemonic
            if action.shortcut:
                qaction.setShortcut(QKeySequence(action.shortcut))
            qaction.triggered.connect(self._runner(action.run))
            menu.addAction(qaction)
        records = self.menus["records"]
        if records.actions():
            records.addSeparator()
        editable = self.ctx.can(Permission.EDIT_REGISTRY)
        for text, shortcut, slot in (
            (self.tr("New &person…"), "Ctrl+Shift+P", self.new_person),
            (self.tr("New &unit…"), "Ctrl+Shift+U", self.new_unit),
            (self.tr("&Estate information…"), "", self.edit_estate),
        ):
            act = records.addAction(text)
            if shortcut:
                act.setShortcut(QKeySequence(shortcut))
            act.setEnabled(editable)
            act.triggered.connect(slot)
        file_menu = self.menus["file"]
        if file_menu.actions():
            file_menu.addSeparator()
        settings = file_menu.addAction(self.tr("&Settings…"))
        settings.setObjectName("action_settings")
        settings.triggered.connect(self.open_settings)
        file_menu.addSeparator()
        quit_action = file_menu.addAction(self.tr("&Quit"))
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        about = self.menus["help"].addAction(self.tr("&About PropDesk"))
        about.triggered.connect(self._about)
        shortcuts = self.menus["help"].addAction(self.tr("&Keyboard shortcuts"))
        shortcuts.setShortcut(QKeySequence("F1"))
        shortcuts.triggered.connect(self._shortcuts_help)
        for key in ("file", "records", "reports", "admin", "help"):
            give_mnemonics(self.menus[key])
            if self.menus[key].actions():
                bar.addMenu(self.menus[key])

    def _runner(self, run: Callable[[AppContext, QWidget], None]) -> Callable[[], None]:
        def go() -> None:
            try:
                run(self.ctx, self)
            except Exception as exc:  # any failure of a menu command: the one handler
                self.ctx.errors.report(exc, parent=self, action="menu command")

        return go

    def _build_shortcuts(self) -> None:
        """The window's own keys. Ctrl+L is the screen lock's (``ui.auth.lock``), F6 the Fees
        module's, so the navigation list is Ctrl+0 (beside Ctrl+1…9 for the modules)."""
        QShortcut(QKeySequence("Ctrl+K"), self, self.focus_search)
        QShortcut(QKeySequence("Alt+Left"), self, self.go_back)
        QShortcut(QKeySequence(NAV_SHORTCUT), self, self.focus_nav)
        QShortcut(QKeySequence("Ctrl+F"), self, self.focus_filter)
        # The desk's global form keys: each opens its page with the form ready (and the unit
        # on screen, if any), from whichever page the clerk is on.
        keys = {m.key for m in self.modules}
        if "parcels" in keys:
            QShortcut(QKeySequence("F3"), self, lambda: self.open_desk_form("parcel"))
            QShortcut(QKeySequence("F4"), self, lambda: self.open_desk_form("visitor"))
        if "shiftlog" in keys:
            QShortcut(QKeySequence("Ctrl+D"), self, lambda: self.open_desk_form("shiftlog"))
        # (sequence, module key): Ctrl+1…9 by position, plus a module's own key if it has one
        self.module_shortcuts: list[tuple[str, str]] = []
        taken = {"Ctrl+K", "Alt+Left", NAV_SHORTCUT, LOCK_SHORTCUT, "Ctrl+F", "F3", "F4", "Ctrl+D"}
        for i, module in enumerate(self.modules):
            for sequence in (f"Ctrl+{i + 1}" if i < 9 else "", module.shortcut):
                if sequence and sequence not in taken:
                    taken.add(sequence)
                    self.module_shortcuts.append((sequence, module.key))
                    QShortcut(
                        QKeySequence(sequence), self, lambda k=module.key: self.switch_module(k)
                    )

    def focus_filter(self) -> None:
        """Ctrl+F: the filter of the page on screen (a line edit named ``filter``), else the
        global search."""
        page = self.stack.currentWidget()
        named = getattr(page, "filter_field", None)
        own = named() if callable(named) else None
        boxes = [own] if isinstance(own, QLineEdit) else []
        if page is not None:
            boxes += [w for w in page.findChildren(QLineEdit, "filter") if w.isVisibleTo(page)]
        if boxes:
            boxes[0].setFocus(Qt.FocusReason.ShortcutFocusReason)
            boxes[0].selectAll()
        else:
            self.focus_search()

    def open_desk_form(self, form: str) -> None:
        """F3 receive a parcel, F4 sign a visitor in, Ctrl+D write in the shift log — from any
        page; a unit page on screen prefills the unit."""
        from ui.desk.requests import DeskForm, ParcelsRequest, ShiftLogRequest

        record = self.current_record()
        unit_id = record[1] if record is not None and record[0] == "unit" else None
        if form == "shiftlog":
            self.navigate(Navigate("shiftlog", ShiftLogRequest(write=True)))
        elif form in ("parcel", "visitor"):
            kind: DeskForm = "parcel" if form == "parcel" else "visitor"
            self.navigate(Navigate("parcels", ParcelsRequest(form=kind, unit_id=unit_id)))

    def focus_nav(self) -> None:
        self.nav.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _user_text(self) -> str:
        actor = self.ctx.actor
        role = ROLE_LABELS_ZH.get(actor.role, str(actor.role))
        who = (
            actor.display_name if role in actor.display_name else f"{actor.display_name}（{role}）"
        )
        return self.tr("User: %1").replace("%1", who)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        language = LANGUAGE_NAMES.get(
            self.ctx.settings.language, QLocale(self.ctx.settings.language).nativeLanguageName()
        )
        fixed = {
            "database": self.tr("Database: %1").replace("%1", describe_database(self.ctx.db.url)),
            "user": self._user_text(),
            "language": self.tr("Language: %1").replace("%1", language),
        }
        for key, text in fixed.items():
            label = QLabel(text)
            label.setObjectName(f"status_{key}")
            bar.addWidget(label)
            self.status_labels[key] = label
        for counter in self.features.status_counters:
            label = QLabel()
            label.setObjectName(f"status_{counter.key}")
            bar.addPermanentWidget(label)
            self.status_labels[counter.key] = label
            self._update_counter(counter)

    def _update_counter(self, counter: StatusCounter) -> None:
        """Count on the database worker; the label changes when the figure arrives."""
        label = self.status_labels[counter.key]

        def show(value: object) -> None:
            if isValid(label):
                text = counter.text(value)
                label.setText(text)
                label.setVisible(bool(text))

        self.ctx.query(counter.count, parent=self, action=f"count {counter.key}").success(
            show
        ).failure(lambda _exc: True).run()  # a figure that cannot be counted stays as it was

    def _update_title(self) -> None:
        def show(estate: str) -> None:
            title = self.tr("PropDesk")
            self.setWindowTitle(f"{title} — {estate}" if estate else title)
            self.estate_label.setText(f"<b>{html.escape(estate)}</b>  " if estate else "")

        def name(session: Session) -> str:
            try:
                return reg.get_estate(session).name
            except NotFound:  # no estate yet (a database being set up)
                return ""

        self.ctx.query(name, parent=self, action="estate name").success(show).run()

    def _on_changed(self, changes: Changes) -> None:
        if changes.session:
            self._session_changed()
            return
        for counter in self.features.status_counters:
            if counter.wants(changes):
                self._update_counter(counter)
        if changes.estate:
            self._update_title()

    def _session_changed(self) -> None:
        """Another user logged in at the lock screen: everything is rebuilt for them.

        Menus, navigation and the status bar follow the new role. Module and record pages
        are dropped, not kept: they hold the previous user's permissions (enabled buttons)
        and data shown for that user (unmasked phones, half-typed input). The new user
        starts on their landing module; other pages are built again when opened.
        """
        self._build_menus()
        self._build_nav()
        self.status_labels["user"].setText(self._user_text())
        for counter in self.features.status_counters:
            self._update_counter(counter)
        self._update_title()
        self.search.clear()
        old_pages = list(self._pages.values())
        if self.record_page is not None:
            old_pages.append(self.record_page)
        self.record_page = None
        self._pages.clear()
        self._back.clear()
        self._module_key = ""
        if self.modules:
            self.show_module(self.landing_key())
        for page in old_pages:
            self.stack.removeWidget(page)
            page.deleteLater()

    def new_person(self) -> None:
        dialog = PersonDialog(ctx=self.ctx, parent=self)
        if dialog.exec() and dialog.saved_id is not None:
            self.open_person(int(dialog.saved_id))

    def new_unit(self) -> None:
        dialog = UnitDialog(ctx=self.ctx, parent=self)
        if dialog.exec() and dialog.saved_id is not None:
            self.open_unit(int(dialog.saved_id))

    def edit_estate(self) -> None:
        try:
            dialog = EstateDialog(ctx=self.ctx, parent=self)
        except Exception as exc:
            self.ctx.errors.report(exc, parent=self, action="edit estate")
            return
        dialog.exec()

    def open_settings(self) -> None:
        from ui.settings.dialog import SettingsDialog

        dialog = SettingsDialog(settings=self.ctx.settings, ctx=self.ctx, parent=self)
        if dialog.exec():
            self.ctx.settings = dialog.settings
            self.ctx.hub.notify(Changes(settings=True))

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About PropDesk"),
            self.tr("PropDesk — front-desk system for a residential property service centre."),
        )

    def global_shortcuts(self) -> list[tuple[str, str]]:
        """``(keys, what they do)`` of the keys that work from every page: the window's keys,
        the desk's form keys, the module keys and the menu shortcuts as they are bound now."""
        rows = [
            ("Ctrl+K", self.tr("search units and people")),
            (LOCK_SHORTCUT, self.tr("lock the screen (unlock with your password)")),
            (NAV_SHORTCUT, self.tr("navigation list")),
            ("Ctrl+F", self.tr("filter the list on screen (else search)")),
            ("Alt+Left", self.tr("back to the previous page")),
        ]
        keys = {m.key for m in self.modules}
        if "parcels" in keys:
            rows += [
                ("F3", self.tr("receive a parcel (for the unit on screen)")),
                ("F4", self.tr("register a visitor (for the unit on screen)")),
            ]
        if "shiftlog" in keys:
            rows.append(("Ctrl+D", self.tr("write in the shift log")))
        titles = {m.key: QCoreApplication.translate("NavModule", m.title) for m in self.modules}
        rows += [
            (seq, self.tr("open %1").replace("%1", titles[key]))
            for seq, key in self.module_shortcuts
        ]
        for menu in self.menus.values():
            for action in menu.actions():
                keys_text = action.shortcut().toString(QKeySequence.SequenceFormat.PortableText)
                if keys_text:
                    text = re.sub(r"\(&\w\)", "", action.text()).replace("&", "")
                    rows.append((keys_text, text.rstrip("…")))
        return rows

    def page_shortcuts(self) -> list[tuple[str, str]]:
        """``(keys, what they do)`` of keys that belong to one page (named in the text)."""
        return [
            ("Enter", self.tr("open the selected row")),
            ("Ctrl+E", self.tr("edit the selected building (Units) or the open unit or person")),
            ("Ctrl+Shift+A", self.tr("add an occupant (unit page)")),
            ("Ctrl+Shift+I", self.tr("show the full ID number (person page)")),
            ("Ctrl+N", self.tr("new entry (Move-in / out, Renovation, Keys, Patrols)")),
            ("Ctrl+Return", self.tr("submit the form (every dialog), take the payment (Fees)")),
            ("Ctrl+P", self.tr("print (Shift log, ticket)")),
            ("Ctrl+R", self.tr("record the review of the selected flag (Care)")),
        ]

    def shortcut_help(self) -> list[tuple[str, str]]:
        """``(keys, what they do)`` for the F1 help: the global keys, then the page keys."""
        return self.global_shortcuts() + self.page_shortcuts()

    def _shortcuts_help(self) -> None:
        def table(pairs: list[tuple[str, str]]) -> str:
            return "".join(
                f"<tr><td><b>{html.escape(keys)}</b>&nbsp;&nbsp;&nbsp;</td>"
                f"<td>{html.escape(what)}</td></tr>"
                for keys, what in pairs
            )

        rows = (
            f"<tr><td colspan=2><i>{html.escape(self.tr('From every page'))}</i></td></tr>"
            + table(self.global_shortcuts())
            + f"<tr><td colspan=2><i>{html.escape(self.tr('On a page'))}</i></td></tr>"
            + table(self.page_shortcuts())
        )
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Keyboard shortcuts"),
            f"<table>{rows}</table>",
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setObjectName("shortcut_help")
        box.open()

    def closeEvent(self, event: QCloseEvent) -> None:
        wait = getattr(self.ctx.executor, "wait", None)
        if callable(wait):
            wait(3000)
        super().closeEvent(event)


def give_mnemonics(menu: QMenu) -> None:
    """Give every entry of ``menu`` that has none an access key (``报事报修设置(&S)…``), unique
    in the menu: a letter of its English title where one is free (the first letters of its
    words first), else any free letter, so each entry is reachable by Alt+menu, letter."""
    actions = [a for a in menu.actions() if not a.isSeparator() and a.text()]
    used = {m.upper() for a in actions if (m := _mnemonic(a.text()))}
    for action in actions:
        if _mnemonic(action.text()):
            continue
        source = str(action.data() or "")
        words = [w for w in source.replace("…", " ").split() if w[:1].isalpha()]
        candidates = [w[0] for w in words] + [c for c in source if c.isalpha()]
        candidates += [chr(c) for c in range(ord("A"), ord("Z") + 1)]
        letter = next((c.upper() for c in candidates if c.isascii() and c.upper() not in used), "")
        if not letter:
            continue
        used.add(letter)
        text = action.text()
        # the key goes before a trailing "…" or a shortcut hint such as " (Ctrl+L)"
        cut = min((i for i in (text.find(" ("), text.find("…")) if i >= 0), default=len(text))
        if text == source:  # an English menu: mark the letter in the words themselves
            at = text[:cut].upper().find(letter)
            if at >= 0:
                action.setText(f"{text[:at]}&{text[at:]}")
                continue
        action.setText(f"{text[:cut]}(&{letter}){text[cut:]}")


def _mnemonic(text: str) -> str:
    """The access key marked in a menu text (``&&`` is a literal ampersand), or ``""``."""
    i = 0
    while (i := text.find("&", i)) >= 0 and i + 1 < len(text):
        if text[i + 1] != "&":
            return text[i + 1]
        i += 2
    return ""
