"""One rule for "is this the same customer?" (#14, must-have 3): quick capture, /customer and
/newcustomer, the manager's decision and imports all ask storage/matching.py.

A colleague's customer written another way is the first-recorded rule (the rep is told whose it
is and nothing of the file); a short name the rep confirms (华电院) is remembered for the team;
creating a near-duplicate of one's own customer asks first; an import shows such rows as
conflicts with the reason."""

from datetime import date

import pytest
from sqlalchemy import func, select

from bot.local_api import LocalClient
from storage.models import Contact, Customer, CustomerAlias, FollowUp, Grade, Interaction
from tests.builders import Archive, make_team, member_of
from tests.conftest import BotHarness
from tests.flows.test_archive import workbook

pytestmark = pytest.mark.usefixtures("monday_morning")


async def customers(bot: BotHarness) -> list[str]:
    return list(await bot.scalars(select(Customer.name).order_by(Customer.id)))


async def rep_with(bot: BotHarness, name: str) -> LocalClient:
    """A rep working alone who already has the customer `name`."""
    wang = bot.user("王磊")
    await wang.send("/start")
    await Archive(bot, await member_of(bot, wang)).customer(name)
    return wang


async def test_a_colleagues_customer_written_longer_is_the_first_recorded_rule(
    bot: BotHarness,
) -> None:
    team = await make_team(bot)
    wang = Archive(bot, await member_of(bot, team.wang))
    theirs = await wang.customer("华东电力设计院", Grade.A, address="上海市武宁路409号")
    await wang.contact(theirs, "王建国", salutation="王局长", today=date(2026, 11, 23))

    card = await team.zhang.send("拜访了华东电力设计研究院的李总工")
    assert "🏢 华东电力设计研究院(已由 王磊 负责)" in card.text
    told = await team.zhang.press("保存")
    assert told.text == (
        "「华东电力设计研究院」和同事 王磊 负责的客户是同一家(只是写法不同)。"
        "按先记录者负责的规则,不能重复建档,这条记录先存为草稿。要请经理决定归属吗?"
    )
    assert told.buttons == ["📨 请经理处理", "❌ 取消"]
    for secret in ("王建国", "王局长", "武宁路", "A类"):
        assert secret not in card.text + told.text
    asked = await team.zhang.press("请经理处理")
    assert asked.text == "已告诉经理。你的记录保留在草稿里,经理决定后再保存。"
    to_manager = asked.to(team.manager)
    assert to_manager.text == (
        "📨 张伟 想记录客户「华东电力设计研究院」,它可能就是 王磊 负责的「华东电力设计院」"
        "(先记录者)。请决定归属:"
    )
    assert to_manager.buttons == ["✅ 仍归 王磊", "🔁 改归 张伟"]
    assert await customers(bot) == ["华东电力设计院"]
    assert await bot.scalar(select(func.count()).select_from(Interaction)) == 0


async def test_a_short_name_is_asked_about_then_remembered_and_found(bot: BotHarness) -> None:
    wang = await rep_with(bot, "华东电力设计院")

    card = await wang.send("拜访了华电院的王局 聊了报价")
    assert "🏢 华电院(可能是已有客户,保存时确认)" in card.text
    asked = await wang.press("保存")
    assert asked.text == "「华电院」是下面这个已有客户吗?"
    assert asked.buttons == ["是「华东电力设计院」", "不是,新建「华电院」", "❌ 取消"]
    saved = await wang.press("是「华东电力设计院」")
    assert "✅ 已保存到「华东电力设计院」。" in saved.text

    found = await wang.send("/find 华电院")
    assert found.text.startswith("找到 1 个客户:")
    assert found.buttons == ["🏢 华东电力设计院"]
    again = await wang.send("华电院王局 周五报价")
    assert "🏢 华电院(即「华东电力设计院」)" in again.text
    saved = await wang.press("保存")
    assert "✅ 已保存到「华东电力设计院」。" in saved.text
    assert await customers(bot) == ["华东电力设计院"]
    follow_up = await bot.scalar(select(FollowUp))
    assert (follow_up.text, follow_up.customer_id) == ("报价", 1)


async def test_find_knows_a_short_name_once_confirmed(bot: BotHarness) -> None:
    wang = await rep_with(bot, "华东电力设计院")
    assert "没找到" in (await wang.send("/find 华电院")).text
    asked = await wang.send("/customer 华电院")
    assert asked.text == "「华电院」和已有客户「华东电力设计院」很像,是同一家吗?"
    assert asked.buttons == ["是「华东电力设计院」", "不是,新建「华电院」", "❌ 取消"]
    await wang.press("是「华东电力设计院」")
    found = await wang.send("/find 华电院")
    assert found.text == "找到 1 个客户:"
    assert found.buttons == ["🏢 华东电力设计院"]
    assert await customers(bot) == ["华东电力设计院"]


async def test_not_the_same_creates_it_and_remembers_nothing(bot: BotHarness) -> None:
    wang = await rep_with(bot, "华东电力设计院")
    await wang.send("拜访了华电院的王局 聊了报价")
    await wang.press("保存")
    done = await wang.press("不是,新建「华电院」")
    assert "✅ 已保存到「华电院」。" in done.text
    assert await customers(bot) == ["华东电力设计院", "华电院"]
    assert await bot.scalar(select(func.count()).select_from(CustomerAlias)) == 0
    found = await wang.send("/find 华电院")
    assert found.buttons == ["🏢 华电院"]


async def test_a_short_name_one_rep_confirmed_is_known_to_the_team(bot: BotHarness) -> None:
    team = await make_team(bot)
    await Archive(bot, await member_of(bot, team.wang)).customer("华东电力设计院")
    await team.wang.send("拜访了华电院的王局 聊了报价")
    await team.wang.press("保存")
    await team.wang.press("是「华东电力设计院」")

    card = await team.zhang.send("华电院李总工 下周三送资料")
    assert "(已由 王磊 负责)" in card.text
    told = await team.zhang.press("保存")
    assert "按先记录者负责的规则,不能重复建档" in told.text
    assert "📨 请经理处理" in told.buttons
    assigned = await team.manager.send("/assign 华电院 张伟")
    assert "✅ 「华东电力设计院」已从 王磊 改由 张伟 负责" in assigned.text
    assert await customers(bot) == ["华东电力设计院"]


async def test_a_guided_new_customer_like_one_of_yours_asks_first(bot: BotHarness) -> None:
    wang = await rep_with(bot, "华东电力设计院")
    await wang.send("/newcustomer")
    await wang.send("江苏省华东电力设计研究院有限公司")
    await wang.press("A 大且急")
    asked = await wang.send("电力设计")
    assert asked.text == (
        "「江苏省华东电力设计研究院有限公司」和已有客户「华东电力设计院」很像,是同一家吗?"
    )
    assert asked.buttons == [
        "是「华东电力设计院」",
        "不是,新建「江苏省华东电力设计研究院有限公司」",
        "❌ 取消",
    ]
    same = await wang.press("是「华东电力设计院」")
    assert same.text.startswith(
        "好的,「江苏省华东电力设计研究院有限公司」就是「华东电力设计院」,以后我会记得。"
    )
    assert await customers(bot) == ["华东电力设计院"]
    opened = await wang.send("/customer 江苏省华东电力设计研究院有限公司")
    assert "🏢 华东电力设计院" in opened.text


async def test_a_guided_new_customer_that_is_another_one_is_created_with_its_answers(
    bot: BotHarness,
) -> None:
    wang = await rep_with(bot, "华东电力设计院")
    await wang.send("/newcustomer")
    await wang.send("华北电力设计院")
    await wang.press("A 大且急")
    asked = await wang.send("电力设计")
    assert "「华北电力设计院」和已有客户「华东电力设计院」很像,是同一家吗?" in asked.text
    done = await wang.press("不是,新建「华北电力设计院」")
    assert done.text.startswith("✅ 已新建客户。\n🏢 华北电力设计院")
    created = await bot.scalar(select(Customer).where(Customer.name == "华北电力设计院"))
    assert (created.grade, created.industry) == ("A", "电力设计")


async def test_customer_command_for_a_colleagues_customer_written_otherwise(
    bot: BotHarness,
) -> None:
    team = await make_team(bot)
    await Archive(bot, await member_of(bot, team.wang)).customer("华东电力设计院")
    told = await team.zhang.send("/customer 華東電力設計研究院")
    assert told.text == (
        "「華東電力設計研究院」和同事 王磊 负责的客户是同一家(只是写法不同),"
        "按先记录者负责的规则,不能重复建档。要请经理决定归属吗?"
    )
    assert told.buttons == ["📨 请经理处理", "❌ 不用了"]
    asked = await team.zhang.press("请经理处理")
    assert "王磊 负责的「华东电力设计院」" in asked.to(team.manager).text
    assert await customers(bot) == ["华东电力设计院"]


async def test_an_import_shows_near_duplicates_as_conflicts(bot: BotHarness) -> None:
    team = await make_team(bot)
    await Archive(bot, await member_of(bot, team.wang)).customer("华东电力设计院")
    await Archive(bot, await member_of(bot, team.zhang)).customer("南京银行")
    content = workbook(
        [
            ["客户名称", "联系人", "职务"],
            ["华东电力设计研究院有限公司", "李明", "总工"],
            ["南京银行股份有限公司", "赵敏", "行长"],
            ["苏州水务", "刘强", "科长"],
        ]
    )
    preview = await team.wang.send_document("客户名单.xlsx", content)
    text = preview.text
    assert "📥 读到 1 行可用的记录" in text
    assert "⚠️ 有 2 行可能是已有的客户,不会导入:" in text
    assert (
        "· 第 2 行:「华东电力设计研究院有限公司」和已有客户「华东电力设计院」很像,可能是同一家。"
        "是的话请在文件里改用「华东电力设计院」,不是的话用 /customer 单独新建"
    ) in text
    assert "· 第 3 行:「南京银行股份有限公司」是同事 张伟 负责的客户(先记录者负责)" in text
    await team.wang.press("导入")
    assert await customers(bot) == ["华东电力设计院", "南京银行", "苏州水务"]
    assert list(await bot.scalars(select(Contact.name))) == ["刘强"]


async def test_a_short_name_inside_another_company_s_is_not_asked_about(bot: BotHarness) -> None:
    """Tryout 10: 中華電力 was offered as "是「华电集团」吗?" — 华电 in the middle of 中华电力 is
    no likeness; 中华电力 in either script is, and so is a short name confirmed before."""
    wang = await rep_with(bot, "华电集团")
    card = await wang.send("拜访了中華電力的陈经理 下周三送报价")
    assert "🏢 中華電力(新客户)" in card.text and "华电集团" not in card.text
    saved = await wang.press("保存")
    assert saved.text.startswith("✅ 已保存到「中華電力」。")
    assert await customers(bot) == ["华电集团", "中華電力"]
    again = await wang.send("中华电力陈经理 周五回电话")
    assert again.text.startswith("我记下了这些,确认保存吗?\n🏢 中华电力  👤 陈经理")  # known
    await wang.press("保存")
    assert await customers(bot) == ["华电集团", "中華電力"]
