"""The dispatcher: claims due outbox rows, sends them, marks them sent — once.

Pacing: the bot's AIORateLimiter caps the whole bot at 30 messages/s and retries RetryAfter;
it does not pace private chats, so this module does: one message per chat per second (a row
whose chat spoke less than a second ago goes back to pending for the next pass), and the
pass itself starts at most `rate` sends per second, evenly spaced (no burst), so Telegram's
per-second count stays under 30.

Errors: network errors, 5xx and RetryAfter put the row back with a backoff (RetryAfter's own
delay); Forbidden (the member blocked the bot) fails the row, marks the member inactive and
cancels their other pushes; a row that keeps failing ends `failed` with its last error, which
the team's manager sees in their digest.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections import defaultdict
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Bot
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError

from locales import translator
from scheduler import clock
from scheduler.planner import local_hour, local_today
from scheduler.render import render
from storage.engine import SessionFactory
from storage.models import FollowUp, FollowUpStatus, Member, OutboxStatus, ReminderOutbox, Team
from storage.outbox import (
    LEASE,
    claim_due,
    finish,
    mark_sent,
    release,
    release_worker,
    retry_later,
    set_payload,
    stop_member,
)
from storage.planning import quiet_hours
from storage.push_items import digest_items, digest_without, item_key, single_item
from storage.reports import WEEKLY_GROUP_KIND
from storage.teams import unbind_group

# Sends one outbox row itself; returns the last message id, or None when it no longer applies.
Deliverer = Callable[[Bot, AsyncSession, ReminderOutbox, Member], Awaitable[int | None]]

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 6
BACKOFF = timedelta(seconds=30)
MAX_BACKOFF = timedelta(hours=1)
# Timed pushes that a digest sent with them would repeat: the digest leaves their lines out.
ALONE_KINDS = frozenset({"followup", "trip"})
# A digest sent this late is no longer "at its chosen time": quiet hours apply to it.
DIGEST_GRACE = timedelta(hours=1)


@dataclass
class DispatchStats:
    claimed: int = 0
    sent: int = 0
    retried: int = 0
    failed: int = 0
    cancelled: int = 0
    waiting: int = 0  # released for the chat's pace or deferred past quiet hours


class Pacer:
    """At most `rate` starts per second, evenly spaced (real time; it paces the network)."""

    def __init__(self, rate: float) -> None:
        self.interval = 1.0 / rate if rate > 0 else 0.0
        self._next = 0.0
        self._lock = asyncio.Lock()

    async def wait(self) -> None:
        if not self.interval:
            return
        async with self._lock:
            loop = asyncio.get_running_loop()
            now = loop.time()
            if self._next > now:
                await asyncio.sleep(self._next - now)
                now = self._next
            self._next = now + self.interval


class Dispatcher:
    def __init__(
        self,
        bot: Bot,
        sessions: SessionFactory,
        *,
        worker: str | None = None,
        rate: float = 29.0,
        per_chat: timedelta = timedelta(seconds=1),
        batch: int = 100,
        concurrency: int = 32,
        lease: timedelta = LEASE,
        deliverers: Mapping[str, Deliverer] | None = None,
    ) -> None:
        self.bot = bot
        self.sessions = sessions
        self.worker = worker or f"dispatcher-{uuid.uuid4().hex[:12]}"
        self.pacer = Pacer(rate)
        self.per_chat = per_chat
        self.batch = batch
        self.lease = lease
        # Kinds whose messages are built outside the scheduler (handlers' team reports); the
        # composition root hands them in, so scheduler/ never imports handlers/.
        self.deliverers = dict(deliverers or {})
        self._chat_free_at: dict[int, datetime] = {}
        self._slots = asyncio.Semaphore(concurrency)
        self._write = asyncio.Lock()
        self._busy = asyncio.Lock()

    # -- entry points ----------------------------------------------------------------------

    async def dispatch_once(self, now: datetime | None = None) -> DispatchStats:
        """One pass: claim what is due, send it, record the outcome."""
        now = now or clock.now()
        stats = DispatchStats()
        async with self.sessions() as session:
            rows = await claim_due(session, now, self.worker, self.batch, self.lease)
            await session.commit()
        stats.claimed = len(rows)
        if not rows:
            return stats
        members, teams = await self._members_of(rows)
        going: list[ReminderOutbox] = []
        for row in rows:
            verdict = await self._verdict(row, members.get(row.member_id), teams, now)
            if verdict is None:
                going.append(row)
            elif verdict == "wait":
                stats.waiting += 1
            else:
                stats.cancelled += 1
        going = await self._listed_once(going, stats)
        sendable: list[tuple[ReminderOutbox, Member]] = []
        waiting: list[int] = []
        for row in going:
            member = members[row.member_id]
            if self._chat_free_at.get(member.chat_id, now) > now:
                waiting.append(row.id)
                continue
            self._chat_free_at[member.chat_id] = now + self.per_chat
            sendable.append((row, member))
        if waiting:
            async with self._write, self.sessions() as session:
                await release(session, waiting)
                await session.commit()
            stats.waiting += len(waiting)
        outcomes = await asyncio.gather(*(self._send(row, m, now) for row, m in sendable))
        for outcome in outcomes:
            setattr(stats, outcome, getattr(stats, outcome) + 1)
        self._forget_quiet_chats(now)
        return stats

    async def drain(self, now: datetime | None = None, *, budget: float = 20.0) -> DispatchStats:
        """Passes until nothing is due (or `budget` seconds went by); one drain at a time."""
        total = DispatchStats()
        if self._busy.locked():
            return total
        async with self._busy:
            loop = asyncio.get_running_loop()
            started = loop.time()
            while loop.time() - started < budget:
                stats = await self.dispatch_once(now)
                for name in vars(total):
                    setattr(total, name, getattr(total, name) + getattr(stats, name))
                if stats.claimed == 0 or stats.claimed == stats.waiting:
                    break
        return total

    async def close(self) -> None:
        """A normal stop: wait for the running pass, then give back anything still claimed."""
        async with self._busy, self._write, self.sessions() as session:
            await release_worker(session, self.worker)
            await session.commit()

    # -- deciding --------------------------------------------------------------------------

    async def _members_of(
        self, rows: list[ReminderOutbox]
    ) -> tuple[dict[int, Member], dict[int, Team]]:
        async with self.sessions() as session:
            ids = sorted({row.member_id for row in rows})
            members = {
                m.id: m for m in await session.scalars(select(Member).where(Member.id.in_(ids)))
            }
            team_ids = sorted({m.team_id for m in members.values()})
            teams = {
                t.id: t for t in await session.scalars(select(Team).where(Team.id.in_(team_ids)))
            }
        return members, teams

    async def _verdict(
        self, row: ReminderOutbox, member: Member | None, teams: dict[int, Team], now: datetime
    ) -> str | None:
        """None to send now; "wait" (put back for later) or "cancel" otherwise."""
        reason: str | None = None
        if member is None or not member.active:
            reason = "member inactive"
        elif row.expires_at is not None and row.expires_at <= now:
            reason = "expired"
        elif row.kind == "followup" and not await self._follow_up_still_due(row):
            reason = "follow-up done or moved"
        if reason is not None:
            async with self._write, self.sessions() as session:
                await finish(session, row.id, OutboxStatus.CANCELLED, reason, attempt=False)
                await session.commit()
            return "cancel"
        assert member is not None
        on_time_digest = row.kind == "digest" and now - row.due_at <= DIGEST_GRACE
        if not on_time_digest:
            quiet = quiet_hours(member, teams.get(member.team_id))
            after = clock.after_quiet(now, member.timezone, quiet)
            if after > now:
                async with self._write, self.sessions() as session:
                    await retry_later(session, row.id, after, None, count=False)
                    await session.commit()
                return "wait"
        return None

    async def _listed_once(
        self, rows: list[ReminderOutbox], stats: DispatchStats
    ) -> list[ReminderOutbox]:
        """A digest going out late (after a restart) with the timed pushes that fell due
        meanwhile (a follow-up's hour, a trip's eve) leaves their lines to them, so each item
        reaches the rep once, in its own message; a digest left with nothing is not sent."""
        alone: dict[int, set[tuple[str, object]]] = defaultdict(set)
        for row in rows:
            item = single_item(row.payload) if row.kind in ALONE_KINDS else None
            if item is not None:
                alone[row.member_id].add(item_key(item))
        kept: list[ReminderOutbox] = []
        for row in rows:
            if row.kind != "digest" or not alone.get(row.member_id):
                kept.append(row)
                continue
            payload = digest_without(row.payload, alone[row.member_id])
            if payload == row.payload:
                kept.append(row)
                continue
            async with self._write, self.sessions() as session:
                if digest_items(payload):
                    await set_payload(session, row.id, payload)
                    row.payload = dict(payload)
                    kept.append(row)
                else:
                    await finish(
                        session, row.id, OutboxStatus.CANCELLED, "sent item by item", attempt=False
                    )
                    stats.cancelled += 1
                await session.commit()
        return kept

    async def _follow_up_still_due(self, row: ReminderOutbox) -> bool:
        item = single_item(row.payload)
        if item is None or item["type"] != "follow_up":
            return False
        async with self.sessions() as session:
            follow_up = await session.get(FollowUp, item["id"])
        if follow_up is None or follow_up.status != FollowUpStatus.OPEN:
            return False
        return follow_up.due_at is not None and follow_up.due_at.isoformat() == item["due_at"]

    def _forget_quiet_chats(self, now: datetime) -> None:
        if len(self._chat_free_at) > 10_000:
            self._chat_free_at = {c: t for c, t in self._chat_free_at.items() if t > now}

    # -- sending ---------------------------------------------------------------------------

    async def _send(self, row: ReminderOutbox, member: Member, now: datetime) -> str:
        _ = translator(member.language)
        deliverer = self.deliverers.get(row.kind)
        messages = (
            # Greeted by the hour it arrives (a digest sent late, after a restart, is not 早上好).
            [] if deliverer else render(_, row, local_today(member, now), local_hour(member, now))
        )
        message_id: int | None = None
        try:
            async with self._slots:
                if deliverer is not None:
                    await self.pacer.wait()
                    async with self.sessions() as session:
                        message_id = await deliverer(self.bot, session, row, member)
                        await session.commit()
                    if message_id is None:
                        async with self._write, self.sessions() as session:
                            await finish(
                                session,
                                row.id,
                                OutboxStatus.CANCELLED,
                                "no longer applies",
                                attempt=False,
                            )
                            await session.commit()
                        return "cancelled"
                for message in messages:
                    await self.pacer.wait()
                    sent = await self.bot.send_message(
                        member.chat_id,
                        message.text,
                        reply_markup=message.markup,
                        parse_mode=ParseMode.HTML if message.html else None,
                    )
                    message_id = sent.message_id
        except Forbidden as exc:
            if row.kind == WEEKLY_GROUP_KIND:
                # The bot left (or was removed from) the team's group: unbind it, keep the manager.
                async with self._write, self.sessions() as session:
                    await finish(session, row.id, OutboxStatus.FAILED, _named("Forbidden", exc))
                    await unbind_group(session, member.team_id)
                    await session.commit()
                return "failed"
            log.info("member %s blocked the bot; their pushes stop", member.id)
            async with self._write, self.sessions() as session:
                await finish(session, row.id, OutboxStatus.FAILED, _named("Forbidden", exc))
                await stop_member(session, member.id, "member blocked the bot")
                await session.commit()
            return "failed"
        except RetryAfter as exc:
            return await self._again(row, now, _seconds(exc.retry_after), _named("RetryAfter", exc))
        except BadRequest as exc:
            log.warning("push %s refused: %s", row.id, exc.message)
            async with self._write, self.sessions() as session:
                await finish(session, row.id, OutboxStatus.FAILED, _named("BadRequest", exc))
                await session.commit()
            return "failed"
        except (NetworkError, TelegramError) as exc:
            return await self._again(row, now, None, _named(type(exc).__name__, exc))
        except Exception as exc:  # a bug must not lose the push: retried, then failed
            log.exception("push %s could not be sent", row.id)
            return await self._again(row, now, None, f"{type(exc).__name__}: {exc}")
        # The window: the message is out; until this commit a crash would resend it later.
        async with self._write, self.sessions() as session:
            await mark_sent(session, row.id, self.worker, clock.now(), message_id)
            await session.commit()
        return "sent"

    async def _again(
        self, row: ReminderOutbox, now: datetime, delay: timedelta | None, error: str
    ) -> str:
        attempts = row.attempts + 1
        async with self._write, self.sessions() as session:
            if attempts >= MAX_ATTEMPTS:
                await finish(session, row.id, OutboxStatus.FAILED, error)
                await session.commit()
                return "failed"
            wait = delay or min(BACKOFF * (2 ** (attempts - 1)), MAX_BACKOFF)
            await retry_later(session, row.id, now + wait, error)
            await session.commit()
        return "retried"


def _seconds(value: Any) -> timedelta:
    if isinstance(value, timedelta):
        return value + timedelta(seconds=1)
    return timedelta(seconds=float(value) + 1)


def _named(kind: str, exc: Exception) -> str:
    text = str(exc)
    return text if text.startswith(kind) else f"{kind}: {text}"
