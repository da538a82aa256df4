"""PTB hands the persistence every user who wrote since the last flush; only changes are
written, and a change is never skipped."""

from __future__ import annotations

from typing import Any

from bot.persistence import DatabasePersistence
from storage.bot_state import BotStateStore


class CountingStore(BotStateStore):
    def __init__(self, stored: dict[int, dict[str, Any]]) -> None:
        self.stored = stored
        self.writes: list[int] = []

    async def user_data(self) -> dict[int, dict[str, Any]]:
        return {user_id: dict(data) for user_id, data in self.stored.items()}

    async def save_user_data(self, user_id: int, data: dict[str, Any]) -> None:
        self.writes.append(user_id)
        self.stored[user_id] = dict(data)

    async def drop_user_data(self, user_id: int) -> None:
        self.stored.pop(user_id, None)


async def test_unchanged_user_data_is_not_written_again() -> None:
    store = CountingStore({1: {"flow": {"step": "name"}}})
    persistence = DatabasePersistence(store)
    loaded = await persistence.get_user_data()

    await persistence.update_user_data(1, loaded[1])  # as loaded: nothing to write
    await persistence.update_user_data(2, {})  # a new user: written once …
    await persistence.update_user_data(2, {})  # … and not again
    assert store.writes == [2]

    await persistence.update_user_data(1, {"flow": {"step": "phone"}})  # changed: written
    await persistence.update_user_data(1, {"flow": {"step": "phone"}})
    assert store.writes == [2, 1]
    assert store.stored[1] == {"flow": {"step": "phone"}}

    await persistence.drop_user_data(1)
    await persistence.update_user_data(1, {"flow": {"step": "phone"}})  # after a drop: written
    assert store.writes == [2, 1, 1]
