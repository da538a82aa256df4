"""A contact known only as 张总 or 刘经理 is named once, the same way on the capture card, the
customer card, the customer's copy of a 会谈纪要 and the export — never 张总 总 (tryout of
2026-12-02, item 19). Monday 23 November 2026, 10:00 in Shanghai."""

import io

import openpyxl
import pytest
from docx import Document

from tests.conftest import BotHarness

pytestmark = pytest.mark.usefixtures("monday_morning")

VISIT = "拜访了万科的张总和采购部的刘经理,刘经理负责采购,张总拍板。A类客户"


async def test_zhang_zong_and_liu_jingli_are_named_once_everywhere(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    card = await wang.send(VISIT)
    assert "👤 张总 🔑、刘经理" in card.text  # 张总 will be a key leader: said
    assert "ℹ️ 张总:拍板人" in card.text
    assert "ℹ️ 刘经理:负责采购" in card.text  # a role, not a title after the name
    await wang.press("保存")

    customer = await wang.send("/customer 万科")
    assert "· 张总 🔑 · 拍板人" in customer.text
    assert "· 刘经理 · 负责采购" in customer.text
    assert "张总 总" not in customer.text and "刘经理 经理" not in customer.text

    await wang.send("/minutes")
    await wang.press("写纪要 1")
    await wang.send("双方就办公楼项目交换了意见。\n下一步:我方下周提交方案。")
    copy = await wang.press("生成给客户的纪要")
    assert "客户方:万科:张总、刘经理\n" in copy.messages[0].text
    [document] = copy.documents
    cells = [
        [c.text for c in row.cells] for row in Document(io.BytesIO(document.content)).tables[0].rows
    ]
    assert ["客户方", "万科:张总、刘经理"] in cells

    await wang.send("/export")
    export = await wang.press("Excel")
    [book] = export.documents
    sheet = openpyxl.load_workbook(io.BytesIO(book.content))["联系人"]
    rows = {row[1]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows["张总"][2:4] == (None, "张总")  # 职务: 总 is how he is spoken to, not a job
    assert rows["刘经理"][2:4] == ("经理", "刘经理")


async def test_a_named_contact_keeps_name_title_and_address(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    card = await wang.send("华东电力设计院采购部经理赵敏 手机13912345678")
    assert "👤 赵敏 采购部经理(赵经理)" in card.text
    await wang.press("保存")
    customer = await wang.send("/customer 华东电力设计院")
    assert "· 赵敏 采购部经理(赵经理) · 负责采购 · 📞 139 1234 5678" in customer.text
