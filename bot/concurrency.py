"""Updates of different users at the same time, each user's own updates one after another.

python-telegram-bot's `concurrent_updates` runs every update in its own task, bounded by a
semaphore that `BaseUpdateProcessor.process_update` takes *before* handing over. Ordering per
user has to come after that point, so if that semaphore were the only bound, one user's
200 queued notes would each hold a slot while waiting for their turn and everyone else would
wait behind them. So the outer bound is wide (it only counts queued tasks) and the real one,
`running`, is taken after the user's own lock: a user waiting for their previous update holds
nothing.

The key is the sending user (else the chat): conversations, drafts and "the last message's
buttons" are all per user, and two updates of the same user never interleave, exactly as
before. Locks are dropped when nobody waits on them, so memory follows the users active now.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from dataclasses import dataclass
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

# Tasks queued at once across all users before PTB's own semaphore makes the fetcher wait.
QUEUED_LIMIT = 10_000


@dataclass
class _Slot:
    lock: asyncio.Lock
    users: int = 0  # updates holding or waiting for the lock


def ordering_key(update: object) -> int | str:
    """Whose turn an update is: the sender, else the chat, else one shared line."""
    if isinstance(update, Update):
        if update.effective_user is not None:
            return update.effective_user.id
        if update.effective_chat is not None:
            return update.effective_chat.id
    return "shared"


class PerUserUpdateProcessor(BaseUpdateProcessor):
    """At most `running` updates at once, in arrival order for each user."""

    def __init__(self, running: int) -> None:
        super().__init__(max_concurrent_updates=QUEUED_LIMIT)
        self._running = asyncio.Semaphore(running)
        self._slots: dict[int | str, _Slot] = {}

    @property
    def waiting_users(self) -> int:
        return len(self._slots)

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        key = ordering_key(update)
        slot = self._slots.get(key)
        if slot is None:
            slot = self._slots[key] = _Slot(asyncio.Lock())
        slot.users += 1
        try:
            # asyncio.Lock wakes waiters first come, first served: the order PTB queued them.
            async with slot.lock, self._running:
                await coroutine
        finally:
            slot.users -= 1
            if slot.users == 0:
                del self._slots[key]

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None
