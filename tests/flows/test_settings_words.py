"""Small words of the settings and the prompts (tryout 8, problem E): a time zone said as people
say it, not as its IANA id; a name prompt that offers no 无 (a name cannot be emptied); and the
same word for emptying a field on a draft card's prompt and in ✏️ 编辑资料. Monday 23 November
2026, 10:00 in Shanghai."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.models import Contact
from tests.builders import make_team
from tests.conftest import BotHarness

pytestmark = pytest.mark.usefixtures("monday_morning")


async def test_settings_name_the_time_zone_in_the_members_language(bot: BotHarness) -> None:
    team = await make_team(bot)
    hk = bot.user("陈嘉欣", language_code="zh-hant")
    await hk.send(f"/join {team.code}")
    assert "時區:中國時間" in (await hk.send("/settings")).text
    settings = await team.wang.send("/settings")
    assert "时区:中国时间" in settings.text
    assert "Asia/Shanghai" not in settings.text

    teams = await team.manager.send("/teamsettings")
    assert "默认时区:中国时间" in teams.text
    zones = await team.manager.press("🌏 时区")
    assert "香港时间" in zones.buttons and "新加坡时间" in zones.buttons
    assert not any("/" in label for label in zones.buttons if "时间" in label)
    await team.manager.press("香港时间")
    settings = await team.wang.send("/settings")
    assert "时区:香港时间" in settings.text
    assert "時區:香港時間" in (await hk.send("/settings")).text


async def test_a_name_is_not_offered_to_be_emptied(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("万科张总 下周五跟进报价")
    await wang.press("修改")
    prompt = await wang.press("姓名")
    assert "请输入新的姓名" in prompt.text and "无" not in prompt.text
    refused = await wang.send("无")
    assert refused.text == "姓名不能清空。请输入新的姓名,或发 取消。"
    card = await wang.send("张伟明")
    assert "👤 张伟明" in card.text
    # another field on the card offers 无, as before
    await wang.press("修改")
    assert "(发“无”清空,/cancel 放弃修改)" in (await wang.press("职务")).text
    await wang.send("取消")
    await wang.press("保存")

    # ✏️ 编辑资料 says the same word, and offers none for the name either
    await wang.send("/customer 万科")
    await wang.press("编辑资料")
    await wang.press("张总")
    title = await wang.press("职务")
    assert "(发“无”清空,发“跳过”不改,/cancel 放弃修改)" in title.text
    await wang.send("跳过")
    await wang.press("编辑资料")
    await wang.press("张总")
    name = await wang.press("姓名")
    assert "(发“跳过”不改,/cancel 放弃修改)" in name.text and "无" not in name.text
    await wang.send("无")
    assert await bot.scalar(select(Contact.name)) == "张伟明"
