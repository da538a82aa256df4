"""An outbox row as Telegram messages: text and buttons, in the member's language.

Callback data (≤ 64 bytes) comes from storage/push_buttons.py, which handlers/reminders
answers.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date
from typing import cast

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from locales import N_, Translator
from locales.words import day_with_weekday, greeting, weekday
from scheduler.content import (
    FESTIVAL_LABELS,
    TRIP_SUGGESTIONS,
    birthday_greetings,
    festival_greetings,
    item_line,
    trip_line,
)
from scheduler.minutes import KINDS as CYCLE_KINDS
from scheduler.minutes_render import render_cycle
from storage import push_buttons
from storage.models import ReminderOutbox
from storage.push_items import (
    BirthdayItem,
    DigestPayload,
    FestivalPayload,
    Item,
    ItemType,
    TripItem,
    customer_of,
    single_item,
)
from storage.push_items import digest_items as _digest_items

MAX_TEXT = 4096
# Items of a digest that get their own row of buttons (three buttons each).
BUTTON_ITEMS = 10

SECTION_TITLES: dict[ItemType, str] = {
    "follow_up": N_("⏰ 今日跟进 ({n})"),
    "birthday": N_("🎂 生日 ({n})"),
    "trip": N_("✈️ 领导行程 ({n})"),
    "deal": N_("💼 商机已过签约日期 ({n})"),
    "stale_deal": N_("💼 商机停滞 ({n})"),
    "payment_due": N_("💰 回款到期 ({n})"),
    "payment_late": N_("💰 团队回款逾期 ({n})"),
    "cold": N_("🔔 该拜访了 ({n})"),
    "festival": N_("🎉 节日 ({n})"),
    "new_customer": N_("🆕 新分配客户 ({n})"),
    "trip_unknown": N_("📅 本周行程待确认 ({n})"),
    "minutes_due": N_("📝 待写纪要 ({n})"),
    "minutes_late": N_("📝 纪要逾期 ({n})"),
    "plan": N_("🗓 今日拜访计划 ({n})"),
    "plan_pending": N_("📋 待批准的拜访计划 ({n})"),
    "failed": N_("⚠️ 未送达的提醒 ({n})"),
}
# Lines without buttons of their own (numbered lines get 完成 / 推迟 / 查看).
UNNUMBERED: frozenset[ItemType] = frozenset({"failed", "minutes_late", "plan", "payment_late"})


@dataclass(frozen=True)
class Message:
    text: str
    markup: InlineKeyboardMarkup | None = None
    html: bool = False


def _button(text: str, data: str) -> InlineKeyboardButton:
    assert len(data.encode()) <= 64, data
    return InlineKeyboardButton(text, callback_data=data)


def item_buttons(
    _: Translator, item: Item, row_id: int, index: int, number: str = ""
) -> list[InlineKeyboardButton]:
    """完成 / 推迟 / 查看 for one item (a follow-up acts on the follow-up itself)."""
    suffix = f" {number}" if number else ""
    if item["type"] == "minutes_due":  # a meeting to write up: handlers/visits/minutes.py
        return [
            _button(_("📝 写纪要") + suffix, push_buttons.write_minutes(item["id"])),
            _button(_("🔎 查看") + suffix, push_buttons.view_customer(item["customer_id"])),
        ]
    if item["type"] == "plan_pending":  # the manager's decision: handlers/visits/plans.py
        return [
            _button(_(push_buttons.APPROVE_LABEL) + suffix, push_buttons.plan_approve(item["id"])),
            _button(_(push_buttons.COMMENT_LABEL) + suffix, push_buttons.plan_comment(item["id"])),
        ]
    if item["type"] == "payment_due":  # 回款: handlers/deals/payments.py, anew too
        return [
            _button(_("💰 已回款") + suffix, push_buttons.payment_collect(item["id"])),
            _button(_("📅 改日期") + suffix, push_buttons.payment_redate(item["id"])),
            _button(_("🔎 查看") + suffix, push_buttons.view_customer(item["customer_id"])),
        ]
    if item["type"] in ("deal", "stale_deal"):  # handlers/deals answers anew instead of editing
        return [
            _button(_("⏩ 推进") + suffix, push_buttons.deal_advance(item["id"])),
            _button(_("📅 改日期") + suffix, push_buttons.deal_redate(item["id"])),
            _button(_("💔 输单") + suffix, push_buttons.deal_lose(item["id"])),
        ]
    if item["type"] == "follow_up":
        row = push_buttons.item_row(item["id"], None, customer_of(item))
    else:
        row = push_buttons.item_row(row_id, index, customer_of(item))
    return [_button(_(label) + suffix, data) for label, data in row]


def digest_items(row: ReminderOutbox) -> list[Item]:
    """The digest's items in the order they are numbered."""
    if row.kind != "digest":
        item = single_item(row.payload)
        return [item] if item is not None else []
    return _digest_items(row.payload)


def render(_: Translator, row: ReminderOutbox, today: date, hour: int = 8) -> list[Message]:
    """`hour`: the member's local hour as it is sent, for the greeting."""
    if row.kind == "digest":
        return render_digest(_, row, today, hour)
    if row.kind == "greeting":
        return [render_greeting(_, row)]
    if row.kind == "trip":
        return [render_trip(_, row, today)]
    if row.kind == "festival":
        return [render_festival(_, row, today)]
    if row.kind in CYCLE_KINDS:
        return [Message(text, markup) for text, markup in render_cycle(_, row, today)]
    item = single_item(row.payload)
    assert item is not None
    title = _("⏰ 跟进提醒") if row.kind == "followup" else _("⏰ 提醒")
    text = f"{title}\n{item_line(_, item, today)}"
    return [Message(text, InlineKeyboardMarkup([item_buttons(_, item, row.id, 0)]))]


def render_digest(_: Translator, row: ReminderOutbox, today: date, hour: int) -> list[Message]:
    header = greeting(_, hour) + _(
        "今天是{month}月{day}日 {weekday}",
        month=today.month,
        day=today.day,
        weekday=weekday(_, today),
    )
    lines = [header]
    keyboard: list[list[InlineKeyboardButton]] = []
    number = 0
    for section in cast(DigestPayload, row.payload)["sections"]:
        items = section["items"]
        if not items:
            continue
        lines.append("")
        title = SECTION_TITLES[section["name"]]
        lines.append(_(title, n=len(items) + section["more"]))
        for item in items:
            if item["type"] in UNNUMBERED:
                lines.append(f"· {item_line(_, item, today)}")
                continue
            number += 1
            lines.append(f"{number}. {item_line(_, item, today)}")
            if number <= BUTTON_ITEMS:
                keyboard.append(item_buttons(_, item, row.id, number - 1, str(number)))
        if section["more"]:
            lines.append(_("…还有 {n} 项", n=section["more"]))
    markup = InlineKeyboardMarkup(keyboard) if keyboard else None
    return _split(lines, markup)


def _split(lines: list[str], markup: InlineKeyboardMarkup | None) -> list[Message]:
    """Messages of at most MAX_TEXT characters, cut between lines; buttons on the last."""
    chunks: list[str] = []
    current = ""
    for line in lines:
        line = line[: MAX_TEXT - 1]
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > MAX_TEXT:
            chunks.append(current)
            candidate = line
        current = candidate
    chunks.append(current)
    messages = [Message(chunk) for chunk in chunks[:-1]]
    messages.append(Message(chunks[-1], markup))
    return messages


def render_greeting(_: Translator, row: ReminderOutbox) -> Message:
    item = cast(BirthdayItem, single_item(row.payload))
    on = date.fromisoformat(item["on"])
    if item["relation"]:
        title = _(
            "🎂 今天是{who}({customer})的{relation}的生日",
            who=item["who"],
            customer=item["customer"],
            relation=item["relation"],
        )
    else:
        title = _("🎂 今天是{who}({customer})的生日", who=item["who"], customer=item["customer"])
    lines = [html.escape(title), "", html.escape(_("点一下复制,发给对方:"))]
    for style, text in birthday_greetings(_, item):
        lines.append(f"{html.escape(style)}:<code>{html.escape(text)}</code>")
    family = int(item["key"].removeprefix("f")) if item["relation"] else None
    data = push_buttons.greeted(item["contact_id"], on, family)
    buttons = [_button(_("✅ 已发送"), data)]
    if item["customer_id"]:
        buttons.append(_button(_("🔎 查看"), push_buttons.view_customer(item["customer_id"])))
    return Message("\n".join(lines), InlineKeyboardMarkup([buttons]), html=True)


def render_trip(_: Translator, row: ReminderOutbox, today: date) -> Message:
    item = cast(TripItem, single_item(row.payload))
    lines = [f"✈️ {trip_line(_, item, today)}", _("可以这样准备:")]
    lines += [f"· {_(suggestion)}" for suggestion in TRIP_SUGGESTIONS]
    buttons = [_button(_("➕ 加跟进"), push_buttons.trip_follow_up(item["id"]))]
    if item["customer_id"]:
        buttons.append(_button(_("🔎 查看"), push_buttons.view_customer(item["customer_id"])))
    return Message("\n".join(lines), InlineKeyboardMarkup([buttons]))


def render_festival(_: Translator, row: ReminderOutbox, today: date) -> Message:
    payload = cast(FestivalPayload, row.payload)
    on = date.fromisoformat(payload["on"])
    name = FESTIVAL_LABELS[payload["key"]]
    festival = _(name)
    when = day_with_weekday(_, on)  # outside the call: babel misreads `_` passed inside
    lines = [
        html.escape(
            _.plural(
                "🎉 {festival}还有 {n} 天({date})。给A类客户的关键人送上问候或礼品:",
                "🎉 {festival}还有 {n} 天({date})。给A类客户的关键人送上问候或礼品:",
                (on - today).days,
                festival=festival,
                date=when,
            )
        )
    ]
    for contact in payload["contacts"]:
        lines.append(html.escape(f"· {contact['customer']} · {contact['who']}"))
    if payload["more"]:
        lines.append(html.escape(_("…还有 {n} 项", n=payload["more"])))
    lines += ["", html.escape(_("祝福语参考(点一下复制):"))]
    lines += [f"<code>{html.escape(text)}</code>" for text in festival_greetings(_, payload["key"])]
    return Message("\n".join(lines), None, html=True)
