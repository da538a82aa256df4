"""The webhook faces the internet (issue #17, Must-have 3), tested with real sockets.

The secret is checked before the body is read, bodies are at most 1 MB, slow headers and
bodies are cut off, the number of connections is capped, and JSON that is not an update gets
400 — never a 500 or a traceback.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.app import start_in_process
from bot.local_api import LocalBotApi
from bot.webhook import SECRET_HEADER, WEBHOOK_PATH, Limits, make_server
from tests.conftest import make_application
from tests.test_webhook import SECRET, free_port, start_update

# Timeouts long enough that a busy CI machine never trips them where they are not the
# subject: the test's loop is also the bot's, and a stall past a one-second timeout closed a
# socket with the request still unread (a reset instead of the 400 under test).
LIMITS = Limits(header_timeout=30.0, body_timeout=30.0, max_connections=16)
# The cut-off test's own limits: one second for the headers and for the body.
IMPATIENT = Limits(header_timeout=1.0, body_timeout=1.0, max_connections=16)


@asynccontextmanager
async def _serving(engine: AsyncEngine, limits: Limits) -> AsyncIterator[int]:
    application = make_application(LocalBotApi(), engine)
    await start_in_process(application)
    await application.start()
    server = make_server(application, SECRET, limits)
    chosen = free_port()
    server.listen(chosen, address="127.0.0.1")
    try:
        yield chosen
    finally:
        server.stop()
        await application.stop()
        await application.shutdown()


@pytest.fixture
async def port(engine: AsyncEngine) -> AsyncIterator[int]:
    async with _serving(engine, LIMITS) as chosen:
        yield chosen


@pytest.fixture
async def impatient_port(engine: AsyncEngine) -> AsyncIterator[int]:
    async with _serving(engine, IMPATIENT) as chosen:
        yield chosen


async def _request(port: int, head: bytes, body: bytes = b"") -> tuple[int, bytes]:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(head + body)
    await writer.drain()
    answer = await asyncio.wait_for(reader.read(), 10)
    writer.close()
    status = int(answer.split(b" ", 2)[1]) if answer else 0
    return status, answer


def _post(length: int, secret: str | None = SECRET) -> bytes:
    # Connection: close, so the answer ends the read at once (no wait for an idle timeout).
    header = f"{SECRET_HEADER}: {secret}\r\n" if secret else ""
    return (
        f"POST {WEBHOOK_PATH} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        f"{header}Content-Length: {length}\r\nConnection: close\r\n\r\n"
    ).encode()


async def _closed_by_server(reader: asyncio.StreamReader) -> bool:
    """Whether the server closed the socket without a word: an end of stream, or a reset when
    it closed with some of what was sent still unread."""
    try:
        return await asyncio.wait_for(reader.read(), 10) == b""
    except ConnectionResetError:
        return True


async def test_without_the_secret_the_body_is_never_read(port: int) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(_post(90 * 1024 * 1024, secret="guess"))  # says 90 MB, sends none of it
    await writer.drain()
    answer = await asyncio.wait_for(reader.read(), 10)  # answered and closed at once
    writer.close()
    assert answer.startswith(b"HTTP/1.1 403")


async def test_a_body_over_one_megabyte_is_refused(port: int) -> None:
    status, _ = await _request(port, _post(1024 * 1024 + 1))
    assert status == 413
    chunked = (
        f"POST {WEBHOOK_PATH} HTTP/1.1\r\nHost: x\r\n{SECRET_HEADER}: {SECRET}\r\n"
        "Transfer-Encoding: chunked\r\n\r\n"
    ).encode()
    chunk = b"[" * 65536
    body = (b"10000\r\n" + chunk + b"\r\n") * 17 + b"0\r\n\r\n"  # 1.06 MB, no length said
    try:
        status, _ = await _request(port, chunked, body)
    except ConnectionResetError:
        status = 0  # tornado may close before answering
    assert status in (0, 400, 413)


@pytest.mark.parametrize(
    "body",
    [b"[]", b"null", b"7", b'"x"', b'{"update_id": 1, "message": 7}',
     b'{"update_id": "1"}', b'{"message": {}}', b'{"update_id": 1, "message": {"chat": []}}',
     b"[" * 100_000 + b"]" * 100_000, b'{"update_id": 1, "x": ' + b"[" * 50_000 + b"]" * 50_000 + b"}",
     b"\xff\xfe"],
)  # fmt: skip
async def test_json_that_is_not_an_update_gets_400(port: int, body: bytes) -> None:
    status, answer = await _request(port, _post(len(body)), body)
    assert status == 400
    assert b"Traceback" not in answer and json.loads(answer.split(b"\r\n\r\n", 1)[1]) == {
        "ok": False,
        "error": "bad update",
    }


async def test_a_real_update_still_gets_in(port: int) -> None:
    body = json.dumps(start_update()).encode()
    status, _ = await _request(port, _post(len(body)), body)
    assert status == 200


async def test_slow_headers_and_slow_bodies_are_cut_off(impatient_port: int) -> None:
    port = impatient_port
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"POST /telegram HTTP/1.1\r\nHost: x\r\n")  # never finishes its headers
    await writer.drain()
    assert await _closed_by_server(reader)
    writer.close()
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(_post(1000) + b"{")  # promises 1000 bytes, sends one
    await writer.drain()
    assert await _closed_by_server(reader)
    writer.close()


async def test_a_crowd_of_stalled_connections_cannot_keep_healthz_out(port: int) -> None:
    stalled = []
    for _ in range(LIMITS.max_connections * 3):
        _reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(b"GET /healthz HTTP/1.1\r\n")
        stalled.append(writer)
    await asyncio.sleep(0.05)
    status, _ = await _request(
        port, b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    )
    assert status == 200
    for writer in stalled:
        writer.close()
