"""The handler-side items of tryout 14 (Thursday 3 December 2026, 17:05; a new rep, a manager
and a Hong Kong rep in the local chat): a code that works ends /join's wait for one, and a note
typed while it waits is a note; /contact speaks to 李娜 采购主管 as 李主管; a boss named in full is
李明(李总); the card names the customer a known person files a note under; the local chat keeps
a push that came after the last line; a done line is no longer late; a record's kind is marked;
an import adds a known contact's new phone; a time typed after an hour gone moves it; /visit's
next follow-up is a thing to do, and a sentence at 见了谁? is no person; the audit log speaks in
words; /followup offers the day said with the task; /trip says when two trips overlap."""

from __future__ import annotations

import io
import re
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import TextIO, cast
from zoneinfo import ZoneInfo

import pytest
import time_machine
from sqlalchemy import select

from bot.local_api import LocalClient
from bot.local_chat import run_local_chat
from bot.settings import Settings
from storage.models import Contact, FollowUp
from tests.builders import SHANGHAI
from tests.conftest import BotHarness

NOW = datetime(2026, 12, 3, 17, 5, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.fixture(autouse=True)
def thursday_evening() -> Iterator[time_machine.Traveller]:
    """Thursday 3 December 2026, 17:05 in Shanghai."""
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


async def _team_code(bot: BotHarness) -> str:
    reply = await bot.user("张经理").send("/newteam 华东销售一部")
    found = re.search(r"/join (\S+)", reply.text)
    assert found is not None
    return found.group(1)


async def test_a_code_that_works_ends_the_wait_for_one(bot: BotHarness) -> None:
    code = await _team_code(bot)
    wang = bot.user("王磊")
    assert "邀请码不对" in (await wang.send(f"/join {code.swapcase()}")).text
    assert "你已加入团队「华东销售一部」" in (await wang.send(f"/join {code}")).text
    card = await wang.send("华东电力设计院王局长的儿子下月10号生日 得准备个礼物")
    assert "邀请码" not in card.text
    assert "👪 儿子 生日 1月10日" in card.text


async def test_a_team_named_on_the_command_ends_the_wait_for_a_name(bot: BotHarness) -> None:
    zhang = bot.user("张经理")
    assert "给团队起个名字吧" in (await zhang.send("/newteam")).text
    assert "建好了" in (await zhang.send("/newteam 华东销售一部")).text
    card = await zhang.send("华东电力设计院王局长 下周五跟进报价")
    assert "一个账号只能属于一个团队" not in card.text
    assert "⏰ 跟进:12月11日(周五) 跟进报价" in card.text


async def test_a_note_typed_while_a_code_waits_is_a_note(bot: BotHarness) -> None:
    code = await _team_code(bot)
    wang = bot.user("王磊")
    assert "请输入经理给你的邀请码" in (await wang.send("/join")).text
    card = await wang.send("华东电力设计院王局长的儿子下月10号生日 得准备个礼物")
    assert "这段话像一条新记录,已退出用邀请码加入团队,按记录记下:" in card.text
    assert "👪 儿子 生日 1月10日" in card.text and "邀请码不对" not in card.text
    assert "你已加入团队" in (await wang.send(f"/join {code}")).text


@pytest.mark.parametrize(
    ("typed", "name", "surname", "title", "spoken"),
    [
        ("李娜 采购主管", "李娜", "李", "采购主管", "李主管"),
        ("王明 副总经理", "王明", "王", "副总经理", "王总"),
        ("王明副局长", "王明", "王", "副局长", "王局长"),
        ("欧阳明 处长", "欧阳明", "欧阳", "处长", "欧阳处长"),
    ],
)
async def test_a_contact_added_step_by_step_is_spoken_to_as_a_note_would(
    bot: BotHarness, typed: str, name: str, surname: str, title: str, spoken: str
) -> None:
    wang = bot.user("王磊")
    await wang.send("/customer 顺丰速运")
    await wang.press("新建")
    await wang.send("/contact")
    await wang.press("顺丰速运")
    await wang.send(typed)
    await wang.press("跳过")
    card = await wang.press("跳过")
    assert f"{name} {title}({spoken})" in card.text
    contact = await bot.scalar(select(Contact))
    assert (contact.name, contact.surname, contact.title) == (name, surname, title)
    assert contact.salutation == spoken


async def test_a_boss_given_his_full_name_is_not_titled_zong(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("下周去拜访华润置地的李总")
    await wang.press("保存")
    await wang.press("查看客户")
    await wang.press("✏️ 编辑资料")
    await wang.press("👤 李总")
    await wang.press("姓名")
    card = await wang.send("李明")
    assert "· 李明(李总)" in card.text and "李明 总" not in card.text


async def test_the_card_names_the_customer_a_known_person_files_the_note_under(
    bot: BotHarness,
) -> None:
    wang = bot.user("王磊")
    await wang.send("今天拜访了华东电力设计院的王建国局长,生日是农历三月初八")
    await wang.press("保存")
    card = await wang.send("提醒我明天上午10点给王局长打电话问方案看了没")
    assert "🏢 华东电力设计院(按联系人找到)  👤 王局长" in card.text
    saved = await wang.press("保存")
    assert "✅ 已保存到「华东电力设计院」" in saved.text
    card = await wang.send("提醒我周六去4S店保养车")
    assert "🏢" not in card.text and "⏰ 存为你自己的提醒(没有找到客户)" in card.text


class _ReadsThenCloses:
    """The terminal: its lines are typed, then the rep reads until `until` is shown — a push
    arriving meanwhile — and closes it (Ctrl-D)."""

    def __init__(self, script: str, out: io.StringIO, until: str) -> None:
        self.lines, self.out, self.until = io.StringIO(script), out, until

    def isatty(self) -> bool:
        return False

    def readline(self) -> str:
        line = self.lines.readline()
        deadline = time.monotonic() + 30
        while not line and self.until not in self.out.getvalue() and time.monotonic() < deadline:
            time.sleep(0.05)
        return line


async def _local_chat(database: Path, script: str, until: str = "") -> str:
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None, database_url=f"sqlite+aiosqlite:///{database}"
    )
    out = io.StringIO()
    await run_local_chat(
        settings, name="王磊", stdin=cast(TextIO, _ReadsThenCloses(script, out, until)), stdout=out
    )
    return out.getvalue()


async def test_the_local_chat_numbers_a_push_that_came_after_the_last_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("scheduler.jobs.PLAN_EVERY", 0.5)  # the push is planned at once
    database = tmp_path / "chat.db"
    with time_machine.travel(NOW, tick=True):
        first = await _local_chat(database, "提醒我今天下午5点半给华东电力设计院王局长打电话\n1\n")
    assert "✅ 已保存到「华东电力设计院」" in first
    with time_machine.travel(NOW.replace(minute=31), tick=True):
        pushed = await _local_chat(database, "", until="⏰ 推迟")
    assert "[2] ⏰ 推迟" in pushed
    with time_machine.travel(NOW.replace(minute=32), tick=True):
        pressed = await _local_chat(database, "2\n")
    assert "1小时后" in pressed and "没有编号" not in pressed


async def test_a_done_line_is_no_longer_said_to_be_late(
    bot: BotHarness, thursday_evening: time_machine.Traveller
) -> None:
    wang = bot.user("王磊")
    await wang.send("华东电力设计院王局长 记得今天下午5点给王局长发方案")
    await wang.press("保存")
    thursday_evening.move_to(NOW.replace(minute=20))
    today = await wang.send("/today")
    assert "1. 17:00 华东电力设计院 · 给王局长发方案(已过)" in today.text
    done = await wang.press("✅ 完成 1")
    assert "1. ✅ 已完成:17:00 华东电力设计院 · 给王局长发方案" in done.text
    assert "(已过)" not in done.text


async def test_a_records_kind_is_marked_and_a_press_says_what_it_did(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("刚给万科集团采购部刘经理打了电话,聊了方案评审的进度")
    await wang.press("保存")
    await wang.press("查看客户")
    await wang.press("🛠 改记录")
    menu = await wang.press("📝 12月3日(周四) 电话")
    assert "• 电话" in menu.buttons and "拜访" in menu.buttons
    again = await wang.press("• 电话")
    assert again.callback_answers == ["已经是「电话」了。"]
    changed = await wang.press("拜访")
    assert changed.callback_answers == ["✅ 已改为「拜访」"]
    assert "拜访:" in changed.text and "• 拜访" in changed.buttons and "电话" in changed.buttons


async def test_an_import_adds_a_known_contacts_new_phone(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("拜访了万科集团的张伟副总裁,聊了二期")
    await wang.press("保存")
    sheet = "客户名称,联系人,职务,手机,邮箱\n万科集团,张伟,副总裁,13900002222,zw@vanke.com\n"
    preview = await wang.send_document("客户名单.csv", sheet.encode())
    assert "已有客户 1 个(只补充新的联系人和新电话、微信、邮箱)" in preview.text
    done = await wang.press("导入")
    assert done.text == "✅ 导入完成:新客户 0 个,新联系人 0 位,补充资料 1 位,跳过重复 0 条。"
    zhang = await bot.scalar(select(Contact).where(Contact.name == "张伟"))
    assert (zhang.phones, zhang.email) == (["13900002222"], "zw@vanke.com")
    again = await wang.send_document("客户名单.csv", sheet.encode())
    assert again.buttons
    done = await wang.press("导入")
    assert done.text == "✅ 导入完成:新客户 0 个,新联系人 0 位,跳过重复 1 条。"


async def test_a_time_typed_after_an_hour_gone_moves_that_follow_up(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("提醒我今天下午5点给华东电力设计院王局长打电话")
    saved = await wang.press("保存")
    assert "⚠️ 12月3日(周四) 17:00 已经过了,到时不会再提醒。" in saved.text
    moved = await wang.send("后天上午10点")
    assert "⏰ 已改到 12月5日(周六) 10:00" in moved.text and "确认保存吗" not in moved.text
    follow_up = await bot.scalar(select(FollowUp))
    assert follow_up.due_at is not None
    assert follow_up.due_at.astimezone(SHANGHAI) == datetime(2026, 12, 5, 10, 0, tzinfo=SHANGHAI)
    assert await bot.count(FollowUp) == 1
    card = await wang.send("明天上午拜访万科集团张总")
    assert "确认保存吗" in card.text


async def _visit_to_the_next_step(bot: BotHarness) -> LocalClient:
    wang = bot.user("王磊")
    await wang.send("/customer 万科集团")
    await wang.press("新建")
    await wang.send("/visit")
    await wang.press("万科集团")
    await wang.press("完成选择")
    await wang.send("介绍了二期智慧工地方案,张总对价格有顾虑")
    await wang.press("对方在比价")
    return wang


async def test_a_visits_next_follow_up_reads_as_a_thing_to_do(bot: BotHarness) -> None:
    wang = await _visit_to_the_next_step(bot)
    done = await wang.send("下下周三")
    assert "⏰ 已加跟进:12月16日(周三)" in done.text
    assert "· 12月16日(周三) 跟进:介绍了二期智慧工地方案,张总对价格有顾虑" in done.text
    assert await bot.scalar(select(FollowUp.text)) == "跟进:介绍了二期智慧工地方案,张总对价格有顾虑"


async def test_a_visits_next_follow_up_keeps_the_task_typed_with_its_day(
    bot: BotHarness,
) -> None:
    wang = await _visit_to_the_next_step(bot)
    done = await wang.send("下周五把修改后的报价发过去")
    assert "· 12月11日(周五) 把修改后的报价发过去" in done.text
    assert await bot.scalar(select(FollowUp.text)) == "把修改后的报价发过去"


async def test_a_sentence_typed_at_who_was_met_is_no_person(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("/customer 万科集团")
    await wang.press("新建")
    await wang.send("/visit")
    await wang.press("万科集团")
    refused = await wang.send("下周一把合同修改稿发给李总")
    assert "这看起来像一句话,不像姓名。" in refused.text
    assert not any("李总" in label for label in refused.buttons)
    met = await wang.send("王明 处长")
    assert "✅ 👤 王处长" in met.buttons


async def test_the_audit_log_says_whose_records_and_what_was_exported_in_words(
    bot: BotHarness,
) -> None:
    zhang, wang = bot.user("张经理"), bot.user("王磊")
    made = await zhang.send("/newteam 华东销售一部")
    code = re.search(r"/join (\S+)", made.text)
    assert code is not None
    await wang.send(f"/join {code.group(1)}")
    await wang.send("今天拜访了华东电力设计院的王建国局长,聊了二期方案")
    await wang.press("保存")
    await zhang.send("/team")
    await zhang.press("🔎 王磊")
    await zhang.send("/export")
    await zhang.press("📊 Excel")
    await zhang.send("/export")
    await zhang.press("CSV:客户")
    log = await zhang.send("/audit")
    assert "张经理 查看了 王磊 的记录" in log.text
    assert "张经理 导出了档案(Excel," in log.text and "张经理 导出了档案(CSV," in log.text
    assert "rows=" not in log.text and "xlsx" not in log.text


async def test_a_day_said_with_the_follow_up_is_offered_at_when(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("/customer 南京地铁集团")
    await wang.press("新建")
    await wang.send("/followup")
    await wang.press("南京地铁集团")
    when = await wang.send("下周二前发技术方案")
    assert "什么时候?" in when.text and "📅 12月8日(周二)" in when.buttons
    done = await wang.press("📅 12月8日(周二)")
    assert "✅ 已加跟进:「南京地铁集团」12月8日(周二) 下周二前发技术方案" in done.text
    assert await bot.scalar(select(FollowUp.due_date)) == datetime(2026, 12, 8).date()


async def test_a_trip_overlapping_one_kept_is_said_so(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("今天拜访了华东电力设计院的王建国局长,他下周二到周四在北京开会")
    await wang.press("保存")
    await wang.send("/trip")
    await wang.press("华东电力设计院")
    await wang.press("王局长")
    await wang.send("深圳")
    await wang.send("下周一到下周三")
    done = await wang.press("跳过")
    assert "✅ 已记下 王局长 的行程:12月7日–9日 深圳" in done.text
    assert "⚠️ 王局长 12月8日–10日 还有去北京的行程,日子重叠了。" in done.text
