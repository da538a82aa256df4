"""Webhook mode: only Telegram (the secret token) gets in; /healthz checks the database."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.app import ENGINE_KEY, start_in_process
from bot.local_api import LocalBotApi, LocalUser
from bot.webhook import SECRET_HEADER, WEBHOOK_PATH, make_server
from storage.engine import create_engine
from tests.conftest import make_application

SECRET = "s3cret-token_for-tests"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
async def served(engine: AsyncEngine) -> AsyncIterator[tuple[str, LocalBotApi]]:
    api = LocalBotApi()
    application = make_application(api, engine)
    await start_in_process(application)
    await application.start()
    server = make_server(application, SECRET)
    port = free_port()
    server.listen(port, address="127.0.0.1")
    try:
        yield f"http://127.0.0.1:{port}", api
    finally:
        server.stop()
        await application.stop()
        await application.shutdown()


def start_update() -> dict[str, object]:
    user = LocalUser(id=77, first_name="王磊")
    message = {"message_id": 1, "date": 0, "chat": user.private_chat(), "from": user.as_json(),
               "text": "/start", "entities": [{"type": "bot_command", "offset": 0, "length": 6}]}  # fmt: skip
    return {"update_id": 1, "message": message}


async def replies(api: LocalBotApi) -> list[str]:
    for _ in range(100):  # the update queue is processed by the running Application
        texts = [c.text for c in api.calls if c.method == "sendMessage"]
        if texts:
            return texts
        await asyncio.sleep(0.02)
    return []


async def test_a_request_without_the_secret_token_is_rejected(
    served: tuple[str, LocalBotApi],
) -> None:
    base, api = served
    async with httpx.AsyncClient() as client:
        missing = await client.post(base + WEBHOOK_PATH, json=start_update())
        wrong = await client.post(
            base + WEBHOOK_PATH, json=start_update(), headers={SECRET_HEADER: "guess"}
        )
    assert (missing.status_code, wrong.status_code) == (403, 403)
    await asyncio.sleep(0.1)
    assert not [c for c in api.calls if c.method == "sendMessage"]


async def test_telegrams_update_is_answered(served: tuple[str, LocalBotApi]) -> None:
    base, api = served
    async with httpx.AsyncClient() as client:
        response = await client.post(
            base + WEBHOOK_PATH, json=start_update(), headers={SECRET_HEADER: SECRET}
        )
        garbage = await client.post(
            base + WEBHOOK_PATH, content=b"not json", headers={SECRET_HEADER: SECRET}
        )
    assert response.status_code == 200 and garbage.status_code == 400
    said = await replies(api)
    assert said and said[0].startswith("你好,王磊!我是销售助手")


async def test_healthz_checks_the_database(served: tuple[str, LocalBotApi]) -> None:
    base, _api = served
    async with httpx.AsyncClient() as client:
        response = await client.get(base + "/healthz")
    assert response.status_code == 200
    assert response.json() == {"ok": True, "database": "ok"}


async def test_healthz_says_when_the_database_is_down(engine: AsyncEngine) -> None:
    application = make_application(LocalBotApi(), engine)
    down = create_engine("postgresql+asyncpg://nobody@127.0.0.1:1/none")
    application.bot_data[ENGINE_KEY] = down
    server = make_server(application, SECRET)
    port = free_port()
    server.listen(port, address="127.0.0.1")
    try:
        async with httpx.AsyncClient() as client:
            response = await client.get(f"http://127.0.0.1:{port}/healthz")
    finally:
        server.stop()
        await down.dispose()
    assert response.status_code == 503
    assert response.json() == {"ok": False, "database": "unreachable"}
