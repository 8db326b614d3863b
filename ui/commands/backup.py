"""``propdesk backup [-o FILE] [--list]``, ``propdesk restore FILE [--yes]`` and
``propdesk user add|passwd|unlock|list``.

Every command logs in (:mod:`ui.commands.login`) and runs as that user: backup and
restore need the backup permission, ``user`` the user-management permission (an
administrator). A scheduled backup logs in as a service account whose secret is in the OS
keyring: ``propdesk user add nightly --role admin --service`` once on that machine, then
``propdesk backup --user nightly --keyring``. On PostgreSQL, backup and restore explain
that the server's ``pg_dump`` does the job.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import Any

from sqlalchemy.orm import sessionmaker

from propdesk import clock
from propdesk.auth.actor import Actor, Role
from propdesk.config import Settings
from propdesk.db.engine import Database, make_engine, open_database
from ui.commands.db import checked_url, database_errors
from ui.commands.login import login, read_stdin_line


def register(sub: Any) -> None:
    from ui.cli import add_db_option

    b = sub.add_parser(
        "backup",
        help="back up the SQLite database (online, consistent while the app is in use)",
        description="Copy the database with SQLite's backup API into the backups folder "
        "(rotated, keeps the newest N from the settings) or into FILE.",
    )
    b.add_argument("-o", "--output", metavar="FILE", type=Path, help="write the backup here")
    b.add_argument("--list", action="store_true", help="list the backups in the backups folder")
    add_db_option(b)
    b.set_defaults(func=_backup)

    r = sub.add_parser(
        "restore",
        help="replace the database with a backup (after an integrity check)",
        description="Check FILE fully (integrity, and a schema this program knows), say "
        "which payments and user changes the restore undoes, keep the current database "
        "aside as <name>.before-restore-<time>, then copy FILE into it. Receipt numbers "
        "continue above the highest ever issued. Needs a login with the restore right.",
    )
    r.add_argument("file", metavar="FILE", type=Path)
    r.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    add_db_option(r)
    r.set_defaults(func=_restore)

    u = sub.add_parser("user", help="manage user accounts (add, passwd, unlock, list)")
    usub = u.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    add = usub.add_parser(
        "add", help="add a user (asks for the password; they change it at their first login)"
    )
    add.add_argument("username")
    add.add_argument("--role", required=True, choices=[r.value for r in Role])
    add.add_argument("--name", default="", help="display name (default: the username)")
    add.add_argument(
        "--new-password-stdin",
        action="store_true",
        help="read the new user's password from stdin (after the login password, if that "
        "comes from stdin too)",
    )
    add.add_argument(
        "--service",
        action="store_true",
        help="a scheduled job's service account: a random secret, kept in this machine's "
        "OS keyring",
    )
    add_db_option(add)
    add.set_defaults(func=_user_add)
    pw = usub.add_parser("passwd", help="set a new password for a user (and unlock it)")
    pw.add_argument("username")
    pw.add_argument(
        "--new-password-stdin", action="store_true", help="read the new password from stdin"
    )
    pw.add_argument(
        "--service",
        action="store_true",
        help="a service account: a new random secret, kept in this machine's OS keyring",
    )
    add_db_option(pw)
    pw.set_defaults(func=_user_passwd)
    unlock = usub.add_parser("unlock", help="lift a lock-out after too many wrong passwords")
    unlock.add_argument("username")
    add_db_option(unlock)
    unlock.set_defaults(func=_user_unlock)
    ls = usub.add_parser("list", help="list the users")
    add_db_option(ls)
    ls.set_defaults(func=_user_list)


def _open(args: argparse.Namespace, *, upgrade: bool) -> Database:
    url = checked_url(args)
    with database_errors(url):
        return open_database(url, upgrade=upgrade)


def _open_logged_in(args: argparse.Namespace, *, upgrade: bool) -> tuple[Database, Actor]:
    db = _open(args, upgrade=upgrade)
    try:
        return db, login(args, db)
    except BaseException:
        db.dispose()
        raise


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{n / 1024:.0f} KB"


def _backup(args: argparse.Namespace) -> int:
    from propdesk.auth.permissions import Permission, require
    from propdesk.backup.sqlite_backup import backup_folder, backup_now, database_path, list_backups

    db, actor = _open_logged_in(args, upgrade=False)
    try:
        if args.list:
            require(actor, Permission.BACKUP_RESTORE)  # the list names files and times
            source = database_path(db)
            backups = list_backups(backup_folder(), source.stem)
            for b in backups:
                print(
                    f"{b.created_at:%Y-%m-%d %H:%M:%S}  {b.kind_label:4}  {_size(b.size):>9}  {b.path}"
                )
            if not backups:
                print(f"还没有备份（备份文件夹：{backup_folder()}）")
            return 0
        info = backup_now(db, actor=actor, keep=Settings.load().backup_keep, dest=args.output)
    finally:
        db.dispose()
    print(f"已备份到 {info.path}（{_size(info.size)}）")
    return 0


def _confirm(question: str) -> bool:
    try:
        answer = input(f"{question} [y/N] ")
    except EOFError:
        return False
    return answer.strip().lower() in ("y", "yes", "是")


def _restore(args: argparse.Namespace) -> int:
    from propdesk.backup.integrity import check_file
    from propdesk.backup.sqlite_backup import database_path, plan_restore, restore_backup
    from ui.cli import CliError

    # no open_database() here: a damaged live database must still be restorable
    url = checked_url(args)
    db = Database(url, make_engine(url), sessionmaker())
    try:
        database_path(db)
        check_file(args.file.expanduser(), full=True)
        actor = _restore_login(args, url, args.file.expanduser())
        # integrity and schema checked, and what the restore undoes, before asking
        plan = plan_restore(db, args.file, actor=actor)
        if args.yes:
            print("\n".join(plan.impact.lines()))
        elif not _confirm(plan.question()):
            raise CliError("已取消，数据库没有改动。")
        result = restore_backup(db, args.file, actor=actor)
    finally:
        db.dispose()
    floor = "、".join(f"{s} 从 {n + 1} 起" for s, n in sorted(result.receipt_floor.items()))
    print(f"已从 {result.restored_from} 恢复。原数据库另存为 {result.kept_aside}")
    if floor:
        print(f"收据号接着已用过的最大号码继续：{floor}。")
    return 0


def _restore_login(args: argparse.Namespace, url: str, backup: Path) -> Actor:
    """Log in against the live database; when it is too damaged to open, against the backup
    about to replace it (its users are the ones the restored database will have)."""
    from propdesk.backup.integrity import DatabaseFileError

    try:
        db = _open(args, upgrade=False)
    except DatabaseFileError:
        db = open_database(f"sqlite:///{backup}", upgrade=False)
    try:
        return login(args, db)
    finally:
        db.dispose()


def _read_password(args: argparse.Namespace) -> str:
    from ui.cli import CliError

    if args.new_password_stdin:
        return read_stdin_line()
    if not sys.stdin.isatty():
        raise CliError("没有提供新密码：请用 --new-password-stdin，或在终端运行以输入新密码。")
    first = getpass.getpass("新密码：")
    if getpass.getpass("再输一次：") != first:
        raise CliError("两次输入的密码不一致。")
    return first


def _user_id(db: Database, actor: Actor, username: str) -> int:
    from sqlalchemy import func, select

    from propdesk.auth.models import User
    from propdesk.auth.permissions import Permission, require
    from ui.cli import CliError

    with db.begin(actor) as s:
        require(actor, Permission.MANAGE_USERS)  # who exists is the administrator's business
        uid = s.scalar(select(User.id).where(func.lower(User.username) == username.lower()))
    if uid is None:
        raise CliError(f"没有用户名为 {username} 的用户。")
    return int(uid)


def _user_add(args: argparse.Namespace) -> int:
    from propdesk.auth.keyring_secret import new_secret, store_secret
    from propdesk.auth.users import create_service_account, create_user

    db, actor = _open_logged_in(args, upgrade=True)
    try:
        if args.service:
            secret = new_secret()
            store_secret(db.url, args.username, secret)  # no keyring: refused before any write
            with db.begin(actor) as s:
                create_service_account(
                    s,
                    username=args.username,
                    display_name=args.name or args.username,
                    role=args.role,
                    secret=secret,
                )
            print(
                f"已添加服务账号 {args.username}（{args.role}），密钥已保存在本机的系统钥匙串中。"
            )
            return 0
        password = _read_password(args)
        with db.begin(actor) as s:
            create_user(
                s,
                username=args.username,
                display_name=args.name or args.username,
                role=args.role,
                password=password,
            )
    finally:
        db.dispose()
    print(f"已添加用户 {args.username}（{args.role}），首次登录时须修改密码。")
    return 0


def _user_passwd(args: argparse.Namespace) -> int:
    from propdesk.auth.keyring_secret import new_secret, store_secret
    from propdesk.auth.users import reset_password

    db, actor = _open_logged_in(args, upgrade=True)
    try:
        uid = _user_id(db, actor, args.username)
        if args.service:
            secret = new_secret()
            with db.begin(actor) as s:
                reset_password(s, uid, secret)
                store_secret(db.url, args.username, secret)  # before the commit: all or nothing
            print(f"已为服务账号 {args.username} 生成新密钥，保存在本机的系统钥匙串中。")
            return 0
        password = _read_password(args)
        with db.begin(actor) as s:
            reset_password(s, uid, password)
    finally:
        db.dispose()
    print(f"已为 {args.username} 设置新密码（下次登录时须修改）。")
    return 0


def _user_unlock(args: argparse.Namespace) -> int:
    from propdesk.auth.users import unlock_user

    db, actor = _open_logged_in(args, upgrade=True)
    try:
        uid = _user_id(db, actor, args.username)
        with db.begin(actor) as s:
            unlock_user(s, uid)
    finally:
        db.dispose()
    print(f"已解锁 {args.username}。")
    return 0


def _user_list(args: argparse.Namespace) -> int:
    from propdesk.auth.users import list_users

    db, actor = _open_logged_in(args, upgrade=True)
    try:
        with db.begin(actor) as s:
            rows = list_users(s)
            now = clock.now(s)
    finally:
        db.dispose()
    for u in rows:
        locked = u.locked_until is not None and u.locked_until > now
        state = "停用" if not u.active else ("锁定" if locked else "正常")
        kind = "（服务账号）" if u.service_account else ""
        print(f"{u.username:16} {u.role_label:6} {state:4} {u.display_name}{kind}")
    return 0
