"""Webhook mode: Telegram POSTs updates to us; /healthz says whether the database answers.

Our own small tornado server rather than PTB's run_webhook, because a load balancer needs
a health endpoint beside the webhook. Requests without Telegram's secret token header are
rejected before anything is parsed.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import signal
from typing import Any

import tornado.httpserver
import tornado.web
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine
from telegram import Update

from bot.app import ENGINE_KEY, AnyApplication

log = logging.getLogger("salesbot.webhook")
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
WEBHOOK_PATH = "/telegram"


class _UpdateHandler(tornado.web.RequestHandler):
    def initialize(self, bot_application: AnyApplication, secret: str) -> None:
        self.bot_application = bot_application
        self.secret = secret

    async def post(self) -> None:
        given = self.request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), self.secret.encode()):
            self.set_status(403)
            self.finish({"ok": False, "error": "forbidden"})
            return
        try:
            data = json.loads(self.request.body)
            update = Update.de_json(data, self.bot_application.bot)
        except (ValueError, TypeError, KeyError):
            self.set_status(400)
            self.finish({"ok": False, "error": "bad update"})
            return
        await self.bot_application.update_queue.put(update)
        self.finish({"ok": True})


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


def make_server(application: AnyApplication, secret: str) -> tornado.httpserver.HTTPServer:
    engine: AsyncEngine = application.bot_data[ENGINE_KEY]
    web = tornado.web.Application(
        [
            (WEBHOOK_PATH, _UpdateHandler, {"bot_application": application, "secret": secret}),
            ("/healthz", _HealthHandler, {"engine": engine}),
        ]
    )
    return tornado.httpserver.HTTPServer(web)


async def serve(
    application: AnyApplication, *, url: str, secret: str, listen: str, port: int
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
        server = make_server(application, secret)
        server.listen(port, address=listen)
        log.info("webhook listening on %s:%s", listen, port)
        await stop.wait()
        server.stop()
        await application.stop()


def run(application: AnyApplication, **options: Any) -> None:
    asyncio.run(serve(application, **options))
