"""Each feature module's entries in the navigation, record pages and status bar.

Imported once by the main window. Add your module's lines here; keep the core screens untouched.
Name pages, panels and menu commands with ``ext.lazy_page`` / ``ext.lazy_panel`` / ``ext.lazy``
so their modules (and ReportLab, openpyxl behind them) load when first used, not at start-up.
"""

from __future__ import annotations


def register_all() -> None:
    """Fill the lists in :mod:`ui.extensions`. Safe to call more than once."""
    from ui import extensions as ext

    if ext.NAV_MODULES:
        return

    # Registry (helper A): buildings → units, and all people.
    from PySide6.QtCore import QT_TRANSLATE_NOOP

    ext.NAV_MODULES.append(
        ext.NavModule(
            "registry",
            QT_TRANSLATE_NOOP("NavModule", "Units"),
            10,
            ext.lazy_page("ui.registry.lists", "RegistryPage"),
        )
    )
    ext.NAV_MODULES.append(
        ext.NavModule(
            "people",
            QT_TRANSLATE_NOOP("NavModule", "People"),
            20,
            ext.lazy_page("ui.registry.lists", "PeoplePage"),
        )
    )

    # Owner ledger (helper B2): File menu → import / template / export / print.
    # (imported now: light, ~15 ms, and its test checks the very functions are registered)
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

    # Users, audit log, backups, personal data (helper D): Admin menu and the person page.
    from ui.admin import actions as admin

    ext.MENU_ACTIONS.extend(
        [
            ext.MenuAction(
                "admin",
                admin.USERS_TITLE,
                10,
                admin.open_users,
                visible=admin.can_manage_users,
            ),
            ext.MenuAction(
                "admin",
                admin.AUDIT_TITLE,
                20,
                admin.open_audit,
                visible=admin.can_view_audit,
            ),
            ext.MenuAction(
                "admin",
                admin.BACKUP_TITLE,
                30,
                admin.open_backups,
                visible=admin.can_backup,
            ),
            ext.MenuAction(
                "admin",
                admin.SECURITY_TITLE,
                35,
                admin.security_settings,
                visible=admin.can_manage_settings,
            ),
            ext.MenuAction(
                "admin",
                admin.PASSWORD_TITLE,
                40,
                admin.change_password,
            ),
            ext.MenuAction(
                "admin",
                admin.LOCK_TITLE,
                50,
                admin.lock_screen,
            ),
        ]
    )
    ext.PERSON_PANELS.append(
        ext.RecordPanel(
            "personal_data", 5, ext.lazy("ui.auth.personal_data", "personal_data_panel")
        )
    )
    ext.PERSON_PANELS.append(
        ext.RecordPanel("history", 90, ext.lazy("ui.admin.history", "person_history"))
    )
    ext.UNIT_PANELS.append(
        ext.RecordPanel("history", 90, ext.lazy("ui.admin.history", "unit_history"))
    )

    from propdesk.auth.permissions import Permission

    # Service desk (helper C): board/queues/statistics, F2 intake, settings, panels, overdue count.
    ext.NAV_MODULES.append(
        ext.NavModule(
            "tickets",
            QT_TRANSLATE_NOOP("NavModule", "Service desk"),
            30,
            ext.lazy_page("ui.tickets.module", "ServiceDeskPage"),
        )
    )
    ext.MENU_ACTIONS.extend(
        [
            ext.MenuAction(
                "records",
                QT_TRANSLATE_NOOP("MenuAction", "New service ticket…"),
                10,
                ext.lazy("ui.tickets.module", "open_intake"),
                shortcut="F2",
            ),
            ext.MenuAction(
                "admin",
                QT_TRANSLATE_NOOP("MenuAction", "Service desk settings…"),
                15,
                ext.lazy("ui.tickets.settings_dialog", "open_settings"),
                visible=lambda ctx: ctx.can(Permission.MANAGE_SETTINGS),  # as its can_manage
            ),
        ]
    )
    ext.UNIT_PANELS.append(
        ext.RecordPanel(
            "tickets",
            30,
            lambda ctx, uid: ext.lazy("ui.tickets.panels", "TicketHistoryPanel")(
                ctx=ctx, kind="unit", record_id=uid
            ),
        )
    )
    ext.PERSON_PANELS.append(
        ext.RecordPanel(
            "tickets",
            30,
            lambda ctx, pid: ext.lazy("ui.tickets.panels", "TicketHistoryPanel")(
                ctx=ctx, kind="person", record_id=pid
            ),
        )
    )
    ext.STATUS_COUNTERS.append(
        ext.StatusCounter(
            "overdue_tickets",
            frozenset({"tickets", "settings"}),
            ext.lazy("ui.tickets.module", "overdue_counter_text"),
        )
    )

    # Fees and arrears (helper E): the Fees module, the unit's arrears panel, arrears counter.
    from ui.fees import registration as fees

    fees.register(ext)

    # Desk (helper F): overview (landing), patrols, shift log, parcels & visitors, settings.
    from ui.desk import registration as desk

    desk.register(ext)

    # Move-in/out, renovation and key custody (helper G): three modules, unit panel, counters.
    from ui.renovation import registration as occupancy

    occupancy.register(ext)

    # Dashboard and notices (helper H): the management dashboard first, notices beside it.
    from ui.dashboard import registration as dashboard

    dashboard.register(ext)
