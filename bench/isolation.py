"""One user can't slow the others: a third rep's /today while two others keep the bot busy.

    python -m bench.isolation [--database-url postgresql+asyncpg://…] [--part today bomb webhook]

today:   the real Application (update queue, update processor, handlers, SQLite in a temp file,
         then PostgreSQL when --database-url or TEST_DATABASE_URL names one) behind the
         in-process Bot API. One rep sends 200 notes in 0.25 s, another imports a 5,000-row CSV
         (preview, then 导入), and a third sends /today every 20 ms until both are done. Its
         p50/p99 (update queued → reply sent) stand beside the same /today with nobody busy.
bomb:    a child process runs the bot and is sent a 1,000,000-row .xlsx of ~150 KB; the time to
         the answer and the growth of the bot process's memory (its peak, VmHWM).
webhook: a child process serves the webhook; 1,000 connections that send half a header and
         stall, plus 8 × 90 MB bodies without the secret, while /healthz is asked every
         50 ms. /healthz p50/p99 and the server's memory growth, beside /healthz when idle.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from pathlib import Path
from typing import Any

from bench._figures import Figure, record

FLOOD = 200
IMPORT_ROWS = 5000
BOMB_ROWS = 1_000_000


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


# -- today ----------------------------------------------------------------------------------


def _import_csv(rows: int) -> bytes:
    lines = ["客户名称,联系人,职务,手机"]
    lines += [f"隔离测试公司{i},张{i},经理,138{i:08d}" for i in range(rows)]
    return "\n".join(lines).encode()


async def _today_run(url: str, busy: bool, probes_when_idle: int = 60) -> dict[str, Any]:
    import logging

    from telegram import Update
    from telegram.ext import TypeHandler

    from bot.app import build_application, start_in_process
    from bot.local_api import LOCAL_TOKEN, ApiCall, LocalBotApi, LocalClient, LocalUser, Reply
    from bot.logs import setup_logging
    from bot.settings import Settings
    from storage.engine import create_engine
    from storage.migrate import upgrade

    setup_logging(logging.WARNING, open(os.devnull, "w"))  # noqa: SIM115 — lives as long as the run
    engine = create_engine(url)
    if url.startswith("postgresql"):
        from sqlalchemy import text

        async with engine.begin() as connection:
            await connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
            await connection.execute(text("CREATE SCHEMA public"))
    await upgrade(engine)
    api = LocalBotApi()
    settings = Settings(_env_file=None, database_url=url)  # type: ignore[call-arg]
    app: Any = build_application(
        settings, token=LOCAL_TOKEN, request=api, engine=engine, rate_limiter=False
    )
    app.job_queue.scheduler.shutdown = lambda *a, **k: None  # never started here
    await start_in_process(app)

    class Queued(LocalClient):
        """Updates go through the update queue, as polling and the webhook deliver them."""

        async def _process(self, update: Any) -> Reply:
            await self.application.update_queue.put(Update.de_json(update, self.application.bot))
            return Reply([])

    processed: dict[int, int] = {}

    async def count(update: Update, _context: Any) -> None:
        if update.effective_user is not None:
            uid = update.effective_user.id
            processed[uid] = processed.get(uid, 0) + 1

    app.add_handler(TypeHandler(Update, count), group=-100)
    flooder, importer, probe = (
        Queued(app, api, LocalUser(id=9_000_001 + n, first_name=name))
        for n, name in enumerate(("刷屏", "导入", "查看"))
    )
    for client in (flooder, importer, probe):
        await LocalClient._process(client, _start_update(client, api))  # members, directly
    # The probe asks 50 times a second, itself a flood: it alone is exempt from the rate
    # limit (where there is one), so what it measures is waiting, not being refused.
    limit = app.bot_data.get("rate_limit")
    if limit is not None:
        allow = limit.allow
        limit.allow = lambda user_id: user_id == probe.user.id or allow(user_id)
    # The probe runs on its own thread with its own clock: a loop blocked by someone else's
    # work delays the probe's update too, and that delay is part of what it measures.
    replied = threading.Event()
    finished = asyncio.Event()
    loop = asyncio.get_running_loop()

    def listen(call: ApiCall) -> None:
        if call.chat_id == probe.chat_id and call.method == "sendMessage":
            replied.set()
        if call.chat_id == importer.chat_id and "导入完成" in call.text:
            finished.set()

    api.listeners.append(listen)
    await app.start()
    times: list[float] = []
    stop = threading.Event()

    def probing(limit: int | None) -> None:
        while not stop.is_set() and (limit is None or len(times) < limit):
            replied.clear()
            began = time.perf_counter()
            asyncio.run_coroutine_threadsafe(probe.send("/today"), loop)
            if not replied.wait(300):
                raise RuntimeError("/today was not answered in 300 s")
            times.append((time.perf_counter() - began) * 1000)
            time.sleep(0.02)

    started = time.perf_counter()
    if not busy:
        await asyncio.to_thread(probing, probes_when_idle)
    else:

        async def flood() -> None:
            for n in range(FLOOD):
                await flooder.send(f"今天拜访了隔离测试公司{n}的王局长,下周五跟进报价")
                await asyncio.sleep(0.25 / FLOOD)

        async def load() -> None:
            await importer.send_document("客户.csv", _import_csv(IMPORT_ROWS), "text/csv")
            for _ in range(6000):
                try:
                    importer.find_button("导入")
                    break
                except LookupError:
                    await asyncio.sleep(0.05)
            await importer.press("导入")
            await asyncio.wait_for(finished.wait(), 600)

        prober = asyncio.create_task(asyncio.to_thread(probing, None))
        await asyncio.gather(flood(), load())
        while processed.get(flooder.user.id, 0) < FLOOD:
            await asyncio.sleep(0.05)
        stop.set()
        await prober
    elapsed = time.perf_counter() - started
    await app.stop()
    await app.shutdown()
    await engine.dispose()
    return {
        "probes": len(times),
        "p50_ms": statistics.median(times),
        "p99_ms": _percentile(times, 0.99),
        "max_ms": max(times),
        "seconds": elapsed,
    }


def _start_update(client: Any, api: Any) -> dict[str, Any]:
    message = client._message(
        text="/start", entities=[{"type": "bot_command", "offset": 0, "length": 6}]
    )
    return {"update_id": api.next_update_id(), "message": message}


def _today(url: str, label: str) -> None:
    idle_url = url.replace(".db", "-idle.db") if url.startswith("sqlite") else url
    idle = _child(["--serve", "today-idle", "--url", idle_url])
    busy = _child(["--serve", "today-busy", "--url", url])
    print(
        f"{label}: /today with nobody busy p50 {idle['p50_ms']:.1f} / p99 {idle['p99_ms']:.1f} ms "
        f"({idle['probes']} probes); while one floods {FLOOD} notes and one imports "
        f"{IMPORT_ROWS} rows: p50 {busy['p50_ms']:.1f} / p99 {busy['p99_ms']:.1f} ms, "
        f"max {busy['max_ms']:.0f} ms ({busy['probes']} probes over {busy['seconds']:.1f} s)",
        flush=True,
    )
    record(Figure("isolation", f"/today while others flood + import ({label}) p50 / p99",
                  f"{busy['p50_ms']:.1f} / {busy['p99_ms']:.1f} ms",
                  f"nobody busy {idle['p50_ms']:.1f} / {idle['p99_ms']:.1f} ms",
                  f"p99 {busy['p99_ms'] / idle['p99_ms']:.1f}×", "p99 ≤ 100 ms"))  # fmt: skip


# -- bomb -----------------------------------------------------------------------------------


def row_bomb(rows: int = BOMB_ROWS) -> bytes:
    """A .xlsx whose one sheet has `rows` one-cell rows: ~140 KB on the wire."""
    sheet = io.BytesIO()
    sheet.write(
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet '
        b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        b'<row r="1"><c r="A1" t="inlineStr"><is><t>\xe5\xae\xa2\xe6\x88\xb7\xe5\x90\x8d'
        b"\xe7\xa7\xb0</t></is></c></row>"
    )
    sheet.write(b"".join(b'<row><c t="inlineStr"><is><t>x</t></is></c></row>' for _ in range(rows)))
    sheet.write(b"</sheetData></worksheet>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as book:
        book.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
            'package/2006/content-types"><Default Extension="rels" ContentType="application/'
            'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
            'ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType='
            '"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
        )
        book.writestr(
            "_rels/.rels",
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
            'schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>',
        )
        book.writestr(
            "xl/workbook.xml",
            '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats'
            '.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/>'
            "</sheets></workbook>",
        )
        book.writestr(
            "xl/_rels/workbook.xml.rels",
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
            'schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
            'Target="worksheets/sheet1.xml"/></Relationships>',
        )
        book.writestr("xl/worksheets/sheet1.xml", sheet.getvalue())
    return out.getvalue()


async def _bomb_run(rows: int) -> dict[str, Any]:
    import logging

    from bench._memory import peak_rss_mb
    from bot.app import build_application, start_in_process
    from bot.local_api import LOCAL_TOKEN, LocalBotApi, LocalClient, LocalUser
    from bot.logs import setup_logging
    from bot.settings import Settings
    from storage.engine import create_engine
    from storage.migrate import upgrade

    setup_logging(logging.WARNING, open(os.devnull, "w"))  # noqa: SIM115
    folder = tempfile.mkdtemp()
    url = f"sqlite+aiosqlite:///{folder}/bomb.db"
    engine = create_engine(url)
    await upgrade(engine)
    api = LocalBotApi()
    settings = Settings(_env_file=None, database_url=url)  # type: ignore[call-arg]
    app: Any = build_application(
        settings, token=LOCAL_TOKEN, request=api, engine=engine, rate_limiter=False
    )
    app.job_queue.scheduler.shutdown = lambda *a, **k: None
    await start_in_process(app)
    rep = LocalClient(app, api, LocalUser(id=9_100_001, first_name="炸弹"))
    await rep.send("/start")
    content = row_bomb(rows)
    # Warm up the import path with a small file, so imports and pools are not counted.
    await rep.send_document("小.xlsx", row_bomb(3))
    before_peak, before_rss = peak_rss_mb(), _rss_mb()
    began = time.perf_counter()
    reply = await rep.send_document("客户.xlsx", content)
    seconds = time.perf_counter() - began
    result = {
        "kb": len(content) / 1024,
        "seconds": seconds,
        "peak_growth_mb": peak_rss_mb() - before_peak,
        "rss_growth_mb": _rss_mb() - before_rss,
        "answer": reply.text[:160],
    }
    await app.shutdown()
    await engine.dispose()
    return result


def _bomb(rows: int) -> None:
    r = _child(["--serve", "bomb", "--rows", str(rows)])
    print(
        f"row bomb: {rows:,} rows in {r['kb']:.0f} KB answered in {r['seconds']:.2f} s, the bot's "
        f"peak memory grew {r['peak_growth_mb']:.1f} MB (resident {r['rss_growth_mb']:+.1f} MB); "
        f"it said: {r['answer']!r}",
        flush=True,
    )
    record(Figure("isolation", f"a {rows:,}-row .xlsx of {r['kb']:.0f} KB refused",
                  f"{r['seconds']:.2f} s, +{r['peak_growth_mb']:.0f} MB peak", "", "",
                  "≤ 1 s, ≤ 20 MB"))  # fmt: skip


# -- webhook --------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def _webhook_serve(port: int) -> None:
    """The child: the webhook server until stdin closes; prints its memory on request."""
    import logging

    from bot.app import build_application, start_in_process
    from bot.local_api import LOCAL_TOKEN, LocalBotApi
    from bot.logs import setup_logging
    from bot.settings import Settings
    from bot.webhook import make_server
    from storage.engine import create_engine
    from storage.migrate import upgrade

    setup_logging(logging.WARNING, open(os.devnull, "w"))  # noqa: SIM115
    folder = tempfile.mkdtemp()
    url = f"sqlite+aiosqlite:///{folder}/hook.db"
    engine = create_engine(url)
    await upgrade(engine)
    settings = Settings(_env_file=None, database_url=url)  # type: ignore[call-arg]
    api = LocalBotApi()
    app: Any = build_application(settings, token=LOCAL_TOKEN, request=api, engine=engine)
    app.job_queue.scheduler.shutdown = lambda *a, **k: None
    await start_in_process(app)
    await app.start()
    server = make_server(app, "bench-secret")
    server.listen(port, address="127.0.0.1")
    print("ready", flush=True)
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    while line := await reader.readline():
        if line.strip() == b"mem":
            print(json.dumps({"rss": _rss_mb(), "peak": _peak()}), flush=True)
    server.stop()
    await app.stop()
    await app.shutdown()


def _peak() -> float:
    from bench._memory import peak_rss_mb

    return peak_rss_mb()


def _healthz(port: int, count: int, gap: float) -> list[float]:
    """On a thread of its own with blocking sockets: the attackers' work on this process's
    event loop must not count as the server's latency."""
    times: list[float] = []
    for _ in range(count):
        began = time.perf_counter()
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
                sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                while sock.recv(65536):
                    pass
            times.append((time.perf_counter() - began) * 1000)
        except OSError:
            times.append(10_000.0)  # no answer counts as the timeout
        time.sleep(gap)
    return times


async def _slow_connection(port: int, hold: asyncio.Event) -> None:
    try:
        _reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(b"POST /telegram HTTP/1.1\r\nHost: x\r\n")
        await writer.drain()
        await hold.wait()
        writer.close()
    except OSError:
        pass


async def _big_body(port: int, megabytes: int) -> str:
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        size = megabytes * 1024 * 1024
        writer.write(
            f"POST /telegram HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            f"Content-Length: {size}\r\n\r\n".encode()
        )
        chunk = b"[" * (1024 * 1024)
        for _ in range(megabytes):
            writer.write(chunk)
            await writer.drain()
        status = await asyncio.wait_for(reader.readline(), 60)
        writer.close()
        return status.decode(errors="replace").strip()
    except (OSError, TimeoutError) as exc:
        return f"closed ({type(exc).__name__})"


async def _webhook_attack(
    port: int, child: subprocess.Popen[str], slow: int, bodies: int
) -> dict[str, Any]:
    assert child.stdin is not None and child.stdout is not None

    def memory() -> dict[str, float]:
        assert child.stdin is not None and child.stdout is not None
        child.stdin.write("mem\n")
        child.stdin.flush()
        return dict(json.loads(child.stdout.readline()))

    idle = await asyncio.to_thread(_healthz, port, 100, 0.02)
    before = memory()
    hold = asyncio.Event()
    began = time.perf_counter()
    slow_tasks = [asyncio.create_task(_slow_connection(port, hold)) for _ in range(slow)]
    await asyncio.sleep(1.0)
    body_tasks = [asyncio.create_task(_big_body(port, 90)) for _ in range(bodies)]
    busy = await asyncio.to_thread(_healthz, port, 100, 0.02)
    statuses = await asyncio.gather(*body_tasks)
    after = memory()
    hold.set()
    await asyncio.gather(*slow_tasks)
    return {
        "idle_p50": statistics.median(idle),
        "idle_p99": _percentile(idle, 0.99),
        "busy_p50": statistics.median(busy),
        "busy_p99": _percentile(busy, 0.99),
        "growth_mb": after["peak"] - before["rss"],
        "statuses": sorted(set(statuses)),
        "seconds": time.perf_counter() - began,
    }


def _webhook(slow: int, bodies: int) -> None:
    port = _free_port()
    child = subprocess.Popen(
        [sys.executable, "-m", "bench.isolation", "--serve", "webhook", "--port", str(port)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        r = asyncio.run(_webhook_attack(port, child, slow, bodies))
    finally:
        if child.stdin is not None:
            child.stdin.close()
        child.wait(30)
    print(
        f"webhook: /healthz idle p50 {r['idle_p50']:.1f} / p99 {r['idle_p99']:.1f} ms; with {slow} "
        f"slow connections and {bodies} × 90 MB bodies without the secret p50 {r['busy_p50']:.1f} "
        f"/ p99 {r['busy_p99']:.1f} ms; server memory +{r['growth_mb']:.0f} MB (peak against "
        f"idle); the bodies got {r['statuses']}",
        flush=True,
    )
    record(Figure("isolation", f"/healthz under {slow} slow connections + {bodies} × 90 MB bodies",
                  f"p99 {r['busy_p99']:.1f} ms, +{r['growth_mb']:.0f} MB",
                  f"idle p99 {r['idle_p99']:.1f} ms", f"{r['busy_p99'] / r['idle_p99']:.1f}×",
                  "p99 ≤ 100 ms, ≤ 50 MB"))  # fmt: skip


# -- plumbing -------------------------------------------------------------------------------


def _child(arguments: list[str]) -> dict[str, Any]:
    command = [sys.executable, "-m", "bench.isolation", *arguments]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-3000:])
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--part", nargs="*", default=["today", "bomb", "webhook"])
    parser.add_argument("--database-url", default=os.environ.get("TEST_DATABASE_URL"))
    parser.add_argument("--rows", type=int, default=BOMB_ROWS)
    parser.add_argument("--slow", type=int, default=1000)
    parser.add_argument("--bodies", type=int, default=8)
    parser.add_argument("--serve", choices=["today-idle", "today-busy", "bomb", "webhook"])
    parser.add_argument("--url")
    parser.add_argument("--port", type=int)
    args = parser.parse_args(argv)
    if args.serve in ("today-idle", "today-busy"):
        print(json.dumps(asyncio.run(_today_run(args.url, args.serve == "today-busy"))))
        return
    if args.serve == "bomb":
        print(json.dumps(asyncio.run(_bomb_run(args.rows))))
        return
    if args.serve == "webhook":
        asyncio.run(_webhook_serve(args.port))
        return
    if "today" in args.part:
        with tempfile.TemporaryDirectory() as folder:
            _today(f"sqlite+aiosqlite:///{Path(folder) / 'isolation.db'}", "SQLite")
        if args.database_url:
            _today(args.database_url, "PostgreSQL")
    if "bomb" in args.part:
        _bomb(args.rows)
    if "webhook" in args.part:
        _webhook(args.slow, args.bodies)


if __name__ == "__main__":
    main()
