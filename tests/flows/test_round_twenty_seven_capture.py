"""Round twenty-seven through the real Application (Monday 23 November 2026, 10:00): a card's
name spaced out after its title keeps the person and the numbers together; a rare surname
before a title is a contact, not "?"; a workshop then its head is the head; a meal, a call and a
visit said in words the reader did not know are saved as what happened today; a date of Taiwan's
Republic era (民國115年) is this year's, and the visit on it a reminder."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from storage.models import Contact, Customer, FollowUp, Interaction
from tests.conftest import BotHarness

pytestmark = pytest.mark.usefixtures("monday_morning")


async def test_a_card_with_the_name_spaced_after_its_title(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    card = await wang.send(
        "阿勒泰地区 喀纳斯景区管理委员会\n规划建设处\n副处长  巩 晓 峰\n"
        "办公：0906-6322 108  手机：199 0906 3581"
    )
    assert "巩晓峰" in card.text and "👤 ?" not in card.text
    await wang.press("保存")
    contact = await bot.scalar(select(Contact))
    assert (contact.name, contact.title) == ("巩晓峰", "副处长")
    assert "19909063581" in contact.phones


async def test_a_rare_surname_is_a_contact(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    card = await wang.send("中午在微信上跟淇河矿山机械的眭经理确认了掘进机截齿的单价")
    assert "眭经理" in card.text
    await wang.press("保存")
    assert [c.salutation for c in await bot.scalars(select(Contact))] == ["眭经理"]
    assert [c.name for c in await bot.scalars(select(Customer))] == ["淇河矿山机械"]


async def test_the_head_of_a_workshop(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("红水河糖业制炼车间韦主任打电话来，说离心机滤网还差三百张没到")
    await wang.press("保存")
    assert [c.salutation for c in await bot.scalars(select(Contact))] == ["韦主任"]


async def test_a_visit_shown_round_and_a_meal_of_the_year_end(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    card = await wang.send("今天在恩施的硒都富硒茶业，行政部田经理带我看了新茶厂的厂房")
    assert "⏰" not in card.text
    await wang.press("保存")
    await wang.send("今晚跟平果铝业的覃总吃了年饭，覃总说节后第一批招标在三月初挂网")
    await wang.press("保存")
    done = [(i.kind, i.occurred_at.date()) for i in await bot.scalars(select(Interaction))]
    assert sorted(done) == [("meal", date(2026, 11, 23)), ("visit", date(2026, 11, 23))]
    assert await bot.count(FollowUp) == 0


async def test_a_taiwan_date_of_the_republic_era_is_a_visit_ahead(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    card = await wang.send("民國115年12月8日 上午十點 到工研院拜訪吳所長")
    assert "⏰" in card.text  # a reminder, not a visit done today
    await wang.press("保存")
    assert await bot.count(Interaction) == 0
    task = await bot.scalar(select(FollowUp))
    assert task.due_date == date(2026, 12, 8)
