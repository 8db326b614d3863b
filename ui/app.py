"""Start the desktop app: fonts, translations, database, first-run set-up, login, main window."""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget
from sqlalchemy.engine import make_url

from propdesk.auth.actor import Actor
from propdesk.backup.integrity import check_file
from propdesk.config import ENV_DATABASE_URL, LANGUAGES, Settings, resolve_database_url
from propdesk.db.engine import Database, open_database
from propdesk.db.server_time import follow_server_clock
from propdesk.errors import DomainError
from propdesk.failures import configure_logging, log, log_failure, redact
from resources import CJK_FONT, TRANSLATIONS
from ui.context import AppContext
from ui.errors import ErrorHandler
from ui.events import ChangeHub
from ui.settings.server_login import login_matches_connection
from ui.worker import Executor, InlineExecutor, ThreadExecutor


def install_cjk_font(app: QApplication) -> list[str]:
    """Register the bundled WQY MicroHei and make it the app font's fallback family.

    Chinese then renders on machines without any CJK font. Returns the registered families.
    """
    font_id = QFontDatabase.addApplicationFont(str(CJK_FONT))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if families:
        font = QFont(app.font())
        base = font.family()
        font.setFamilies([base, *[f for f in families if f != base]])
        app.setFont(font)
    return list(families)


def load_translations(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install every ``resources/translations/*_{language}.qm`` plus Qt's own qtbase file.

    English is the source language, so nothing is loaded for ``en``. The translators are
    returned so the caller keeps them alive.
    """
    installed: list[QTranslator] = []
    if language == "en":
        return installed
    files = sorted(TRANSLATIONS.glob(f"*_{language}.qm"))
    qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    files += [p for p in (qt_dir / f"qtbase_{language}.qm",) if p.exists()]
    for path in files:
        translator = QTranslator(app)
        if translator.load(str(path)):
            app.installTranslator(translator)
            installed.append(translator)
    QLocale.setDefault(QLocale(language))
    return installed


class ChangeDatabase(Exception):
    """The user chose to pick another database after a failed open."""


def open_or_explain(
    url: str, parent: QWidget | None = None, *, can_change: bool = False
) -> Database | None:
    """Open (and migrate) the database; a damaged or foreign file gets a clear message box.

    With ``can_change`` the box offers "Change database…", which raises :class:`ChangeDatabase`.
    """
    try:
        parsed = make_url(url)
        if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
            # A damaged file or another program's database is refused before any migration.
            check_file(Path(parsed.database), allow_new=True)
        return open_database(url)
    except Exception as exc:  # any failure to open: shown to the user, never raised
        failure = log_failure(exc, action="open database")
        detail = str(exc).splitlines()[0] if isinstance(exc, DomainError) else failure.message
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            QCoreApplication.translate("App", "Cannot open the database"),
            QCoreApplication.translate(
                "App",
                "PropDesk cannot open this database. It may be damaged, belong to another "
                "program, or the server may be unreachable.\n\n%1\n\n%2",
            )
            .replace("%1", redact(url))
            .replace("%2", detail),
            QMessageBox.StandardButton.Close,
            parent,
        )
        change = (
            box.addButton(
                QCoreApplication.translate("App", "Change database…"),
                QMessageBox.ButtonRole.ActionRole,
            )
            if can_change
            else None
        )
        box.exec()
        if change is not None and box.clickedButton() is change:
            raise ChangeDatabase from None
        return None


def make_context(
    db: Database,
    actor: Actor,
    settings: Settings,
    executor: Executor,
    errors: ErrorHandler | None = None,
) -> AppContext:
    return AppContext(
        db=db,
        actor=actor,
        settings=settings,
        executor=executor,
        hub=ChangeHub(),
        errors=errors or ErrorHandler(),
    )


def _open_with_retry(
    db: str | None, settings: Settings, executor: Executor | None = None
) -> tuple[Database | None, Settings, Actor | None]:
    """Open the database; after a failure the user may pick another one in the settings.

    A desk on a PostgreSQL server (settings, no ``--db``) asks for the server login first
    (:mod:`ui.settings.server_login`); the third value is the PropDesk user when that same
    name and password logged in to PropDesk too.
    """
    from ui.settings.dialog import SettingsDialog
    from ui.settings.server_login import start_on_server

    while True:
        try:
            if db is None and settings.server is not None and not os.environ.get(ENV_DATABASE_URL):
                start = start_on_server(
                    server=settings.server,
                    executor=executor or InlineExecutor(),
                    username=str(settings.extra.get("last_username", "")),
                )
                if start == "settings":
                    raise ChangeDatabase
                if start is None:
                    return None, settings, None
                return start.database, settings, start.actor
            url = resolve_database_url(db, settings)
            return open_or_explain(url, can_change=db is None), settings, None
        except ChangeDatabase:
            dialog = SettingsDialog(settings=settings, executor=executor)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None, settings, None
            settings = replace(dialog.settings, language=settings.language)


def run_gui(db: str | None, lang: str | None) -> int:
    """Run the desktop app until the window closes; returns the exit code."""
    from ui.admin.backup_schedule import start_backup_schedule
    from ui.auth.gate import login_actor
    from ui.auth.lock import install_session_lock
    from ui.calls.desk import call_desk
    from ui.live import install_live_link
    from ui.main_window import MainWindow
    from ui.setup.first_run import run_first_run

    configure_logging()
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    errors = ErrorHandler()
    errors.install()  # uncaught exceptions and Qt's messages: to the user and the log
    log.info("PropDesk starting")
    app.setApplicationName("PropDesk")
    app.setOrganizationName("PropDesk")
    install_cjk_font(app)
    settings = Settings.load()
    language = lang if lang in LANGUAGES else settings.language
    translators = load_translations(app, language)
    settings = replace(settings, language=language)

    executor = ThreadExecutor(app)
    database, settings, actor = _open_with_retry(db, settings, executor)
    if database is None:
        return 1
    try:
        follow_server_clock(database)  # desks sharing a server stamp the server's time
    except Exception as exc:  # the skew warning at login explains a clock problem
        log_failure(exc, action="measure the server's clock")
    try:
        if not run_first_run(db=database, executor=executor, errors=errors):
            return 0
        actor = actor or login_actor(
            db=database, settings=settings, executor=executor, errors=errors, parent=None
        )
        if actor is None:
            return 0
        if not login_matches_connection(database, actor):  # a server login is one person's
            QMessageBox.critical(
                None,
                QCoreApplication.translate("App", "Log in as yourself"),
                QCoreApplication.translate(
                    "App", "Log in to PropDesk with the same user as the server login."
                ),
            )
            return 1
        window = MainWindow(ctx=make_context(database, actor, settings, executor, errors))
        install_session_lock(window, ctx=window.ctx)  # idle lock and Ctrl+L (helper D)
        live_link = install_live_link(window, window.ctx)  # other desks' changes; lost server
        start_backup_schedule(ctx=window.ctx, parent=window)  # backup at start, then daily
        call_desk(window.ctx, window)  # F9 call cards; caller-ID endpoint on 127.0.0.1
        window.show()
        code = app.exec()
        if live_link is not None:
            live_link.stop()
        executor.wait(5000)
        return int(code)
    finally:
        del translators
        database.dispose()
