"""Round eleven's reader fixes as a rep meets them (tryout 13), through the real Application:
what the card echoes is what is saved. Monday 23 November 2026, 10:00 in Shanghai."""

import pytest
from sqlalchemy import select

from storage.models import Contact, FollowUp, Itinerary
from tests.conftest import BotHarness

pytestmark = pytest.mark.usefixtures("monday_morning")


async def test_a_birthday_corrected_as_lunar_after_the_day_is_saved_lunar(
    bot: BotHarness,
) -> None:
    wang = bot.user("王磊")
    await wang.send("江苏省气象局王局长生日是3月20号")
    await wang.press("修改")
    await wang.press("🎂 生日")
    fixed = await wang.send("应该是3月2号 农历的")
    assert "🎂 生日:农历三月初二" in fixed.text  # it had been a solar 3月2日
    await wang.press("保存")
    contact = await bot.scalar(select(Contact))
    assert (contact.birthday_month, contact.birthday_day, contact.birthday_lunar) == (3, 2, True)


async def test_two_peoples_roles_in_a_run_on_note_go_to_whom_they_were_said_of(
    bot: BotHarness,
) -> None:
    wang = bot.user("王磊")
    card = await wang.send(
        "那个今天跟江苏省气象局的王局还有他们信息处的赵处长一起吃了个饭 "
        "赵处长是技术把关的 王局说了算"
    )
    assert "ℹ️ 王局长:拍板人" in card.text and "ℹ️ 赵处长:影响者" in card.text
    await wang.press("保存")
    saved = await bot.scalars(select(Contact).order_by(Contact.surname))
    assert [(c.surname, c.decision_role) for c in saved] == [
        ("王", "decision_maker"),
        ("赵", "influencer"),
    ]


async def test_a_call_from_two_oclock_on_is_reminded_at_two(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    card = await wang.send("华润置地岑小姐说周五下午两点后再联系她 她在开会")
    assert "⏰ 跟进:11月27日(周五) 14:00 联系岑小姐" in card.text  # no reminder had been read
    await wang.press("保存")
    assert await bot.scalar(select(FollowUp.text)) == "联系岑小姐"


async def test_tan_zong_is_a_person_and_his_hobby_is_kept(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    card = await wang.send("万科的谈总喜欢钓鱼 酒量很好")
    assert "👤 谈总" in card.text and "👤 ?" not in card.text
    await wang.press("保存")
    contact = await bot.scalar(select(Contact))
    assert (contact.surname, contact.title, contact.hobbies) == ("谈", "总", "钓鱼")


async def test_a_leaders_trip_to_a_city_is_a_trip_not_the_reps_errand(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    card = await wang.send("万科的赵总下周三要去成都，大概待三天")
    assert "✈️ 行程" in card.text and "⏰" not in card.text
    await wang.press("保存")
    trip = await bot.scalar(select(Itinerary))
    assert (trip.place, trip.starts_on.isoformat()) == ("成都", "2026-12-02")
    assert await bot.scalar(select(FollowUp.id)) is None
