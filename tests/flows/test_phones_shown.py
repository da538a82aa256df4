"""Phone numbers are shown as people write them, never as they are kept (tryout of 2026-12-03,
item 1): 025-8456 3210 转 8012, not 02584563210;ext=8012; +852 9123 4567, not +85291234567.
The archive keeps them as it did; a Hong Kong team reads its own numbers without +852."""

import io

import openpyxl
import pytest
from sqlalchemy import select

from storage.models import Contact, Customer
from tests.conftest import BotHarness

pytestmark = pytest.mark.usefixtures("monday_morning")

NOTE = "拜访了万科的王建国总经理 座机025-84563210转8012 香港手机 9123 4567"


async def test_a_landline_with_extension_and_a_hong_kong_mobile_read_as_written(
    bot: BotHarness,
) -> None:
    wang = bot.user("王磊")
    card = await wang.send(NOTE)
    assert "📞 025-8456 3210 转 8012、+852 9123 4567" in card.text
    await wang.press("保存")
    contact = await bot.scalar(select(Contact))
    assert contact.phones == ["02584563210;ext=8012", "+85291234567"]  # kept as before

    shown = await wang.send("/customer 万科")
    assert "📞 025-8456 3210 转 8012、+852 9123 4567" in shown.text
    assert "02584563210" not in shown.text and "+85291234567" not in shown.text
    profile = await wang.press("完整档案")
    assert "电话:025-8456 3210 转 8012、+852 9123 4567" in profile.text

    await wang.send("万科王总 手机13812345678")
    saved = await wang.press("保存")
    assert (
        "✏️ 王总电话:025-8456 3210 转 8012、+852 9123 4567 → "
        "025-8456 3210 转 8012、+852 9123 4567、138 1234 5678(旧值已记入历史)"
    ) in saved.text


async def test_the_company_line_in_the_echo_the_card_the_log_and_the_edit_prompt(
    bot: BotHarness,
) -> None:
    wang = bot.user("王磊")
    await wang.send("万科 电话 021-63210000")
    await wang.press("保存")
    await wang.send("万科 电话 13912345678")
    saved = await wang.press("保存")
    assert "✏️ 总机:021-6321 0000 → 139 1234 5678(旧值已记入历史)" in saved.text
    card = await wang.press("查看客户")
    assert "电话:139 1234 5678" in card.text
    await wang.press("完整档案")
    log = await wang.press("修改记录")
    assert "总机 021-6321 0000 → 139 1234 5678" in log.text
    await wang.press("⬅️ 完整档案")
    await wang.press("编辑资料")
    prompt = await wang.press("总机")
    assert "总机现在是:139 1234 5678" in prompt.text


async def test_a_hong_kong_team_reads_its_own_numbers_without_852(bot: BotHarness) -> None:
    chan = bot.user("陈嘉欣")
    await chan.send("/newteam 香港销售部")
    await chan.send("/teamsettings")
    await chan.press("时区")
    await chan.press("香港")
    card = await chan.send(NOTE)
    assert "📞 +86 25 8456 3210 转 8012、9123 4567" in card.text


async def test_other_languages_say_the_extension_their_way(bot: BotHarness) -> None:
    alan = bot.user("Alan", language_code="en")
    card = await alan.send(NOTE)
    assert "📞 025-8456 3210 ext. 8012、+852 9123 4567" in card.text


async def test_the_export_writes_numbers_an_import_reads_back(bot: BotHarness) -> None:
    """Even a Hong Kong team's file writes +852: an import reads a number without a country
    code as a Mainland one first."""
    chan = bot.user("陈嘉欣")
    await chan.send("/newteam 香港销售部")
    await chan.send("/teamsettings")
    await chan.press("时区")
    await chan.press("香港")
    await chan.send(NOTE)
    await chan.press("保存")
    await chan.send("/export")
    [document] = (await chan.press("Excel")).documents
    book = openpyxl.load_workbook(io.BytesIO(document.content))
    contacts = list(book["联系人"].iter_rows(values_only=True))
    assert contacts[1][4] == "025-8456 3210 转 8012、+852 9123 4567"

    sheet = openpyxl.Workbook()
    rows = sheet.active
    assert rows is not None
    rows.append(["客户名称", "姓名", "手机"])
    for name, number in zip(["王建国", "王建民"], contacts[1][4].split("、"), strict=True):
        rows.append(["华润置地", name, number])
    out = io.BytesIO()
    sheet.save(out)
    li = bot.user("李娜")
    preview = await li.send_document("客户.xlsx", out.getvalue())
    assert "华润置地 · 王建国 · 025-8456 3210 转 8012" in preview.text
    assert "华润置地 · 王建民 · +852 9123 4567" in preview.text
    await li.press("导入")
    imported = await bot.scalars(
        select(Contact.phones)
        .join(Customer)
        .where(Customer.name == "华润置地")
        .order_by(Contact.id)
    )
    assert imported == [["02584563210;ext=8012"], ["+85291234567"]]
