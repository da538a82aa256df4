"""Glue: the planner and the dispatcher as two repeating jobs on PTB's JobQueue.

Nothing about the schedule lives in memory: what is due is in the database (`member.plan_due_at`
and the outbox), so registering the two jobs on start is all a restart needs. A push that fell
due while the bot was down is sent by the first pass if it has not expired (today's birthday:
yes; yesterday's digest: no — it expired at midnight and today's digest takes its place).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from telegram.ext import Application, ContextTypes

from scheduler import clock
from scheduler.dispatcher import Deliverer, Dispatcher
from scheduler.planner import Planner
from storage.customers import purge_expired
from storage.engine import SessionFactory

log = logging.getLogger(__name__)

SCHEDULER_KEY = "scheduler"
DISPATCH_EVERY = 2.0  # seconds
PLAN_EVERY = 20.0  # seconds
PURGE_EVERY = 3600.0  # seconds: deleted rows past their undo window
_JOB_KWARGS = {"max_instances": 2, "coalesce": True, "misfire_grace_time": None}


class Scheduler:
    """The planner and dispatcher of one running bot."""

    def __init__(self, planner: Planner, dispatcher: Dispatcher) -> None:
        self.planner = planner
        self.dispatcher = dispatcher

    async def plan(self, _context: ContextTypes.DEFAULT_TYPE) -> None:
        stats = await self.planner.run()
        if stats.members:
            log.info("planned %s members: %s pushes", stats.members, stats.pushes)

    async def dispatch(self, _context: ContextTypes.DEFAULT_TYPE) -> None:
        stats = await self.dispatcher.drain()
        if stats.sent or stats.retried or stats.failed or stats.cancelled:
            # One line per run that did something; an idle run (every 2 s) writes nothing.
            log.info(
                "dispatched: %s sent, %s to retry, %s failed, %s cancelled",
                stats.sent, stats.retried, stats.failed, stats.cancelled,
            )  # fmt: skip

    async def purge(self, _context: ContextTypes.DEFAULT_TYPE) -> None:
        async with self.dispatcher.sessions() as session:
            purged = await purge_expired(session, clock.now())
            await session.commit()
        if purged:
            log.info("purged %s deleted customers and contacts", purged)


def start_scheduler(
    application: Application[Any, Any, Any, Any, Any, Any],
    sessions: SessionFactory,
    deliverers: Mapping[str, Deliverer] | None = None,
) -> Scheduler | None:
    """Register the jobs (first runs at once, so what fell due while down goes out on start)."""
    job_queue = application.job_queue
    if job_queue is None:
        log.warning("no JobQueue (install python-telegram-bot[job-queue]): no pushes")
        return None
    dispatcher = Dispatcher(application.bot, sessions, deliverers=deliverers)
    scheduler = Scheduler(Planner(sessions), dispatcher)
    application.bot_data[SCHEDULER_KEY] = scheduler
    job_queue.run_repeating(
        scheduler.plan, PLAN_EVERY, first=0.0, name="planner", job_kwargs=_JOB_KWARGS
    )
    job_queue.run_repeating(
        scheduler.dispatch, DISPATCH_EVERY, first=1.0, name="dispatcher", job_kwargs=_JOB_KWARGS
    )
    job_queue.run_repeating(
        scheduler.purge, PURGE_EVERY, first=60.0, name="purge", job_kwargs=_JOB_KWARGS
    )
    return scheduler


async def stop_scheduler(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """After the JobQueue stopped: give back rows this process claimed and did not send."""
    scheduler = application.bot_data.pop(SCHEDULER_KEY, None)
    if isinstance(scheduler, Scheduler):
        await scheduler.dispatcher.close()
