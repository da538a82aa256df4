"""Language: from Telegram's language_code, stored per member, changed with /language."""

import json

import pytest
from sqlalchemy import select

from locales import language_from_telegram
from storage.models import Member
from tests.conftest import BotHarness


@pytest.mark.parametrize(
    ("code", "language"),
    [
        ("zh-hans", "zh_Hans"),
        ("zh-CN", "zh_Hans"),
        ("zh-sg", "zh_Hans"),
        ("zh-hant", "zh_Hant"),
        ("zh-TW", "zh_Hant"),
        ("zh-hk", "zh_Hant"),
        ("zh-mo", "zh_Hant"),
        ("zh-hant-beta", "zh_Hant"),
        ("zh-hans-raw", "zh_Hans"),
        ("en", "en"),
        ("en-GB", "en"),
        ("en-us-beta", "en"),
        ("ru", "zh_Hans"),
        ("", "zh_Hans"),
        (None, "zh_Hans"),
    ],
)
def test_telegram_language_codes_map_to_catalogs(code: str | None, language: str) -> None:
    assert language_from_telegram(code) == language


async def test_a_traditional_chinese_user_is_greeted_in_traditional(bot: BotHarness) -> None:
    reply = await bot.user("陳志明", language_code="zh-TW").send("/start")
    assert reply.messages[0].text.startswith("你好,陳志明!我是銷售助手")
    assert "📝 記一筆" in reply.messages[0].reply_keyboard


async def test_an_english_user_is_greeted_in_english(bot: BotHarness) -> None:
    reply = await bot.user("Tom", language_code="en-US").send("/start")
    assert reply.messages[0].text.startswith("Hello, Tom!")
    assert reply.messages[0].reply_keyboard[0] == "📝 Note"


async def test_language_command_switches_and_sticks(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    menu = await wang.send("/language")
    assert menu.buttons == ["简体中文", "繁體中文", "English"]
    switched = await wang.press("English")
    assert "✅ Language switched to English." in switched.text
    assert switched.messages[-1].reply_keyboard[0] == "📝 Note"
    chat_menus = [c for c in switched.calls if c.method == "setMyCommands"]
    assert chat_menus and chat_menus[0].params["scope"] == {"type": "chat", "chat_id": wang.chat_id}
    # Telegram still says zh-hans, but the choice wins
    assert (await wang.send("/start")).messages[0].text.startswith("Hello, 王磊!")
    member = await bot.scalar(select(Member).where(Member.name == "王磊"))
    assert member.language == "en" and member.language_chosen


async def test_keyboard_labels_work_in_every_language(bot: BotHarness) -> None:
    tom = bot.user("Tom", language_code="en")
    assert "Which customer" in (await tom.send("🔍 Find")).text
    chen = bot.user("陳志明", language_code="zh-hk")
    assert "今天是" in (await chen.send("📅 今日")).text


async def test_command_menus_are_published_per_language(bot: BotHarness) -> None:
    menus = bot.api.commands
    default = menus[json.dumps({"type": "default"}) + "|"]
    english = menus[json.dumps({"type": "default"}) + "|en"]
    assert {c["command"] for c in default} >= {"start", "today", "customer", "team", "cancel"}
    assert next(c for c in default if c["command"] == "today")["description"] == "今日要事"
    assert next(c for c in english if c["command"] == "today")["description"] == "Today's agenda"
