"""Guided flows: one question at a time, with 上一步 and 取消, surviving a restart."""

from datetime import date

import pytest
from sqlalchemy import func, select

from bot.local_api import LocalClient
from handlers.flows.engine import TIMEOUT_SECONDS
from storage.models import (
    Contact,
    Customer,
    FollowUp,
    Interaction,
    InteractionContact,
    Itinerary,
)
from tests.conftest import BotHarness

pytestmark = pytest.mark.usefixtures("monday_morning")


async def at_the_contacts_name(bot: BotHarness) -> LocalClient:
    """王磊 with one customer, at the step of /contact that asks for the name."""
    wang = bot.user("王磊")
    await wang.send("/customer 华东电力设计院")
    await wang.press("新建")
    await wang.send("/contact")
    await wang.press("华东电力设计院")
    return wang


async def rep_with_customer(bot: BotHarness) -> LocalClient:
    wang = await at_the_contacts_name(bot)
    await wang.send("王建国 局长")
    await wang.send("13812345678")
    await wang.send("农历三月初八")
    return wang


async def test_adding_a_contact_step_by_step(bot: BotHarness) -> None:
    await rep_with_customer(bot)
    contact = await bot.scalar(select(Contact))
    assert (contact.name, contact.title, contact.salutation) == ("王建国", "局长", "王局长")
    assert contact.phones == ["13812345678"]
    assert (contact.birthday_month, contact.birthday_day, contact.birthday_lunar) == (3, 8, True)
    assert contact.birthday_next == date(2027, 4, 14)


async def test_a_guided_visit_from_the_card(bot: BotHarness) -> None:
    wang = await rep_with_customer(bot)
    await wang.send("/customer 华东电力设计院")
    first = await wang.press("记拜访")
    assert "记拜访 · 2/5" in first.text and "见了谁" in first.text
    await wang.press("王局长")
    await wang.press("完成选择")
    bad = await wang.send("好")
    assert bad.text.startswith("太短了,请至少写两个字。") and "例如:介绍了二期方案" in bad.text
    await wang.send("介绍了二期方案,对方关心价格")
    await wang.press("有进展")
    done = await wang.send("下周五")
    assert "✅ 拜访已记录到「华东电力设计院」。" in done.text
    assert "⏰ 已加跟进:12月4日(周五)" in done.text
    visit = await bot.scalar(select(Interaction))
    assert (visit.summary, visit.outcome) == ("介绍了二期方案,对方关心价格", "有进展")
    follow_up = await bot.scalar(select(FollowUp))
    assert follow_up.due_date == date(2026, 12, 4)


async def test_back_and_cancel_on_every_step(bot: BotHarness) -> None:
    wang = await rep_with_customer(bot)
    await wang.send("/followup")
    await wang.press("华东电力设计院")
    await wang.send("发报价单")
    back = await wang.press("上一步")
    assert "要跟进什么" in back.text
    cancelled = await wang.press("取消")
    assert cancelled.text == "已取消,没有保存。"
    assert await bot.scalar(select(func.count()).select_from(FollowUp)) == 0


async def test_a_restart_in_the_middle_of_a_guided_visit(bot: BotHarness) -> None:
    wang = await rep_with_customer(bot)
    await wang.send("/visit")
    await wang.press("华东电力设计院")
    await wang.press("跳过")
    await bot.restart()
    await wang.send("谈了合同细节")
    await wang.press("跳过")
    done = await wang.press("跳过")
    assert "✅ 拜访已记录到「华东电力设计院」。" in done.text
    assert await bot.scalar(select(Interaction.summary)) == "谈了合同细节"


async def test_a_follow_up_date_in_the_past_is_refused(bot: BotHarness) -> None:
    wang = await rep_with_customer(bot)
    await wang.send("/followup")
    await wang.press("华东电力设计院")
    await wang.send("打电话给王局长")
    past = await wang.send("上周五")
    assert past.text.startswith("这个日期已经过去了,请输入今天或以后的日期。")
    done = await wang.send("周五下午3点")
    assert "✅ 已加跟进:「华东电力设计院」11月27日(周五) 15:00 打电话给王局长" in done.text
    follow_up = await bot.scalar(select(FollowUp))
    assert follow_up.due_at is not None and follow_up.due_at.hour == 7  # 15:00 Shanghai in UTC


async def test_an_itinerary_and_a_birthday(bot: BotHarness) -> None:
    wang = await rep_with_customer(bot)
    await wang.send("/trip")
    await wang.press("华东电力设计院")
    await wang.press("王局长")
    await wang.send("北京")
    await wang.send("下周二到周四")
    done = await wang.send("开会")
    assert "✅ 已记下 王局长 的行程:12月1日–3日 北京" in done.text
    trip = await bot.scalar(select(Itinerary))
    assert (trip.starts_on, trip.ends_on) == (date(2026, 12, 1), date(2026, 12, 3))
    assert trip.purpose == "开会"
    await wang.send("/birthday")
    await wang.press("华东电力设计院")
    await wang.press("王局长")
    changed = await wang.send("5月20日")
    assert "✅ 已记下 王局长 的生日,下次是 2027年5月20日(周四)。" in changed.text


async def test_a_new_customer_flow(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("/newcustomer")
    await wang.send("上海建工集团")
    await wang.press("A 大且急")
    done = await wang.send("建筑")
    assert "✅ 已新建客户。" in done.text and "🏢 上海建工集团" in done.text
    customer = await bot.scalar(select(Customer))
    assert (customer.grade, customer.industry) == ("A", "建筑")


@pytest.mark.parametrize("word", ["跳过", "完成", "没有", "skip"])
async def test_a_required_step_refuses_skip_and_done(bot: BotHarness, word: str) -> None:
    """/newcustomer's name cannot be skipped: 跳过 typed there is no company (tryout #7)."""
    wang = bot.user("王磊")
    await wang.send("/newcustomer")
    refused = await wang.send(word)
    assert refused.text == (
        "这一步必须填写,不能跳过。\n新客户 · 1/3\n客户(公司)全称?\n例如:华东电力设计院"
    )
    assert await bot.scalar(select(func.count()).select_from(Customer)) == 0
    await wang.send("上海建工集团")
    await wang.press("跳过")
    done = await wang.send("跳过")  # the industry may be skipped
    assert "✅ 已新建客户。" in done.text and "🏢 上海建工集团" in done.text
    assert [c.name for c in await bot.scalars(select(Customer))] == ["上海建工集团"]


async def test_an_abandoned_flow_times_out_politely(bot: BotHarness) -> None:
    wang = await rep_with_customer(bot)
    job_queue = bot.application.job_queue
    assert job_queue is not None
    await job_queue.start()  # timeouts are jobs; the test runs the job instead of waiting
    try:
        await wang.send("/followup")
        jobs = [j for j in job_queue.jobs() if "timeout" in str(j.callback).lower()]
        assert len(jobs) == 1 and TIMEOUT_SECONDS == 1800
        first = len(bot.api.calls)
        await jobs[0].run(bot.application)
    finally:
        await job_queue.stop(wait=False)
    said = [c.text for c in bot.api.calls[first:] if c.method == "sendMessage"]
    assert said == ["「加跟进」30 分钟没有继续,已自动结束,没有保存。需要时再开始就好。"]


async def test_a_phone_number_typed_for_the_name_is_asked_again(bot: BotHarness) -> None:
    wang = await at_the_contacts_name(bot)
    again = await wang.send("13812345678")
    assert again.text == (
        "这一步写姓名和职务,电话在下一步填。\n加联系人 · 2/4\n联系人的姓名和职务?\n例如:王建国 局长"
    )
    assert (await wang.send("王建国 局长")).text.startswith("加联系人 · 3/4\n手机号?")


async def test_a_visit_takes_people_met_who_are_no_contact_yet(bot: BotHarness) -> None:
    """见了谁 (tryout6, item 2): a typed person, or ➕ 新联系人 then the name, becomes the
    customer's contact when the visit is saved; a known one typed is that contact."""
    wang = await rep_with_customer(bot)  # 华东电力设计院 with 王建国 局长
    await wang.send("/visit")
    asked = await wang.press("华东电力设计院")
    assert "新认识的人直接输入姓名和职务" in asked.text
    assert asked.buttons[:2] == ["👤 王局长", "➕ 新联系人"]
    picked = await wang.send("王明处长")
    assert picked.buttons[:3] == ["👤 王局长", "✅ 👤 王处长", "➕ 新联系人"]
    adding = await wang.press("新联系人")
    assert "新联系人叫什么?写姓名和职务,或怎么称呼。" in adding.text
    picked = await wang.send("李总")
    assert picked.buttons[:4] == ["👤 王局长", "✅ 👤 王处长", "✅ 👤 李总", "➕ 新联系人"]
    picked = await wang.send("王建国")  # already a contact: that one, not a new one
    assert picked.buttons[:4] == ["✅ 👤 王局长", "✅ 👤 王处长", "✅ 👤 李总", "➕ 新联系人"]
    refused = await wang.send("13812345678")
    assert refused.text.startswith("联系人的名字要 2–20 个字,不含数字。")
    await wang.press("完成选择")
    await wang.send("介绍了二期方案")
    await wang.press("跳过")
    done = await wang.press("跳过")
    assert "✅ 拜访已记录到「华东电力设计院」。" in done.text

    people = await bot.scalars(select(Contact).order_by(Contact.id))
    assert [(c.name, c.title, c.salutation) for c in people] == [
        ("王建国", "局长", "王局长"),
        ("王明", "处长", "王处长"),
        ("李总", "总", "李总"),
    ]
    visit = await bot.scalar(select(Interaction))
    met = await bot.scalar(
        select(func.count())
        .select_from(InteractionContact)
        .where(InteractionContact.interaction_id == visit.id)
    )
    assert met == 3


async def test_a_person_typed_at_a_visit_and_left_unpicked_is_not_added(bot: BotHarness) -> None:
    wang = await rep_with_customer(bot)
    await wang.send("/visit")
    await wang.press("华东电力设计院")
    await wang.send("张伟")
    unpicked = await wang.press("✅ 👤 张伟")
    assert "👤 张伟" in unpicked.buttons
    await wang.press("完成选择")
    await wang.send("介绍了二期方案")
    await wang.press("跳过")
    await wang.press("跳过")
    assert await bot.scalar(select(func.count()).select_from(Contact)) == 1
