"""A whole note typed while 姓名 is asked does not become the name (tryout of 2026-12-02, item
16): a long sentence, a date or a phone is refused in one line and the name is still awaited.
Monday 23 November 2026, 10:00 in Shanghai."""

import pytest
from sqlalchemy import select

from bot.local_api import LocalClient
from storage.models import Contact, Draft
from tests.conftest import BotHarness

pytestmark = pytest.mark.usefixtures("monday_morning")

NOT_A_NAME = "这看起来不像姓名。请只输入姓名,例如:王建国,或发 取消。"
TYPED = [
    "新鴻基 黃經理生日是農曆八月十五 佢個仔下個月10號生日",
    "王建国生日3月5日",
    "王建国 13812345678",
]


@pytest.mark.parametrize("typed", TYPED)
async def test_a_sentence_is_no_name_on_the_capture_card(bot: BotHarness, typed: str) -> None:
    wang = bot.user("王磊")
    await wang.send("华东电力设计院王局长 下周五跟进报价")
    await wang.press("修改")
    await wang.press("王局长 姓名")
    refused = await wang.send(typed)
    assert refused.text == NOT_A_NAME
    card = await wang.send("王建国")  # still waiting for the name
    assert "王建国" in card.text
    draft = await bot.scalar(select(Draft))
    assert draft.payload["contacts"][0]["name"] == "王建国"


async def _with_contact(bot: BotHarness) -> LocalClient:
    wang = bot.user("王磊")
    await wang.send("华东电力设计院王建国局长")
    await wang.press("保存")
    return wang


@pytest.mark.parametrize("typed", TYPED)
async def test_a_sentence_is_no_name_in_the_archive(bot: BotHarness, typed: str) -> None:
    wang = await _with_contact(bot)
    await wang.send("/customer 华东电力设计院")
    await wang.press("编辑资料")
    await wang.press("王局长")
    await wang.press("姓名")
    assert (await wang.send(typed)).text == NOT_A_NAME
    await wang.send("王建军")
    assert (await bot.scalar(select(Contact))).name == "王建军"


@pytest.mark.parametrize("name", ["欧阳娜娜", "Linda", "Christopher Smith"])
async def test_a_name_is_taken(bot: BotHarness, name: str) -> None:
    wang = await _with_contact(bot)
    await wang.send("/customer 华东电力设计院")
    await wang.press("编辑资料")
    await wang.press("王局长")
    await wang.press("姓名")
    await wang.send(name)
    assert (await bot.scalar(select(Contact))).name == name


async def test_contacts_name_step_refuses_a_sentence(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("/customer 华东电力设计院")
    await wang.press("新建")
    await wang.send("/contact")
    await wang.press("华东电力设计院")
    refused = await wang.send("黄经理生日是农历八月十五他儿子下个月生日")
    assert refused.text.startswith(NOT_A_NAME)
    asked = await wang.send("黄伟明 经理")
    assert "手机号?" in asked.text  # the name taken, the next step asked
