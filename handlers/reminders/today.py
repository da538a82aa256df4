"""/today: what the member should do today — open follow-ups due today or overdue.

Birthdays, itineraries and customers going cold join this view with the morning digest.
"""

from __future__ import annotations

from telegram.ext import CommandHandler, MessageHandler, filters

from handlers.kit import commands
from handlers.kit.keyboards import TODAY, label_pattern
from handlers.kit.turn import Turn, member_turn
from locales.words import weekday
from storage.activities import due_follow_ups


@member_turn
async def today(turn: Turn) -> None:
    _ = turn._
    now = turn.now()
    follow_ups = await due_follow_ups(turn.session, turn.actor, now.date())
    header = _(
        "今天是{month}月{day}日 {weekday}",
        month=now.month,
        day=now.day,
        weekday=weekday(_, now.date()),
    )
    if not follow_ups:
        turn.say(header + "\n" + _("今天没有待办的跟进。"))
        return
    lines = [header, _("⏰ 今日跟进 ({n})", n=len(follow_ups))]
    for follow_up, customer_name in follow_ups:
        overdue = _("(已逾期)") if follow_up.due_date < now.date() else ""
        subject = f"{customer_name} · " if customer_name else ""
        lines.append(f"· {subject}{follow_up.text}{overdue}")
    turn.say("\n".join(lines))


def today_handlers() -> list[object]:
    return [
        CommandHandler(commands.TODAY.name, today),
        MessageHandler(filters.Regex(label_pattern(TODAY)), today),
    ]
