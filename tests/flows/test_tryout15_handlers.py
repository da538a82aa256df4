"""The handler-side items of tryout 15 (Thursday 3 December 2026, 17:05; new reps in the local
chat): a digest sent late after a restart leaves the timed pushes due with it their own lines;
/visit's 见了谁? reads several people; /plan reads 拜见 like 拜访; 编辑资料's 客户名称 refuses a
note as quick capture reads one; /trip reads the person's trips on those days once."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from sqlalchemy import event, select

from bot.local_api import LocalClient, Reply
from storage.cycle import VisitPlan
from storage.models import Contact, Customer
from tests.builders import Pushes, local
from tests.conftest import BotHarness

NOW = datetime(2026, 12, 3, 17, 5, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.fixture(autouse=True)
def thursday_evening() -> Iterator[time_machine.Traveller]:
    """Thursday 3 December 2026, 17:05 in Shanghai."""
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


async def test_a_late_digest_carries_the_timed_pushes_due_with_it_once(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("今天拜访了华东电力设计院的王建国局长,他后天到下周二在北京开会")
    await wang.press("保存")
    await wang.send("提醒我明天上午10点给王局长打电话问方案看了没")
    await wang.press("保存")
    await wang.send("提醒我明天晚上8点给王局长发报价")
    await wang.press("保存")
    pushes = Pushes.of(bot)
    assert await pushes.at(NOW) == []
    await bot.restart()
    # Down from before 08:30 on Friday until 18:30: the digest goes out late, with the 10:00
    # call and the 18:00 trip notice that fell due meanwhile — each said once, in its own push.
    sent = [call.text for call in await pushes.restarted().at(local(2026, 12, 4, 18, 30))]
    assert [text.split("\n")[0] for text in sent] == [
        "晚上好!今天是12月4日 周五",
        "⏰ 跟进提醒",
        "✈️ 王局长明天起在北京(开会,12月5日–8日)",
    ]
    assert sum("给王局长打电话问方案看了没" in text for text in sent) == 1
    assert sum("王局长明天起在北京" in text for text in sent) == 1
    assert "⏰ 今日跟进 (1)\n1. 20:00 华东电力设计院 · 给王局长发报价" in sent[0]
    # A push due after the restart still comes at its hour.
    later = await pushes.at(local(2026, 12, 4, 20, 0))
    assert [call.text.split("\n")[0] for call in later] == ["⏰ 跟进提醒"]
    assert "给王局长发报价" in later[0].text


async def _visit_at_who_was_met(bot: BotHarness) -> LocalClient:
    wang = bot.user("王磊")
    await wang.send("今天拜访了华东电力设计院的王建国局长,聊了二期方案")
    await wang.press("保存")
    await wang.send("/visit")
    await wang.press("华东电力设计院")
    await wang.press("另记一次拜访")  # met today already (tryout 17): a visit of its own here
    return wang


@pytest.mark.parametrize(
    ("typed", "said", "saved"),
    [
        ("王局长和李处长", "👥 见到 2 位:王局长、李处长", ["王局长", "李处长"]),
        ("见了张总、刘工", "👥 见到 2 位:张总、刘工", ["王局长", "张总", "刘工"]),
    ],
)
async def test_several_people_met_are_each_picked_and_said_back(
    bot: BotHarness, typed: str, said: str, saved: list[str]
) -> None:
    wang = await _visit_at_who_was_met(bot)
    met = await wang.send(typed)
    assert said in met.text and "不像姓名" not in met.text
    people = said.split(":")[1].split("、")
    assert all(f"✅ 👤 {person}" in met.buttons for person in people)
    await wang.press("完成选择")
    await wang.send("介绍了二期方案,对价格有顾虑")
    await wang.press("跳过")
    done = await wang.press("跳过")
    assert f"「见了:{'、'.join(people)};谈了:介绍了二期方案,对价格有顾虑」" in done.text
    # 王局长 is the 王建国 局长 already kept, not a second one; the others are new contacts.
    assert sorted(c.salutation for c in await bot.scalars(select(Contact))) == sorted(saved)


async def test_a_sentence_naming_people_at_who_was_met_is_still_refused(bot: BotHarness) -> None:
    wang = await _visit_at_who_was_met(bot)
    refused = await wang.send("王局长和李处长聊了价格")
    assert "这看起来像一句话,不像姓名。" in refused.text
    assert not any("✅" in label for label in refused.buttons)


@pytest.mark.parametrize(
    "typed",
    [
        "/plan 明天上午10点拜见华东电力设计院王局长 目的是汇报二期方案",
        "/plan 明天上午10点去见华东电力设计院王局长,目的是汇报二期方案",
        "/plan 明天上午10点和华东电力设计院王局长见面 目的是汇报二期方案",
        "/plan 明天上午10点登门拜访华东电力设计院的王局长 目的是汇报二期方案",
    ],
)
async def test_a_plan_to_call_on_someone_reads_like_a_visit(bot: BotHarness, typed: str) -> None:
    wang = bot.user("王磊")
    await wang.send("今天拜访了华东电力设计院的王建国局长,聊了二期方案")
    await wang.press("保存")
    card = await wang.send(typed)
    assert (
        "🏢 华东电力设计院\n🕘 12月4日(周五) 10:00\n🎯 目的:汇报二期方案\n👤 拜见:王局长"
        in card.text
    )
    await wang.press("提交")
    assert await bot.scalar(select(VisitPlan.attendees)) == "王局长"


async def test_a_plan_to_call_on_someone_asks_for_what_it_lacks(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("/customer 华东电力设计院")
    await wang.press("新建")
    asked = await wang.send("/plan 明天上午10点拜见华东电力设计院王局长")
    assert "拜访的目的是什么?请连目的一起再发一次" in asked.text
    asked = await wang.send("/plan 明天上午10点拜见中国电建王总 目的是谈合作")
    assert "没在你的客户里找到「中国电建」。请先用 /customer 中国电建 建好客户" in asked.text
    asked = await wang.send("/plan 明天上午10点拜见王局长 目的是谈合作")
    assert "没看出拜访哪个客户。请写上客户名称" in asked.text


async def test_a_rename_refuses_what_reads_as_a_note_and_takes_a_long_name(
    bot: BotHarness,
) -> None:
    wang = bot.user("王磊")
    await wang.send("/customer 华东院")
    await wang.press("新建")
    await wang.press("✏️ 编辑资料")
    await wang.press("客户名称")
    refused = await wang.send("今天拜访了王局 下周三再联系")
    assert refused.text == (
        "这看起来是一条记录,不像客户名称。请只输入公司名,例如:华东电力设计院;"
        "要记下这段话,请先发 取消 再发一次。"
    )
    # A person's facts read as a note (as quick capture and /newcustomer read them).
    refused = await wang.send("王局长喜欢话剧")
    assert refused.text.startswith("这看起来是一条记录,不像客户名称。")
    renamed = await wang.send("中国电建集团华东勘测设计研究院有限公司")
    assert renamed.text.startswith("✅ 客户名称:华东院 → 中国电建集团华东勘测设计研究院有限公司")
    assert await bot.scalars(select(Customer.name)) == ["中国电建集团华东勘测设计研究院有限公司"]


async def test_the_note_refused_as_a_name_is_kept_once_the_rename_is_left(
    bot: BotHarness,
) -> None:
    wang = bot.user("王磊")
    await wang.send("/customer 华东院")
    await wang.press("新建")
    await wang.press("✏️ 编辑资料")
    await wang.press("客户名称")
    await wang.send("今天拜访了华东院的王局 下周三再联系")
    left = await wang.send("取消")
    assert "确认保存吗" not in left.text
    card = await wang.send("今天拜访了华东院的王局 下周三再联系")
    assert "确认保存吗" in card.text and "🏢 华东院" in card.text
    assert await bot.scalars(select(Customer.name)) == ["华东院"]


async def test_a_trip_is_checked_against_those_kept_with_one_read(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("今天拜访了华东电力设计院的王建国局长,他下周二到周四在北京开会")
    await wang.press("保存")
    await wang.send("/trip")
    await wang.press("华东电力设计院")
    await wang.press("王局长")
    await wang.send("深圳")
    await wang.send("下周一到下周三")
    reads: list[str] = []

    def count(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if statement.lstrip().upper().startswith("SELECT") and "FROM itinerary" in statement:
            reads.append(statement)

    event.listen(bot.engine.sync_engine, "before_cursor_execute", count)
    try:
        done = await wang.press("跳过")
    finally:
        event.remove(bot.engine.sync_engine, "before_cursor_execute", count)
    assert "✅ 已记下 王局长 的行程:12月7日–9日 深圳" in done.text
    assert "⚠️ 王局长 12月8日–10日 还有去北京的行程,日子重叠了。" in done.text
    assert len(reads) == 1, reads
    again = await _trip_again(wang)
    assert "ℹ️ 已有这条行程:王局长 12月7日–9日 深圳,没有重复记下。" in again.text


async def _trip_again(wang: LocalClient) -> Reply:
    await wang.send("/trip")
    await wang.press("华东电力设计院")
    await wang.press("王局长")
    await wang.send("深圳")
    await wang.send("下周一到下周三")
    return await wang.press("跳过")
