"""`salesbot dispatch`: a process that only sends pushes from the outbox.

Deployment: one process receives updates (polling or webhook, and also dispatches); any
number of these add sending capacity. Claims are leased rows (SELECT … FOR UPDATE SKIP LOCKED
on PostgreSQL), so two processes never send the same push, and a crashed worker's claims are
taken over when its lease runs out.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from datetime import timedelta

from bot.app import TEAM_DELIVERERS, build_application
from bot.settings import Settings
from handlers.kit.deps import DEPS_KEY
from scheduler.dispatcher import Dispatcher
from scheduler.jobs import DISPATCH_EVERY

log = logging.getLogger("salesbot.worker")


async def work(
    settings: Settings,
    *,
    seconds: float | None = None,
    worker: str | None = None,
    batch: int = 100,
    lease: timedelta = timedelta(seconds=60),
) -> None:
    application = build_application(settings)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    await application.bot.initialize()
    dispatcher = Dispatcher(
        application.bot,
        application.bot_data[DEPS_KEY].sessions,
        worker=worker,
        batch=batch,
        lease=lease,
        deliverers=TEAM_DELIVERERS,
    )
    log.info("dispatch worker %s started", dispatcher.worker)
    started = loop.time()
    try:
        while not stop.is_set() and (seconds is None or loop.time() - started < seconds):
            await dispatcher.drain()
            with contextlib.suppress(TimeoutError):  # the pause between passes
                await asyncio.wait_for(stop.wait(), DISPATCH_EVERY)
    finally:
        await dispatcher.close()
        await application.bot.shutdown()
        await application.bot_data["engine"].dispose()
    log.info("dispatch worker %s stopped", dispatcher.worker)


def run(settings: Settings, **options: object) -> None:
    asyncio.run(work(settings, **options))  # type: ignore[arg-type]
