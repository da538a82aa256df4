"""The note reader's items of the third tryout report (tryout 8: A, B, C) on the card and in
the archive. Monday 23 November 2026; the afternoon ones at 15:00."""

import pytest
import time_machine
from sqlalchemy import func, select

from storage.models import Deal, FollowUp
from tests.builders import local
from tests.conftest import BotHarness

pytestmark = pytest.mark.usefixtures("monday_morning")


async def test_a_meeting_with_what_it_is_about_is_a_reminder(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    card = await wang.send("顺丰吴总监 下礼拜二下午两点开会过一下合同")
    assert "⏰ 跟进:12月1日(周二) 14:00 和吴总开会 过一下合同" in card.text
    await wang.press("保存")
    assert await bot.scalar(select(FollowUp.text)) == "和吴总开会 过一下合同"


async def test_an_errand_whose_hour_has_gone_is_kept_late(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    with time_machine.travel(local(2026, 11, 23, 15, 0), tick=False):
        card = await wang.send("今天上午10点给赵经理发资料")
        assert "⏰ 跟进:今天 10:00(已过) 给赵经理发资料" in card.text
        done = await wang.send("今天上午10点给钱经理发了资料")  # said done: nothing to remind
        assert "⏰" not in done.text


async def test_a_contract_to_talk_about_tomorrow_makes_no_deal(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    card = await wang.send("明天下午三点见万科张总谈合同")
    assert "💼" not in card.text
    assert "⏰ 跟进:11月24日(周二) 15:00 见张总谈合同" in card.text
    await wang.press("保存")
    assert await bot.scalar(select(func.count()).select_from(Deal)) == 0


async def test_a_hong_kong_reps_task_and_headline_stay_in_her_script(bot: BotHarness) -> None:
    chen = bot.user("陳嘉欣", language_code="zh-hk")
    card = await chen.send("今日見咗新鴻基黃經理 傾咗報價 下個禮拜三打電話給黃經理")
    assert "📝 拜訪:今天 · 報價" in card.text
    assert "⏰ 跟進:12月2日(週三) 打電話給黃經理" in card.text
    await chen.press("保存")
    assert await bot.scalar(select(FollowUp.text)) == "打電話給黃經理"
