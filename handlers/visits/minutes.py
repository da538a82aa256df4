"""会谈纪要: the rep writes it (📝 写纪要 on the push, or /minutes), the manager reviews it
(👀 已阅 / 💬 批注 on the daily review message).

Pressing 📝 写纪要 or 💬 批注 makes the member's next text message the summary or the comment
(handlers/visits/awaited.py); /cancel gives it up. Scoping is storage.minutes.MinutesRepo's: a
rep writes only their own minutes, a manager reviews only the team's.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message
from telegram.ext import CallbackQueryHandler, CommandHandler

from handlers.kit import commands
from handlers.kit.callback_data import MAX_ID
from handlers.kit.keyboards import button, inline, main_keyboard
from handlers.kit.turn import Turn, member_turn
from handlers.visits.awaited import ACTIONS, awaiting
from handlers.visits.customer_copy import copy_button
from locales import translator
from locales.meetings import meeting
from locales.words import day_with_weekday
from parsing.minutes import MIN_LETTERS, says_something
from storage import push_buttons
from storage.minutes import MinutesRepo, MinutesRow
from storage.models import Member


def _subject(turn: Turn, row: MinutesRow) -> str:
    return f"{row.customer_name} " + meeting(turn._, row.kind.value, row.met_on)


def local_today(turn: Turn) -> date:
    return datetime.now(ZoneInfo(turn.member.timezone)).date()


def _id(match: re.Match[str] | None) -> int | None:
    if match is None:
        return None
    value = int(match.group(1))
    return value if value <= MAX_ID else None


# -- the rep ---------------------------------------------------------------------------------


async def _ask_to_write(turn: Turn, row: MinutesRow) -> None:
    _ = turn._
    assert turn.context.user_data is not None
    awaiting(turn, "write", row.id)
    turn.say(
        _(
            "请发来{subject}的会谈纪要:谈了什么、对方的意见、约定的下一步。\n"
            "最后一天:{date}。(/cancel 放弃)",
            subject=_subject(turn, row),
            date=day_with_weekday(_, row.due_on),
        )
    )


@member_turn
async def minutes_command(turn: Turn) -> None:
    """/minutes: the member's meetings still waiting for a 纪要, one button each."""
    _ = turn._
    rows = await MinutesRepo(turn.session, turn.actor).own_unwritten()
    if not rows:
        turn.say(_("✅ 所有拜访和宴请都写好会谈纪要了。"))
        return
    lines = [_("📝 还没写会谈纪要的会面 ({n}):", n=len(rows))]
    keyboard: list[list[InlineKeyboardButton]] = []
    for number, row in enumerate(rows[:10], 1):
        due = day_with_weekday(_, row.due_on)
        lines.append(
            _("{n}. {subject}(最后一天 {date})", n=number, subject=_subject(turn, row), date=due)
        )
        keyboard.append([button(_("📝 写纪要 {n}", n=number), push_buttons.write_minutes(row.id))])
    turn.say("\n".join(lines), InlineKeyboardMarkup(keyboard))


async def _save_minutes(turn: Turn, minutes_id: int, text: str) -> None:
    _ = turn._
    repo = MinutesRepo(turn.session, turn.actor)
    if await repo.row(minutes_id) is None:
        turn.say(_("找不到这次会面,或你没有权限。"))
        return
    if not says_something(text):
        awaiting(turn, "write", minutes_id)  # the next text is tried again
        turn.say(
            _(
                "这不像会谈纪要:请用至少 {n} 个字写下谈了什么、对方的意见、约定的下一步。(/cancel 放弃)",
                n=MIN_LETTERS,
            )
        )
        return
    minutes = await repo.write(minutes_id, text)
    row = await repo.row(minutes_id) if minutes is not None else None
    if minutes is None or row is None:
        turn.say(_("找不到这次会面,或你没有权限。"))
        return
    today = local_today(turn)
    if today > row.due_on:
        when = _("(晚于最后一天 {date})", date=day_with_weekday(_, row.due_on))
    else:
        when = _("(按时)")
    turn.say(
        _(
            "✅ 已保存{subject}的会谈纪要{when}。经理会在每日审阅里看到。",
            subject=_subject(turn, row),
            when=when,
        ),
        inline([[copy_button(_, minutes_id)]]),
    )


# -- the manager -----------------------------------------------------------------------------


def _message(turn: Turn) -> Message | None:
    query = turn.update.callback_query
    message = query.message if query is not None else None
    return message if isinstance(message, Message) else None


def _drop_row(turn: Turn, minutes_id: int) -> None:
    drop_review_row(
        turn, {push_buttons.minutes_seen(minutes_id), push_buttons.minutes_note(minutes_id)}
    )


def drop_review_row(turn: Turn, ours: set[str]) -> None:
    """Take a reviewed item's buttons off the review message; the text stays."""
    message = _message(turn)
    if message is None or message.reply_markup is None:
        return
    rows = [
        list(row)
        for row in message.reply_markup.inline_keyboard
        if not any(b.callback_data in ours for b in row)
    ]
    turn.edit_markup(InlineKeyboardMarkup(rows) if rows else None)


async def _save_note(turn: Turn, minutes_id: int, text: str) -> None:
    _ = turn._
    repo = MinutesRepo(turn.session, turn.actor)
    minutes = await repo.comment(minutes_id, text)
    row = await repo.row(minutes_id) if minutes is not None else None
    if minutes is None or row is None:
        turn.say(_("找不到这份纪要,或你没有权限。"))
        return
    author = await turn.session.get(Member, row.member_id)
    if (
        author is not None
        and author.id != turn.member.id
        and author.active
        and author.team_id == turn.member.team_id  # one who left hears nothing of the team
    ):
        their = translator(author.language)
        turn.tell(
            author,
            their(
                "💬 {manager}批注了你的会谈纪要({subject}):\n{text}",
                manager=turn.member.name,
                subject=f"{row.customer_name} " + meeting(their, row.kind.value, row.met_on),
                text=text,
            ),
        )
    turn.say(
        _("✅ 批注已记在纪要上,并已转给{member}。", member=row.member_name),
        main_keyboard(_, manager=turn.member.is_manager),
    )


# -- the buttons and the awaited text ---------------------------------------------------------


@member_turn
async def minutes_button(turn: Turn) -> None:
    _ = turn._
    query = turn.update.callback_query
    data = (query.data if query else None) or ""
    repo = MinutesRepo(turn.session, turn.actor)
    if (minutes_id := _id(push_buttons.MINUTES_WRITE.match(data))) is not None:
        row = await repo.row(minutes_id)
        if row is None or row.member_id != turn.member.id:
            turn.answer(_("找不到这次会面,或你没有权限。"), alert=True)
            return
        turn.answer()
        await _ask_to_write(turn, row)
        return
    if (minutes_id := _id(push_buttons.MINUTES_SEEN.match(data))) is not None:
        if await repo.mark_seen(minutes_id) is None:
            turn.answer(_("只有本团队的经理可以审阅纪要。"), alert=True)
            return
        turn.answer(_("👀 已阅"))
        _drop_row(turn, minutes_id)
        return
    if (minutes_id := _id(push_buttons.MINUTES_NOTE.match(data))) is not None:
        row = await repo.row(minutes_id) if turn.member.is_manager else None
        if row is None:
            turn.answer(_("只有本团队的经理可以审阅纪要。"), alert=True)
            return
        awaiting(turn, "note", minutes_id)
        turn.answer()
        _drop_row(turn, minutes_id)
        turn.say(
            _(
                "请发来对{member}的纪要({subject})的批注,会转给{member}并记在纪要上。(/cancel 放弃)",
                member=row.member_name,
                subject=_subject(turn, row),
            )
        )
        return
    turn.answer(_("这个按钮已失效。"), alert=True)


ACTIONS["write"] = _save_minutes
ACTIONS["note"] = _save_note


def minutes_handlers() -> list[object]:
    return [
        CommandHandler(commands.MINUTES.name, minutes_command),
        CallbackQueryHandler(minutes_button, pattern=push_buttons.MINUTES_PATTERN),
    ]
