"""The handler-side items of tryout 16 (Thursday 3 December 2026, 21:20; a new rep and a manager
in the local chat): a festival typed at 🔍 查找 is searched, not made a reminder, and a keyword
ending in 。 still finds; /visit's 见了谁? reads a person named with a department (戴总和物资部的
钱科长) and says the follow-up it added with its task; /plan's 拜见 ends at the comma; a rename to
another customer's name says how to go on; a manager's drill-down says what a rep's notes say."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from sqlalchemy import select

from storage.cycle import VisitPlan
from storage.models import Contact, Customer, FollowUp
from tests.builders import make_team
from tests.conftest import BotHarness

NOW = datetime(2026, 12, 3, 21, 20, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.fixture(autouse=True)
def thursday_night() -> Iterator[time_machine.Traveller]:
    """Thursday 3 December 2026, 21:20 in Shanghai."""
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.mark.parametrize("word", ["中秋", "月底"])
async def test_a_festival_typed_at_search_is_searched_not_made_a_reminder(
    bot: BotHarness, word: str
) -> None:
    li = bot.user("李明")
    await li.send("中交二航局戴总说中秋礼品他们很喜欢")
    await li.press("保存")
    await li.send("🔍 查找")
    found = await li.send(word)
    assert "已退出查找" not in found.text and "确认保存吗" not in found.text
    assert "⏰ 跟进" not in found.text
    if word == "中秋":
        assert "🏢 中交二航局" in found.buttons
    else:
        assert "没找到和「月底」相关的客户" in found.text
    assert await bot.scalars(select(FollowUp.id)) == []


@pytest.mark.parametrize("typed", ["戴总和物资部的钱科长", "戴总、物资部钱科长"])
async def test_a_person_met_named_with_their_department_is_one_of_several(
    bot: BotHarness, typed: str
) -> None:
    li = bot.user("李明")
    await li.send("今天拜访了中交二航局的戴总,聊了明年钢材供货")
    await li.press("保存")
    await li.send("/visit")
    await li.press("中交二航局")
    await li.press("另记一次拜访")  # met today already (tryout 17): a visit of its own here
    met = await li.send(typed)
    assert "👥 见到 2 位:戴总、钱科长" in met.text
    assert "✅ 👤 戴总" in met.buttons and "✅ 👤 钱科长" in met.buttons
    await li.press("完成选择")
    await li.send("谈了明年钢材供货的框架")
    await li.press("跳过")
    done = await li.press("跳过")
    assert "「见了:戴总、钱科长;谈了:谈了明年钢材供货的框架」" in done.text
    # 戴总 is the one kept already; 钱科长 is new, and 物资部 is kept with his title.
    people = {c.salutation: c.title for c in await bot.scalars(select(Contact))}
    assert people == {"戴总": "总", "钱科长": "物资部科长"}


async def test_the_person_to_call_on_ends_at_the_comma(bot: BotHarness) -> None:
    li = bot.user("李明")
    await li.send("/customer 宁波舟山港")
    await li.press("新建")
    card = await li.send("/plan 明天上午10点拜见宁波舟山港刘总，目的是敲定一季度订单")
    assert (
        "🏢 宁波舟山港\n🕘 12月4日(周五) 10:00\n🎯 目的:敲定一季度订单\n👤 拜见:刘总" in card.text
    )
    assert "刘总，" not in card.text
    await li.press("提交")
    assert await bot.scalar(select(VisitPlan.attendees)) == "刘总"


async def test_a_visit_says_back_the_follow_up_it_added_with_its_task(bot: BotHarness) -> None:
    li = bot.user("李明")
    await li.send("今天拜访了中交二航局的戴总,聊了明年钢材供货")
    await li.press("保存")
    await li.send("/visit")
    await li.press("中交二航局")
    await li.press("另记一次拜访")  # met today already (tryout 17): a visit of its own here
    await li.press("戴总")
    await li.press("完成选择")
    await li.send("谈了明年钢材供货的框架,戴总让我们下周一前把报价发过去")
    await li.press("跳过")
    done = await li.send("下周一前把报价发给戴总")
    assert "⏰ 已加跟进:12月7日(周一) 把报价发给戴总" in done.text


async def test_a_search_ended_as_a_sentence_ends_still_finds(bot: BotHarness) -> None:
    li = bot.user("李明")
    await li.send("中交二航局戴总说中秋礼品他们很喜欢")
    await li.press("保存")
    found = await li.send("/find 中交二航局。")
    assert found.text.startswith("找到 1 个客户:") and "🏢 中交二航局" in found.buttons
    await li.send("🔍 查找")
    found = await li.send("中秋。")
    assert "🏢 中交二航局:「中交二航局戴总说中秋礼品他们很喜欢」" in found.text
    missed = await li.send("/find 万科!")
    assert "没找到和「万科」相关的客户" in missed.text


async def test_a_name_another_customer_has_says_how_to_go_on(bot: BotHarness) -> None:
    li = bot.user("李明")
    await li.send("/customer 浙江交工")
    await li.press("新建")
    await li.send("/customer 顺丰")
    await li.press("新建")
    await li.press("✏️ 编辑资料")
    await li.press("客户名称")
    refused = await li.send("浙江交工")
    assert refused.text == (
        "团队里已有客户「浙江交工」(由 李明 负责),不能改成同一个名称。"
        "请输入别的名称,或发“跳过”不改。"
    )
    kept = await li.send("跳过")
    assert "🏢 顺丰" in kept.text
    assert sorted(await bot.scalars(select(Customer.name))) == ["浙江交工", "顺丰"]


async def test_a_manager_reads_what_a_reps_notes_say(bot: BotHarness) -> None:
    team = await make_team(bot)
    wang = team.wang
    await wang.send("今天拜访了中交二航局的戴总,聊了明年钢材供货")
    await wang.press("保存")
    await wang.send("中交二航局戴总说中秋礼品他们很喜欢")
    await wang.press("保存")
    await team.manager.send("/team")
    drilled = await team.manager.press("🔎 王磊")
    lines = drilled.text.splitlines()
    assert lines[0] == "👤 王磊 · 最近记录"
    # 备注 中交二航局 alone had said nothing of what was noted
    assert lines[1].endswith("备注 中交二航局:中交二航局戴总说中秋礼品他们很喜欢")
    assert lines[2].endswith("拜访 中交二航局:明年钢材供货")  # a visit says its headline
