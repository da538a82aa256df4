"""/today is the day (#14, must-have 5): follow-ups, birthdays, festivals, trips and customers
going cold, each with its buttons; the greeting follows the member's clock (must-have 7)."""

from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine

from storage.models import Grade
from tests.builders import Archive, Pushes, local, member_of
from tests.conftest import BotHarness

pytestmark = pytest.mark.usefixtures("monday_morning")

MONDAY = date(2026, 11, 23)


async def test_today_on_the_bureau_chiefs_birthday_during_his_trip(bot: BotHarness) -> None:
    rep = bot.user("王磊")
    await rep.send("/start")
    archive = Archive(bot, await member_of(bot, rep))
    old = datetime(2026, 11, 1, tzinfo=UTC)
    hd = await archive.customer("华东电力设计院", Grade.A, last_contact_at=old, assigned_at=old)
    wang = await archive.contact(
        hd, "王建国", salutation="王局长", birthday=(11, 23), today=MONDAY, key_leader=True
    )
    await archive.trip(wang, "北京", MONDAY - timedelta(days=1), MONDAY + timedelta(days=2), "开会")
    await archive.follow_up(hd, MONDAY - timedelta(days=2), "寄样品")
    await archive.follow_up(None, MONDAY + timedelta(days=3), "下周的事")
    reply = await rep.send("/today")
    text = reply.text
    assert "今天没有待办" not in text
    assert text.startswith("早上好!今天是11月23日 周一")
    assert "⏰ 今日跟进 (1)" in text and "1. 华东电力设计院 · 寄样品(已逾期 2 天)" in text
    assert "下周的事" not in text
    assert "🎂 生日 (1)" in text and "2. 今天 王局长(华东电力设计院)生日:11月23日(周一)" in text
    assert "✈️ 领导行程 (1)" in text and "3. 王局长正在北京(开会," in text
    assert "🔔 该拜访了 (1)" in text and "4. A类 华东电力设计院 已 22 天未联系" in text
    assert reply.buttons[:3] == ["✅ 完成 1", "⏰ 推迟 1", "🔎 查看 1"]
    assert "✅ 已发送 2" in reply.buttons and "➕ 加跟进 3" in reply.buttons
    done = await rep.press("✅ 完成 1")
    assert done.callback_answers
    again = await rep.send("/today")
    assert "寄样品" not in again.text


async def test_today_with_nothing_to_do(bot: BotHarness) -> None:
    rep = bot.user("王磊")
    reply = await rep.send("/today")
    assert reply.text == "早上好!今天是11月23日 周一\n今天没有待办的事。"


@pytest.mark.parametrize(
    ("hour", "minute", "words"),
    [(8, 0, "早上好!"), (15, 1, "下午好!"), (20, 30, "晚上好!")],
)
async def test_the_greeting_follows_the_members_clock(
    bot: BotHarness, hour: int, minute: int, words: str
) -> None:
    rep = bot.user("王磊")
    with time_machine.travel(local(2026, 11, 23, hour, minute), tick=False):
        reply = await rep.send("/today")
    assert reply.text.startswith(words + "今天是11月23日 周一")


async def test_a_festival_today(bot: BotHarness) -> None:
    rep = bot.user("王磊")
    with time_machine.travel(local(2027, 1, 1, 9, 0), tick=False):
        reply = await rep.send("/today")
    assert "🎉 节日 (1)" in reply.text and "今天是元旦" in reply.text


async def test_a_digest_sent_in_the_afternoon_says_good_afternoon(bot: BotHarness) -> None:
    rep = bot.user("王磊")
    await rep.send("/start")
    archive = Archive(bot, await member_of(bot, rep))
    hd = await archive.customer("华东电力设计院", Grade.A)
    await archive.follow_up(hd, date(2026, 11, 30), "跟进报价")
    pushes = Pushes.of(bot)
    with time_machine.travel(local(2026, 11, 30, 8, 29), tick=False):
        await pushes.planner.run()  # planned; the bot was down until 15:01
    sent = await pushes.at(local(2026, 11, 30, 15, 1))
    assert sent[0].text.startswith("下午好!今天是11月30日 周一")


async def test_postponing_from_today_says_the_new_time_on_the_list(bot: BotHarness) -> None:
    """Tryout 11: 推迟 3 → 明天 left only a toast and 3.'s old time; now the line says where
    the item went, and the choices say which item they move."""
    rep = bot.user("王磊")
    await rep.send("/start")
    archive = Archive(bot, await member_of(bot, rep))
    hd = await archive.customer("华东电力设计院", Grade.A)
    await archive.follow_up(hd, MONDAY, "寄样品")
    await archive.follow_up(
        hd, MONDAY - timedelta(days=1), "给陈局发微信", at=local(2026, 11, 22, 20, 0)
    )
    await archive.follow_up(None, MONDAY, "给供应商打电话", at=local(2026, 11, 23, 17, 0))
    listed = await rep.send("/today")
    assert "1. 20:00 华东电力设计院 · 给陈局发微信(已逾期 1 天)" in listed.text
    await rep.press("⏰ 推迟 1")
    for label in ("1小时后 1", "明天 1", "下周 1"):  # which item they move
        assert rep.find_button(label)[1]["text"] == label
    moved = await rep.press("明天 1")
    assert "⏰ 已推迟到 11月24日 20:00" in moved.callback_answers
    assert "1. ⏰ 已推迟到 11月24日 20:00:华东电力设计院 · 给陈局发微信" in moved.text
    assert "已逾期" not in moved.text
    assert "2. 华东电力设计院 · 寄样品" in moved.text  # the others as they were
    assert "推迟 1" not in " ".join(moved.buttons) and "⏰ 推迟 3" in moved.buttons
    await rep.press("⏰ 推迟 3")
    later = await rep.press("1小时后 3")
    assert "3. ⏰ 已推迟到 11月23日 11:00:给供应商打电话" in later.text
