"""What a member is in the middle of, kept in user_data (persisted): a guided flow (FLOW_KEY,
flows/engine.py), or a field whose new value is their next text message (a ValueEdit).

A ValueEdit is one mechanism for every form that asks for a value — capture's ✏️ 修改 and the
archive's ✏️ 编辑资料: it names its user_data key and the function that applies the typed text.
A package's register() accepts its edits; fallback.py hands plain text to the one waiting.
A flow keeps its steps in a ConversationHandler (buttons, ⬅️ 上一步, a restart resumes it), but
whether it is waiting is recorded here too, and its steps take text only while it is
(`InFlow`). So there is one answer to "what is the member in the middle of": asking for a
value, or starting a flow, drops whatever else was waiting, /cancel drops it, and the text
always goes to the question last asked.

A waiting value or flow is a mode, and a mode ends when the member turns to something else: a
command or a menu tap (other than /cancel, which ends it itself, and the mode's own entry)
drops it and says so before that command answers (`leave_for_other`, run by kit/turn.py at
every turn).
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from telegram import Message
from telegram.ext import filters

from handlers.kit.keyboards import CANCEL_WORDS, MENU_LABELS, label_pattern
from handlers.kit.turn import Turn, before_every_turn
from locales import N_

FLOW_KEY = "flow"
_SINCE = "_since"  # when a wait that lapses began (POSIX seconds)


@dataclass(frozen=True)
class ValueEdit:
    key: str  # the user_data key holding what is being changed (persisted across restarts)
    apply: Callable[[Turn, str], Awaitable[None]]
    # What the member is doing, as a msgid: "已退出{title}。" when another command comes.
    title: str = N_("修改")
    # What /cancel says when it drops this one.
    cancelled: str = N_("已放弃修改,草稿还在。")
    # The command (without "/") and the menu label that start this mode again: no "已退出".
    entry_command: str = ""
    entry_label: str = ""
    # A wait that lapses: a text this long after the question is not its answer (the member
    # moved on; visits' 会谈纪要 and 批注).
    lapses_after: timedelta | None = None


@dataclass(frozen=True)
class FlowMode:
    """A guided flow as a mode: what "已退出{title}。" names, and the command that starts it."""

    name: str
    title: str
    entry_command: str


_ACCEPTED: dict[str, ValueEdit] = {}
_FLOWS: dict[str, FlowMode] = {}


def accept(edit: ValueEdit) -> None:
    """Make fallback.py and /cancel know `edit` (a package's register() calls this)."""
    _ACCEPTED[edit.key] = edit


def accept_flow(flow: FlowMode) -> None:
    _FLOWS[flow.name] = flow


def flow_name(user_data: Mapping[str, Any] | None) -> str | None:
    """The flow waiting for this member's answer, if any."""
    state = (user_data or {}).get(FLOW_KEY)
    name = state.get("name") if isinstance(state, dict) else None
    return name if isinstance(name, str) and name else None


def start_flow(turn: Turn, name: str) -> dict[str, Any]:
    """The flow `name` now waits (anything else waiting is dropped); its fresh state."""
    user_data = turn.context.user_data
    assert user_data is not None
    drop(turn)
    state: dict[str, Any] = {"name": name, "step": 0, "answers": {}, "picked": []}
    user_data[FLOW_KEY] = state
    return state


class InFlow(filters.MessageFilter):
    """Text from a member whose waiting mode is the flow `name`: a flow's steps take text only
    then, so a value asked later (or a note, once the flow was left) goes where it belongs.
    Filters see no context, so this one reads the application's user_data."""

    def __init__(self, name: str, user_data: Mapping[int, Mapping[str, Any]]) -> None:
        super().__init__(name=f"InFlow({name})")
        self.flow, self.user_data = name, user_data

    def filter(self, message: Message) -> bool:
        user = message.from_user
        return user is not None and flow_name(self.user_data.get(user.id)) == self.flow


def state(turn: Turn, edit: ValueEdit) -> dict[str, Any] | None:
    """What `edit` is changing, while it waits for the value."""
    found = (turn.context.user_data or {}).get(edit.key)
    if not isinstance(found, dict):
        return None
    if edit.lapses_after is not None:
        since = found.get(_SINCE)
        age = datetime.now(UTC).timestamp() - (since if isinstance(since, float) else 0.0)
        if age > edit.lapses_after.total_seconds():
            return None
    return found


def waiting(turn: Turn) -> ValueEdit | None:
    return next((e for e in _ACCEPTED.values() if state(turn, e) is not None), None)


def wait(turn: Turn, edit: ValueEdit, what: dict[str, Any]) -> None:
    """Wait for the member's next text as the value of `what`, dropping any other wait."""
    user_data = turn.context.user_data
    assert user_data is not None
    drop(turn)
    user_data[edit.key] = _stamped(edit, what)


def _stamped(edit: ValueEdit, what: dict[str, Any]) -> dict[str, Any]:
    if edit.lapses_after is None:
        return what
    return {**what, _SINCE: datetime.now(UTC).timestamp()}


def ask(
    turn: Turn,
    edit: ValueEdit,
    what: dict[str, Any],
    label: str,
    example: str,
    *,
    current: str | None = None,
    archive: bool = False,
) -> None:
    """Wait for the new value of `what` and ask for it in place of the pressed message.

    `archive`: a saved field — the prompt shows its `current` value and takes 清空 (if the
    field may be empty) and 跳过 (keep it)."""
    user_data = turn.context.user_data
    assert user_data is not None
    drop(turn)
    user_data[edit.key] = _stamped(edit, what)
    _ = turn._
    if not archive:
        turn.edit(
            _(
                "请输入新的{label},例如:{example}\n(发“无”清空,/cancel 放弃修改)",
                label=_(label),
                example=_(example) if example else "",
            )
        )
        return
    now = (
        _("{label}现在是:{value}", label=_(label), value=current)
        if current
        else _("{label}现在还没有填写。", label=_(label))
    )
    turn.edit(
        now
        + "\n"
        + _(
            "请输入新的{label},例如:{example}\n(发“清空”清空,发“跳过”不改,/cancel 放弃修改)",
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
    """Stop waiting for any value or flow (/cancel); whether one was waiting."""
    user_data = turn.context.user_data
    if user_data is None:
        return False
    return any([user_data.pop(key, None) is not None for key in (*_ACCEPTED, FLOW_KEY)])


def leave(turn: Turn) -> ValueEdit | None:
    """Stop waiting; the value that was waiting, if any."""
    edit = waiting(turn)
    if edit is not None:
        finish(turn, edit)
    return edit


_CANCEL = re.compile(CANCEL_WORDS)
_COMMAND = re.compile(r"^/([A-Za-z0-9_]+)(?:@\w+)?(?:\s|$)")


def _menu_label(text: str) -> str | None:
    return next((label for label in MENU_LABELS if label_pattern(label).match(text)), None)


def leave_for_other(turn: Turn) -> None:
    """A command or a menu tap while a value or a flow waits: the mode ends, and the member is
    told."""
    message = turn.update.message
    if message is None or not message.text or turn.update.callback_query is not None:
        return
    edit = waiting(turn)
    flow = _FLOWS.get(flow_name(turn.context.user_data) or "")
    if edit is None and flow is None:
        return
    text = message.text.strip()
    command = _COMMAND.match(text)
    label = None if command else _menu_label(text)
    if command is None and label is None:
        return
    if _CANCEL.match(text) or (command is not None and command.group(1).lower() == "cancel"):
        return  # /cancel ends the mode with its own words
    entry = edit.entry_command if edit is not None else flow.entry_command if flow else ""
    if (command is not None and command.group(1).lower() == entry) or (
        edit is not None and label is not None and label == edit.entry_label
    ):
        return  # the same mode again: its entry asks afresh
    title = edit.title if edit is not None else flow.title if flow else ""
    drop(turn)
    turn.say(turn._("已退出{title}。", title=turn._(title)))


before_every_turn(leave_for_other)
