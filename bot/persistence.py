"""python-telegram-bot persistence in our own database: conversation steps and user_data.

PTB writes through persistence every `update_interval` seconds and on stop; a short interval
keeps what a crash can lose to a couple of seconds of flow position (never saved data: every
saved fact is committed by its handler).
"""

from __future__ import annotations

import json
from typing import Any

from telegram.ext import BasePersistence, PersistenceInput
from telegram.ext._utils.types import ConversationDict, ConversationKey

from storage.bot_state import BotStateStore

UPDATE_INTERVAL_SECONDS = 2.0


def _encoded(data: dict[Any, Any]) -> str | None:
    """A comparable form of the data, or None when it has none (then it is always written)."""
    try:
        return json.dumps(data, sort_keys=True, ensure_ascii=False, default=repr)
    except (TypeError, ValueError):
        return None


class DatabasePersistence(BasePersistence[dict[Any, Any], dict[Any, Any], dict[Any, Any]]):
    def __init__(self, store: BotStateStore | None = None) -> None:
        super().__init__(
            store_data=PersistenceInput(
                bot_data=False, chat_data=False, user_data=True, callback_data=False
            ),
            update_interval=UPDATE_INTERVAL_SECONDS,
        )
        self.store = store
        # What the database holds for each user, encoded: PTB hands over every user who sent
        # an update since the last flush, and most of them changed nothing worth a write.
        self._saved_user_data: dict[int, str | None] = {}

    def _store(self) -> BotStateStore:
        assert self.store is not None, "the database is installed in post_init"
        return self.store

    async def get_conversations(self, name: str) -> ConversationDict:
        return await self._store().conversations(name)

    async def update_conversation(
        self, name: str, key: ConversationKey, new_state: object | None
    ) -> None:
        await self._store().save_conversation(name, tuple(key), new_state)

    async def get_user_data(self) -> dict[int, dict[Any, Any]]:
        stored = await self._store().user_data()
        self._saved_user_data = {user_id: _encoded(data) for user_id, data in stored.items()}
        return stored

    async def update_user_data(self, user_id: int, data: dict[Any, Any]) -> None:
        encoded = _encoded(data)
        if encoded is not None and self._saved_user_data.get(user_id) == encoded:
            return
        await self._store().save_user_data(user_id, data)
        self._saved_user_data[user_id] = encoded

    async def drop_user_data(self, user_id: int) -> None:
        self._saved_user_data.pop(user_id, None)
        await self._store().drop_user_data(user_id)

    async def refresh_user_data(self, user_id: int, user_data: dict[Any, Any]) -> None:
        return None

    # Chat, bot and callback data are not persisted (store_data above says so).
    async def get_chat_data(self) -> dict[int, dict[Any, Any]]:
        return {}

    async def get_bot_data(self) -> dict[Any, Any]:
        return {}

    async def get_callback_data(self) -> None:
        return None

    async def update_chat_data(self, chat_id: int, data: dict[Any, Any]) -> None:
        return None

    async def update_bot_data(self, data: dict[Any, Any]) -> None:
        return None

    async def update_callback_data(self, data: Any) -> None:
        return None

    async def drop_chat_data(self, chat_id: int) -> None:
        return None

    async def refresh_chat_data(self, chat_id: int, chat_data: dict[Any, Any]) -> None:
        return None

    async def refresh_bot_data(self, bot_data: dict[Any, Any]) -> None:
        return None

    async def flush(self) -> None:
        return None
