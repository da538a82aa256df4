"""The local Bot API behind real HTTP, to prove the bot runs unchanged against any Bot API
server named by TELEGRAM_API_BASE_URL (a self-hosted telegram-bot-api, say)."""

from __future__ import annotations

import asyncio
import json
import socket
from typing import Any

import tornado.httpserver
import tornado.web

from bot.local_api import LocalBotApi, UploadedFile


def _value(raw: str) -> Any:
    # PTB sends objects and arrays as JSON strings; scalars stay as Telegram would read them.
    if raw[:1] in "[{":
        try:
            return json.loads(raw)
        except ValueError:
            return raw
    return raw


class _MethodHandler(tornado.web.RequestHandler):
    def initialize(self, api: LocalBotApi, server: HttpBotApi) -> None:
        self.api = api
        self.delay = server.send_delay
        self.sends_open = server.sends_open

    async def post(self, token: str, method: str) -> None:
        if method == "sendMessage":
            await self.sends_open.wait()  # a test holds sends until its workers are all in place
            if self.delay:
                await asyncio.sleep(self.delay)  # a slow Telegram, to catch a worker mid-send
        params: dict[str, Any] = {}
        content_type = self.request.headers.get("Content-Type", "")
        if content_type.startswith("application/json") and self.request.body:
            params = {k: v for k, v in json.loads(self.request.body).items()}
        else:
            for name, values in self.request.body_arguments.items():
                params[name] = _value(values[0].decode())
            for name, files in self.request.files.items():
                upload = files[0]
                params[name] = UploadedFile(upload.filename, upload.body, upload.content_type)
        status, body = await self.api.call(method, params)
        self.set_status(status)
        self.set_header("Content-Type", "application/json")
        self.finish(json.dumps(body, ensure_ascii=False))


class HttpBotApi:
    """Serves `api` at http://127.0.0.1:<port>/bot<token>/<method>."""

    def __init__(self, api: LocalBotApi) -> None:
        self.api = api
        self.send_delay = 0.0
        self.sends_open = asyncio.Event()
        self.sends_open.set()
        app = tornado.web.Application(
            [(r"/bot([^/]+)/(\w+)", _MethodHandler, {"api": api, "server": self})]
        )
        self.server = tornado.httpserver.HTTPServer(app)
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]
        sock.close()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    def start(self) -> None:
        self.server.listen(self.port, address="127.0.0.1")

    async def stop(self) -> None:
        self.server.stop()
        await self.server.close_all_connections()
