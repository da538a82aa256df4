"""Round thirty-one through the real Application (Monday 23 November 2026, 10:00): a surname
said twice in dictation is one engineer with the phone told (and 下 礼拜 礼拜 四 next week's
Thursday); an hour corrected after its task
moves the task; a firm in Taiwan's corner brackets is the customer; someone's trip before the
rep's own errand leaves one task, the rep's; their money coming is no task; a telegraphic 今访 is
today's visit."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from storage.models import Contact, Customer, FollowUp, Interaction, InteractionKind, Itinerary
from tests.conftest import BotHarness

pytestmark = pytest.mark.usefixtures("monday_morning")

SH = ZoneInfo("Asia/Shanghai")


async def test_a_surname_said_twice_in_dictation(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send(
        "嗯 那个 记 一下 宝武 钢铁 湛江 基地 的 门 门工 手机 号 幺 三 七 二 八 八 五 零 零 九 九"
        " 下 礼拜 礼拜 四 上午 过去 看 现场"
    )
    await wang.press("保存")
    contact = await bot.scalar(select(Contact))
    assert (contact.salutation, contact.phones) == ("门工", ["13728850099"])
    task = await bot.scalar(select(FollowUp))
    assert task.due_at == datetime(2026, 12, 3, 9, 0, tzinfo=SH)


async def test_an_hour_corrected_after_its_task(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    card = await wang.send(
        "那个给我记一下 明天上午十点 给华润燃气的张宗打电话 哦不对 是十点半 问一下他们那个流量计的招标进度"
    )
    assert "10:30" in card.text
    await wang.press("保存")
    tasks = list(await bot.scalars(select(FollowUp)))
    assert [t.due_at for t in tasks] == [datetime(2026, 11, 24, 10, 30, tzinfo=SH)]


async def test_a_firm_in_corner_brackets(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("今天到屏東東港拜訪鮪魚加工的「東隆漁產」，和品管課的侯課長談溫度記錄器")
    await wang.press("保存")
    assert [c.name for c in await bot.scalars(select(Customer))] == ["東隆漁產"]


async def test_someones_trip_before_the_reps_errand(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("厦门建发物流的钟总周五要去上海，下周一回，下周二我去厦门面谈合同补充条款。")
    await wang.press("保存")
    tasks = list(await bot.scalars(select(FollowUp)))
    assert [(t.due_date, t.text) for t in tasks] == [(date(2026, 12, 1), "去厦门面谈合同补充条款")]
    trip = await bot.scalar(select(Itinerary))
    assert (trip.place, trip.starts_on, trip.ends_on) == (
        "上海",
        date(2026, 11, 27),
        date(2026, 11, 30),
    )


async def test_their_money_coming_is_no_task(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send(
        "跟盛世家具的花总打了个电话 她说上个月的货款这礼拜内打过来 我下礼拜一查一下到账没有"
    )
    await wang.press("保存")
    tasks = list(await bot.scalars(select(FollowUp)))
    assert [(t.due_date, t.text) for t in tasks] == [(date(2026, 11, 30), "查一下到账没有")]


async def test_a_telegraphic_visit_today(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("三一姚工 今访 样品OK")
    await wang.press("保存")
    visit = await bot.scalar(select(Interaction))
    assert visit.kind == InteractionKind.VISIT
    assert visit.occurred_at.astimezone(SH).date() == date(2026, 11, 23)
