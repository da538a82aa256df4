"""Guided flows as data: a flow is a list of steps, each asking one thing.

Every step checks its answer and re-asks with an example on a bad one (and asks, with two
buttons, about one that may not be the flow's at all: a Doubt); every step has
⬅️ 上一步 and ❌ 取消; answers live in user_data (persisted with the conversation state), so
a restart resumes the step; an abandoned flow ends politely after 30 minutes. A command or a
menu tap leaves the flow (kit/pending.py); from then on its steps take no text and its
buttons say it is over.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import (
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    TypeHandler,
    filters,
)
from telegram.warnings import PTBUserWarning

from handlers.flows import callbacks
from handlers.kit import pending
from handlers.kit.cancel import cancel_fallbacks, cancelled
from handlers.kit.commands import Command
from handlers.kit.keyboards import DROP_WORDS, inline, text_input
from handlers.kit.pending import FLOW_KEY
from handlers.kit.routes import stale
from handlers.kit.turn import Ctx, Turn, member_turn, message_text
from storage.customers import CustomerRepo

TIMEOUT_SECONDS = 30 * 60

Answers = dict[str, Any]
Choice = tuple[str, str]  # (label, value)


class Invalid(Exception):
    """The answer cannot be used; the step asks again with its example (and `reason`, said
    first, when the answer is wrong in a way worth explaining)."""

    def __init__(self, reason: str = "") -> None:
        super().__init__(reason)
        self.reason = reason


class Narrowed(Invalid):
    """The answer matched several choices; the step asks again with just those."""


@dataclass(frozen=True)
class Doubt:
    """An answer that may not be this flow's at all (a follow-up whose words name another
    customer) is asked about before the flow goes on with it. `ask`: the question and the
    words of its two buttons (go on / the other way), or None when there is no doubt.
    `instead`: the answer taken the other way; the flow ends."""

    ask: Callable[[Turn, Any, Answers], Awaitable[tuple[str, str, str] | None]]
    instead: Callable[[Turn, Any], Awaitable[None]]


@dataclass
class Step:
    key: str
    prompt: str
    example: str = ""
    # Reads a typed answer; raises Invalid. None means the step takes buttons only.
    parse: Callable[[Turn, str, Answers], Awaitable[Any]] | None = None
    # Buttons offered with the question (value strings must be short: they go in callback data).
    choices: Callable[[Turn, Answers], Awaitable[list[Choice]]] | None = None
    optional: bool = False
    # Toggle several buttons, then 完成 (the value is a list).
    multiple: bool = False
    # Turns a button value into the stored answer (e.g. "12" → 12).
    convert: Callable[[str], Any] = str
    # Skip the step when the answers already make it moot.
    skip_if: Callable[[Answers], bool] | None = None
    # Ask the step only when what is recorded calls for it (/visit's 今天已经记过…): such a step
    # is not one of the numbered 1/5 … 5/5, which stay the same whether it is asked or not.
    ask_if: Callable[[Turn, Answers], Awaitable[bool]] | None = None
    # A step of several buttons that also takes a typed answer (`parse` returns the value to
    # pick, or a list of them, which `choices` then offers): a button with these words asks
    # for it (➕ 新联系人).
    add_label: str = ""
    add_prompt: str = ""
    # Asked about a typed answer before going on with it.
    doubt: Doubt | None = None
    # The step asks for a name (a customer's, a person's): 不要了, 算了不记了 … (DROP_WORDS) typed
    # there leave the flow as 取消 does — they are no one's name, and were kept as one.
    names: bool = False


@dataclass
class Flow:
    name: str
    command: Command  # its name and title
    steps: list[Step]
    finish: Callable[[Turn, Answers], Awaitable[None]]
    # Entry from a button (e.g. "📝 记拜访" on a customer card): its pattern (kit/starts.py)
    # and the answers it presets, read from what the pattern matched.
    button_pattern: re.Pattern[str] | None = None
    preset: Callable[[re.Match[str]], Answers] | None = None
    labels: list[str] = field(default_factory=list)
    # What is worth keeping as a draft when the member leaves half-way (kit/pending.Guided).
    keep: Callable[[Turn, Answers], Awaitable[str | None]] | None = None


def _state(turn: Turn) -> dict[str, Any]:
    user_data = turn.context.user_data
    assert user_data is not None
    state = user_data.get(FLOW_KEY)
    if not isinstance(state, dict):
        state = {"name": "", "step": 0, "answers": {}, "picked": []}
        user_data[FLOW_KEY] = state
    return state


def _end(turn: Turn) -> int:
    pending.end_flow(turn)
    return ConversationHandler.END


def _in(flow: Flow, user_data: object) -> bool:
    """Whether FLOW_KEY in this user's data names `flow` (not when it was left, or another
    flow began since: PTB still holds the old conversation, which must then take nothing)."""
    state = user_data.get(FLOW_KEY) if isinstance(user_data, Mapping) else None
    return isinstance(state, dict) and state.get("name") == flow.name


class _Asking(filters.UpdateFilter):
    """Text is a step's answer only while the member is in the flow."""

    def __init__(self, flow: Flow, user_data: Mapping[int, object]) -> None:
        super().__init__(name=f"asking:{flow.name}")
        self.flow, self.user_data = flow, user_data

    def filter(self, update: Update) -> bool:
        user = update.effective_user
        return user is not None and _in(self.flow, self.user_data.get(user.id))


async def _customer_still_there(turn: Turn, customer_id: object) -> bool:
    """A flow started from a customer's card (📝 记拜访, ⏰ 加跟进 …) asks nothing when the
    customer is gone: an old card's button would walk the member through every step and then
    lose the answers."""
    repo = CustomerRepo(turn.session, turn.actor)
    if isinstance(customer_id, int) and await repo.get(customer_id) is not None:
        return True
    deleted = isinstance(customer_id, int) and await repo.was_deleted(customer_id)
    turn.answer(
        turn._("这个客户已删除。") if deleted else turn._("找不到这个客户,或你没有权限查看。"),
        alert=True,
    )
    return False


async def _next_index(
    turn: Turn, flow: Flow, index: int, answers: Answers, direction: int = 1
) -> int:
    while 0 <= index < len(flow.steps):
        step = flow.steps[index]
        skipped = step.skip_if is not None and step.skip_if(answers)
        if not skipped and step.ask_if is not None:
            skipped = not await step.ask_if(turn, answers)
        if not skipped:
            return index
        index += direction
    return index


def _heading(turn: Turn, flow: Flow, index: int) -> str:
    """记拜访 · 2/5: the numbered steps only; a step asked only sometimes has no number."""
    title = turn._(flow.command.title)
    if flow.steps[index].ask_if is not None:
        return title
    numbered = [i for i, step in enumerate(flow.steps) if step.ask_if is None]
    return f"{title} · {numbered.index(index) + 1}/{len(numbered)}"


async def _ask(
    turn: Turn,
    flow: Flow,
    index: int,
    *,
    again: bool = False,
    edit: bool = False,
    adding: bool = False,
) -> int:
    _ = turn._
    state = _state(turn)
    step = flow.steps[index]
    state["step"] = index
    state.pop(DOUBTED, None)  # asked afresh: no answer waits to be confirmed
    lines = [_heading(turn, flow, index)]
    if again:
        lines.append(_("这个回答我没法用。"))
    lines.append(_(step.add_prompt if adding else step.prompt))
    if step.example:
        lines.append(_("例如:{example}", example=_(step.example)))
    rows: list[list[Choice]] = []
    if step.choices is not None:
        picked = set(state.get("picked") or [])
        for label, value in await step.choices(turn, state["answers"]):
            mark = "✅ " if step.multiple and value in picked else ""
            rows.append([(mark + label, callbacks.choice(flow.name, value))])
    if step.add_label and not adding:
        rows.append([(_(step.add_label), callbacks.add(flow.name))])
    if step.multiple:
        rows.append([(_("完成选择"), callbacks.done(flow.name))])
    nav = []
    if index > 0:
        nav.append((_("⬅️ 上一步"), callbacks.back(flow.name)))
    if step.optional:
        nav.append((_("跳过"), callbacks.skip(flow.name)))
    nav.append((_("❌ 取消"), callbacks.cancel(flow.name)))
    rows.append(nav)
    markup: InlineKeyboardMarkup = inline(rows)
    if edit:
        turn.edit("\n".join(lines), markup)
    else:
        turn.say("\n".join(lines), markup)
    return index


DOUBTED = "doubted"  # the state's answer a Doubt asks about


def _ask_doubt(turn: Turn, flow: Flow, value: Any, asked: tuple[str, str, str]) -> int:
    """The step's answer waits in the state while the member says which way it goes."""
    _ = turn._
    state = _state(turn)
    state[DOUBTED] = value
    question, go_on, other = asked
    rows = [[(go_on, callbacks.go_on(flow.name))], [(other, callbacks.other(flow.name))]]
    nav = [(_("⬅️ 上一步"), callbacks.back(flow.name))] if int(state["step"]) > 0 else []
    rows.append([*nav, (_("❌ 取消"), callbacks.cancel(flow.name))])
    turn.say(question, inline(rows))
    return int(state["step"])


async def _advance(turn: Turn, flow: Flow, value: Any, *, edit: bool) -> int:
    state = _state(turn)
    index = int(state["step"])
    state["answers"][flow.steps[index].key] = value
    state["picked"] = []
    following = await _next_index(turn, flow, index + 1, state["answers"])
    if following >= len(flow.steps):
        await flow.finish(turn, dict(state["answers"]))
        return _end(turn)
    return await _ask(turn, flow, following, edit=edit)


_DROP = re.compile(DROP_WORDS)
# Typed instead of pressing 跳过 / 完成选择 (any language the buttons are in).
SKIP_WORDS = re.compile(r"(?i)^\s*(跳过|略过|不填|没有|无|skip)\s*$")
DONE_WORDS = re.compile(r"(?i)^\s*(完成|完成选择|好了|就这些|done)\s*$")
_MARK = re.compile(r"^[^\w]+")  # the emoji in front of a button's words


def _control_word(step: Step, text: str) -> bool:
    """跳过 / 完成 typed where they mean nothing: to a step that takes any text."""
    return bool(SKIP_WORDS.match(text) or (not step.multiple and DONE_WORDS.match(text)))


async def _typed_choice(turn: Turn, step: Step, answers: Answers, text: str) -> str | None:
    """The value of the one button whose words are (or contain) `text`, if exactly one."""
    if step.choices is None or not text:
        return None
    choices = await step.choices(turn, answers)
    words = [(_MARK.sub("", label).strip(), value) for label, value in choices]
    exact = [value for label, value in words if label == text]
    if len(exact) == 1:
        return exact[0]
    near = [value for label, value in words if text in label]
    return near[0] if len(near) == 1 else None


# The step buttons' actions: each answers in place and returns the step now asked (or END).
StepAction = Callable[[Turn, Flow, int, re.Match[str]], Awaitable[int]]


async def _cancel_button(turn: Turn, flow: Flow, index: int, found: re.Match[str]) -> int:
    turn.edit(turn._("已取消,没有保存。"))
    return _end(turn)


async def _back_button(turn: Turn, flow: Flow, index: int, found: re.Match[str]) -> int:
    previous = await _next_index(turn, flow, index - 1, _state(turn)["answers"], direction=-1)
    return await _ask(turn, flow, max(previous, 0), edit=True)


async def _skip_button(turn: Turn, flow: Flow, index: int, found: re.Match[str]) -> int:
    if not flow.steps[index].optional:
        stale(turn)
        return index
    return await _advance(turn, flow, None, edit=True)


async def _done_button(turn: Turn, flow: Flow, index: int, found: re.Match[str]) -> int:
    step = flow.steps[index]
    if not step.multiple:
        stale(turn)
        return index
    chosen = [step.convert(v) for v in _state(turn).get("picked") or []]
    return await _advance(turn, flow, chosen, edit=True)


async def _choice_button(turn: Turn, flow: Flow, index: int, found: re.Match[str]) -> int:
    """A choice: toggled on a step that takes several, else the answer if it is offered."""
    state, step, value = _state(turn), flow.steps[index], found.group(1)
    if step.multiple:
        picked = list(state.get("picked") or [])
        state["picked"] = [p for p in picked if p != value] if value in picked else [*picked, value]
        return await _ask(turn, flow, index, edit=True)
    offered = await step.choices(turn, state["answers"]) if step.choices else []
    if value not in [v for _label, v in offered]:
        stale(turn)
        return index
    return await _advance(turn, flow, step.convert(value), edit=True)


async def _go_on_button(turn: Turn, flow: Flow, index: int, found: re.Match[str]) -> int:
    """The doubted answer is this flow's after all."""
    value = _state(turn).pop(DOUBTED, None)
    if value is None:
        stale(turn)
        return index
    return await _advance(turn, flow, value, edit=True)


async def _other_button(turn: Turn, flow: Flow, index: int, found: re.Match[str]) -> int:
    """The doubted answer goes the other way (a note to capture): the flow ends."""
    doubt = flow.steps[index].doubt
    value = _state(turn).pop(DOUBTED, None)
    if value is None or doubt is None:
        stale(turn)
        return index
    _end(turn)
    await doubt.instead(turn, value)
    return ConversationHandler.END


async def _add_button(turn: Turn, flow: Flow, index: int, found: re.Match[str]) -> int:
    """➕ 新联系人: the step asks for the new one; the typed answer is picked (on_text)."""
    if not flow.steps[index].add_prompt:
        stale(turn)
        return index
    return await _ask(turn, flow, index, edit=True, adding=True)


STEP_BUTTONS: tuple[tuple[re.Pattern[str], StepAction], ...] = (
    (callbacks.ADD, _add_button),
    (callbacks.CHOICE, _choice_button),
    (callbacks.DONE, _done_button),
    (callbacks.BACK, _back_button),
    (callbacks.SKIP, _skip_button),
    (callbacks.CANCEL, _cancel_button),
    (callbacks.GO_ON, _go_on_button),
    (callbacks.OTHER, _other_button),
)


def build(flow: Flow, user_data: Mapping[int, object]) -> ConversationHandler[Any]:
    """The ConversationHandler for a flow: one state per step. `user_data` is the
    Application's, read to tell whether the member is still in the flow."""
    pending.guide(pending.Guided(flow.name, flow.command.title, flow.command.name, flow.keep))

    async def begin(turn: Turn, answers: Answers) -> int:
        if "customer" in answers and not await _customer_still_there(turn, answers["customer"]):
            # nothing changes: a flow of this kind already under way goes on where it was
            if _in(flow, turn.context.user_data):
                return int(_state(turn).get("step", 0))
            return ConversationHandler.END
        pending.drop(turn)  # a value waiting is no longer the question last asked
        state = _state(turn)
        state.update(name=flow.name, step=0, answers=answers, picked=[])
        first = await _next_index(turn, flow, 0, answers)
        if first >= len(flow.steps):
            await flow.finish(turn, answers)
            return _end(turn)
        return await _ask(turn, flow, first)

    @member_turn
    async def start_command(turn: Turn) -> int:
        return await begin(turn, {})

    @member_turn
    async def start_button(turn: Turn) -> int:
        query = turn.update.callback_query
        assert query is not None and flow.preset is not None and flow.button_pattern is not None
        found = flow.button_pattern.match(query.data or "")
        assert found is not None  # the handler's own pattern
        return await begin(turn, flow.preset(found))

    @member_turn
    async def on_text(turn: Turn) -> int:
        state = _state(turn)
        index = int(state.get("step", 0))
        step = flow.steps[index]
        text = message_text(turn).strip()
        if step.names and _DROP.match(text):
            return cancelled(turn)
        if step.optional and SKIP_WORDS.match(text):
            return await _advance(turn, flow, None, edit=False)
        if not step.optional and step.parse is not None and _control_word(step, text):
            # 跳过 or 完成 is not a company's name nor anything else a required step asks for
            turn.say(turn._("这一步必须填写,不能跳过。"))
            return await _ask(turn, flow, index)
        if step.multiple and DONE_WORDS.match(text):
            chosen = [step.convert(v) for v in state.get("picked") or []]
            return await _advance(turn, flow, chosen, edit=False)
        if step.parse is None or step.multiple:
            # A button's words typed instead of pressed are the same answer.
            value = await _typed_choice(turn, step, state["answers"], text)
            if value is None and step.multiple and step.parse is not None:
                try:  # a new one typed (王明处长): picked beside the buttons
                    value = await step.parse(turn, text, state["answers"])
                except Invalid as invalid:
                    if invalid.reason:
                        turn.say(invalid.reason)
                    return await _ask(turn, flow, index, again=not invalid.reason)
            if value is None:
                turn.say(turn._("请点上面的按钮选择,或 /cancel 取消。"))
                return index
            if step.multiple:
                picked = list(state.get("picked") or [])
                for one in value if isinstance(value, list) else [value]:
                    if one not in picked:
                        picked.append(one)
                state["picked"] = picked
                return await _ask(turn, flow, index)
            return await _advance(turn, flow, step.convert(value), edit=False)
        try:
            value = await step.parse(turn, text, state["answers"])
        except Narrowed:
            return await _ask(turn, flow, index)
        except Invalid as invalid:
            if invalid.reason:
                turn.say(invalid.reason)
            return await _ask(turn, flow, index, again=not invalid.reason)
        if step.doubt is not None:
            asked = await step.doubt.ask(turn, value, state["answers"])
            if asked is not None:
                return _ask_doubt(turn, flow, value, asked)
        return await _advance(turn, flow, value, edit=False)

    @member_turn
    async def on_button(turn: Turn) -> int:
        query = turn.update.callback_query
        assert query is not None
        if not _in(flow, turn.context.user_data):  # left for another command: over
            title, command = turn._(flow.command.title), flow.command.name
            turn.answer(
                turn._(
                    "「{title}」已经结束了,需要时发 /{command} 重新开始。",
                    title=title,
                    command=command,
                ),
                alert=True,
            )
            return ConversationHandler.END
        index = int(_state(turn).get("step", 0))
        data = query.data or ""
        for pattern, act in STEP_BUTTONS:
            found = pattern.match(data)
            if found is not None:
                return await act(turn, flow, index, found)
        stale(turn)
        return index

    async def timed_out(update: Update, context: Ctx) -> None:
        if _in(flow, context.user_data):  # a flow left earlier ends without a word
            await say_timed_out(update, context)

    @member_turn
    async def say_timed_out(turn: Turn) -> None:
        guided = pending.guided(turn)
        if guided is not None and await pending.end_flow_keeping(turn, guided):
            turn.say(
                turn._(
                    "「{flow}」30 分钟没有继续,已自动结束,写好的内容已存入草稿(/drafts)。",
                    flow=turn._(flow.command.title),
                )
            )
            return
        _end(turn)
        turn.say(
            turn._(
                "「{flow}」30 分钟没有继续,已自动结束,没有保存。需要时再开始就好。",
                flow=turn._(flow.command.title),
            )
        )

    entry: list[Any] = [CommandHandler(flow.command.name, start_command)]
    if flow.button_pattern:
        entry.append(CallbackQueryHandler(start_button, pattern=flow.button_pattern))
    step_handlers: list[Any] = [
        MessageHandler(text_input() & _Asking(flow, user_data), on_text),
        CallbackQueryHandler(on_button, pattern=callbacks.steps_pattern(flow.name)),
    ]
    states: dict[object, list[Any]] = {i: step_handlers for i in range(len(flow.steps))}
    states[ConversationHandler.TIMEOUT] = [TypeHandler(Update, timed_out)]
    with warnings.catch_warnings():
        # PTB warns that buttons are tracked per chat, not per message: that is what we want.
        warnings.simplefilter("ignore", PTBUserWarning)
        return ConversationHandler(
            entry_points=entry,
            states=states,
            fallbacks=[
                *cancel_fallbacks(),
                CallbackQueryHandler(on_button, pattern=callbacks.steps_pattern(flow.name)),
            ],
            name=f"flow-{flow.name}",
            persistent=True,
            conversation_timeout=TIMEOUT_SECONDS,
            allow_reentry=True,
        )
