"""The export keeps what the rep said on every record (tryout 7 #21): the guided /visit's
answers, a check-in, a note filed under a customer by a button; the contacts' family
birthdays and decision roles; a follow-up's day without an hour that was never given."""

import io
from datetime import timedelta
from typing import Any

import openpyxl
import pytest
from time_machine import Traveller

from bot.local_api import LocalClient
from tests.conftest import BotHarness

pytestmark = pytest.mark.usefixtures("monday_morning")


async def workbook(wang: LocalClient) -> Any:
    await wang.send("/export")
    export = await wang.press("Excel")
    [document] = export.documents
    return openpyxl.load_workbook(io.BytesIO(document.content))


def sheet(book: Any, title: str) -> list[dict[str, Any]]:
    rows = list(book[title].iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


async def test_every_visit_row_keeps_the_reps_words(
    bot: BotHarness, monday_morning: Traveller
) -> None:
    wang = bot.user("王磊")
    await wang.send("华东电力设计院 王局长拍板 他女儿12月7号生日")
    await wang.press("保存")

    await wang.send("/visit")
    await wang.press("华东电力设计院")
    await wang.press("王局长")
    await wang.press("完成选择")
    await wang.send("介绍了二期方案,对方关心价格")
    await wang.press("有进展")
    await wang.send("下周五")

    monday_morning.shift(timedelta(hours=3))  # a visit of its own, after lunch
    await wang.share_location(31.2304, 121.4737)
    await wang.press("华东电力设计院")
    monday_morning.shift(timedelta(hours=3))
    await wang.share_location(31.2304, 121.4737)  # the remembered place: a visit of its own
    await wang.press("写拜访纪要")
    await wang.press("完成选择")
    await wang.send("现场看了设备")
    await wang.press("跳过")
    await wang.press("跳过")

    unread = await wang.send("这家的设备都是进口的")
    assert "记在哪个客户名下" in unread.text
    await wang.press("华东电力设计院")

    book = await workbook(wang)
    said = [row["原话"] for row in sheet(book, "拜访记录")]
    assert said == [
        "华东电力设计院 王局长拍板 他女儿12月7号生日",
        "见了:王局长;谈了:介绍了二期方案,对方关心价格;结果:有进展;下次跟进:12月4日(周五)",
        "现场签到",
        "现场签到;谈了:现场看了设备",
        "这家的设备都是进口的",
    ]

    [contact] = sheet(book, "联系人")
    assert (contact["决策角色"], contact["家人生日"]) == ("拍板人", "女儿 12-07")

    follow_ups = book["跟进"]
    headers = [cell.value for cell in follow_ups[1]]
    assert headers[2:4] == ["到期日", "时间"]
    [due] = list(follow_ups.iter_rows(min_row=2))
    assert due[2].number_format == "yyyy-mm-dd"  # a day given without an hour: no 00:00
    assert due[3].value is None
