"""The visit cycle's pushes as messages: a 纪要 due, the manager's review, a late line.

Callback data (≤ 64 bytes) comes from storage/push_buttons.py, answered by handlers/visits/
(📝 写纪要 is on the digest's 待写纪要 lines, scheduler/render.py).
"""

from __future__ import annotations

from datetime import date
from typing import cast

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from locales import N_, Translator
from locales.meetings import meeting as _meeting
from locales.words import day_with_weekday
from storage import push_buttons
from storage.models import ReminderOutbox
from storage.push_items import (
    MinutesDueItem,
    MinutesLateItem,
    PlanItem,
    PlanPendingItem,
    ReviewItem,
    ReviewPayload,
)

MAX_TEXT = 4096


# Text and buttons; scheduler.render wraps them as its Message.
Rendered = tuple[str, InlineKeyboardMarkup | None]


def _button(text: str, data: str) -> InlineKeyboardButton:
    assert len(data.encode()) <= 64, data
    return InlineKeyboardButton(text, callback_data=data)


def meeting(_: Translator, kind: str, met: str) -> str:
    """华东电力设计院 12月1日的拜访 → "12月1日的拜访"."""
    return _meeting(_, kind, date.fromisoformat(met))


def due_line(_: Translator, item: MinutesDueItem) -> str:
    """华东电力设计院 12月1日的拜访还没写会谈纪要,还有 1 个工作日(12月3日(周四)前)."""
    head = _(
        "{customer} {meeting}还没写会谈纪要",
        customer=item["customer"],
        meeting=meeting(_, item["kind"], item["met"]),
    )
    due = day_with_weekday(_, date.fromisoformat(item["due"]))
    if item["left"] <= 0:
        return head + _(",今天({date})是最后一天", date=due)
    return head + _.plural(
        ",还有 {n} 个工作日({date}前)", ",还有 {n} 个工作日({date}前)", item["left"], date=due
    )


def minutes_late_line(_: Translator, item: MinutesLateItem) -> str:
    """王磊 · 华东电力设计院 12月1日的拜访:纪要逾期 1 个工作日."""
    met = meeting(
        _, item["kind"], item["met"]
    )  # outside the call: babel misreads `_` passed inside
    return _.plural(
        "{member} · {customer} {meeting}:纪要逾期 {n} 个工作日",
        "{member} · {customer} {meeting}:纪要逾期 {n} 个工作日",
        item["late"],
        member=item["member"],
        customer=item["customer"],
        meeting=met,
    )


PLAN_STATUS = {"pending": N_("待批准"), "approved": N_("已批准"), "commented": N_("经理有意见")}


def plan_line(_: Translator, item: PlanItem) -> str:
    """10:00 万科 · 谈二期方案 · 见张总(已批准)."""
    line = f"{item['at']} " if item["at"] else ""
    line += f"{item['customer']} · {item['goal']}"
    if item["who"]:
        line += " · " + _("见{who}", who=item["who"])
    status = PLAN_STATUS.get(item["status"])
    return line + (_("({status})", status=_(status)) if status else "")


def waiting_plan_line(_: Translator, item: PlanPendingItem) -> str:
    """王磊 · 12月8日(周二) 10:00 万科 · 谈二期方案."""
    when = day_with_weekday(_, date.fromisoformat(item["day"]))
    when += f" {item['at']}" if item["at"] else ""
    return f"{item['member']} · {when} {item['customer']} · {item['goal']}"


def render_cycle(_: Translator, row: ReminderOutbox, today: date) -> list[Rendered]:
    payload = cast(ReviewPayload, row.payload)
    return [render_review(_, payload["items"])]


def render_review(_: Translator, items: list[ReviewItem]) -> Rendered:
    """One message with every 纪要 to review, each with 👀 已阅 and 💬 批注."""
    archives = sum(1 for item in items if item["type"] == "archive")
    if archives:
        title = _(
            "📋 今日审阅 ({n}):纪要 {minutes} 份,新客户档案 {archives} 个",
            n=len(items),
            minutes=len(items) - archives,
            archives=archives,
        )
    else:
        title = _("📋 今日纪要审阅 ({n})", n=len(items))
    lines = [title]
    keyboard: list[list[InlineKeyboardButton]] = []
    budget = MAX_TEXT - 200
    for number, item in enumerate(items, 1):
        if item["type"] == "archive":
            lines.append(
                "\n"
                + _.plural(
                    "{number}. {member} · {customer} · 新客户档案(联系人 {n} 人)",
                    "{number}. {member} · {customer} · 新客户档案(联系人 {n} 人)",
                    item["contacts"],
                    number=number,
                    member=item["member"],
                    customer=item["customer"],
                )
            )
            keyboard.append(
                [
                    _button(_("✅ 已审核 {n}", n=number), push_buttons.archive_ok(item["id"])),
                    _button(_("💬 意见 {n}", n=number), push_buttons.archive_note(item["id"])),
                    _button(_("🔎 查看 {n}", n=number), push_buttons.view_customer(item["id"])),
                ]
            )
            continue
        head = f"{number}. {item['member']} · {item['customer']} · " + meeting(
            _, item["kind"], item["met"]
        )
        if item["late"]:
            head += _("(逾期提交)")
        text = item["text"] + ("…" if item["more"] else "")
        block = f"\n{head}\n{text}"
        if len("\n".join(lines)) + len(block) > budget:
            block = f"\n{head}\n{text[:80]}…"
        lines.append(block)
        keyboard.append(
            [
                _button(_("👀 已阅 {n}", n=number), push_buttons.minutes_seen(item["id"])),
                _button(_("💬 批注 {n}", n=number), push_buttons.minutes_note(item["id"])),
            ]
        )
    return "\n".join(lines)[:MAX_TEXT], InlineKeyboardMarkup(keyboard)
