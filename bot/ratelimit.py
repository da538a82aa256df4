"""A per-user rate limit that loses nothing: past the limit, notes wait as drafts.

A token bucket per Telegram user: `burst` updates at once, then `per_minute`. An update over
the limit is not handled: a plain message is kept as a draft (kind "note", the same as a note
the bot could not place, found again under 📝 草稿), a button press is answered with a toast,
and the first update of a flood gets one polite notice in the member's language; no other
until the user has been quiet long enough to fill the bucket again. It runs in group -1,
inside the per-user order of bot/concurrency.py, so kept notes keep the order they were sent.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from telegram import Update
from telegram.ext import Application, ApplicationHandlerStop, ContextTypes, TypeHandler

from handlers.capture.reading import MAX_NOTE
from handlers.kit.deps import deps
from locales import language_from_telegram, translator
from parsing.text import without_nul
from storage.models import Draft
from storage.teams import member_by_telegram_id

log = logging.getLogger("salesbot.ratelimit")
GROUP = -1
SWEEP_AT = 10_000  # users remembered before the full buckets are forgotten
DRAFT_KIND = "note"


@dataclass
class _Bucket:
    tokens: float
    at: float
    noticed: bool = False
    kept: int = 0


class RateLimit:
    """How many updates each user may send: `burst` at once, `per_minute` after that."""

    def __init__(
        self, burst: int, per_minute: int, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.burst = burst
        self.per_second = per_minute / 60
        self.clock = clock
        self._buckets: dict[int, _Bucket] = {}

    def _bucket(self, user_id: int, now: float) -> _Bucket:
        bucket = self._buckets.get(user_id)
        if bucket is None:
            if len(self._buckets) >= SWEEP_AT:
                self._sweep(now)
            bucket = self._buckets[user_id] = _Bucket(float(self.burst), now)
            return bucket
        # A clock that was swapped (tests, a restarted monotonic source) may read earlier than
        # the bucket's stamp: time that went backwards neither fills nor drains the bucket.
        elapsed = max(0.0, now - bucket.at)
        bucket.tokens = min(self.burst, bucket.tokens + elapsed * self.per_second)
        bucket.at = now
        if bucket.tokens >= self.burst:
            bucket.noticed, bucket.kept = False, 0  # calm again: the next flood is told anew
        return bucket

    def _sweep(self, now: float) -> None:
        full = self.burst / self.per_second
        self._buckets = {k: b for k, b in self._buckets.items() if now - b.at < full}

    def allow(self, user_id: int) -> bool:
        bucket = self._bucket(user_id, self.clock())
        if bucket.tokens >= 1:
            bucket.tokens -= 1
            return True
        return False

    def first_refusal(self, user_id: int) -> bool:
        """True once per flood: whether this refusal is the one to explain."""
        bucket = self._buckets[user_id]
        first, bucket.noticed = not bucket.noticed, True
        return first

    def kept(self, user_id: int) -> None:
        self._buckets[user_id].kept += 1


def _typed_note(update: Update) -> str | None:
    """What a refused update carries that must not be lost: a plain private message."""
    message = update.message
    if message is None or message.chat.type != "private" or not message.text:
        return None
    if message.text.startswith("/"):
        return None  # a command holds nothing to keep; the notice asks to send it again
    return without_nul(message.text)[:MAX_NOTE]


async def _refused(update: Update, context: ContextTypes.DEFAULT_TYPE, limit: RateLimit) -> None:
    user = update.effective_user
    assert user is not None
    language = language_from_telegram(user.language_code)
    note = _typed_note(update)
    async with deps(context).sessions() as session:
        member = await member_by_telegram_id(session, user.id)
        if member is not None:
            language = member.language
            if note:
                session.add(Draft(member_id=member.id, kind=DRAFT_KIND, text=note))
                await session.commit()
                limit.kept(user.id)
    _ = translator(language)
    text = _(
        "🙏 你发得有点快,我先歇一口气。接下来的消息我都存为草稿了,一条也不会丢,"
        "稍后可在「📝 草稿」里继续处理;命令和按钮请过一会儿再发。"
    )
    if update.callback_query is not None:
        await update.callback_query.answer(_("发得太快了,请稍等一会儿再按。"))
    if limit.first_refusal(user.id) and update.effective_chat is not None:
        log.warning("user flood: updates over the rate limit are kept as drafts")
        await context.bot.send_message(update.effective_chat.id, text)


def install_rate_limit(
    application: Application[Any, Any, Any, Any, Any, Any],
    burst: int,
    per_minute: int,
    clock: Callable[[], float] = time.monotonic,
) -> RateLimit:
    limit = RateLimit(burst, per_minute, clock)

    async def check(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        user = update.effective_user
        if user is None or limit.allow(user.id):
            return
        await _refused(update, context, limit)
        raise ApplicationHandlerStop

    application.add_handler(TypeHandler(Update, check), group=GROUP)
    application.bot_data["rate_limit"] = limit
    return limit
