"""The handler-side items of tryout 10: Wednesday 2 December 2026, late in the evening (22:30),
a rep writes up the day — what was said is what the bot shows."""

import io
from collections.abc import Iterator
from datetime import date, datetime

import openpyxl
import pytest
import time_machine

from tests.builders import local
from tests.conftest import BotHarness


@pytest.fixture(autouse=True)
def wednesday_evening() -> Iterator[object]:
    with time_machine.travel(local(2026, 12, 2, 22, 30), tick=False) as traveller:
        yield traveller


async def test_a_visit_said_with_its_day_alone_shows_no_hour_nobody_said(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("今天下午拜访了南京地铁的赵国栋主任,聊了报价")
    await wang.press("保存")
    await wang.send("今天上午去了南京地铁 送了样品")
    await wang.press("保存")
    await wang.send("昨天下午3点和南京地铁赵主任通了电话")
    await wang.press("保存")

    card = await wang.send("/customer 南京地铁")
    assert "22:30" not in card.text
    history = await wang.press("📜 全部记录")
    assert "22:30" not in history.text
    assert "12月2日(周三) 拜访:报价" in history.text
    assert "12月1日(周二) 15:00 电话" in history.text  # an hour said is kept
    await wang.send("/customer 南京地铁")
    listed = await wang.press("🛠 改记录")
    assert not any("22:30" in label for label in listed.buttons)

    await wang.send("/export")
    export = await wang.press("Excel")
    [document] = export.documents
    rows = list(openpyxl.load_workbook(io.BytesIO(document.content))["拜访记录"].values)
    times = {row[4]: row[2] for row in rows[1:]}
    assert times["报价"] in (date(2026, 12, 2), datetime(2026, 12, 2))  # the day, no 22:30
    said = [t for t in times.values() if isinstance(t, datetime) and t.hour == 15]
    assert said == [datetime(2026, 12, 1, 15, 0)]
