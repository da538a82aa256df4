"""The real dispatcher sending 3,000 pushes to 3,000 chats through PTB (with AIORateLimiter, as
in production) to an in-process Bot API that answers 429 (retry_after) whenever more than 30
messages arrived within the last second. Prints the sustained rate, 429s, lost and doubled
(targets: ≥ 28 messages/s, no 429, none lost, none twice).

    python -m bench.dispatch [--pushes 3000] [--latency 0.02]
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from telegram.ext import AIORateLimiter, ApplicationBuilder

from bench._figures import Figure, record
from bot.local_api import LOCAL_TOKEN, LocalBotApi
from scheduler.dispatcher import Dispatcher
from storage.engine import create_engine, session_factory
from storage.migrate import upgrade
from storage.models import Member, OutboxStatus, ReminderOutbox, Team
from storage.outbox import NewPush, enqueue
from storage.push_items import ColdItem, SinglePayload

CAP = 30  # messages per second the fake endpoint allows, like Telegram's global limit


class StrictBotApi(LocalBotApi):
    """Answers like Telegram's flood control: over 30 messages in any second → 429."""

    def __init__(self, latency: float) -> None:
        super().__init__()
        self.latency = latency
        self.recent: collections.deque[float] = collections.deque()
        self.too_many = 0
        self.per_chat: collections.Counter[int] = collections.Counter()

    async def call(self, api_method: str, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        if api_method == "sendMessage":
            now = time.monotonic()
            while self.recent and now - self.recent[0] >= 1.0:
                self.recent.popleft()
            if len(self.recent) >= CAP:
                self.too_many += 1
                return 429, {
                    "ok": False,
                    "error_code": 429,
                    "description": "Too Many Requests: retry after 1",
                    "parameters": {"retry_after": 1},
                }
            self.recent.append(now)
            await asyncio.sleep(self.latency)
            self.per_chat[int(params["chat_id"])] += 1
        return await super().call(api_method, params)


async def run(pushes: int, latency: float) -> None:
    with tempfile.TemporaryDirectory() as folder:
        engine = create_engine(f"sqlite+aiosqlite:///{Path(folder) / 'bench.db'}")
        await upgrade(engine)
        sessions = session_factory(engine)
        now = datetime.now(UTC)
        async with sessions() as session:
            team = Team(name="bench", personal=True)
            session.add(team)
            await session.flush()
            members = [
                Member(telegram_user_id=20_000_000 + i, chat_id=20_000_000 + i, name=f"代表{i}",
                       team_id=team.id, quiet_start=None, quiet_end=None)
                for i in range(pushes)
            ]  # fmt: skip
            for member in members:  # no quiet hours in the way, whatever the hour
                member.quiet_start = member.quiet_end = now.time().replace(microsecond=0)
            session.add_all(members)
            await session.flush()
            await enqueue(
                session,
                [
                    NewPush(m.id, "again", "bench", now, f"bench:{m.id}",
                            SinglePayload(item=ColdItem(type="cold", customer_id=0,
                                customer=f"提醒 {m.id}", grade="A", days=9, never=False)))
                    for m in members
                ],
            )  # fmt: skip
            await session.commit()

        api = StrictBotApi(latency)
        application = (
            ApplicationBuilder()
            .token(LOCAL_TOKEN)
            .request(api)
            .get_updates_request(api)
            .rate_limiter(AIORateLimiter(max_retries=3))
            .build()
        )
        await application.initialize()
        dispatcher = Dispatcher(application.bot, sessions)
        started = time.perf_counter()
        while True:
            stats = await dispatcher.drain(budget=3600)
            if stats.claimed == 0:
                break
        elapsed = time.perf_counter() - started
        await application.shutdown()
        async with sessions() as session:
            sent = await session.scalar(
                select(func.count()).where(ReminderOutbox.status == OutboxStatus.SENT)
            )
        await engine.dispose()
    delivered = sum(api.per_chat.values())
    twice = sum(1 for n in api.per_chat.values() if n > 1)
    lost = pushes - len(api.per_chat)
    print(
        f"dispatch: {delivered:,} messages to {len(api.per_chat):,} chats in {elapsed:.1f} s = "
        f"{delivered / elapsed:.1f} messages/s (target ≥ 28); 429 received: {api.too_many}; "
        f"lost: {lost}; twice: {twice}; rows marked sent: {sent:,}"
    )
    rate = delivered / elapsed
    record(Figure("dispatch", f"pushes sent, {pushes:,} chats, endpoint answering 429 above "
                  f"{CAP}/s", f"{rate:.1f} messages/s, {api.too_many} × 429, {lost} lost, "
                  f"{twice} twice", f"the cap {CAP} messages/s", f"{rate / CAP:.2f}×",
                  "≥ 28 messages/s, none lost or twice"))  # fmt: skip


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pushes", type=int, default=3000)
    parser.add_argument("--latency", type=float, default=0.02, help="seconds per API answer")
    args = parser.parse_args(argv)
    asyncio.run(run(args.pushes, args.latency))


if __name__ == "__main__":
    main()
