"""A guided flow's door and its way out (tryout of 2026-12-02, items 11 and 12): an old button
of a deleted customer opens nothing, and leaving /visit half-way keeps what was typed as a
draft. Monday 23 November 2026, 10:00 in Shanghai."""

import pytest
from sqlalchemy import select

from storage.models import Draft, Interaction
from tests.conftest import BotHarness

pytestmark = pytest.mark.usefixtures("monday_morning")


@pytest.mark.parametrize("button", ["记拜访", "加跟进"])
async def test_an_old_button_of_a_deleted_customer_asks_nothing(
    bot: BotHarness, button: str
) -> None:
    wang = bot.user("王磊")
    await wang.send("/customer 万科")
    await wang.press("新建")
    message, old = wang.find_button(button)
    await wang.send("/customer 万科")
    await wang.press("删除")
    await wang.press("确定删除")

    pressed = await wang.press_data(str(old["callback_data"]), message)
    assert pressed.callback_answers == ["这个客户已删除。"]
    assert "1/" not in pressed.text and "2/" not in pressed.text  # no step asked
    after = await wang.send("谈了配电柜的报价")  # a note again, not a step's answer
    assert "记拜访" not in after.text
    assert await bot.count(Interaction) == 0


SUMMARY = "张总对方案基本满意 但是价格要再降5个点 竞争对手是施耐德"


async def test_leaving_visit_half_way_keeps_the_summary_as_a_draft(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("/customer 万科")
    await wang.press("新建")
    await wang.send("/visit")
    await wang.press("万科")
    await wang.press("完成选择")
    await wang.send(SUMMARY)
    left = await wang.send("📅 今日")
    assert "已退出「记拜访」,写好的内容已存入草稿(/drafts)。" in left.text
    assert await bot.count(Interaction) == 0  # not saved as a visit behind the rep's back

    drafts = await wang.send("/drafts")
    assert "拜访了万科 张总对方案基本满意" in drafts.text
    card = await wang.press("继续 1")
    assert "🏢 万科" in card.text and "📝 拜访:今天" in card.text
    await wang.press("保存")
    visit = await bot.scalar(select(Interaction))
    assert SUMMARY in (visit.note or "")
    assert await bot.count(Draft) == 0


async def test_leaving_visit_before_anything_was_typed_keeps_nothing(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("/customer 万科")
    await wang.press("新建")
    await wang.send("/visit")
    await wang.press("万科")
    left = await wang.send("📅 今日")
    assert "已退出「记拜访」,没有保存。" in left.text
    assert await bot.count(Draft) == 0


async def test_visit_timing_out_after_the_summary_keeps_it_as_a_draft(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("/customer 万科")
    await wang.press("新建")
    job_queue = bot.application.job_queue
    assert job_queue is not None
    await job_queue.start()  # timeouts are jobs; the test runs the job instead of waiting
    try:
        await wang.send("/visit")
        await wang.press("万科")
        await wang.press("完成选择")
        await wang.send(SUMMARY)
        jobs = [j for j in job_queue.jobs() if "timeout" in str(j.callback).lower()]
        first = len(bot.api.calls)
        await jobs[-1].run(bot.application)
    finally:
        await job_queue.stop(wait=False)
    said = [c.text for c in bot.api.calls[first:] if c.method == "sendMessage"]
    assert said == ["「记拜访」30 分钟没有继续,已自动结束,写好的内容已存入草稿(/drafts)。"]
    assert SUMMARY in (await wang.send("/drafts")).text
