"""A text message awaited after a button: a 纪要 (📝 写纪要), a manager's 批注 or 意见, a visit
plan (/plan). Each is a kit/pending ValueEdit, the one way a form waits for a typed value: the
text goes to the question last asked (a flow or another field waiting is left), a command or a
menu tap ends the wait and says 已退出…, and /cancel or the word 取消 gives it up.

minutes.py, plans.py and archives.py register what to do with the text in ACTIONS; register()
makes each a ValueEdit (`accept_awaited`)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta

from handlers.kit import pending
from handlers.kit.turn import Turn
from locales import N_

Action = Callable[[Turn, int, str], Awaitable[None]]
#: action name → what to do with the text (filled by minutes.py, plans.py and archives.py).
ACTIONS: dict[str, Action] = {}

# What the member is doing, for "已退出{title}。", and the command that asks afresh.
_TITLES = {
    "write": (N_("写纪要"), "minutes"),
    "note": (N_("写批注"), ""),
    "archive_note": (N_("写意见"), ""),
    "plan": (N_("写拜访计划"), "plan"),
    "plan_note": (N_("写意见"), ""),
}
_EDITS: dict[str, pending.ValueEdit] = {}
# A text is awaited this long; after it the member has moved on and it is a note again.
AWAIT_FOR = timedelta(minutes=30)


def _edit(action: str) -> pending.ValueEdit:
    if action not in _EDITS:
        title, command = _TITLES.get(action, (N_("修改"), ""))

        async def apply(turn: Turn, text: str) -> None:
            edit = _EDITS[action]
            target = (pending.state(turn, edit) or {}).get("id", 0)
            pending.finish(turn, edit)
            await ACTIONS[action](turn, int(target), text.strip())

        _EDITS[action] = pending.ValueEdit(
            f"visits_{action}",
            apply,
            title=title,
            cancelled=N_("已放弃。有需要随时找我。"),
            entry_command=command,
            lapses_after=AWAIT_FOR,
        )
    return _EDITS[action]


def awaiting(turn: Turn, action: str, target: int = 0) -> None:
    """Make the member's next text message the input of ``action``."""
    assert action in ACTIONS
    pending.wait(turn, _edit(action), {"id": target})


def accept_awaited() -> None:
    for action in ACTIONS:
        pending.accept(_edit(action))
