"""What nothing else took: plain notes, the 记一笔 button, unknown commands, stale buttons."""

from __future__ import annotations

from telegram.ext import CallbackQueryHandler, MessageHandler, filters

from handlers.capture.drafts import drafts_entry
from handlers.capture.typed import only_a_name, take_text
from handlers.customers.archive import show_card
from handlers.kit.groups import AnyApplication, add
from handlers.kit.keyboards import RECORD, inline, label_pattern
from handlers.kit.turn import Turn, member_turn
from handlers.visits.callbacks import PLAN_NEW as NEW_PLAN
from storage.matching import judge
from storage.search import script_fold


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
async def typed_text(turn: Turn) -> None:
    await take_text(turn, _opened_customer)


async def _opened_customer(turn: Turn, text: str) -> bool:
    """One of the rep's own customers named alone (华西数据, or 华西 for it) is looked up, as
    /customer 华西数据 would: it had made a card with nothing to save, or asked which customer
    the word 华西 was a note about (tryout 18). A new company's name is still a card, whose
    保存 creates it; a colleague's customer is never opened."""
    name = only_a_name(text, turn.now())
    if name is None:
        return False
    judged = await judge(turn.session, turn.actor, name)
    if judged.owner is not None or judged.maybe_owner is not None:
        return False
    likely = [c for c in judged.likely if script_fold(name) in script_fold(c.name)]
    # 华西 is part of 华西数据; 万达过两天回话 is only like 万达集团: a note, filed under it
    customer = judged.exact or (likely[0] if len(judged.likely) == len(likely) == 1 else None)
    if customer is None:
        return False
    _ = turn._
    turn.say(
        _(
            "这是你的客户「{name}」。要记一笔,连同拜访、电话或跟进的内容一起发。",
            name=customer.name,
        )
    )
    await show_card(turn, customer)
    return True


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
            MessageHandler(filters.TEXT & ~filters.COMMAND, typed_text),
            MessageHandler(filters.COMMAND, unknown_command),
            MessageHandler(filters.ChatType.PRIVATE & ~filters.TEXT, not_text),
            CallbackQueryHandler(stale_button),
        ],
    )
