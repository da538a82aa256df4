"""Tryout 7 #20's small confusions: a day's follow-ups in the order of their hours, a reminder
whose hour has passed is not promised, and ✅ 完成 shows on the item's line."""

import pytest
import time_machine

from tests.builders import Pushes, local
from tests.conftest import BotHarness

pytestmark = pytest.mark.usefixtures("monday_morning")


async def test_a_days_follow_ups_go_by_the_hour_in_the_digest_and_today(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    for note in (
        "提醒我明天下午3点给九龙仓陈生打电话",
        "提醒我明天早上9点半给王局打电话",
        "提醒我明天寄样品",
    ):
        await wang.send(note)
        await wang.press("保存")
    [digest] = await Pushes.of(bot).at(local(2026, 11, 24, 9, 0))
    assert "1. 寄样品\n2. 09:30 给王局打电话\n3. 15:00 九龙仓 · 给九龙仓陈生打电话" in digest.text
    with time_machine.travel(local(2026, 11, 24, 9, 5), tick=False):
        today = await wang.send("/today")
    assert "1. 寄样品\n2. 09:30 给王局打电话\n3. 15:00 九龙仓 · 给九龙仓陈生打电话" in today.text


async def test_a_reminder_for_an_hour_gone_by_is_not_promised(bot: BotHarness) -> None:
    wang = bot.user("王磊")  # Monday 10:00
    card = await wang.send("提醒我今天上午9点给赵经理发资料")
    assert "(已过)" in card.text
    saved = await wang.press("保存")
    assert "到时间我会提醒你" not in saved.text
    assert saved.text == (
        "✅ 已存为你的提醒(1 条)。\n⚠️ 11月23日(周一) 09:00 已经过了,到时不会再提醒。要改时间,点下面的按钮。"
    )
    await wang.press("改时间")  # 1小时后 / 明天 / 下周, as on a push
    moved = await wang.press("1小时后")
    assert moved.callback_answers == ["⏰ 已推迟到 11月23日 11:00"]

    await wang.send("提醒我今天下午4点给赵经理发资料")
    still = await wang.press("保存")
    assert still.text == "✅ 已存为你的提醒(1 条),到时间我会提醒你。"


async def test_done_in_today_shows_on_the_items_line(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    for note in ("提醒我今天下午5点寄样品", "提醒我今天下午6点给王局打电话"):
        await wang.send(note)
        await wang.press("保存")
    today = await wang.send("/today")
    assert "1. 17:00 寄样品\n2. 18:00 给王局打电话" in today.text
    done = await wang.press("✅ 完成 2")
    assert done.callback_answers == ["✅ 已完成:给王局打电话"]
    assert "1. 17:00 寄样品\n2. ✅ 已完成:18:00 给王局打电话" in done.text
    assert "✅ 完成 1" in done.buttons and "✅ 完成 2" not in done.buttons
