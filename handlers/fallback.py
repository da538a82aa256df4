"""What nothing else took: plain notes, the 记一笔 button, unknown commands, stale buttons."""

from __future__ import annotations

from telegram.ext import CallbackQueryHandler, MessageHandler, filters

from handlers.capture.drafts import drafts_entry
from handlers.capture.typed import value_or_note
from handlers.kit.groups import AnyApplication, add
from handlers.kit.keyboards import RECORD, inline, label_pattern
from handlers.kit.turn import Turn, member_turn
from handlers.visits.callbacks import PLAN_NEW as NEW_PLAN


@member_turn
async def record_button(turn: Turn) -> None:
    _ = turn._
    kept = await drafts_entry(turn)  # 📝 草稿 (n): what was typed and not saved yet
    row = [(_("📅 计划拜访"), NEW_PLAN)]
    turn.say(
        _(
            "直接发一句话给我就行,例如:\n"
            "今天拜访了华东电力设计院的王建国局长,生日农历三月初八,下周五跟进报价\n"
            "要先订拜访计划(客户走访单),点 📅 计划拜访。"
        ),
        inline([[*row, kept]] if kept else [row]),
    )


@member_turn
async def not_text(turn: Turn) -> None:
    turn.say(turn._("收到了,不过我目前只看得懂文字和按钮。请用一句话告诉我要记什么。"))


@member_turn
async def unknown_command(turn: Turn) -> None:
    turn.say(turn._("没有这个命令。发 /help 看看我能做什么。"))


@member_turn
async def stale_button(turn: Turn) -> None:
    turn.answer(turn._("这个按钮已失效。"), alert=True)


def register(application: AnyApplication) -> None:
    add(
        application,
        [
            MessageHandler(filters.Regex(label_pattern(RECORD)), record_button),
            MessageHandler(filters.TEXT & ~filters.COMMAND, value_or_note),
            MessageHandler(filters.COMMAND, unknown_command),
            MessageHandler(filters.ChatType.PRIVATE & ~filters.TEXT, not_text),
            CallbackQueryHandler(stale_button),
        ],
    )
