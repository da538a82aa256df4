"""A room's buttons answered through a table: each compiled pattern of the room's callbacks.py
beside the action it calls, so one handler serves a prefix and nothing splits data by hand.

    ROUTES = ((callbacks.STAGE, _stage), (callbacks.CURRENCY, _currency))
    await follow(turn, ROUTES)

Data that no pattern matches (an old button, or forged data) is answered 这个按钮已失效。 and
reaches no action; an action reads its groups through kit/callback_data before using them.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Sequence

from handlers.kit.callback_data import callback_id
from handlers.kit.turn import Turn

Action = Callable[[Turn, re.Match[str]], Awaitable[None]]
Routes = Sequence[tuple[re.Pattern[str], Action]]


def exactly(data: str) -> re.Pattern[str]:
    """The pattern of a button whose data has no fields (dst:home)."""
    return re.compile(rf"^{re.escape(data)}$")


def on_id(action: Callable[[Turn, int], Awaitable[None]]) -> Action:
    """An action given the id (or offset) in the pattern's first group, read through
    callback_id; a number past the id columns is a stale button."""

    async def act(turn: Turn, found: re.Match[str]) -> None:
        number = callback_id(found.group(1))
        if number is None:
            stale(turn)
        else:
            await action(turn, number)

    return act


def pressed(turn: Turn) -> str:
    """The callback data of the button pressed ("" when there is none)."""
    query = turn.update.callback_query
    return (query.data or "") if query is not None else ""


def stale(turn: Turn) -> None:
    """The answer to a button that is not (or no longer) ours."""
    turn.answer(turn._("这个按钮已失效。"), alert=True)


async def follow(turn: Turn, routes: Routes, otherwise: Callable[[Turn], None] = stale) -> None:
    """Call the action of the first pattern that matches the pressed data; else `otherwise`
    (a room may have its own words for a stale button)."""
    data = pressed(turn)
    for pattern, action in routes:
        found = pattern.match(data)
        if found is not None:
            await action(turn, found)
            return
    otherwise(turn)
