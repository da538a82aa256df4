"""An outbox row as Telegram messages: text and buttons, in the member's language.

Callback data (≤ 64 bytes) comes from storage/push_buttons.py, which handlers/reminders
answers.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from locales import N_, Translator
from locales.words import day_with_weekday, greeting, weekday
from scheduler.content import (
    FESTIVAL_LABELS,
    TRIP_SUGGESTIONS,
    Item,
    birthday_greetings,
    festival_greetings,
    item_line,
    trip_line,
)
from scheduler.minutes import KINDS as CYCLE_KINDS
from scheduler.minutes_render import render_cycle
from storage import push_buttons
from storage.models import ReminderOutbox

MAX_TEXT = 4096
# Items of a digest that get their own row of buttons (three buttons each).
BUTTON_ITEMS = 10

SECTION_TITLES = {
    "fu": N_("⏰ 今日跟进 ({n})"),
    "bd": N_("🎂 生日 ({n})"),
    "trip": N_("✈️ 领导行程 ({n})"),
    "deal": N_("💼 商机已过签约日期 ({n})"),
    "stale": N_("💼 商机停滞 ({n})"),
    "pay": N_("💰 回款到期 ({n})"),
    "payl": N_("💰 团队回款逾期 ({n})"),
    "cold": N_("🔔 该拜访了 ({n})"),
    "fest": N_("🎉 节日 ({n})"),
    "new": N_("🆕 新分配客户 ({n})"),
    "unk": N_("📅 本周行程待确认 ({n})"),
    "mdue": N_("📝 待写纪要 ({n})"),
    "mlate": N_("📝 纪要逾期 ({n})"),
    "plan": N_("🗓 今日拜访计划 ({n})"),
    "fail": N_("⚠️ 未送达的提醒 ({n})"),
}


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
    if item["t"] == "mdue":  # a meeting to write up: handlers/visits/minutes.py
        return [
            _button(_("📝 写纪要") + suffix, f"mins:w:{item['id']}"),
            _button(_("🔎 查看") + suffix, f"cust:v:{item['cid']}"),
        ]
    if item["t"] == "pay":  # 回款: handlers/deals/payments.py, anew too
        return [
            _button(_("💰 已回款") + suffix, push_buttons.payment_collect(item["id"])),
            _button(_("📅 改日期") + suffix, push_buttons.payment_redate(item["id"])),
            _button(_("🔎 查看") + suffix, push_buttons.view_customer(item["cid"])),
        ]
    if item["t"] in ("deal", "stale"):  # handlers/deals answers anew instead of editing
        return [
            _button(_("⏩ 推进") + suffix, push_buttons.deal_advance(item["id"])),
            _button(_("📅 改日期") + suffix, push_buttons.deal_redate(item["id"])),
            _button(_("💔 输单") + suffix, push_buttons.deal_lose(item["id"])),
        ]
    if item["t"] == "fu":
        done, later = push_buttons.done(item["id"]), push_buttons.later(item["id"])
    else:
        done, later = push_buttons.ok(row_id, index), push_buttons.later(row_id, index)
    buttons = [_button(_("✅ 完成") + suffix, done), _button(_("⏰ 推迟") + suffix, later)]
    if item.get("cid"):
        buttons.append(_button(_("🔎 查看") + suffix, push_buttons.view_customer(item["cid"])))
    return buttons


def digest_items(row: ReminderOutbox) -> list[Item]:
    """The digest's items in the order they are numbered."""
    if row.kind != "digest":
        item = row.payload.get("item")
        return [item] if isinstance(item, dict) else []
    return [item for section in row.payload.get("sections", []) for item in section["items"]]


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
    item: Item = row.payload["item"]
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
    for section in row.payload["sections"]:
        items: list[Item] = section["items"]
        if not items:
            continue
        lines.append("")
        title = SECTION_TITLES[str(section["name"])]
        lines.append(_(title, n=len(items) + section["more"]))
        for item in items:
            if item["t"] in ("fail", "mlate", "plan", "payl"):
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
    item: Item = row.payload["item"]
    on = date.fromisoformat(item["on"])
    if item.get("rel"):
        title = _(
            "🎂 今天是{who}({customer})的{relation}的生日",
            who=item["who"],
            customer=item["cname"],
            relation=item["rel"],
        )
    else:
        title = _("🎂 今天是{who}({customer})的生日", who=item["who"], customer=item["cname"])
    lines = [html.escape(title), "", html.escape(_("点一下复制,发给对方:"))]
    for style, text in birthday_greetings(_, item):
        lines.append(f"{html.escape(style)}:<code>{html.escape(text)}</code>")
    family = int(item["key"].removeprefix("f")) if item.get("rel") else None
    data = push_buttons.greeted(item["kid"], on, family)
    buttons = [_button(_("✅ 已发送"), data)]
    if item.get("cid"):
        buttons.append(_button(_("🔎 查看"), push_buttons.view_customer(item["cid"])))
    return Message("\n".join(lines), InlineKeyboardMarkup([buttons]), html=True)


def render_trip(_: Translator, row: ReminderOutbox, today: date) -> Message:
    item: Item = row.payload["item"]
    lines = [f"✈️ {trip_line(_, item, today)}", _("可以这样准备:")]
    lines += [f"· {_(suggestion)}" for suggestion in TRIP_SUGGESTIONS]
    buttons = [_button(_("➕ 加跟进"), push_buttons.trip_follow_up(item["id"]))]
    if item.get("cid"):
        buttons.append(_button(_("🔎 查看"), push_buttons.view_customer(item["cid"])))
    return Message("\n".join(lines), InlineKeyboardMarkup([buttons]))


def render_festival(_: Translator, row: ReminderOutbox, today: date) -> Message:
    payload = row.payload
    on = date.fromisoformat(payload["on"])
    name = FESTIVAL_LABELS[str(payload["key"])]
    festival = _(name)
    lines = [
        html.escape(
            _(
                "🎉 {festival}还有 {n} 天({date})。给A类客户的关键人送上问候或礼品:",
                festival=festival,
                n=(on - today).days,
                date=day_with_weekday(_, on),
            )
        )
    ]
    for contact in payload["contacts"]:
        lines.append(html.escape(f"· {contact['cname']} · {contact['who']}"))
    if payload.get("more"):
        lines.append(html.escape(_("…还有 {n} 项", n=payload["more"])))
    lines += ["", html.escape(_("祝福语参考(点一下复制):"))]
    lines += [f"<code>{html.escape(text)}</code>" for text in festival_greetings(_, payload["key"])]
    return Message("\n".join(lines), None, html=True)
