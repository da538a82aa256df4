"""Round forty-seven through the real Application: the rep named on a pasted chat's lines is
no contact and the chat is a WeChat contact had; a leader's stops told by his secretary are
his itinerary, not the rep's reminders; a sitting moved to a new day is reminded of there; a
sales manager of the rep's side is no contact; a rival said with 也在竞争 goes to the archive."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import time_machine
from sqlalchemy import select

from storage.models import Contact, Customer, FollowUp, Interaction, InteractionKind, Itinerary
from tests.conftest import BotHarness

SH = ZoneInfo("Asia/Shanghai")


async def test_the_rep_named_on_a_chats_lines_is_no_contact(bot: BotHarness) -> None:
    with time_machine.travel(datetime(2026, 10, 20, 12, 10, tzinfo=SH), tick=False):
        wei = bot.user("韦强")
        await wei.send(
            "2026/10/19 20:31 碧桂园服务 谢总：小韦，你们的保洁机器人我想先试用一个月\n"
            "2026/10/19 20:35 小韦：没问题谢总，我这周四送两台过去\n"
            "2026/10/19 20:36 碧桂园服务 谢总：好，找我们工程部的石经理对接，电话13699887412\n"
            "2026/10/19 20:37 小韦：好的"
        )
        await wei.press("保存")
        names = sorted(c.salutation or "" for c in await bot.scalars(select(Contact)))
        assert names == ["石经理", "谢总"]
        (had,) = list(await bot.scalars(select(Interaction)))
        assert had.kind == InteractionKind.WECHAT
        (task,) = list(await bot.scalars(select(FollowUp)))
        assert task.due_date == date(2026, 10, 22)


async def test_a_leaders_stops_are_his_itinerary(bot: BotHarness) -> None:
    with time_machine.travel(datetime(2027, 1, 18, 9, 0, tzinfo=SH), tick=False):
        wang = bot.user("王磊")
        await wang.send("东方航空物资公司周总秘书说周总下周一去成都、周三去昆明、周五去西安。")
        await wang.press("保存")
        assert list(await bot.scalars(select(FollowUp))) == []
        stops = sorted((i.starts_on, i.place) for i in await bot.scalars(select(Itinerary)))
        assert stops == [
            (date(2027, 1, 25), "成都"),
            (date(2027, 1, 27), "昆明"),
            (date(2027, 1, 29), "西安"),
        ]


async def test_a_sitting_moved_is_reminded_on_its_new_day(bot: BotHarness) -> None:
    with time_machine.travel(datetime(2026, 7, 2, 12, 0, tzinfo=SH), tick=False):
        wang = bot.user("王磊")
        await wang.send("刚跟顺丰的采购经理龙经理微信沟通，下周一的商务谈判改到下周二上午10点。")
        await wang.press("保存")
        (task,) = list(await bot.scalars(select(FollowUp)))
        assert task.due_at is not None
        assert task.due_at.astimezone(SH) == datetime(2026, 7, 7, 10, 0, tzinfo=SH)


async def test_a_sales_manager_of_ours_is_no_contact(bot: BotHarness) -> None:
    with time_machine.travel(datetime(2026, 7, 16, 13, 0, tzinfo=SH), tick=False):
        wang = bot.user("王磊")
        await wang.send(
            "区域经理张姐说下周二她陪我去见中车青岛四方的严所长，我先把严所长的资料整理好发她。"
        )
        await wang.press("保存")
        names = [c.salutation for c in await bot.scalars(select(Contact))]
        assert names == ["严所长"]


async def test_one_more_in_the_race_is_archived_as_a_rival(bot: BotHarness) -> None:
    with time_machine.travel(datetime(2026, 3, 9, 14, 55, tzinfo=SH), tick=False):
        wang = bot.user("王磊")
        await wang.send(
            "昨天晚上给弗迪电池的刘工打了电话，周五前把资质文件发给刘工。星云股份也在竞争。"
        )
        await wang.press("保存")
        (customer,) = list(await bot.scalars(select(Customer)))
        assert customer.name == "弗迪电池"
        assert customer.competitors == "星云股份"
