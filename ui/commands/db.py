"""``propdesk db upgrade``: apply the schema migrations."""

from __future__ import annotations

import argparse
from typing import Any

from propdesk.config import resolve_database_url
from propdesk.db.engine import make_engine
from propdesk.db.migrate import pending_revisions, upgrade_database


def register(sub: Any) -> None:
    from ui.cli import add_db_option

    db = sub.add_parser("db", help="database administration")
    dbsub = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    up = dbsub.add_parser("upgrade", help="apply pending schema migrations")
    add_db_option(up)
    up.set_defaults(func=_upgrade)


def _upgrade(args: argparse.Namespace) -> int:
    url = resolve_database_url(args.db)
    engine = make_engine(url)
    try:
        pending = pending_revisions(engine)
        upgrade_database(engine)
    finally:
        engine.dispose()
    print(
        f"数据库已是最新结构（应用了 {len(pending)} 个迁移分支）: {engine.url.render_as_string(hide_password=True)}"
    )
    return 0
