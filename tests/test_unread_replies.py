"""A turn's replies go out without reading Telegram's answer (handlers.kit.turn.unread): the
calls must be the very ones PTB's own methods make, errors included."""

from typing import Any

import pytest
from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import BadRequest
from telegram.ext import AIORateLimiter, ExtBot

from bot.local_api import LOCAL_TOKEN, LocalBotApi
from handlers.kit.turn import unread

KEYBOARD = InlineKeyboardMarkup(
    [
        [InlineKeyboardButton("✅ 保存", callback_data="cap:s:1")],
        [InlineKeyboardButton("❌ 取消", callback_data="cap:x:1")],
    ]
)


@pytest.fixture
async def bot_and_api() -> tuple[ExtBot[Any], LocalBotApi]:
    api = LocalBotApi()
    # As the Application builds it: ExtBot, with the rate limiter the bot runs with.
    bot: ExtBot[Any] = ExtBot(
        LOCAL_TOKEN, request=api, get_updates_request=api, rate_limiter=AIORateLimiter()
    )
    await bot.initialize()
    return bot, api


async def test_a_reply_is_the_call_send_message_makes(
    bot_and_api: tuple[ExtBot[Any], LocalBotApi],
) -> None:
    bot, api = bot_and_api
    await bot.send_message(42, "确认保存吗?", reply_markup=KEYBOARD)
    await unread(bot, "sendMessage", chat_id=42, text="确认保存吗?", reply_markup=KEYBOARD)
    await bot.send_message(42, "好的")
    await unread(bot, "sendMessage", chat_id=42, text="好的", reply_markup=None)
    first, second, third, fourth = api.calls[-4:]
    assert (first.method, first.params) == (second.method, second.params)
    assert (third.method, third.params) == (fourth.method, fourth.params)


async def test_an_edit_is_the_call_edit_message_text_makes(
    bot_and_api: tuple[ExtBot[Any], LocalBotApi],
) -> None:
    bot, api = bot_and_api
    sent = await bot.send_message(42, "确认保存吗?", reply_markup=KEYBOARD)
    await bot.edit_message_text("已保存", chat_id=42, message_id=sent.message_id)
    await unread(
        bot,
        "editMessageText",
        chat_id=42,
        message_id=sent.message_id,
        text="已保存 ✅",
        reply_markup=KEYBOARD,
        business_connection_id=None,
    )
    public, ours = api.calls[-2:]
    assert public.method == ours.method == "editMessageText"
    assert public.params | {"text": "已保存 ✅"} == {
        name: value for name, value in ours.params.items() if name != "reply_markup"
    }
    assert ours.params["reply_markup"] == KEYBOARD.to_dict()
    assert api.chats[42][sent.message_id]["text"] == "已保存 ✅"


async def test_new_buttons_are_the_call_edit_message_reply_markup_makes(
    bot_and_api: tuple[ExtBot[Any], LocalBotApi],
) -> None:
    bot, api = bot_and_api
    sent = await bot.send_message(42, "今日", reply_markup=KEYBOARD)
    await bot.edit_message_reply_markup(chat_id=42, message_id=sent.message_id)
    await unread(
        bot,
        "editMessageReplyMarkup",
        chat_id=42,
        message_id=sent.message_id,
        reply_markup=None,
        business_connection_id=None,
    )
    public, ours = api.calls[-2:]
    assert (public.method, public.params) == (ours.method, ours.params)


async def test_telegram_refusing_an_edit_still_raises(
    bot_and_api: tuple[ExtBot[Any], LocalBotApi],
) -> None:
    bot, _ = bot_and_api
    sent = await bot.send_message(42, "已保存")
    with pytest.raises(BadRequest, match="not modified"):
        await unread(bot, "editMessageText", chat_id=42, message_id=sent.message_id, text="已保存")
    with pytest.raises(BadRequest, match="not found"):
        await unread(bot, "editMessageText", chat_id=42, message_id=99, text="x")
