"""The buttons on pushes: 完成 / 推迟 / 已发送 / 加跟进 (查看 is the customer card's cust:v:);
their data and patterns are storage/push_buttons.py's.

A follow-up's buttons act on the follow-up (done, or moved: the planner sees the change and
pushes it again at its new time). Other digest items (a birthday, a cold customer …) are
dismissed by 完成, or pushed again later by 推迟 — a new outbox row written through storage/.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import func, select
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message
from telegram.ext import CallbackQueryHandler

from handlers.kit.callback_data import callback_day, callback_id
from handlers.kit.keyboards import button
from handlers.kit.turn import Turn, member_turn
from storage import push_buttons
from storage.activities import add_follow_up, log_interaction, task_words
from storage.contacts import ContactRepo
from storage.custody import item_still_theirs
from storage.customers import CustomerRepo
from storage.models import (
    Customer,
    FamilyMember,
    FollowUp,
    FollowUpStatus,
    Interaction,
    InteractionKind,
)
from storage.outbox import NewPush, enqueue, get_row
from storage.planning import get_trip, mark_replan, open_follow_up
from storage.push_items import Item, SinglePayload, customer_of, digest_items, single_item

SNOOZES = {"1h": timedelta(hours=1), "1d": timedelta(days=1), "1w": timedelta(days=7)}


def _data(turn: Turn) -> str:
    query = turn.update.callback_query
    return (query.data or "") if query is not None else ""


def _message(turn: Turn) -> Message | None:
    query = turn.update.callback_query
    message = query.message if query is not None else None
    return message if isinstance(message, Message) else None


def _rows(turn: Turn) -> list[list[InlineKeyboardButton]]:
    message = _message(turn)
    if message is None or message.reply_markup is None:
        return []
    return [list(row) for row in message.reply_markup.inline_keyboard]


def _replace_row(turn: Turn, data: str, new_row: list[InlineKeyboardButton] | None) -> None:
    """Swap (or drop) the keyboard row holding the pressed button, keep the message's text."""
    rows = []
    for row in _rows(turn):
        if any(b.callback_data == data for b in row):
            if new_row:
                rows.append(new_row)
        else:
            rows.append(row)
    if _message(turn) is None:
        return
    turn.edit_markup(InlineKeyboardMarkup(rows) if rows else None)


def _gone(turn: Turn) -> None:
    turn.answer(turn._("这个按钮已失效。"), alert=True)


@member_turn
async def reminder_button(turn: Turn) -> None:
    data = _data(turn)
    for pattern, action in (
        (push_buttons.DONE, _done),
        (push_buttons.OK, _ok),
        (push_buttons.LATER, _later),
        (push_buttons.SNOOZE, _snooze),
        (push_buttons.AGAIN, _again),
        (push_buttons.GREETED, _greeted),
        (push_buttons.TRIP_FOLLOW_UP, _trip_follow_up),
        (push_buttons.BACK, _back),
    ):
        match = pattern.match(data)
        if match:
            numbers = [g for g in match.groups() if g is not None and g.isdigit()]
            if all(callback_id(n) is not None for n in numbers):
                await action(turn, data, match)
                return
            break
    _gone(turn)


async def _done(turn: Turn, data: str, match: re.Match[str]) -> None:
    follow_up = await open_follow_up(turn.session, int(match.group(1)), turn.member.id)
    if follow_up is None:
        _gone(turn)
        return
    if follow_up.status == FollowUpStatus.OPEN:
        follow_up.status = FollowUpStatus.DONE
        follow_up.done_at = datetime.now(UTC)
    turn.answer(turn._("✅ 已完成:{text}", text=follow_up.text[:100]))
    _mark_done(turn, data)


def _mark_done(turn: Turn, data: str) -> None:
    """The item's line says it is done (1. ✅ 已完成:…, or a last line on a push of one), and
    its buttons go. A message with formatting keeps its text: only the buttons change."""
    _rewrite_line(
        turn,
        data,
        lambda item: turn._("✅ 已完成:{item}", item=_no_longer_late(turn, item)),
        turn._("✅ 已完成"),
    )


def _no_longer_late(turn: Turn, item: str) -> str:
    """The line without (已过) or (已逾期 3 天): done is done, whenever it was due."""
    forms = turn._.plural_forms("(已逾期 {n} 天)", "(已逾期 {n} 天)")
    late = "|".join(re.escape(form).replace(re.escape("{n}"), "[0-9]+") for form in forms)
    return re.sub(f"(?:{re.escape(turn._('(已过)'))}|{late})$", "", item)


def _rewrite_line(turn: Turn, data: str, new_item: Callable[[str], str], last_line: str) -> None:
    """The numbered line of the pressed button's item (its number ends the button's label)
    becomes `new_item(old text)`, or a push of one item gets `last_line`; the row goes."""
    message = _message(turn)
    if message is None or not message.text or message.entities:
        _replace_row(turn, data, None)
        return
    pressed = next((b.text for row in _rows(turn) for b in row if b.callback_data == data), "")
    number = re.search(r"([0-9]+)$", pressed)
    lines = message.text.split("\n")
    head = f"{number.group(1)}. " if number else None
    at = next((i for i, line in enumerate(lines) if head and line.startswith(head)), None)
    if head is not None and at is not None:
        lines[at] = head + new_item(lines[at][len(head) :])
    else:
        lines.append(last_line)
    rows = [row for row in _rows(turn) if not any(b.callback_data == data for b in row)]
    turn.edit("\n".join(lines), InlineKeyboardMarkup(rows) if rows else None)


async def _ok(turn: Turn, data: str, match: re.Match[str]) -> None:
    row = await get_row(turn.session, int(match.group(1)), turn.member.id)
    if row is None:
        _gone(turn)
        return
    turn.answer(turn._("👌 好的"))
    _replace_row(turn, data, None)


async def _later(turn: Turn, data: str, match: re.Match[str]) -> None:
    """推迟: offer 1 hour / tomorrow / next week in place of the item's buttons."""
    _ = turn._
    first, item = int(match.group(1)), match.group(2)

    def choice(span: push_buttons.Span) -> str:
        if item is None:
            return push_buttons.snooze(first, span)
        return push_buttons.again(first, int(item), span)

    pressed = next((b.text for row in _rows(turn) for b in row if b.callback_data == data), "")
    number = re.search(r" ([0-9]{1,3})$", pressed)
    back = push_buttons.back(
        first, None if item is None else int(item), number[1] if number else ""
    )
    # numbered as the item's own buttons (明天 3): which item moves, and whose line to rewrite
    suffix = f" {number[1]}" if number else ""
    choices = [
        button(_("1小时后") + suffix, choice("1h")),
        button(_("明天") + suffix, choice("1d")),
        button(_("下周") + suffix, choice("1w")),
        button(_("⬅️ 返回"), back),  # and 取消 typed (kit/questions.py)
    ]
    turn.answer()
    _replace_row(turn, data, choices)


async def _back(turn: Turn, data: str, match: re.Match[str]) -> None:
    """⬅️ 返回 from 推迟's choices: the item's own buttons again, nothing moved."""
    first, item = int(match.group(1)), match.group(2)
    if item is None:
        follow_up = await open_follow_up(turn.session, first, turn.member.id)
        customer = follow_up.customer_id if follow_up is not None else None
        if follow_up is None or follow_up.status != FollowUpStatus.OPEN:
            _gone(turn)
            return
    else:
        row = await get_row(turn.session, first, turn.member.id)
        items = _items(row.payload, row.kind) if row is not None else []
        if not int(item) < len(items):
            _gone(turn)
            return
        customer = customer_of(items[int(item)])
    suffix = f" {match.group(3)}" if match.group(3) else ""
    at = None if item is None else int(item)
    row_buttons = [
        button(turn._(label) + suffix, d) for label, d in push_buttons.item_row(first, at, customer)
    ]
    turn.answer(turn._("好的,不推迟。"))
    _replace_row(turn, data, row_buttons)


def moment_said(turn: Turn, moment: datetime) -> str:
    local = turn.local(moment)
    return turn._(
        "{month}月{day}日 {time}", month=local.month, day=local.day, time=f"{local:%H:%M}"
    )


async def _snooze(turn: Turn, data: str, match: re.Match[str]) -> None:
    follow_up = await open_follow_up(turn.session, int(match.group(1)), turn.member.id)
    if follow_up is None or follow_up.status != FollowUpStatus.OPEN:
        _gone(turn)
        return
    now, step = turn.now(), match.group(2)
    answer = await move_follow_up(
        turn, follow_up, now + SNOOZES[step] if step == "1h" else now.date() + SNOOZES[step]
    )
    turn.answer(answer)
    line = await moved_line(turn, follow_up, answer)
    # the list's line says the new time (its old time and 已逾期 no longer hold)
    _rewrite_line(turn, data, lambda _item: line, answer)


async def move_follow_up(turn: Turn, follow_up: FollowUp, due: date | datetime) -> str:
    """The follow-up now due at `due` (a day alone keeps the hour it had), the planner told
    to push it then; what the answer says (⏰ 已推迟到 12月4日 16:00)."""
    if isinstance(due, datetime):
        moment = due.astimezone(turn.zone)
        follow_up.due_at = moment.astimezone(UTC)
        follow_up.due_date = moment.date()
        answer = turn._("⏰ 已推迟到 {when}", when=moment_said(turn, moment))
    else:
        follow_up.due_date = due
        answer = turn._("⏰ 已推迟到 {month}月{day}日", month=due.month, day=due.day)
        if follow_up.due_at is not None:  # the hour it keeps is said too
            local = follow_up.due_at.astimezone(turn.zone)
            moved = datetime.combine(due, local.time(), turn.zone)
            follow_up.due_at = moved.astimezone(UTC)
            answer = turn._("⏰ 已推迟到 {when}", when=moment_said(turn, moved))
    await mark_replan(turn.session, turn.member.id)
    return answer


async def moved_line(turn: Turn, follow_up: FollowUp, answer: str) -> str:
    """⏰ 已推迟到 12月4日 16:00:顺丰 · 和吴总开会 — the moved item's line."""
    customer = (
        await turn.session.get(Customer, follow_up.customer_id) if follow_up.customer_id else None
    )
    name = customer.name if customer is not None else None
    subject = f"{name} · " if name else ""
    return f"{answer}:{subject}{task_words(follow_up.text, follow_up.note, name)}"


async def _again(turn: Turn, data: str, match: re.Match[str]) -> None:
    due = datetime.now(UTC) + SNOOZES[match.group(3)]
    if not await push_again(turn, int(match.group(1)), int(match.group(2)), due):
        _gone(turn)
        return
    answer = turn._("⏰ 已推迟到 {when}", when=moment_said(turn, due))
    turn.answer(answer)
    _rewrite_line(turn, data, lambda item: f"{answer}:{item}", answer)


async def push_again(turn: Turn, row_id: int, index: int, due: datetime) -> bool:
    """Item `index` of the member's push `row_id` pushed again at `due`; whether it was (the
    push is gone, or its customer changed hands since)."""
    row = await get_row(turn.session, row_id, turn.member.id)
    items = _items(row.payload if row is not None else {}, row.kind if row else "")
    if row is None or index >= len(items):
        return False
    if not await item_still_theirs(turn.session, turn.actor, items[index]):
        return False  # the customer changed hands (or its owner left the team) since
    await enqueue(
        turn.session,
        [
            NewPush(
                turn.member.id,
                "again",
                row.subject,
                due,
                f"again:{row.id}:{index}:{int(due.timestamp())}",
                SinglePayload(item=items[index]),
            )
        ],
    )
    return True


def _items(payload: Mapping[str, object], kind: str) -> list[Item]:
    if kind == "digest":
        return digest_items(payload)
    item = single_item(payload)
    return [item] if item is not None else []


async def _greeted(turn: Turn, data: str, match: re.Match[str]) -> None:
    """已发送: the greeting goes into the customer's history (once)."""
    _ = turn._
    contact = await ContactRepo(turn.session, turn.actor).get(int(match.group(1)))
    if contact is None:
        _gone(turn)
        return
    customer = await CustomerRepo(turn.session, turn.actor).get(contact.customer_id)
    if customer is None:
        _gone(turn)
        return
    summary = _("发送了生日祝福")
    if match.group(3):
        relative = await turn.session.get(FamilyMember, int(match.group(3)))
        if relative is None or relative.contact_id != contact.id:
            _gone(turn)
            return
        summary = _("祝贺{relation}生日", relation=relative.relation)
    day = callback_day(match.group(2))
    if day is None:
        _gone(turn)
        return
    start = datetime.combine(day, datetime.min.time(), turn.zone)
    already = await turn.session.scalar(
        select(func.count()).where(
            Interaction.customer_id == customer.id,
            Interaction.member_id == turn.member.id,
            Interaction.summary == summary,
            Interaction.occurred_at >= start.astimezone(UTC),
        )
    )
    if not already:
        await log_interaction(
            turn.session,
            turn.actor,
            customer,
            InteractionKind.WECHAT,
            datetime.now(UTC),
            summary=summary,
            note=summary,  # a button's words: nothing was typed
            contacts=[contact],
        )
    turn.answer(_("✅ 已记到「{customer}」的历史里。", customer=customer.name))
    _replace_row(turn, data, None)


async def _trip_follow_up(turn: Turn, data: str, match: re.Match[str]) -> None:
    """加跟进 on a trip: a follow-up for the day before it starts (or today)."""
    _ = turn._
    trip = await get_trip(turn.session, int(match.group(1)))
    contact = await ContactRepo(turn.session, turn.actor).get(trip.contact_id) if trip else None
    customer = (
        await CustomerRepo(turn.session, turn.actor).get(contact.customer_id) if contact else None
    )
    if trip is None or contact is None or customer is None:
        _gone(turn)
        return
    today = turn.today()
    due = max(today, trip.starts_on - timedelta(days=1))
    who = contact.salutation or contact.name
    text = _("{who}去{place}({month}月{day}日起):安排拜访或接待", who=who, place=trip.place,
             month=trip.starts_on.month, day=trip.starts_on.day)  # fmt: skip
    await add_follow_up(turn.session, turn.actor, customer, due, text)
    turn.answer(_("✅ 已加跟进:{month}月{day}日 {text}", month=due.month, day=due.day, text=text))
    _replace_row(turn, data, None)


def reminder_handlers() -> list[object]:
    return [CallbackQueryHandler(reminder_button, pattern=push_buttons.REMINDER_PATTERN)]
