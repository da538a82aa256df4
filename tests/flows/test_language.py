"""Language: from Telegram's language_code, stored per member, changed with /language."""

import json
from datetime import date

import pytest
import time_machine
from sqlalchemy import select

from locales import language_from_telegram
from storage.models import Member
from tests.builders import NOW, customer, follow_up
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


async def test_english_counts_one_customer_as_one(bot: BotHarness) -> None:
    """English said "Found 1 customers:": a count of one reads in the singular, more in the plural."""
    tom = bot.user("Tom", language_code="en")
    await tom.send("/start")
    for name in ("华东电力设计院", "华东建筑设计院", "华东交通设计院"):
        await customer(bot, tom, name, NOW)
    one = await tom.send("/find 电力")
    assert "Found 1 customer:" in one.text and one.buttons == ["🏢 华东电力设计院"]
    three = await tom.send("/find 华东")
    assert "Found 3 customers:" in three.text
    assert "You can see 3 customers:" in (await tom.send("/customer")).text


async def test_english_today_says_one_day_overdue_and_done_takes_it_away(
    bot: BotHarness,
) -> None:
    """(overdue 1 day) beside (overdue 2 days); ✅ Done drops either form from its line."""
    tom = bot.user("Tom", language_code="en")
    await tom.send("/start")
    hd = await customer(bot, tom, "华东电力设计院", NOW)
    await follow_up(bot, tom, hd, date(2026, 11, 30), "send the quote")
    await follow_up(bot, tom, hd, date(2026, 12, 1), "call 王局长")
    with time_machine.travel(NOW, tick=False):
        today = await tom.send("/today")
        assert "华东电力设计院 · send the quote (overdue 2 days)" in today.text
        assert "华东电力设计院 · call 王局长 (overdue 1 day)" in today.text
        done = await tom.press("Done 2")
        assert "2. ✅ Done: 华东电力设计院 · call 王局长\n" in done.text + "\n"
        done = await tom.press("Done 1")
        assert "1. ✅ Done: 华东电力设计院 · send the quote\n" in done.text + "\n"
