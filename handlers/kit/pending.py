"""What a member is in the middle of, kept in user_data (persisted): a guided flow (FLOW_KEY,
flows/engine.py), or a field whose new value is their next text message.

The second is one mechanism for every form that asks for a value — capture's ✏️ 修改 and the
archive's ✏️ 编辑资料: a ValueEdit names its user_data key and the function that applies the
typed text. A package's register() accepts its edits; fallback.py hands plain text to the one
waiting, /cancel drops it, and asking for a value drops any other one waiting, so the text
always goes to the question last asked.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from handlers.kit.turn import Turn

FLOW_KEY = "flow"


@dataclass(frozen=True)
class ValueEdit:
    key: str  # the user_data key holding what is being changed (persisted across restarts)
    apply: Callable[[Turn, str], Awaitable[None]]


_ACCEPTED: dict[str, ValueEdit] = {}


def accept(edit: ValueEdit) -> None:
    """Make fallback.py and /cancel know `edit` (a package's register() calls this)."""
    _ACCEPTED[edit.key] = edit


def state(turn: Turn, edit: ValueEdit) -> dict[str, Any] | None:
    """What `edit` is changing, while it waits for the value."""
    found = (turn.context.user_data or {}).get(edit.key)
    return found if isinstance(found, dict) else None


def waiting(turn: Turn) -> ValueEdit | None:
    return next((e for e in _ACCEPTED.values() if state(turn, e) is not None), None)


def ask(turn: Turn, edit: ValueEdit, what: dict[str, Any], label: str, example: str) -> None:
    """Wait for the new value of `what` and ask for it in place of the pressed message."""
    user_data = turn.context.user_data
    assert user_data is not None
    drop(turn)
    user_data[edit.key] = what
    _ = turn._
    turn.edit(
        _(
            "请输入新的{label},例如:{example}\n(发“无”清空,/cancel 放弃修改)",
            label=_(label),
            example=_(example) if example else "",
        )
    )


def again(turn: Turn, label: str, example: str) -> None:
    """The value could not be read: ask once more, still waiting."""
    _ = turn._
    example = _(example) if example else ""
    turn.say(_("没看懂这个{label}。请再输入一次,例如:{example}", label=_(label), example=example))


def finish(turn: Turn, edit: ValueEdit) -> None:
    if turn.context.user_data is not None:
        turn.context.user_data.pop(edit.key, None)


def drop(turn: Turn) -> bool:
    """Stop waiting for any value (/cancel); whether one was waiting."""
    user_data = turn.context.user_data
    if user_data is None:
        return False
    return any([user_data.pop(key, None) is not None for key in _ACCEPTED])
