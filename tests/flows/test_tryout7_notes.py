"""The note reader's items of the second tryout report (tryout 7: 1, 2, 3, 22), on the card
and in the archive (Monday 23 November 2026, 10:00)."""

import pytest
from sqlalchemy import func, select

from storage.models import Contact, FamilyMember, FollowUp
from tests.conftest import BotHarness

pytestmark = pytest.mark.usefixtures("monday_morning")


async def test_a_cantonese_birthday_is_his_and_the_sons_is_the_sons(bot: BotHarness) -> None:
    may = bot.user("May", language_code="zh-HK")
    await may.send("/start")
    card = await may.send("新鴻基 黃經理生日係農曆八月十五 佢個仔下個月10號生日 提我記得買禮物")
    assert "🎂 生日:農曆八月十五" in card.text
    assert "⏰" not in card.text  # no day to buy the gift was said: the birthdays remind
    await may.press("保存")
    wong = await bot.scalar(select(Contact))
    assert (wong.birthday_month, wong.birthday_day, wong.birthday_lunar) == (8, 15, True)
    son = await bot.scalar(select(FamilyMember))
    assert (son.relation, son.birthday_month, son.birthday_day) == ("儿子", 12, 10)
    assert await bot.scalar(select(FollowUp)) is None


async def test_a_meeting_at_an_hour_and_a_year_of_birth(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    card = await wang.send("顺丰吴总监 周四下午3点会 85年的")
    assert "⏰ 跟进:11月26日(周四) 15:00 和吴总开会" in card.text
    assert "ℹ️ 1985年生" in card.text
    await wang.press("保存")
    wu = await bot.scalar(select(Contact))
    assert (wu.birthday_year, wu.birthday_month) == (1985, None)
    profile = await wang.send("/customer 顺丰")
    assert "🎂 1985年生" in profile.text


async def test_mr_chan_of_wharf_is_the_one_already_filed(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("琴日同九龍倉集團嘅陳生傾咗 佢話下個月再傾")
    await wang.press("保存")
    card = await wang.send("刚才给九龙仓陈生打了电话 他说下周再谈")
    assert "🏢 九龙仓(可能是已有客户,保存时确认)  👤 陈生" in card.text
    asked = await wang.press("保存")
    assert asked.text == "「九龙仓」是下面这个已有客户吗?"
    # the customer keeps the name as typed (九龍倉集團); 陈生 is its only 陈生: nothing more to ask
    saved = await wang.press("是「九龍倉集團」")
    assert saved.text.startswith("✅ 已保存到「九龍倉集團」。")
    assert await bot.scalar(select(func.count()).select_from(Contact)) == 1
