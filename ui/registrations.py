"""Each feature module's entries in the navigation, record pages and status bar.

Imported once by the main window. Add your module's lines here; keep the core screens untouched.
"""

from __future__ import annotations


def register_all() -> None:
    """Fill the lists in :mod:`ui.extensions`. Safe to call more than once."""
    from ui import extensions as ext

    if ext.NAV_MODULES:
        return

    # Registry (helper A): buildings → units, and all people.
    from PySide6.QtCore import QT_TRANSLATE_NOOP

    from ui.registry.lists import PeoplePage, RegistryPage

    ext.NAV_MODULES.append(
        ext.NavModule(
            "registry",
            QT_TRANSLATE_NOOP("NavModule", "Units"),
            10,
            lambda ctx: RegistryPage(ctx=ctx),
        )
    )
    ext.NAV_MODULES.append(
        ext.NavModule(
            "people",
            QT_TRANSLATE_NOOP("NavModule", "People"),
            20,
            lambda ctx: PeoplePage(ctx=ctx),
        )
    )

    # Owner ledger (helper B2): File menu → import / template / export / print.
    from ui.ledger import actions as ledger

    ext.MENU_ACTIONS.extend(
        [
            ext.MenuAction(
                "file",
                QT_TRANSLATE_NOOP("MenuAction", "Import owner ledger…"),
                40,
                ledger.import_owner_ledger,
                visible=ledger.can_import,
            ),
            ext.MenuAction(
                "file",
                QT_TRANSLATE_NOOP("MenuAction", "Download import template…"),
                41,
                ledger.download_template,
                visible=ledger.can_import,
            ),
            ext.MenuAction(
                "file",
                QT_TRANSLATE_NOOP("MenuAction", "Export owner ledger…"),
                42,
                ledger.export_owner_ledger,
            ),
            ext.MenuAction(
                "file",
                QT_TRANSLATE_NOOP("MenuAction", "Print owner ledger of a building…"),
                43,
                ledger.print_owner_ledger,
            ),
        ]
    )
