"""Benchmark: one quick-capture message end to end, beside a bare echo bot in the same run.

    python -m bench.capture [--customers 2000] [--messages 300]

A rep with N customers (and a contact each) sends realistic notes; each update goes through
the real Application (parse_note, matching against the rep's customers, rendering the card,
the draft row) and the in-process Bot API, without AIORateLimiter (it paces sends to
Telegram's 30 messages/s, which would dominate a burst of sequential messages). The baseline is a bare python-telegram-bot
Application with one echo handler on the same transport. Prints the median and p95 ms per
update for both and their ratio.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import select
from telegram import Update
from telegram.ext import Application, ApplicationBuilder, ContextTypes, MessageHandler, filters

from bench._figures import Figure, record
from bot.app import build_application, start_in_process
from bot.local_api import LOCAL_TOKEN, LocalBotApi, LocalClient, LocalUser
from bot.settings import Settings
from storage.actor import Actor
from storage.contacts import ContactRepo
from storage.customers import CustomerRepo
from storage.engine import create_engine, session_factory
from storage.migrate import upgrade
from storage.models import Member

NOTES = [
    "今天拜访了华东电力设计院的王建国局长,他下周二到周四在北京开会,生日是农历三月初八,喜欢话剧。下周五再跟进报价",
    "上午和客户{n}号公司的张总通了电话,对方在比价,下周三下午3点再打",
    "客户{n}号公司刘经理手机13812345678,负责采购,月底前要报价单",
    "中午请客户{n}号公司李主任吃饭,他儿子下个月10号生日",
    "明天上午10点去客户{n}号公司拜访赵总,带样品",
]


async def _timed(client: LocalClient, texts: list[str]) -> list[float]:
    times: list[float] = []
    for text in texts:
        started = time.perf_counter()
        await client.send(text)
        times.append((time.perf_counter() - started) * 1000)
    return times


async def echo_baseline(texts: list[str]) -> list[float]:
    api = LocalBotApi()
    app: Application[Any, Any, Any, Any, Any, Any] = (
        ApplicationBuilder().token(LOCAL_TOKEN).request(api).get_updates_request(api).build()
    )

    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None
        await update.effective_message.reply_text(update.effective_message.text or "")

    app.add_handler(MessageHandler(filters.TEXT, echo))
    await app.initialize()
    client = LocalClient(app, api, LocalUser(id=42, first_name="王磊"))
    try:
        return await _timed(client, texts)
    finally:
        await app.shutdown()


async def capture_run(texts: list[str], customers: int) -> list[float]:
    folder = Path(tempfile.mkdtemp(prefix="salesbot-bench-"))
    url = f"sqlite+aiosqlite:///{folder / 'bench.db'}"
    engine = create_engine(url)
    await upgrade(engine)
    api = LocalBotApi()
    # One rep sends every note within seconds: far over the per-user limit (bot/ratelimit.py),
    # which would keep most as drafts and time that instead. The limit is lifted for the run.
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None, database_url=url, rate_limit_burst=1000, rate_limit_per_minute=6000
    )
    # No rate limiter on either side: it paces sends to Telegram's 30/s, which is not our cost.
    app = build_application(
        settings, token=LOCAL_TOKEN, request=api, engine=engine, rate_limiter=False
    )
    await start_in_process(app)
    client = LocalClient(app, api, LocalUser(id=42, first_name="王磊"))
    await client.send("/start")
    async with session_factory(engine)() as session:
        member = await session.scalar(select(Member).where(Member.telegram_user_id == 42))
        assert member is not None
        actor = Actor.of(member)
        repo, contacts = CustomerRepo(session, actor), ContactRepo(session, actor)
        for n in range(customers):
            customer = await repo.create(f"客户{n}号公司")
            await contacts.create(
                customer, name=f"张{n}", surname="张", title="总经理", salutation="张总"
            )
        await session.commit()
    try:
        return await _timed(client, texts)
    finally:
        await app.shutdown()
        await engine.dispose()


def _row(name: str, times: list[float]) -> str:
    ordered = sorted(times)
    p95 = ordered[int(len(ordered) * 0.95) - 1]
    return f"| {name:<28} | {statistics.median(times):>9.2f} | {p95:>9.2f} |"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--customers", type=int, default=2000)
    parser.add_argument("--messages", type=int, default=300)
    args = parser.parse_args(argv)
    texts = [
        NOTES[i % len(NOTES)].format(n=(i * 37) % args.customers) for i in range(args.messages)
    ]
    echo = asyncio.run(echo_baseline(texts))
    capture = asyncio.run(capture_run(texts, args.customers))
    print(f"quick capture: {args.messages} notes, a rep with {args.customers} customers (SQLite)")
    print()
    print("| handler                      | median ms |    p95 ms |")
    print("|------------------------------|-----------|-----------|")
    print(_row("bare PTB echo bot (baseline)", echo))
    print(_row("quick capture, end to end", capture))
    print()
    ours, base = statistics.median(capture), statistics.median(echo)
    print(f"ratio (median): {ours / base:.1f}× the echo bot")
    record(Figure("capture", f"quick capture end to end, a rep with {args.customers:,} customers",
                  f"median {ours:.1f} ms", f"echo bot median {base:.2f} ms",
                  f"{ours / base:.0f}×", "≤ 15 ms median"))  # fmt: skip


if __name__ == "__main__":
    main()
