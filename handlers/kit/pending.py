"""What a member is in the middle of, kept in user_data (persisted): a guided flow (FLOW_KEY,
flows/engine.py), or a field whose new value is their next text message (a ValueEdit).

A ValueEdit is one mechanism for every form that asks for a value — capture's ✏️ 修改 and the
archive's ✏️ 编辑资料: it names its user_data key and the function that applies the typed text.
A package's register() accepts its edits; fallback.py hands plain text to the one waiting.
A guided flow keeps its steps in a ConversationHandler (buttons, ⬅️ 上一步, a restart resumes
it); its steps only take text while FLOW_KEY names it (flows/engine.py). So there is one answer
to "what is the member in the middle of": asking for a value ends a flow (and says so), starting
a flow drops a value waiting, /cancel drops either, and the text always goes to the question
last asked.

A waiting value is a mode, and so is a guided flow: a mode ends when the member turns to
something else: a command or a menu tap (other than /cancel, which ends it itself, and the
mode's own entry) drops it and says so before that command answers (`leave_for_other`, run by
kit/turn.py at every turn). A flow left this way takes nothing more (flows/engine.py).

A question its buttons answer (a capture card) is no mode — the next text is a new note — but
取消 or /cancel typed right after it closes it as its ❌ would (a Question), so the word is
never a note.
"""

from __future__ import annotations

import contextlib
import functools
import re
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from telegram import InlineKeyboardMarkup
from telegram.error import BadRequest

from handlers.kit.keyboards import CANCEL_WORDS, MENU_LABELS, label_pattern, main_keyboard
from handlers.kit.turn import Turn, before_every_turn
from locales import N_
from storage.models import Draft

FLOW_KEY = "flow"
_SINCE = "_since"  # when a wait that lapses began (POSIX seconds)
_PROMPT = "_prompt"  # the prompt that has buttons: they go when the wait ends (chat, message)


@dataclass(frozen=True)
class ValueEdit:
    key: str  # the user_data key holding what is being changed (persisted across restarts)
    apply: Callable[[Turn, str], Awaitable[None]]
    # What the member is doing, as a msgid: "已退出{title}。" when another command comes.
    title: str = N_("修改")
    # What 取消 or /cancel says when it drops this one.
    cancelled: str = N_("已取消,没有修改。")
    # The command (without "/") and the menu label that start this mode again: no "已退出".
    entry_command: str = ""
    entry_label: str = ""
    # A wait that lapses: a text this long after the question is not its answer (the member
    # moved on; visits' 会谈纪要 and 批注).
    lapses_after: timedelta | None = None
    # Where the member came from, shown again after 取消 or /cancel (the card being corrected),
    # given what was being changed; None: the main keyboard is enough.
    back: Callable[[Turn, dict[str, Any]], Awaitable[None]] | None = None
    # A text that reads as a note is a note, not this value: the mode ends and the note is
    # captured (🔍 查找: a visit note typed while it waited was searched for and lost).
    notes_first: bool = False


@dataclass(frozen=True)
class Guided:
    """A guided flow, as a mode: its FLOW_KEY name, its title (a msgid), the command that
    starts it."""

    name: str
    title: str
    command: str
    # What of the answers given so far is worth keeping when the member leaves half-way (the
    # words typed, as a note), or None: kept as a draft (/drafts) instead of lost.
    keep: Callable[[Turn, dict[str, Any]], Awaitable[str | None]] | None = None


@dataclass(frozen=True)
class Question:
    """A question its buttons answer (a capture card, its ✏️ 修改 menu, 记在哪个客户名下?): it
    takes no text, but 取消 or /cancel typed right after it closes it as its ❌ would. `close`
    does that, given what was asked, and says whether it was still open (its draft neither
    saved nor dropped since)."""

    key: str
    close: Callable[[Turn, dict[str, Any]], Awaitable[bool]]


# A room's answer to a question its buttons asked, typed instead (a time after ⏰ 推迟): given
# the text and the question left (Turn.left), whether it took the text.
TypedAnswer = Callable[[Turn, str, dict[str, Any]], Awaitable[bool]]

_ACCEPTED: dict[str, ValueEdit] = {}
_TYPED_ANSWERS: list[TypedAnswer] = []
_GUIDED: dict[str, Guided] = {}
_QUESTIONS: dict[str, Question] = {}
ASKED_KEY = "asked"  # the question the bot's last answer asked, if it was a Question


def guide(flow: Guided) -> None:
    """Make `leave_for_other` know a guided flow (flows/engine.py calls this)."""
    _GUIDED[flow.name] = flow


def guided(turn: Turn) -> Guided | None:
    """The guided flow the member is in, if any."""
    found = (turn.context.user_data or {}).get(FLOW_KEY)
    return _GUIDED.get(str(found.get("name"))) if isinstance(found, dict) else None


def end_flow(turn: Turn) -> None:
    """The member is in no guided flow any more (it finished, was cancelled or left)."""
    if turn.context.user_data is not None:
        turn.context.user_data.pop(FLOW_KEY, None)


async def end_flow_keeping(turn: Turn, flow: Guided) -> bool:
    """The flow ends unfinished: what was typed is kept as a note draft (/drafts) when the
    flow says what is worth keeping. Whether something was kept."""
    found = (turn.context.user_data or {}).get(FLOW_KEY)
    answers = found.get("answers") if isinstance(found, dict) else None
    end_flow(turn)
    kept = await flow.keep(turn, answers) if flow.keep and isinstance(answers, dict) else None
    if kept:
        turn.session.add(Draft(member_id=turn.member.id, kind="note", text=kept))
    return bool(kept)


async def leave_flow_keeping(turn: Turn, flow: Guided) -> None:
    """The member turned to something else mid-flow: it ends, and they are told whether what
    they typed was kept."""
    title = turn._(flow.title)
    if await end_flow_keeping(turn, flow):
        turn.say(turn._("已退出「{title}」,写好的内容已存入草稿(/drafts)。", title=title))
    else:
        turn.say(turn._("已退出「{title}」,没有保存。", title=title))


def _leave_flow(turn: Turn) -> None:
    """A value is asked while a flow waits: the flow ends and says so, and the next text is
    the value's (the question last asked)."""
    flow = guided(turn)
    if flow is not None:
        end_flow(turn)
        turn.say(turn._("已退出「{title}」,没有保存。", title=turn._(flow.title)))


def accept(edit: ValueEdit) -> None:
    """Make fallback.py and /cancel know `edit` (a package's register() calls this)."""
    _ACCEPTED[edit.key] = edit


def state(turn: Turn, edit: ValueEdit) -> dict[str, Any] | None:
    """What `edit` is changing, while it waits for the value."""
    return _state(turn.context.user_data, edit)


def _state(user_data: Mapping[str, Any] | None, edit: ValueEdit) -> dict[str, Any] | None:
    found = (user_data or {}).get(edit.key)
    if not isinstance(found, dict):
        return None
    if edit.lapses_after is not None:
        since = found.get(_SINCE)
        age = datetime.now(UTC).timestamp() - (since if isinstance(since, float) else 0.0)
        if age > edit.lapses_after.total_seconds():
            return None
    return found


def waiting(turn: Turn) -> ValueEdit | None:
    return waiting_in(turn.context.user_data)


def waiting_in(user_data: Mapping[str, Any] | None) -> ValueEdit | None:
    """The value a member's user_data says is awaited, if any."""
    return next((e for e in _ACCEPTED.values() if _state(user_data, e) is not None), None)


def wait(turn: Turn, edit: ValueEdit, what: dict[str, Any]) -> None:
    """Wait for the member's next text as the value of `what`, dropping any other wait."""
    user_data = turn.context.user_data
    assert user_data is not None
    _leave_flow(turn)
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
    clearable: bool = True,
    buttons: InlineKeyboardMarkup | None = None,
) -> None:
    """Wait for the new value of `what` and ask for it in place of the pressed message.

    `archive`: a saved field — the prompt shows its `current` value and takes 跳过 (keep it).
    `clearable`: the prompt offers 无 only where 无 empties the field (a name, a saved
    follow-up's date cannot be empty). `buttons`: the prompt's own (❌ 取消修改), taken away
    when the wait ends so none is left acting on a value typed since."""
    user_data = turn.context.user_data
    assert user_data is not None
    _leave_flow(turn)
    drop(turn)
    query = turn.update.callback_query
    if buttons is not None and query is not None and query.message is not None:
        asked_on = {"chat": query.message.chat.id, "message": query.message.message_id}
        what = {**what, _PROMPT: asked_on}
    user_data[edit.key] = _stamped(edit, what)
    _ = turn._
    if not archive:
        prompt = (
            N_("请输入新的{label},例如:{example}\n(发“无”清空,/cancel 放弃修改)")
            if clearable
            else N_("请输入新的{label},例如:{example}\n(/cancel 放弃修改)")
        )
        turn.edit(_(prompt, label=_(label), example=_(example) if example else ""), buttons)
        return
    now = (
        _("{label}现在是:{value}", label=_(label), value=current)
        if current
        else _("{label}现在还没有填写。", label=_(label))
    )
    # The same word as a draft card's prompt: 无 (清空 and the others are taken too).
    prompt = (
        N_("请输入新的{label},例如:{example}\n(发“无”清空,发“跳过”不改,/cancel 放弃修改)")
        if clearable
        else N_("请输入新的{label},例如:{example}\n(发“跳过”不改,/cancel 放弃修改)")
    )
    text = now + "\n" + _(prompt, label=_(label), example=_(example) if example else "")
    turn.edit(text, buttons)


def again(turn: Turn, label: str, example: str) -> None:
    """The value could not be read: ask once more, still waiting."""
    _ = turn._
    example = _(example) if example else ""
    turn.say(_("没看懂这个{label}。请再输入一次,例如:{example}", label=_(label), example=example))


async def give_up(turn: Turn, edit: ValueEdit) -> None:
    """取消 or /cancel while `edit` waits: it ends, says so, and shows where the member was."""
    what = state(turn, edit) or {}
    finish(turn, edit)
    _ = turn._
    turn.say(_(edit.cancelled), main_keyboard(_, manager=turn.member.is_manager))
    if edit.back is not None:
        await edit.back(turn, what)


async def take(turn: Turn, edit: ValueEdit, text: str) -> None:
    """The member's text for the value `edit` waits for. The word 取消 is no value any form
    takes (no name, title, date, industry or search is 取消): it leaves, as /cancel does, so
    no form needs a check of its own."""
    if _CANCEL.match(text.strip()):
        await give_up(turn, edit)
        return
    await edit.apply(turn, text)


def accept_question(question: Question) -> None:
    """Make /cancel and 取消 know `question` (a package's register() calls this)."""
    _QUESTIONS[question.key] = question


def asking(turn: Turn, question: Question, what: dict[str, Any]) -> None:
    """This turn's answer asks `question` about `what`: 取消 next closes it."""
    if turn.context.user_data is not None:
        turn.context.user_data[ASKED_KEY] = {**what, "question": question.key}


def settled(turn: Turn) -> dict[str, Any] | None:
    """The question asked is answered (its draft kept, or handed to the manager); what it
    asked about, if one was open."""
    what = turn.context.user_data.pop(ASKED_KEY, None) if turn.context.user_data else None
    return what if isinstance(what, dict) else None


async def close_question(turn: Turn) -> bool:
    """取消 or /cancel with no value waiting: the question last asked is closed, as its ❌
    would. Whether one was open."""
    user_data = turn.context.user_data
    what = user_data.pop(ASKED_KEY, None) if user_data is not None else None
    if not isinstance(what, dict):
        return False
    question = _QUESTIONS.get(str(what.get("question")))
    if question is None or not await question.close(turn, what):
        return False
    take_buttons(turn, what)
    return True


def take_buttons(turn: Turn, what: dict[str, Any]) -> None:
    """The buttons of the question `what` was asked on go (it is answered or closed)."""
    chat, message = what.get("chat"), what.get("message")
    if isinstance(chat, int) and isinstance(message, int):
        turn.later(functools.partial(_take_buttons, turn, chat, message))


async def _take_buttons(turn: Turn, chat: int, message: int) -> None:
    """The closed question's buttons go, as a tap's answer would have taken them."""
    with contextlib.suppress(BadRequest):  # gone, or too old: its buttons say it was handled
        await turn.context.bot.edit_message_reply_markup(chat, message, reply_markup=None)


def answer_typed(answer: TypedAnswer) -> None:
    """Let a room take a text typed right after one of its questions as the answer to it (a
    package's register() calls this; capture/typed.py asks before the text is a note)."""
    if answer not in _TYPED_ANSWERS:
        _TYPED_ANSWERS.append(answer)


async def typed_answer(turn: Turn, text: str) -> bool:
    """The question the member left (Turn.left) answered by `text`, if a room takes it so."""
    if turn.left is None:
        return False
    for answer in _TYPED_ANSWERS:
        if await answer(turn, text, turn.left):
            return True
    return False


def keep_asking(turn: Turn, what: dict[str, Any]) -> None:
    """The question `what` stays open: the typed answer could not be taken, another may."""
    if turn.context.user_data is not None:
        turn.context.user_data[ASKED_KEY] = what


def finish(turn: Turn, edit: ValueEdit) -> None:
    found = turn.context.user_data.pop(edit.key, None) if turn.context.user_data else None
    if isinstance(found, dict) and isinstance(found.get(_PROMPT), dict):
        take_buttons(turn, found[_PROMPT])


def drop(turn: Turn) -> bool:
    """Stop waiting for any value (/cancel); whether one was waiting."""
    user_data = turn.context.user_data
    if user_data is None:
        return False
    waited = [edit for edit in _ACCEPTED.values() if edit.key in user_data]
    for edit in waited:
        finish(turn, edit)
    return bool(waited)


_CANCEL = re.compile(CANCEL_WORDS)
_COMMAND = re.compile(r"^/([A-Za-z0-9_]+)(?:@\w+)?(?:\s|$)")


def _menu_label(text: str) -> str | None:
    return next((label for label in MENU_LABELS if label_pattern(label).match(text)), None)


async def leave_for_other(turn: Turn) -> None:
    """A command or a menu tap while a value waits or a flow asks: the mode ends, and the
    member is told."""
    message = turn.update.message
    if message is None or not message.text or turn.update.callback_query is not None:
        return
    text = message.text.strip()
    command = _COMMAND.match(text)
    entry = command.group(1).lower() if command else None
    label = None if command else _menu_label(text)
    if entry is None and label is None:
        return
    if _CANCEL.match(text) or entry == "cancel":
        return  # /cancel ends the mode with its own words
    edit = waiting(turn)
    if edit is not None and not (
        (entry is not None and entry == edit.entry_command)
        or (label is not None and label == edit.entry_label)
    ):  # the same mode again: its entry asks afresh
        finish(turn, edit)
        turn.say(turn._("已退出{title}。", title=turn._(edit.title)))
    flow = guided(turn)
    if flow is not None and entry != flow.command:
        await leave_flow_keeping(turn, flow)


async def forget_question(turn: Turn) -> None:
    """A question is open only until the member does anything but close it: a new note, a
    command, another button (which asks its own question again when it has one)."""
    message = turn.update.message
    text = (message.text or "").strip() if message is not None else ""
    command = _COMMAND.match(text)
    if _CANCEL.match(text) or (command is not None and command.group(1).lower() == "cancel"):
        return
    turn.left = settled(turn)  # a text may still answer it (capture/typed.py)


before_every_turn(leave_for_other)
before_every_turn(forget_question)
