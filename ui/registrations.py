"""Every feature's value for the main window: ``MainWindow(features=default_features())``.

Each ``ui/<feature>/`` contributes one :class:`ui.extensions.Feature`; the small ones are built
here, the larger ones in their own ``registration.feature()``. Pages, panels and menu commands
are named with ``ext.lazy_page`` / ``ext.lazy_panel`` / ``ext.lazy`` so their modules (and
ReportLab, openpyxl behind them) load when first used, not at start-up.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ui import extensions as ext


def _overdue_tickets_text(n: int) -> str:
    """The status bar's overdue figure ("" hides it when nothing is overdue)."""
    return (
        QCoreApplication.translate("ServiceDesk", "Overdue tickets: %1").replace("%1", f"{n:,}")
        if n
        else ""
    )


def _count_overdue_tickets(session: object) -> int:
    from sqlalchemy.orm import Session

    from propdesk.tickets.queries import count_overdue

    assert isinstance(session, Session)
    return int(count_overdue(session))


def default_features() -> ext.Features:
    """The features of the app, in the order their entries were registered."""
    from propdesk.auth.permissions import Permission
    from ui.admin import actions as admin
    from ui.dashboard import registration as dashboard
    from ui.desk import registration as desk
    from ui.fees import registration as fees
    from ui.ledger import actions as ledger  # light (~15 ms); its test checks these very functions
    from ui.renovation import registration as occupancy

    # Registry: buildings → units, and all people.
    registry = ext.Feature(
        "registry",
        nav=(
            ext.NavModule(
                "registry",
                str(QT_TRANSLATE_NOOP("NavModule", "Units")),
                10,
                ext.lazy_page("ui.registry.lists", "RegistryPage"),
            ),
            ext.NavModule(
                "people",
                str(QT_TRANSLATE_NOOP("NavModule", "People")),
                20,
                ext.lazy_page("ui.registry.lists", "PeoplePage"),
            ),
        ),
    )

    # Owner ledger: File menu → import / template / export / print.
    ledger_feature = ext.Feature(
        "ledger",
        menu=(
            ext.MenuAction(
                "file",
                str(QT_TRANSLATE_NOOP("MenuAction", "Import owner ledger…")),
                40,
                ledger.import_owner_ledger,
                visible=ledger.can_import,
            ),
            ext.MenuAction(
                "file",
                str(QT_TRANSLATE_NOOP("MenuAction", "Download import template…")),
                41,
                ledger.download_template,
                visible=ledger.can_import,
            ),
            ext.MenuAction(
                "file",
                str(QT_TRANSLATE_NOOP("MenuAction", "Export owner ledger…")),
                42,
                ledger.export_owner_ledger,
            ),
            ext.MenuAction(
                "file",
                str(QT_TRANSLATE_NOOP("MenuAction", "Print owner ledger of a building…")),
                43,
                ledger.print_owner_ledger,
            ),
        ),
    )

    # Users, audit log, backups, personal data: Admin menu and the person page.
    admin_feature = ext.Feature(
        "admin",
        menu=(
            ext.MenuAction(
                "admin", admin.USERS_TITLE, 10, admin.open_users, visible=admin.can_manage_users
            ),
            ext.MenuAction(
                "admin", admin.AUDIT_TITLE, 20, admin.open_audit, visible=admin.can_view_audit
            ),
            ext.MenuAction(
                "admin", admin.BACKUP_TITLE, 30, admin.open_backups, visible=admin.can_backup
            ),
            ext.MenuAction(
                "admin",
                admin.SECURITY_TITLE,
                35,
                admin.security_settings,
                visible=admin.can_manage_settings,
            ),
            ext.MenuAction("admin", admin.PASSWORD_TITLE, 40, admin.change_password),
            ext.MenuAction("admin", admin.LOCK_TITLE, 50, admin.lock_screen),
        ),
        person_panels=(
            ext.RecordPanel(
                "personal_data", 5, ext.lazy("ui.auth.personal_data", "personal_data_panel")
            ),
            ext.RecordPanel("history", 90, ext.lazy("ui.admin.history", "person_history")),
        ),
        unit_panels=(ext.RecordPanel("history", 90, ext.lazy("ui.admin.history", "unit_history")),),
    )

    # Service desk: board/queues/statistics, F2 intake, settings, panels, overdue count.
    tickets = ext.Feature(
        "tickets",
        nav=(
            ext.NavModule(
                "tickets",
                str(QT_TRANSLATE_NOOP("NavModule", "Service desk")),
                30,
                ext.lazy_page("ui.tickets.module", "ServiceDeskPage"),
            ),
        ),
        menu=(
            ext.MenuAction(
                "records",
                str(QT_TRANSLATE_NOOP("MenuAction", "New service ticket…")),
                10,
                ext.lazy("ui.tickets.module", "open_intake"),
                shortcut="F2",
            ),
            ext.MenuAction(
                "admin",
                str(QT_TRANSLATE_NOOP("MenuAction", "Service desk settings…")),
                15,
                ext.lazy("ui.tickets.settings_dialog", "open_settings"),
                visible=lambda ctx: ctx.can(Permission.MANAGE_SETTINGS),  # as its can_manage
            ),
        ),
        unit_panels=(
            ext.RecordPanel(
                "tickets",
                30,
                lambda ctx, uid: ext.lazy("ui.tickets.panels", "TicketHistoryPanel")(
                    ctx=ctx, kind="unit", record_id=uid
                ),
            ),
        ),
        person_panels=(
            ext.RecordPanel(
                "tickets",
                30,
                lambda ctx, pid: ext.lazy("ui.tickets.panels", "TicketHistoryPanel")(
                    ctx=ctx, kind="person", record_id=pid
                ),
            ),
        ),
        counters=(
            ext.StatusCounter(
                "overdue_tickets",
                lambda c: c.tickets or c.settings,
                _count_overdue_tickets,
                _overdue_tickets_text,
            ),
        ),
    )

    return ext.Features(
        (
            registry,
            ledger_feature,
            admin_feature,
            tickets,
            fees.feature(),
            desk.feature(),
            occupancy.feature(),
            dashboard.feature(),
            ext.lazy("ui.deposits.registration", "feature")(),
            ext.lazy("ui.calls.registration", "feature")(),
            ext.lazy("ui.activities.registration", "feature")(),
            ext.lazy("ui.archive.registration", "feature")(),
            ext.lazy("ui.surveys.registration", "feature")(),
            ext.lazy("ui.household.registration", "feature")(),
            ext.lazy("ui.team.registration", "feature")(),
            ext.lazy("ui.care.registration", "feature")(),
        )
    )
