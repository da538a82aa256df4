"""The local chat: the same handlers in a terminal, buttons as numbered choices, scriptable."""

import io
import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.local_chat import run_local_chat
from bot.settings import Settings
from tests.flows.test_archive import workbook
from tests.flows.test_cards import FakeReader, fake_reader, lines, png

__all__ = ["fake_reader"]  # a fixture, used by name


async def chat(script: str, tmp_path: Path) -> str:
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None, database_url=f"sqlite+aiosqlite:///{tmp_path / 'chat.db'}"
    )
    out = io.StringIO()
    await run_local_chat(settings, name="李经理", stdin=io.StringIO(script), stdout=out)
    return out.getvalue()


async def test_a_scripted_session_creates_a_team_and_a_colleague_joins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    first = await chat("/start\n/newteam 华东销售一部\n", tmp_path)
    assert "👤 李经理: /start" in first
    assert "🤖 你好,李经理!我是销售助手" in first
    assert "⌨ 📝 记一笔 | 📅 今日 | 🏢 客户" in first
    assert "[1] 🔄 重置邀请码" in first
    code = first.split("/join ")[-1].split()[0]

    # the database persists between runs, like `make run` twice
    second = await chat(f"@王磊 /join {code}\n/team\n12\n1\n", tmp_path)  # 12: 👥 成员管理
    assert "🤖 🎉 你已加入团队「华东销售一部」" in second
    assert "[1] 李经理 · 经理  [2] 王磊 · 销售代表" in second
    assert "🤖 (更新) 李经理(经理)" in second  # typing 1 pressed the first button

    # A digit that is not a choice number ("²") is a message like any other, not a crash.
    third = await chat("²\n", tmp_path)
    assert "👤 李经理: ²" in third
    assert "🤖" in third.split("👤 李经理: ²")[1]  # answered


# -- everything the bot does on Telegram can be tried here (#14, must-have 8) ----------------


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The local chat's files (data/downloads, its saved buttons) land in tmp_path; Monday
    23 November 2026, 10:00 in Shanghai, so "今天" is a working day morning."""
    monkeypatch.chdir(tmp_path)
    moment = datetime(2026, 11, 23, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
    with time_machine.travel(moment, tick=True):
        yield tmp_path


def after(transcript: str, line: str) -> str:
    """What the bot answered to the last time `line` was typed."""
    answer = transcript.rsplit(f"👤 李经理: {line}\n", 1)[1]
    return re.split("^👤 ", answer, maxsplit=1, flags=re.MULTILINE)[0]


async def test_buttons_changed_alone_are_shown_and_can_be_pressed(in_tmp: Path) -> None:
    transcript = await chat(
        "/customer 华东电力设计院\n1\n今天下午5点给华东电力设计院打电话跟进报价\n1\n/today\n2\n2\n",
        in_tmp,
    )
    listed = after(transcript, "/today")
    # (the customer heads the line; the task is what is done: 给华东电力设计院 is left out of it)
    assert "1. 17:00 华东电力设计院 · 打电话跟进报价" in listed
    assert "[1] ✅ 完成 1  [2] ⏰ 推迟 1  [3] 🔎 查看 1" in listed
    # 推迟 swaps the item's buttons for when; the new ones are numbered and pressable.
    transcript_parts = transcript.split("👤 李经理: 2\n")
    later = transcript_parts[-2].split("👤 ", 1)[0]
    assert "🤖 (按钮更新)\n   [1] 1小时后 1  [2] 明天 1  [3] 下周 1" in later
    snoozed = transcript_parts[-1]
    assert "🤖 💬 ⏰ 已推迟到 11月24日" in snoozed
    # the item's line then says where it went (its buttons go with the edit)
    assert "1. ⏰ 已推迟到 11月24日 17:00:华东电力设计院 · 打电话跟进报价" in snoozed
    assert "[1]" not in snoozed


async def test_a_location_is_shared_with_the_location_command(in_tmp: Path) -> None:
    transcript = await chat(
        "/customer 华东电力设计院\n1\n/location 31.23 121.47\n1\n/location 北京\n", in_tmp
    )
    asked = after(transcript, "/location 31.23 121.47")
    assert "📍 在哪个客户这里?选一个,我记为一次拜访签到。" in asked
    assert "[1] 🏢 华东电力设计院  [2] ❌ 取消" in asked
    assert "🤖 (更新) ✅ 已签到:「华东电力设计院」拜访\n   📍 已记住这个客户的位置。" in after(
        transcript, "1"
    )
    assert after(transcript, "/location 北京") == (
        "⚠️ 用法:/location 纬度 经度,例如 /location 31.23 121.47\n"
    )


async def test_a_spreadsheet_is_sent_with_the_file_command(in_tmp: Path) -> None:
    sheet = in_tmp / "客户名单.xlsx"
    sheet.write_bytes(
        workbook([["客户名称", "联系人", "手机号码"], ["上海建工集团", "张伟", "13812345678"]])
    )
    transcript = await chat(f"/file {sheet}\n/file {in_tmp / '没有这个.xlsx'}\n", in_tmp)
    assert "📥 读到 1 行可用的记录" in after(transcript, f"/file {sheet}")
    assert after(transcript, f"/file {in_tmp / '没有这个.xlsx'}") == (
        f"⚠️ 找不到文件 {in_tmp / '没有这个.xlsx'},请给出文件的路径,例如 /file ~/名片.jpg\n"
    )


async def test_an_image_is_sent_as_a_photo_so_a_business_card_is_read(
    in_tmp: Path, fake_reader: FakeReader
) -> None:
    fake_reader.lines = lines("华东电力设计院有限公司", "王建国", "副局长", "手机:13812345678")
    card = in_tmp / "名片.png"
    card.write_bytes(png(900, 540))
    transcript = await chat(f"/file {card}\n", in_tmp)
    read = after(transcript, f"/file {card}")
    assert "👤 王建国 副局长(王局长)" in read
    assert "✅ 保存" in read


async def test_numbered_buttons_still_work_after_a_restart(in_tmp: Path) -> None:
    first = await chat("今天拜访了华东电力设计院的王局长,聊了报价\n", in_tmp)
    assert "[1] ✅ 保存" in first
    # The terminal was closed; the next run presses 保存 on the message from before.
    second = await chat("1\n", in_tmp)
    assert "🤖 (更新) ✅ 已保存到「华东电力设计院」。" in after(second, "1")


async def test_two_charts_are_saved_under_two_names(in_tmp: Path) -> None:
    transcript = await chat("/newteam 华东销售一部\n/team\n6\n", in_tmp)  # 6: 📈 图表
    saved = re.findall(r"🤖 📎 (\S+) → (\S+)", after(transcript, "6"))
    assert [name for name, _path in saved] == ["各人联系客户次数.png", "近8周趋势(按周一开始).png"]
    files = sorted((in_tmp / "data" / "downloads").iterdir())
    assert [f.name for f in files] == ["各人联系客户次数.png", "近8周趋势(按周一开始).png"]
    assert all(f.read_bytes().startswith(b"\x89PNG") for f in files)
    again = await chat("/team\n6\n", in_tmp)  # the same charts a second time keep the first
    assert "各人联系客户次数-2.png" in after(again, "6")
    assert len(list((in_tmp / "data" / "downloads").iterdir())) == 4


async def test_a_number_with_no_button_is_said_to_be_one_and_sent_nowhere(in_tmp: Path) -> None:
    """Tryout of 2026-12-02, item 24: 5 typed where no button 5 is is a slip, not a note."""
    transcript = await chat("5\n/customer 华东电力设计院\n8\n", in_tmp)
    assert "⚠️ 没有编号 5 的按钮:数字是按钮的编号,现在没有按钮。" in transcript
    assert "⚠️ 没有编号 8 的按钮:数字是按钮的编号,现在可以按 1–2。" in transcript
    assert "草稿" not in transcript


async def test_a_pasted_chat_of_several_lines_is_sent_as_one_message(in_tmp: Path) -> None:
    script = (
        "/start\n"
        '"""\n'
        "招商局物流 陈总 微信\n"
        "陈总 10:15：你们的仓储系统报价出来了吗\n"
        "我 10:16：陈总好，明天上午发您邮箱\n"
        '"""\n'
    )
    out = await chat(script, in_tmp)
    assert out.count("我记下了这些") == 1  # one card for the whole chat, not one per line
    assert "👤 李经理: 招商局物流 陈总 微信\n陈总 10:15" in out
    assert "⏰" in out  # the rep's promise in the chat is a reminder
