"""Renaming a contact (tryout 7 #19): every line built from the old name follows — the card's
heading, the 修改 menu, the ℹ️ role line —, a form of address made from the old name is made
again from the new one, and one the rep typed stays."""

import pytest
from sqlalchemy import select

from storage.models import Contact
from tests.conftest import BotHarness

pytestmark = pytest.mark.usefixtures("monday_morning")


async def test_a_renamed_contact_is_called_by_the_new_name_everywhere(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    card = await wang.send("万科 张总和采购部的刘经理 刘经理负责采购 张总拍板 下周二再约")
    assert "ℹ️ 张总:" in card.text  # 张总's role, as the note was read
    await wang.press("修改")
    await wang.press("张总 姓名")
    card = await wang.send("Linda")
    assert "👤 Linda 🔑、刘经理" in card.text
    assert "ℹ️ Linda:" in card.text
    assert "张总" not in card.text and "Linda 总" not in card.text
    menu = await wang.press("修改")
    assert "👤 Linda 姓名" in menu.buttons and "👤 张总 姓名" not in menu.buttons
    await wang.press("Linda 姓名")
    card = await wang.send("李明")  # 总 went with 张: nothing of it is left
    assert "👤 李明 🔑、刘经理" in card.text and "ℹ️ 李明:" in card.text
    await wang.press("保存")

    await wang.send("/customer 万科")
    await wang.press("编辑资料")
    await wang.press("刘经理")
    await wang.press("姓名")
    opened = await wang.send("王芳")  # the address made from the old name is made again
    assert "王芳 经理(王经理)" in opened.text
    # no one is called 刘经理 any more (the note quoted under 最近记录 keeps the words as typed)
    people = opened.text.split("👤 联系人")[1].split("📝")[0]
    assert "王芳 经理(王经理)" in people and "刘经理" not in people
    await wang.press("编辑资料")
    await wang.press("李明")
    await wang.press("称呼")
    await wang.send("明哥")  # typed by the rep: it stays through a rename
    await wang.press("编辑资料")
    await wang.press("明哥")
    await wang.press("姓名")
    opened = await wang.send("李明华")
    assert "李明华(明哥)" in opened.text
    names = {(c.name, c.surname, c.salutation) for c in await bot.scalars(select(Contact))}
    assert names == {("王芳", "王", "王经理"), ("李明华", "李", "明哥")}
