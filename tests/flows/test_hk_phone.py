"""A phone the card shows as kept is not also said to be lost (tryout of 2026-12-02, item 8):
a Hong Kong mobile written 9123 4567 after 手機 is read with the whole note around it, and the
⚠️ line judges it the same way."""

import pytest
from sqlalchemy import select

from storage.models import Contact
from tests.conftest import BotHarness

pytestmark = pytest.mark.usefixtures("monday_morning")


@pytest.mark.parametrize(
    "note",
    [
        "琴日同九龍倉集團嘅陳生傾咗 佢手機 9123 4567 香港 陳生鍾意打高爾夫",
        "九龙仓集团陈经理 手机 9123 4567",
    ],
)
async def test_a_hong_kong_mobile_kept_is_not_said_to_be_lost(bot: BotHarness, note: str) -> None:
    chan = bot.user("陈嘉欣")
    card = await chan.send(note)
    assert "📞 +852 9123 4567" in card.text
    assert "⚠️ 电话没有记下" not in card.text
    await chan.press("保存")
    assert (await bot.scalar(select(Contact))).phones == ["+85291234567"]


async def test_a_number_no_plan_has_is_still_said_and_not_kept(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    card = await wang.send("九龙仓集团陈经理 手机 1381234567")
    assert "⚠️ 电话没有记下:「1381234567」手机号是 11 位,这里是 10 位。" in card.text
    await wang.press("保存")
    assert (await bot.scalar(select(Contact))).phones == []


async def test_a_phone_said_with_the_company_alone_is_kept_as_the_companys(
    bot: BotHarness,
) -> None:
    wang = bot.user("王磊")
    card = await wang.send("万科 电话 13912345678")
    assert "📞 139 1234 5678" in card.text and "⚠️" not in card.text
    await wang.press("保存")
    shown = await wang.send("/customer 万科")
    assert "电话:139 1234 5678" in shown.text
