"""A guided step that cannot use an answer says why and what to type (tryout report, item 18),
and the flow waits on the same step."""

import pytest
from sqlalchemy import func, select

from bot.local_api import LocalClient
from storage.models import Customer, FollowUp
from tests.conftest import BotHarness

pytestmark = pytest.mark.usefixtures("monday_morning")


async def at_the_follow_ups_date(bot: BotHarness) -> LocalClient:
    wang = bot.user("王磊")
    await wang.send("/customer 华东电力设计院")
    await wang.press("新建")
    await wang.send("/followup")
    await wang.send("华东电力设计院")
    await wang.send("发报价单给王局长")
    return wang


async def test_a_date_no_calendar_has_is_named(bot: BotHarness) -> None:
    wang = await at_the_follow_ups_date(bot)
    refused = await wang.send("2月30日")
    assert refused.text.startswith("「2月30日」没有这一天,请再说一次。")
    asked = await wang.send("后天下午25点")
    assert asked.text.startswith("「25点」不是有效的时间,请再说一次。")
    asked = await wang.send("随便吧")
    assert asked.text.startswith("没看懂这个日期,请换个说法。")
    assert "什么时候?" in asked.text  # the same step, asked again
    done = await wang.send("12月4日下午3点")
    assert "✅ 已加跟进" in done.text
    assert await bot.scalar(select(func.count()).select_from(FollowUp)) == 1


async def test_a_follow_up_in_the_past_is_refused_with_why(bot: BotHarness) -> None:
    wang = await at_the_follow_ups_date(bot)
    refused = await wang.send("昨天")
    assert refused.text.startswith("这个日期已经过去了,请输入今天或以后的日期。")
    assert "这个回答我没法用" not in refused.text


async def test_a_trip_that_ends_before_it_starts(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("华东电力设计院王局长 下周五跟进报价")
    await wang.press("保存")
    await wang.send("/trip")
    await wang.send("华东电力设计院")
    await wang.press("王局长")
    await wang.send("北京")
    refused = await wang.send("12月20日到12月18日")
    assert refused.text.startswith("结束日期早于开始日期,请重新输入。")


async def test_a_new_customers_name_too_long_or_only_emoji(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("/newcustomer")
    refused = await wang.send("华" * 320)
    assert refused.text.startswith("客户名太长了(最多 100 个字)。")
    refused = await wang.send("😀")
    assert refused.text.startswith("请用文字回答,表情和符号记不下来。")
    assert await bot.scalar(select(func.count()).select_from(Customer)) == 0


async def test_a_customer_nobody_has_says_so(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("/followup")
    refused = await wang.send("万科")
    assert refused.text.startswith("没有找到客户「万科」。新客户请先发 /newcustomer 建档。")


async def test_a_traditional_rep_is_asked_in_traditional(bot: BotHarness) -> None:
    """Tryout report, item 20: the customer question of /visit, /followup and /deal."""
    chen = bot.user("陳志明", language_code="zh-hk")
    await chen.send("/newcustomer")
    await chen.send("九龍倉集團")
    await chen.press("跳過")
    await chen.press("跳過")
    for command in ("/visit", "/followup", "/deal"):
        asked = await chen.send(command)
        assert "是哪個客戶?點下面的按鈕,或輸入客戶名。" in asked.text, command
    await chen.send("/visit")
    met = await chen.send("九龍倉集團")
    assert "見了誰?可以選幾位,新認識的人直接輸入姓名和職務。選完點「完成選擇」。" in met.text
    await chen.send("/followup")
    refused = await chen.send("萬科")
    assert refused.text.startswith("沒有找到客戶「萬科」。")
