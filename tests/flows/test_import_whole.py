"""Import that loses nothing silently (#14, must-have 6): header synonyms (also Traditional
and English), phones in any common format, 备注 and unknown columns kept as the customer's
note and listed, the first rows shown as they will be saved."""

import pytest
from sqlalchemy import select

from storage.models import Contact, Customer
from tests.conftest import BotHarness
from tests.flows.test_archive import workbook

pytestmark = pytest.mark.usefixtures("monday_morning")


async def test_phone_number_column_dashes_notes_and_unknown_columns(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    content = workbook(
        [
            ["客户名称", "联系人", "职务", "手机号码", "备注", "部门"],
            ["上海建工集团", "张伟", "总经理", "138-1234-5678", "年底预算紧", "工程部"],
            ["南京银行", "赵敏", "行长", "+86 139 0000 1111", None, None],
            ["苏州水务", "刘强", "科长", "13700002222", "说话直", "采购部"],
        ]
    )
    preview = await wang.send_document("客户名单.xlsx", content)
    text = preview.text
    assert "📥 读到 3 行可用的记录" in text
    assert "第 2 行:上海建工集团 · 张伟 总经理 · 138 1234 5678 · 年底预算紧;部门:工程部" in text
    assert "第 3 行:南京银行 · 赵敏 行长 · 139 0000 1111" in text
    assert "📝 这些列没有对应的栏目,内容存为客户备注:部门" in text
    assert "手机号不对" not in text
    await wang.press("导入")
    phones = await bot.scalars(select(Contact.phones).order_by(Contact.id))
    assert phones == [["13812345678"], ["13900001111"], ["13700002222"]]
    note = await bot.scalar(select(Customer.notes).where(Customer.name == "上海建工集团"))
    assert note == "年底预算紧;部门:工程部"


@pytest.mark.parametrize(
    "header",
    [
        ["客戶名稱", "聯絡人", "手機號碼"],
        ["Company Name", "Contact Name", "Mobile Phone"],
        ["公司", "姓名", "移动电话"],
        ["单位名称", "联系人", "电话"],
    ],
)
async def test_header_words_in_any_form(bot: BotHarness, header: list[object]) -> None:
    wang = bot.user("王磊")
    content = workbook([header, ["上海建工集团", "张伟", "138 1234 5678"]])
    preview = await wang.send_document("list.xlsx", content)
    assert "第 2 行:上海建工集团 · 张伟 · 138 1234 5678" in preview.text
    await wang.press("导入")
    assert await bot.scalar(select(Contact.phones)) == ["13812345678"]


async def test_a_department_title_is_addressed_by_its_rank(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    content = workbook([["客户名称", "联系人", "职务"], ["苏州水务", "刘强", "采购部经理"]])
    await wang.send_document("list.xlsx", content)
    await wang.press("导入")
    contact = await bot.scalar(select(Contact))
    assert (contact.title, contact.salutation) == ("采购部经理", "刘经理")
