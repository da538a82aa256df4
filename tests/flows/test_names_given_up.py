"""不要了, 不记了, 算了不记了 typed where a guided flow asks for a name leave the flow as 取消 does:
they were kept as the name (a customer or a contact called 不要了)."""

import pytest
from sqlalchemy import func, select

from bot.local_api import LocalClient
from storage.models import Contact, Customer
from tests.conftest import BotHarness

pytestmark = pytest.mark.usefixtures("monday_morning")

GIVING_UP = ["不要了", "不记了", "算了不记了", "别记了。"]


async def rep_with_a_customer(bot: BotHarness) -> LocalClient:
    wang = bot.user("王磊")
    await wang.send("/customer 华东电力设计院")
    await wang.press("新建")
    return wang


async def names(bot: BotHarness) -> set[str]:
    """Every customer's and contact's name kept."""
    async with bot.session() as session:
        customers = (await session.scalars(select(Customer.name))).all()
        contacts = (await session.scalars(select(Contact.name))).all()
    return {*customers, *contacts}


@pytest.mark.parametrize("words", GIVING_UP)
async def test_giving_up_at_the_new_customers_name(bot: BotHarness, words: str) -> None:
    wang = bot.user("王磊")
    asked = await wang.send("/newcustomer")
    assert "客户(公司)全称?" in asked.text
    reply = await wang.send(words)
    assert reply.text == "已取消。有需要随时找我。"
    assert await bot.scalar(select(func.count()).select_from(Customer)) == 0
    after = await wang.send("华东电力设计院")  # a note again, not the name asked for
    assert "客户等级?" not in after.text
    assert await bot.scalar(select(func.count()).select_from(Customer)) == 0


@pytest.mark.parametrize("words", GIVING_UP)
async def test_giving_up_at_a_new_contacts_name(bot: BotHarness, words: str) -> None:
    wang = await rep_with_a_customer(bot)
    await wang.send("/contact")
    asked = await wang.press("华东电力设计院")
    assert "联系人的姓名和职务?" in asked.text
    reply = await wang.send(words)
    assert reply.text == "已取消。有需要随时找我。"
    assert await names(bot) == {"华东电力设计院"}
    assert "手机号?" not in (await wang.send("13812345678")).text


async def test_giving_up_at_the_people_met_on_a_visit(bot: BotHarness) -> None:
    """见了谁's ➕ 新联系人, and a person typed straight at 见了谁."""
    wang = await rep_with_a_customer(bot)
    await wang.send("/visit")
    await wang.press("华东电力设计院")
    await wang.press("新联系人")
    assert (await wang.send("不记了")).text == "已取消。有需要随时找我。"
    await wang.send("/visit")
    asked = await wang.press("华东电力设计院")
    assert "见了谁?" in asked.text
    assert (await wang.send("不要了")).text == "已取消。有需要随时找我。"
    assert await names(bot) == {"华东电力设计院"}


async def test_giving_up_at_whose_birthday_and_at_which_customer(bot: BotHarness) -> None:
    """A name no contact has is a new contact at /birthday's 谁的生日?; at 是哪个客户? the words
    were looked up as a customer's name."""
    wang = await rep_with_a_customer(bot)
    await wang.send("/birthday")
    asked = await wang.press("华东电力设计院")
    assert "谁的生日?" in asked.text
    assert (await wang.send("算了不记了")).text == "已取消。有需要随时找我。"
    asked = await wang.send("/followup")
    assert "是哪个客户?" in asked.text
    assert (await wang.send("不要了")).text == "已取消。有需要随时找我。"
    assert await names(bot) == {"华东电力设计院"}


async def test_a_name_that_only_starts_so_is_a_name(bot: BotHarness) -> None:
    """Only the words alone give up: 不要了科技 is a company's name like any other."""
    wang = bot.user("王磊")
    await wang.send("/newcustomer")
    assert "客户等级?" in (await wang.send("不要了科技有限公司")).text
