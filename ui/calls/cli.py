"""``propdesk call incoming NUMBER``: tell the desk on this machine a call is ringing.

The number goes to the desk's caller-ID endpoint (``http://127.0.0.1:PORT/incoming``), which
records the call and pops the card (no login needed: the desk is logged in). When no desk is
running, the call is recorded in the database as missed — with a login, like every command
that writes (``--user``/``--keyring``) — so it waits in the queue with its deadline.
"""

from __future__ import annotations

import argparse
import urllib.error
import urllib.parse
import urllib.request
from typing import Any


def register(sub: Any) -> None:
    from ui.cli import add_db_option
    from ui.commands import group

    calls = group(sub, "call", "the call desk (e.g. call incoming NUMBER)")
    incoming = calls.add_parser(
        "incoming",
        help="a call is ringing: pop the call card on this machine's desk",
        description="Sends NUMBER to the desk's caller-ID endpoint on 127.0.0.1; without a"
        " running desk, records it as a missed call in the queue.",
    )
    incoming.add_argument("number", metavar="NUMBER")
    incoming.add_argument("--port", type=int, default=None, help="the endpoint's port")
    add_db_option(incoming)
    incoming.set_defaults(func=_incoming)


def _incoming(args: argparse.Namespace) -> int:
    from propdesk.calls.textkeys import normalise_number
    from ui.calls.endpoint import HOST, configured_port
    from ui.cli import CliError

    try:
        normalise_number(args.number)
    except Exception as exc:
        raise CliError(str(exc)) from exc
    port = args.port if args.port is not None else configured_port()
    if port:
        data = urllib.parse.urlencode({"number": args.number}).encode()
        try:
            with urllib.request.urlopen(
                f"http://{HOST}:{port}/incoming", data=data, timeout=3
            ) as response:
                if response.status == 200:
                    print(f"来电 {args.number} 已送到前台。")
                    return 0
        except (urllib.error.URLError, OSError):
            pass
    return _record_missed(args)


def _record_missed(args: argparse.Namespace) -> int:
    """No desk answered: record the call as missed, logged in like every data command (a
    telephony box uses a service account: ``--keyring``)."""
    from propdesk.calls.calls import ring
    from ui.commands.login import open_logged_in

    database, actor = open_logged_in(args)
    try:
        with database.begin(actor) as session:
            ring(session, args.number)
    finally:
        database.dispose()
    print(f"前台未运行：来电 {args.number} 已记为未接来电，进入待回电队列。")
    return 0
