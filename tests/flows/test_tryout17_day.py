"""A working day in Shenzhen (tryout 17, second round: a rep new to CRMs, a colleague who joins,
and their manager, in the local chat). Shenzhen companies are registered as 深圳市…有限公司 and
said by their middle (迈瑞达): a note naming one so asks before making a new customer, and the
manager's 🔁 分配客户 asks for the customer and finds it by part of its name; a rep's /plan finds it
the same way; and on a Friday next week's plans are in /plans."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from sqlalchemy import select

from storage.models import Customer, Draft
from tests.builders import at, customer, make_team, member_of
from tests.conftest import BotHarness

NOW = datetime(2026, 12, 4, 17, 30, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.fixture(autouse=True)
def friday_evening() -> Iterator[time_machine.Traveller]:
    """Friday 4 December 2026, 17:30 in Shanghai."""
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


async def test_assign_asks_for_the_customer_and_finds_it_by_part_of_its_name(
    bot: BotHarness,
) -> None:
    team = await make_team(bot)
    mrd = await customer(bot, team.wang, "深圳市迈瑞达电子有限公司", at(11, 2))
    await team.manager.send("/team")
    asked = await team.manager.press("🔁 分配客户")
    assert asked.text.startswith("分配哪个客户?发客户名(几个字也行),或发 取消。")

    picker = await team.manager.send("迈瑞达")  # the name a rep says, not a note to capture
    # the one customer it finds is not asked about (tryout 18): who gets it is
    assert picker.text.startswith("把「深圳市迈瑞达电子有限公司」分配给谁?")
    assert await bot.count(Draft) == 0
    done = await team.manager.press("张伟")
    assert "✅ 「深圳市迈瑞达电子有限公司」已从 王磊 改由 张伟 负责" in done.text
    zhang = await member_of(bot, team.zhang)
    assert (await bot.scalar(select(Customer).where(Customer.id == mrd))).owner_id == zhang.id


async def test_a_bare_assign_asks_again_for_a_name_it_does_not_know_and_cancel_leaves(
    bot: BotHarness,
) -> None:
    team = await make_team(bot)
    await customer(bot, team.wang, "深圳市迈瑞达电子有限公司", at(11, 2))
    asked = await team.manager.send("/assign")
    assert asked.text == "分配哪个客户?发客户名(几个字也行),或发 取消。"
    unknown = await team.manager.send("华强精密")
    assert unknown.text == "团队里没有客户「华强精密」。再发一次客户名(几个字也行),或发 取消。"
    left = await team.manager.send("取消")
    assert left.text.startswith("已取消,没有分配。")
    note = await team.manager.send("迈瑞达的刘经理下周一发技术参数")  # a note again
    assert note.text.startswith("我记下了这些")
    named = await team.manager.send("/assign 迈瑞达 张伟")  # one line, part of the name
    assert named.text.startswith("✅ 「深圳市迈瑞达电子有限公司」已从 王磊 改由 张伟 负责")


async def test_a_plan_names_the_customer_as_reps_say_it(bot: BotHarness) -> None:
    team = await make_team(bot)
    await customer(bot, team.wang, "深圳市迈瑞达电子有限公司", at(11, 2))
    shown = await team.wang.send("/plan 下周一上午10点拜访迈瑞达 目的是确认招标技术参数 见刘经理")
    assert shown.text.startswith("📋 拜访计划(客户走访单),确认提交吗?\n🏢 深圳市迈瑞达电子有限公司")
    assert "🕘 12月7日(周一) 10:00" in shown.text and "👤 拜见:刘经理" in shown.text
    sent = await team.wang.press("提交")
    assert sent.text.startswith("✅ 已提交,等李经理批准。")
    assert await bot.count(Customer) == 1  # no second 迈瑞达 to create


async def test_on_friday_next_weeks_plans_are_in_plans(bot: BotHarness) -> None:
    team = await make_team(bot)
    await customer(bot, team.wang, "华强精密", at(11, 2))
    await team.wang.send("/plan 下周一上午10点拜访华强精密 目的是谈台达替换方案 见黄总")
    await team.wang.press("提交")
    mine = await team.wang.send("/plans")  # Monday's plan is the one to see
    assert mine.text == (  # his own, not yet past: ✏️ 修改计划 1 (tryout 18)
        "🗓 下周计划拜访 (1)\n1. 12月7日(周一) 10:00 华强精密 · 谈台达替换方案(待批准)"
    )
    team_plans = await team.manager.send("/plans")
    # waiting for him: numbered, with its ✅ 批准 1 / 💬 意见 1 (tryout 18)
    assert "1. 12月7日(周一) 10:00 王磊 → 华强精密 · 谈台达替换方案(待批准)" in team_plans.text


async def test_a_plan_naming_two_customers_by_one_word_asks_for_the_whole_name(
    bot: BotHarness,
) -> None:
    team = await make_team(bot)
    await customer(bot, team.wang, "深圳市迈瑞达电子有限公司", at(11, 2))
    await customer(bot, team.wang, "东莞市迈瑞达精密有限公司", at(11, 2))
    asked = await team.wang.send("/plan 下周一拜访迈瑞达 目的是确认招标技术参数")
    assert asked.text == (
        "「迈瑞达」是哪个客户:「东莞市迈瑞达精密有限公司」、「深圳市迈瑞达电子有限公司」?"
        "请写上客户的全名再发一次。\n(/cancel 放弃)"
    )
    shown = await team.wang.send("下周一拜访东莞市迈瑞达精密有限公司 目的是确认招标技术参数")
    assert "🏢 东莞市迈瑞达精密有限公司" in shown.text


async def test_a_note_naming_a_shenzhen_company_by_its_middle_asks_before_making_a_new_one(
    bot: BotHarness,
) -> None:
    chen = bot.user("陈晓峰")
    await chen.send("今天下午拜访了深圳市迈瑞达电子有限公司 见了采购部的刘经理 电话13823456789")
    await chen.press("保存")
    card = await chen.send("迈瑞达的刘经理说技术参数下周一发过来")
    assert "🏢 迈瑞达(可能是已有客户,保存时确认)" in card.text
    asked = await chen.press("保存")
    assert asked.buttons[0] == "是「深圳市迈瑞达电子有限公司」"
    await chen.press("是「深圳市迈瑞达电子有限公司」")
    assert [c.name for c in await bot.scalars(select(Customer))] == ["深圳市迈瑞达电子有限公司"]
