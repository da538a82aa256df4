"""Conversation steps and per-user flow data, stored so a restart loses nothing."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import delete, select

from storage.engine import SessionFactory
from storage.models import ConversationState, UserState


class BotStateStore:
    def __init__(self, sessions: SessionFactory) -> None:
        self.sessions = sessions

    async def conversations(self, name: str) -> dict[tuple[int | str, ...], object]:
        async with self.sessions() as session:
            rows = await session.scalars(
                select(ConversationState).where(ConversationState.name == name)
            )
            return {tuple(json.loads(row.key)): row.state["value"] for row in rows}

    async def save_conversation(
        self, name: str, key: tuple[int | str, ...], state: object | None
    ) -> None:
        encoded = json.dumps(list(key))
        async with self.sessions() as session:
            row = await session.get(ConversationState, (name, encoded))
            if state is None:
                if row is not None:
                    await session.delete(row)
            elif row is None:
                session.add(ConversationState(name=name, key=encoded, state={"value": state}))
            else:
                row.state = {"value": state}
            await session.commit()

    async def user_data(self) -> dict[int, dict[str, Any]]:
        async with self.sessions() as session:
            rows = await session.scalars(select(UserState))
            return {row.user_id: dict(row.data) for row in rows}

    async def save_user_data(self, user_id: int, data: dict[str, Any]) -> None:
        async with self.sessions() as session:
            row = await session.get(UserState, user_id)
            if row is None:
                session.add(UserState(user_id=user_id, data=dict(data)))
            else:
                row.data = dict(data)
            await session.commit()

    async def drop_user_data(self, user_id: int) -> None:
        async with self.sessions() as session:
            await session.execute(delete(UserState).where(UserState.user_id == user_id))
            await session.commit()
