"""The caller-ID endpoint: a telephony box (or ``propdesk call incoming NUMBER``) tells the
desk a call is ringing.

``POST http://127.0.0.1:<port>/incoming`` with the form field or JSON key ``number``
(``GET /incoming?number=...`` works too). Bound to 127.0.0.1 only: nothing outside the
desk's machine can reach it. The port is ``PROPDESK_CALL_PORT`` (default 47117); ``0``
turns it off. The HTTP server runs on a thread of its own and hands the number to the UI
thread through a queued signal; the desk then records the call and pops the card only when
the clerk is not typing in a dialog (:class:`ui.calls.desk.CallDesk`).
"""

from __future__ import annotations

import json
import os
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlparse

from PySide6.QtCore import QObject, Qt, Signal

if TYPE_CHECKING:
    from ui.calls.desk import CallDesk

HOST = "127.0.0.1"
DEFAULT_PORT = 47117
MAX_BODY = 4096


def configured_port() -> int:
    try:
        return int(os.environ.get("PROPDESK_CALL_PORT", DEFAULT_PORT))
    except ValueError:
        return DEFAULT_PORT


class _Relay(QObject):
    rang = Signal(str)


class CallEndpoint:
    """The HTTP listener. ``port`` is the one bound (useful with port 0 in tests)."""

    def __init__(self, on_number: _Relay, port: int) -> None:
        relay = on_number

        class Handler(BaseHTTPRequestHandler):
            def _answer(self, code: int, text: str) -> None:
                body = text.encode("utf-8")
                self.send_response(code)
                self.send_header("Content-Type", "text/plain; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def _take(self, number: str) -> None:
                number = number.strip()
                if not number or len(number) > 40:
                    self._answer(400, "number missing")
                    return
                relay.rang.emit(number)
                self._answer(200, "ok")

            def do_GET(self) -> None:
                url = urlparse(self.path)
                if url.path != "/incoming":
                    self._answer(404, "not found")
                    return
                self._take((parse_qs(url.query).get("number") or [""])[0])

            def do_POST(self) -> None:
                if urlparse(self.path).path != "/incoming":
                    self._answer(404, "not found")
                    return
                length = min(int(self.headers.get("Content-Length") or 0), MAX_BODY)
                raw = self.rfile.read(length).decode("utf-8", "replace")
                if raw.lstrip().startswith("{"):
                    try:
                        number = str(json.loads(raw).get("number", ""))
                    except (ValueError, AttributeError):
                        number = ""
                else:
                    number = (parse_qs(raw).get("number") or [""])[0]
                self._take(number)

            def log_message(self, format: str, *args: object) -> None:
                return  # no console noise; the call itself is logged in the database

        self.server = ThreadingHTTPServer((HOST, port), Handler)
        self.server.daemon_threads = True
        self.port = int(self.server.server_address[1])
        self.thread = threading.Thread(
            target=self.server.serve_forever, name="call-endpoint", daemon=True
        )
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def start_endpoint(desk: CallDesk, port: int | None = None) -> CallEndpoint | None:
    """Listen for caller-ID calls for ``desk`` (``None`` when turned off or the port is
    taken, e.g. by a second PropDesk on the same machine)."""
    if port is None:
        port = configured_port()
        if port == 0:  # turned off
            return None
    relay = _Relay(desk)
    relay.rang.connect(desk.incoming, Qt.ConnectionType.QueuedConnection)
    try:
        endpoint = CallEndpoint(relay, port)
    except OSError:
        return None
    desk.endpoint = endpoint
    desk.destroyed.connect(lambda _o=None: endpoint.stop())
    return endpoint
