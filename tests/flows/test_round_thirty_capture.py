"""Round thirty through the real Application (Monday 23 November 2026, 10:00): a firm named
wrongly and corrected at once in dictation is saved under the corrected name; a bare weekday said
right after next week's range is that week's day; a surname spelled with a word before the full
name keeps the full name and adds no one; the customer's own reply promised in their chat line is
no task of the rep's; a QQ number on a card is no phone; a lady named after her title is one
contact."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from storage.models import Contact, Customer, FollowUp, Itinerary
from tests.conftest import BotHarness

pytestmark = pytest.mark.usefixtures("monday_morning")

SH = ZoneInfo("Asia/Shanghai")


async def test_a_firm_corrected_at_once(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    card = await wang.send("嗯今天去了云南白药 不是 是百耀农业 见了段总 聊了滴灌设备")
    assert "百耀农业" in card.text
    await wang.press("保存")
    assert [c.name for c in await bot.scalars(select(Customer))] == ["百耀农业"]


async def test_a_weekday_after_next_weeks_range(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    card = await wang.send("鼎立建设的房总下周二到周四在北京开会，周五回来，我周五下午去找他")
    assert "12月4日" in card.text
    await wang.press("保存")
    task = await bot.scalar(select(FollowUp))
    assert task.due_at == datetime(2026, 12, 4, 14, 0, tzinfo=SH)
    trip = await bot.scalar(select(Itinerary))
    assert (trip.place, trip.starts_on, trip.ends_on) == (
        "北京",
        date(2026, 12, 1),
        date(2026, 12, 3),
    )


async def test_a_spelled_surname_before_the_full_name(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    card = await wang.send("明天给德立希电器的谷总 谷雨的谷 谷志刚 送点样品过去")
    assert "谷雨" not in card.text
    await wang.press("保存")
    assert [(c.name, c.title) for c in await bot.scalars(select(Contact))] == [("谷志刚", "总")]


async def test_their_reply_promised_in_their_line(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send(
        "瀚海科技 邓经理\n邓经理 14:22 报价单收到了，你们的交期太长\n"
        "我 14:25 邓经理，我们可以加急到30天\n邓经理 14:40 我请示一下领导，明天回你"
    )
    await wang.press("保存")
    assert await bot.count(FollowUp) == 0


async def test_a_qq_number_is_no_phone(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send(
        "江苏恒润重工股份有限公司\n设备部 经理\n戚 永 康\n"
        "Tel：0510-8661 2288-8803\nMob：135 0152 7788\nQQ：376615209"
    )
    await wang.press("保存")
    contact = await bot.scalar(select(Contact))
    assert contact.name == "戚永康"
    assert not any(p.startswith("+60") for p in contact.phones)


async def test_a_lady_after_her_title_is_one_contact(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send(
        "跟光明乳业的马总、财务总监葛女士吃了饭，葛女士电话13611112222，下周一把对账单发给葛女士"
    )
    await wang.press("保存")
    got = sorted((c.surname, c.title, c.phones) for c in await bot.scalars(select(Contact)))
    assert got == [("葛", "财务总监", ["13611112222"]), ("马", "总", [])]
