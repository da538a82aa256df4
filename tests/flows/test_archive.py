"""The archive: search by pinyin and phone, history, delete with undo, check-in, import."""

import io
import zipfile
from datetime import timedelta

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select, update
from time_machine import Traveller

from bot.local_api import LocalClient
from storage.models import AuditLog, ChangeLog, Contact, Customer, Interaction
from tests.conftest import BotHarness

pytestmark = pytest.mark.usefixtures("monday_morning")


async def rep_with_contact(bot: BotHarness) -> LocalClient:
    wang = bot.user("王磊")
    await wang.send("/customer 华东电力设计院")
    await wang.press("新建")
    await wang.send("/contact")
    await wang.press("华东电力设计院")
    await wang.send("王建国 局长")
    await wang.send("13812345678")
    await wang.press("跳过")
    return wang


@pytest.mark.parametrize(
    "query", ["电力", "wjg", "wangjianguo", "王建国", "局长", "13812345678", "hddl"]
)
async def test_find_by_company_contact_pinyin_or_phone(bot: BotHarness, query: str) -> None:
    wang = await rep_with_contact(bot)
    reply = await wang.send(f"/find {query}")
    assert reply.text == "找到 1 个客户:"
    assert reply.buttons == ["🏢 华东电力设计院"]


async def test_search_results_are_paginated(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    for n in range(10):
        await wang.send(f"/customer 测试客户{n:02d}")
        await wang.press("新建")
    first = await wang.send("/find 测试")
    assert len(first.buttons) == 9 and first.buttons[-1] == "下一页 ➡️"
    second = await wang.press("下一页")
    assert second.buttons == ["🏢 测试客户08", "🏢 测试客户09", "⬅️ 上一页"]


async def test_delete_asks_records_and_can_be_undone(bot: BotHarness) -> None:
    wang = await rep_with_contact(bot)
    await wang.send("/customer 华东电力设计院")
    ask = await wang.press("删除")
    assert "确定删除「华东电力设计院」吗?" in ask.text
    done = await wang.press("确定删除")
    assert done.text == "已删除「华东电力设计院」,24 小时后永久删除。"
    assert "没找到" in (await wang.send("/find 电力")).text
    assert await bot.scalar(select(AuditLog.action).where(AuditLog.action == "customer.delete"))
    undone = await wang.press("撤销删除")
    assert undone.callback_answers == ["已撤销删除。"]
    assert "找到 1 个客户" in (await wang.send("/find 电力")).text


async def test_full_history_is_paginated(bot: BotHarness) -> None:
    wang = await rep_with_contact(bot)
    for n in range(12):
        await wang.send("/visit")
        asked = await wang.press("华东电力设计院")
        if "➕ 另记一次拜访" in asked.buttons:  # met today already (tryout 17)
            await wang.press("另记一次拜访")
        await wang.press("完成选择")
        await wang.send(f"第{n + 1}次拜访")
        await wang.press("跳过")
        await wang.press("跳过")
    await wang.send("/customer 华东电力设计院")
    page = await wang.press("全部记录")
    assert "📜 「华东电力设计院」的全部记录(12 条)" in page.text
    assert page.text.count("拜访:") == 10
    second = await wang.press("下一页")
    assert second.text.count("拜访:") == 2


async def test_a_location_check_in(bot: BotHarness, monday_morning: Traveller) -> None:
    wang = await rep_with_contact(bot)
    ask = await wang.share_location(31.2304, 121.4737)
    assert "📍 在哪个客户这里?" in ask.text
    done = await wang.press("华东电力设计院")
    assert "✅ 已签到:「华东电力设计院」拜访" in done.text
    assert "📍 已记住这个客户的位置。" in done.text
    visit = await bot.scalar(select(Interaction))
    assert (visit.kind, visit.latitude, visit.longitude) == ("visit", 31.2304, 121.4737)
    monday_morning.shift(timedelta(hours=3))  # another visit, that afternoon
    again = await wang.share_location(31.2404, 121.4737)
    second = await wang.press("华东电力设计院")
    assert "📍 距客户登记位置 1.1 公里" in second.text
    summary = await wang.press("写拜访纪要")
    assert "见了谁" in summary.text
    await wang.press("完成选择")
    await wang.send("现场看了设备")
    await wang.press("跳过")
    await wang.press("跳过")
    assert await bot.scalar(select(func.count()).select_from(Interaction)) == 2
    del again


async def test_a_second_check_in_at_the_customer_is_the_same_visit(
    bot: BotHarness, monday_morning: Traveller
) -> None:
    """Tryout #17: at the customer's remembered place the bot asks nothing, and a check-in ten
    minutes after the first is the visit already recorded."""
    wang = await rep_with_contact(bot)
    await wang.share_location(31.2304, 121.4737)
    await wang.press("华东电力设计院")  # the first one remembers the place
    monday_morning.shift(timedelta(minutes=10))
    again = await wang.share_location(31.2305, 121.4738)
    assert again.text == "ℹ️ 「华东电力设计院」这次拜访 10:00 已经记过了,没有重复记录。"
    assert "📍 在哪个客户这里?" not in again.text
    assert await bot.scalar(select(func.count()).select_from(Interaction)) == 1

    monday_morning.shift(timedelta(hours=3))  # back in the afternoon: a visit of its own
    later = await wang.share_location(31.2305, 121.4738)
    assert later.text == "✅ 已签到:「华东电力设计院」拜访\n📍 距客户登记位置 0.0 公里"
    assert await bot.scalar(select(func.count()).select_from(Interaction)) == 2


async def test_two_customers_in_one_building_are_still_asked_about(bot: BotHarness) -> None:
    wang = await rep_with_contact(bot)
    await wang.send("/customer 华东电力设计院二分院")
    await wang.press("新建")
    # Both remembered at the same building (the second floor and the fifth).
    async with bot.session() as session:
        await session.execute(update(Customer).values(latitude=31.2304, longitude=121.4737))
        await session.commit()
    ask = await wang.share_location(31.2304, 121.4737)
    assert "📍 在哪个客户这里?" in ask.text
    assert {"🏢 华东电力设计院", "🏢 华东电力设计院二分院"} <= set(ask.buttons)
    assert await bot.scalar(select(func.count()).select_from(Interaction)) == 0


def workbook(rows: list[list[object]]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


async def test_an_import_with_a_bad_row(bot: BotHarness) -> None:
    wang = await rep_with_contact(bot)
    content = workbook(
        [
            ["客户名称", "联系人", "职务", "手机", "生日", "等级"],
            ["上海建工集团", "张伟", "总经理", "13900001111", "1978-05-20", "A"],
            ["华东电力设计院", "王建国", "局长", "13812345678", None, None],
            ["华东电力设计院", "刘芳", "采购经理", "13700002222", "农历腊月廿三", None],
            [None, "李四", None, "13600003333", None, None],
            ["南京银行", "赵敏", None, "12345", None, None],
        ]
    )
    preview = await wang.send_document("客户名单.xlsx", content)
    assert "📥 读到 3 行可用的记录" in preview.text
    assert "第 5 行:缺少客户名称" in preview.text and "第 6 行:手机号不对" in preview.text
    done = await wang.press("导入")
    assert done.text == "✅ 导入完成:新客户 1 个,新联系人 2 位,跳过重复 1 条。"
    liu = await bot.scalar(select(Contact).where(Contact.name == "刘芳"))
    assert (liu.birthday_month, liu.birthday_day, liu.birthday_lunar) == (12, 23, True)
    zhang = await bot.scalar(select(Contact).where(Contact.name == "张伟"))
    assert (zhang.birthday_year, zhang.salutation) == (1978, "张总")
    assert await bot.scalar(select(func.count()).select_from(Customer)) == 2


async def test_a_vcard_and_a_csv(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    vcard = (
        "BEGIN:VCARD\nVERSION:3.0\nFN:陈静\nORG:杭州市第一人民医院\nTITLE:主任\n"
        "TEL;TYPE=CELL:13511112222\nEND:VCARD\n"
    ).encode()
    await wang.send_document("名片.vcf", vcard)
    assert "新客户 1 个" in (await wang.press("导入")).text
    csv_text = "公司,姓名,电话\n苏州工业园区管委会,周强,0512-66668888\n".encode("gb18030")
    await wang.send_document("list.csv", csv_text)
    await wang.press("导入")
    phones = await bot.scalars(select(Contact.phones))
    assert ["13511112222"] in phones and ["051266668888"] in phones


async def test_a_csv_from_excel_for_mac_with_bare_carriage_returns(bot: BotHarness) -> None:
    """Found by the fuzzer: lines ending in \\r alone (Excel for Mac's CSV) used to crash."""
    wang = bot.user("王磊")
    csv_text = "公司,姓名,手机\r宁波港务局,孙立,13600001111\r温州电厂,钱红,13600002222\r"
    preview = await wang.send_document("mac.csv", csv_text.encode())
    assert "📥 读到 2 行可用的记录" in preview.text
    assert (await wang.press("导入")).text.startswith("✅ 导入完成:新客户 2 个,新联系人 2 位")
    assert set(await bot.scalars(select(Contact.name))) == {"孙立", "钱红"}


async def test_a_csv_that_cannot_be_read_is_said_so_and_imports_nothing(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    huge_cell = "公司,备注\n华东电力设计院," + "长" * 200_000 + "\n"
    reply = await wang.send_document("list.csv", huge_cell.encode())
    assert reply.text == "没法导入:无法读取这个 CSV 文件。"
    assert reply.buttons == []
    assert await bot.scalar(select(func.count()).select_from(Customer)) == 0


async def test_an_import_row_longer_than_the_archive_holds_is_a_problem_row(
    bot: BotHarness,
) -> None:
    """PostgreSQL refused such rows with an error; SQLite kept them. Now both say why."""
    wang = bot.user("王磊")
    long_company, long_name, long_title = "华" * 201, "李" * 101, "总" * 80
    csv_text = (
        "公司,姓名,职务\n"
        f"{long_company},孙立,经理\n"
        f"温州电厂,钱红,{long_title}\n"
        f"宁波港务局,{long_name},主任\n"
    )
    preview = await wang.send_document("list.csv", csv_text.encode())
    assert "📥 读到 1 行可用的记录" in preview.text
    assert "· 第 2 行:客户名称太长(最多 200 个字)" in preview.text
    assert "· 第 4 行:联系人姓名太长(最多 100 个字)" in preview.text
    done = await wang.press("导入")
    assert done.text == "✅ 导入完成:新客户 1 个,新联系人 1 位,跳过重复 0 条。"
    qian = await bot.scalar(select(Contact))
    # The title is kept whole; 钱 + an 80-character title is no salutation (it holds 50).
    assert (qian.name, qian.title, qian.salutation) == ("钱红", long_title, None)


async def test_an_archive_field_longer_than_it_holds_is_asked_again(bot: BotHarness) -> None:
    wang = await rep_with_contact(bot)
    await wang.send("/customer 华东电力设计院")
    await wang.press("编辑资料")
    await wang.press("行业")
    refused = await wang.send("电" * 101)
    assert refused.text == "行业太长了(最多 100 个字),请精简后再发。"
    await wang.send("电力设计")
    assert (await bot.scalar(select(Customer))).industry == "电力设计"

    await wang.send("/customer 华东电力设计院")
    await wang.press("编辑资料")
    await wang.press("王局长")
    await wang.press("职务")
    refused = await wang.send("局" * 101)
    assert refused.text == "职务太长了(最多 100 个字),请精简后再发。"
    await wang.send("副局长")
    assert (await bot.scalar(select(Contact))).title == "副局长"


async def test_a_long_free_text_value_is_kept_whole_and_the_card_shows_its_start(
    bot: BotHarness,
) -> None:
    """Found by the fuzzer: 4,000 characters of hobbies made a card Telegram would refuse."""
    wang = await rep_with_contact(bot)
    await wang.send("/customer 华东电力设计院")
    await wang.press("编辑资料")
    await wang.press("王局长")
    await wang.press("爱好")
    hobbies = "钓鱼、话剧、" * 700
    card = await wang.send(hobbies)
    assert (await bot.scalar(select(Contact))).hobbies == hobbies  # nothing cut in the archive
    assert f"爱好 {hobbies[:199]}…" in card.text
    assert len(card.text) < 1000
    assert "✏️ 编辑资料" in card.buttons


async def test_a_card_longer_than_telegram_takes_is_cut_and_still_sent(bot: BotHarness) -> None:
    wang = await rep_with_contact(bot)
    customer = await bot.scalar(select(Customer))
    async with bot.session() as session:
        for n in range(80):  # 80 contacts of 60-odd characters: past Telegram's 4,096
            session.add(
                Contact(
                    customer_id=customer.id,
                    name=f"联系人{n:02d}",
                    title="副总经理" * 10,
                    phones=[f"139{n:08d}"],
                )
            )
        await session.commit()
    card = await wang.send("/customer 华东电力设计院")
    assert len(card.text) == 4096 and card.text.endswith("…")
    assert card.text.startswith("🏢 华东电力设计院")
    assert "✏️ 编辑资料" in card.buttons


async def test_a_damaged_workbook_is_said_so(bot: BotHarness) -> None:
    """Found by trying: a sheet cut off in the middle failed only while its rows were read."""
    book = Workbook()
    book.active.append(["公司", "姓名"])
    book.active.append(["华东电力设计院", "王建国"])
    whole = io.BytesIO()
    book.save(whole)
    damaged = io.BytesIO()
    with zipfile.ZipFile(whole) as source, zipfile.ZipFile(damaged, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]
            target.writestr(item, data)
    reply = await bot.user("王磊").send_document("名单.xlsx", damaged.getvalue())
    assert reply.text == "没法导入:无法读取这个 Excel 文件。"
    assert await bot.scalar(select(func.count()).select_from(Customer)) == 0


async def test_nul_characters_in_a_csv_are_dropped(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send_document("list.csv", "公司,姓名\n华东\x00电力设计院,王建\x00国\n".encode())
    await wang.press("导入")
    assert await bot.scalars(select(Contact.name)) == ["王建国"]


async def test_an_unknown_file_gets_a_clear_answer(bot: BotHarness) -> None:
    reply = await bot.user("王磊").send_document("合同.pdf", b"%PDF-1.4")
    assert reply.text == "我能导入 .xlsx、.csv 或 .vcf 格式的客户名单;其他文件暂时看不懂。"


async def test_archive_fields_are_edited_by_button_with_history(bot: BotHarness) -> None:
    wang = await rep_with_contact(bot)
    await wang.send("/customer 华东电力设计院")
    menu = await wang.press("编辑资料")
    assert menu.text == "编辑「华东电力设计院」:选一项"
    assert {"行业", "地址", "采购周期", "付款周期", "竞争对手", "现有供应商"} <= set(menu.buttons)
    ask = await wang.press("采购周期")
    assert "采购周期现在还没有填写。\n请输入新的采购周期" in ask.text
    card = await wang.send("每年3月集中招标")
    customer = await bot.scalar(select(Customer))
    assert customer.purchase_cycle == "每年3月集中招标"
    await wang.press("编辑资料")
    await wang.press("状态")
    await wang.press("合作中")
    assert (await bot.scalar(select(Customer))).status == "cooperating"
    del card

    await wang.send("/customer 华东电力设计院")
    await wang.press("编辑资料")
    await wang.press("王局长")
    await wang.press("设为关键人")
    await wang.press("微信")
    await wang.send("wjg_1975")
    await wang.press("编辑资料")
    await wang.press("王局长")
    await wang.press("生日")
    bad = await wang.send("不知道")
    assert bad.text.startswith("没看懂这个生日")
    await wang.send("农历腊月三十")
    contact = await bot.scalar(select(Contact))
    assert contact.is_key_leader and contact.wechat == "wjg_1975"
    assert (contact.birthday_month, contact.birthday_day, contact.birthday_lunar) == (12, 30, True)
    history = await bot.scalars(select(ChangeLog.field))
    # a birthday is logged whole, once (tryout 8, item 18); its next day is never logged
    assert {"purchase_cycle", "status", "is_key_leader", "wechat", "birthday"} <= set(history)
    assert "birthday_month" not in history and "birthday_next" not in history


async def test_a_contact_can_be_deleted_and_restored(bot: BotHarness) -> None:
    wang = await rep_with_contact(bot)
    await wang.send("/customer 华东电力设计院")
    await wang.press("编辑资料")
    await wang.press("王局长")
    await wang.press("删除联系人")
    done = await wang.press("确定删除")
    assert done.text == "已删除联系人 王建国。"
    card = await wang.send("/customer 华东电力设计院")
    assert "王建国" not in card.text
    await wang.press_data(done.messages[0].inline_buttons[0]["callback_data"])
    assert "王建国" in (await wang.send("/customer 华东电力设计院")).text


async def test_a_customer_can_be_deleted_for_good(bot: BotHarness) -> None:
    wang = await rep_with_contact(bot)
    await wang.send("/customer 华东电力设计院")
    await wang.press("删除")
    await wang.press("确定删除")
    gone = await wang.press("立即永久删除")
    assert gone.text == "已永久删除,无法恢复。"
    assert await bot.scalar(select(func.count()).select_from(Customer)) == 0
    assert await bot.scalar(select(func.count()).select_from(Contact)) == 0
    actions = set(await bot.scalars(select(AuditLog.action)))
    assert {"customer.delete", "customer.purge"} <= actions


async def test_a_typed_value_goes_to_the_question_last_asked(bot: BotHarness) -> None:
    """A capture's 修改 left waiting, then an archive field asked: the value is the archive's."""
    wang = await rep_with_contact(bot)
    await wang.send("华东电力设计院王局长 下周五跟进报价")
    await wang.press("修改")
    assert (await wang.press("跟进日期")).text.startswith("请输入新的跟进日期")
    await wang.send("/customer 华东电力设计院")
    await wang.press("编辑资料")
    assert "请输入新的采购周期" in (await wang.press("采购周期")).text
    await wang.send("每年3月集中招标")
    assert (await bot.scalar(select(Customer))).purchase_cycle == "每年3月集中招标"
    assert (await wang.send("/cancel")).text == "现在没有进行中的操作。"
