"""Webhook mode: Telegram POSTs updates to us; /healthz says whether the database answers.

Our own small tornado server rather than PTB's run_webhook, because a load balancer needs
a health endpoint beside the webhook. It faces the internet, so:

- the secret token header is checked as soon as the headers are in, before any of the body is
  read: a stranger's 90 MB body is never received (the connection is closed after the 403);
- a body is at most `max_body_bytes` (1 MB; Telegram's updates are a few KB), whether it
  says its length or comes chunked;
- headers must arrive within `header_timeout` and the body within `body_timeout`, so a
  socket that trickles bytes is closed instead of held;
- at most `max_connections` are open; a new one closes the oldest, so a crowd of stalled
  sockets can't keep /healthz or Telegram out and the process never runs out of descriptors;
- a body that is JSON but not an update (a list, null, `"message": 7`, arrays nested
  thousands deep) gets 400 and a log line without a traceback, never a 500.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import signal
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

import tornado.httpserver
import tornado.iostream
import tornado.web
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine
from telegram import Bot, Update
from tornado.http1connection import HTTP1ServerConnection

from bot.app import ENGINE_KEY, AnyApplication

log = logging.getLogger("salesbot.webhook")
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
WEBHOOK_PATH = "/telegram"


@dataclass(frozen=True)
class Limits:
    """What one connection may cost us (README, "Limits"; set through bot/settings.py)."""

    max_body_bytes: int = 1024 * 1024
    max_header_bytes: int = 16 * 1024
    header_timeout: float = 10.0  # seconds for the request line and headers
    body_timeout: float = 10.0  # seconds for the whole body
    max_connections: int = 256


def parse_update(body: bytes, bot: Bot) -> Update | None:
    """The update in `body`, or None when it is not one (never raises)."""
    try:
        data = json.loads(body)
    except (ValueError, RecursionError):  # not JSON, or nested past the parser's depth
        return None
    if not isinstance(data, dict):
        return None
    update_id = data.get("update_id")
    if not isinstance(update_id, int) or isinstance(update_id, bool):
        return None
    try:
        return Update.de_json(data, bot)
    except Exception:  # a field of the wrong type: PTB raises TypeError, AttributeError …
        return None


@tornado.web.stream_request_body
class _UpdateHandler(tornado.web.RequestHandler):
    def initialize(self, bot_application: AnyApplication, secret: str, limits: Limits) -> None:
        self.bot_application = bot_application
        self.secret = secret
        self.limits = limits
        self._chunks: list[bytes] = []
        self._size = 0

    def _refuse(self, status: int, error: str) -> None:
        # The body is not read: tornado closes the connection after this answer.
        self.set_status(status)
        self.set_header("Connection", "close")
        self.finish({"ok": False, "error": error})

    def prepare(self) -> None:
        """Runs when the headers are in and before any of the body is read."""
        if self.request.method != "POST":
            return
        given = self.request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), self.secret.encode()):
            self._refuse(403, "forbidden")
            return
        declared = self.request.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > self.limits.max_body_bytes:
            self._refuse(413, "too large")
            return
        connection = self.request.connection
        if connection is not None and hasattr(connection, "set_max_body_size"):
            connection.set_max_body_size(self.limits.max_body_bytes)

    def data_received(self, chunk: bytes) -> None:
        self._size += len(chunk)
        if self._size > self.limits.max_body_bytes:  # a chunked body that said no length
            raise tornado.web.HTTPError(413)
        self._chunks.append(chunk)

    async def post(self) -> None:
        update = parse_update(b"".join(self._chunks), self.bot_application.bot)
        self._chunks = []
        if update is None:
            log.warning("webhook: a body that is not an update (%s bytes) got 400", self._size)
            self.set_status(400)
            self.finish({"ok": False, "error": "bad update"})
            return
        await self.bot_application.update_queue.put(update)
        self.finish({"ok": True})

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        # Never a traceback to the caller, whatever tornado's debug setting.
        self.finish({"ok": False, "error": self._reason})


class _HealthHandler(tornado.web.RequestHandler):
    def initialize(self, engine: AsyncEngine) -> None:
        self.engine = engine

    async def get(self) -> None:
        try:
            async with self.engine.connect() as connection:
                await asyncio.wait_for(connection.execute(text("SELECT 1")), timeout=5)
        except Exception:
            log.exception("health check: the database does not answer")
            self.set_status(503)
            self.finish({"ok": False, "database": "unreachable"})
            return
        self.finish({"ok": True, "database": "ok"})


class _BoundedServer(tornado.httpserver.HTTPServer):
    """tornado's HTTPServer with a cap on open connections: the oldest gives way."""

    max_connections = Limits.max_connections

    def handle_stream(self, stream: tornado.iostream.IOStream, address: tuple[Any, ...]) -> None:
        by_age = self._by_age()
        while len(by_age) >= self.max_connections:
            oldest, _ = by_age.popitem(last=False)
            oldest.stream.close()  # tornado calls on_close, which forgets it
        known = set(self._connections)
        super().handle_stream(stream, address)
        for connection in self._connections - known:
            by_age[connection] = None

    def on_close(self, server_conn: object) -> None:
        self._by_age().pop(server_conn, None)  # type: ignore[call-overload]
        super().on_close(server_conn)

    def _by_age(self) -> OrderedDict[HTTP1ServerConnection, None]:
        found: OrderedDict[HTTP1ServerConnection, None] | None = getattr(self, "_age", None)
        if found is None:
            found = OrderedDict()
            self._age = found
        return found


def _access_log(handler: tornado.web.RequestHandler) -> None:
    """Only server errors: a crowd of refused strangers must not fill the log."""
    if handler.get_status() >= 500:
        log.error("%s %s answered %s", handler.request.method, handler.request.path,
                  handler.get_status())  # fmt: skip


def make_server(
    application: AnyApplication, secret: str, limits: Limits | None = None
) -> tornado.httpserver.HTTPServer:
    limits = limits or Limits()
    engine: AsyncEngine = application.bot_data[ENGINE_KEY]
    web = tornado.web.Application(
        [
            (
                WEBHOOK_PATH,
                _UpdateHandler,
                {"bot_application": application, "secret": secret, "limits": limits},
            ),
            ("/healthz", _HealthHandler, {"engine": engine}),
        ],
        log_function=_access_log,
    )
    server = _BoundedServer(
        web,
        max_body_size=limits.max_body_bytes,
        max_header_size=limits.max_header_bytes,
        idle_connection_timeout=limits.header_timeout,
        body_timeout=limits.body_timeout,
        max_buffer_size=limits.max_body_bytes + limits.max_header_bytes,
    )
    server.max_connections = limits.max_connections
    return server


async def serve(
    application: AnyApplication,
    *,
    url: str,
    secret: str,
    listen: str,
    port: int,
    limits: Limits | None = None,
) -> None:
    """Register the webhook with Telegram and serve until SIGINT/SIGTERM."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    async with application:
        await application.start()
        await application.bot.set_webhook(
            url.rstrip("/") + WEBHOOK_PATH,
            secret_token=secret,
            allowed_updates=["message", "callback_query", "my_chat_member"],
        )
        server = make_server(application, secret, limits)
        server.listen(port, address=listen)
        log.info("webhook listening on %s:%s", listen, port)
        await stop.wait()
        server.stop()
        await application.stop()


def run(application: AnyApplication, **options: Any) -> None:
    asyncio.run(serve(application, **options))
